// Who leads what in the demo: each cell's chi ủy (bí thư, phó bí thư, chi ủy
// viên), each tổ đảng's tổ trưởng, the ward committee, and which ward
// committee member follows which cell. Roles are given per term: the current
// one and the one before, mostly to the same people (re-elected).
#include <algorithm>
#include <set>

#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

// May hold a role from `from`: placed there since then, official by then, and
// not yet given anything else.
bool freeAndSettled(const DemoMember& dm, OrgIx place, Date from) {
  const DemoPlacement& p = dm.placements.back();
  bool here = p.cell == place || p.subgroup == place;
  return !dm.assigned && !p.to && here && p.from <= from && dm.member.official_date &&
         *dm.member.official_date <= from;
}

std::vector<MemberIx> candidates(const DemoWorld& w, OrgIx place, Date from, const std::set<MemberIx>& exclude = {}) {
  std::vector<MemberIx> out;
  for (MemberIx i = 0; i < w.members.size(); ++i)
    if (!exclude.count(i) && freeAndSettled(w.members[i], place, from)) out.push_back(i);
  return out;
}

struct Terms {
  Date previous, current;
};

struct Filled {
  MemberIx now = 0;
  std::optional<MemberIx> before;  // holder in the previous term, if anyone
};

// Fills one role of `org` for both terms. The current holder is taken from
// `place` (the cell, or the sub-group); the previous holder is the same person
// four times in five when they were already there, else someone else who was.
// `previous_holders` keeps one person from holding two roles of `org` in the
// previous term.
Filled fillRole(DemoWorld& w, Rng& rng, OrgIx org, OrgIx place, MemberRole role, Terms t,
                std::set<MemberIx>& previous_holders) {
  auto pool = candidates(w, place, t.previous);  // prefer people who could have served before too
  if (pool.empty()) pool = candidates(w, place, t.current);
  if (pool.empty()) throw std::logic_error("demo: no member left for a role in " + w.orgs[org].org.name);
  MemberIx now = pool[rng.below(pool.size())];
  w.members[now].assigned = true;
  w.roles.push_back({now, org, role, t.current, std::nullopt});

  const DemoPlacement& p = w.members[now].placements.back();
  bool was_there = p.from <= t.previous && *w.members[now].member.official_date <= t.previous;
  std::optional<MemberIx> before;
  if (was_there && !previous_holders.count(now) && rng.chance(80)) {
    before = now;
  } else {
    // Someone who has since stepped down: not `assigned`, so may be exempt today.
    std::vector<MemberIx> others;
    for (MemberIx i = 0; i < w.members.size(); ++i) {
      const auto& q = w.members[i].placements.back();
      const auto& m = w.members[i].member;
      bool here = q.cell == place || q.subgroup == place;
      if (i != now && !previous_holders.count(i) && !q.to && here && q.from <= t.previous && m.official_date &&
          *m.official_date <= t.previous && !w.members[i].assigned)
        others.push_back(i);
    }
    if (!others.empty()) before = others[rng.below(others.size())];
  }
  if (before) {
    previous_holders.insert(*before);
    w.roles.push_back({*before, org, role, t.previous, t.current.addDays(-1)});
  }
  return {now, before};
}

// Holders of each cell's roles, kept for the ward committee's choice.
struct CellLeaders {
  MemberIx secretary;
  std::optional<MemberIx> deputy;
};

CellLeaders buildCellRoles(DemoWorld& w, Rng& rng, const DemoCell& c) {
  Terms t{c.previous_term_start, c.term_start};
  std::set<MemberIx> before;
  CellLeaders out{fillRole(w, rng, c.org, c.org, MemberRole::secretary, t, before).now, std::nullopt};
  if (c.size >= 7) out.deputy = fillRole(w, rng, c.org, c.org, MemberRole::deputy_secretary, t, before).now;
  // Chi ủy viên: cells of 9 or more elect a chi ủy (Điều lệ Điều 24); larger ones more members.
  int committee = c.size >= 100 ? 3 : c.size >= 30 ? 2 : c.size >= 9 ? 1 : 0;
  for (int i = 0; i < committee; ++i) fillRole(w, rng, c.org, c.org, MemberRole::committee_member, t, before);
  for (OrgIx g : c.subgroups) {
    std::set<MemberIx> sub_before;
    fillRole(w, rng, g, g, MemberRole::subgroup_leader, t, sub_before);
  }
  return out;
}

// One seat on the ward committee, held by someone from `cell`.
struct WardSeat {
  const char* cell;
  enum { plain, cell_secretary, cell_deputy } who;
  MemberRole role;
};

// The ward committee (đảng ủy viên): heads of the ward's bodies and two
// residential cell secretaries. Nine chi ủy viên plus the secretary and deputy.
const WardSeat kWardSeats[] = {
    {"UBND", WardSeat::plain, MemberRole::secretary},
    {"UBND", WardSeat::cell_secretary, MemberRole::deputy_secretary},  // Chủ tịch UBND
    {"MTDT", WardSeat::plain, MemberRole::committee_member},          // follows Khu phố 1 (giamsat.phuong)
    {"UBND", WardSeat::cell_deputy, MemberRole::committee_member},
    {"CA", WardSeat::cell_secretary, MemberRole::committee_member},
    {"QS", WardSeat::cell_secretary, MemberRole::committee_member},
    {"MTDT", WardSeat::cell_secretary, MemberRole::committee_member},
    {"THCSVL", WardSeat::cell_secretary, MemberRole::committee_member},
    {"YT", WardSeat::cell_secretary, MemberRole::committee_member},
    {"KP3", WardSeat::cell_secretary, MemberRole::committee_member},
    {"KP8", WardSeat::cell_secretary, MemberRole::committee_member},
};
constexpr size_t kMonitorOfKp1 = 2;  // index in kWardSeats

struct Seated {
  MemberIx now = 0;
  std::optional<MemberIx> before;
  OrgIx cell;
};

// Cells are followed by ward committee members other than the secretary, never
// by one of their own members. The seat kMonitorOfKp1 takes Khu phố 1 and the
// health station; the rest share the others evenly.
void buildMonitors(DemoWorld& w, Rng& rng, const std::vector<Seated>& seats) {
  std::vector<std::vector<OrgIx>> load(seats.size());
  load[kMonitorOfKp1] = {w.cellByCode("KP1").org, w.cellByCode("YT").org};
  std::vector<size_t> order;
  for (size_t s = 1; s < seats.size(); ++s)
    if (s != kMonitorOfKp1) order.push_back(s);
  rng.shuffle(order);
  for (const DemoCell& c : w.cells) {
    if (c.org == load[kMonitorOfKp1][0] || c.org == load[kMonitorOfKp1][1]) continue;
    size_t best = order[0];
    bool found = false;
    for (size_t s : order) {
      if (seats[s].cell == c.org) continue;
      if (!found || load[s].size() < load[best].size()) best = s, found = true;
    }
    load[best].push_back(c.org);
  }
  Date from = w.ward_term_start.addDays(15), prev_from = w.ward_previous_term_start.addDays(15);
  for (size_t s = 0; s < seats.size(); ++s) {
    for (OrgIx cell : load[s]) {
      w.monitors.push_back({seats[s].now, cell, from, std::nullopt});
      if (seats[s].before && seats[s].cell != cell)
        w.monitors.push_back({*seats[s].before, cell, prev_from, w.ward_term_start.addDays(-1)});
    }
  }
}

}  // namespace

void buildRoles(DemoWorld& w) {
  Rng rng(w.seed, "roles");
  std::vector<CellLeaders> leaders;
  for (const DemoCell& c : w.cells) leaders.push_back(buildCellRoles(w, rng, c));

  Terms ward_terms{w.ward_previous_term_start, w.ward_term_start};
  std::set<MemberIx> before;
  std::vector<Seated> seats;
  for (const WardSeat& seat : kWardSeats) {
    size_t ci = 0;
    while (w.orgs[w.cells[ci].org].org.code != seat.cell) ++ci;
    const DemoCell& c = w.cells[ci];
    Filled f;
    if (seat.who == WardSeat::plain) {
      f = fillRole(w, rng, w.ward, c.org, seat.role, ward_terms, before);
    } else {
      // A cell leader already holds a role (so is `assigned`): seat them directly,
      // for the previous term too when they were already in the cell then.
      auto held = seat.who == WardSeat::cell_secretary ? std::optional(leaders[ci].secretary) : leaders[ci].deputy;
      f.now = held.value();
      w.roles.push_back({f.now, w.ward, seat.role, w.ward_term_start, std::nullopt});
      const auto& p = w.members[f.now].placements.back();
      if (p.from <= w.ward_previous_term_start &&
          *w.members[f.now].member.official_date <= w.ward_previous_term_start && !before.count(f.now)) {
        before.insert(f.now);
        f.before = f.now;
        w.roles.push_back({f.now, w.ward, seat.role, w.ward_previous_term_start, w.ward_term_start.addDays(-1)});
      }
    }
    seats.push_back({f.now, f.before, c.org});
  }
  buildMonitors(w, rng, seats);
}

}  // namespace chibo::demo
