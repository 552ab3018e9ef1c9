// The demo's members: their ages, admission dates, cell placements and
// standing (probationary, then official), the incoming temporary members, and
// three stories from last year (a transfer between cells, a death, a transfer
// out of the ward).
#include <algorithm>
#include <string_view>

#include "app/demo/demo_people.h"
#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

constexpr int kYear = 365;

// The first few plain members of every cell are veterans: in the cell since
// before the previous term, so there is someone to have been its secretary.
constexpr int kVeteransPerCell = 6;

enum class Kind { plain, veteran, probationary, incoming };

int percentFemale(std::string_view code) {
  if (code == "CA") return 15;
  if (code == "QS") return 5;
  if (code == "MNTD") return 95;
  if (code == "YT" || code == "THCSVL" || code == "THTKD") return 70;
  if (code == "MTDT") return 60;
  return 52;
}

// Residential cells are mostly retirees; agency cells are of working age
// (armed forces younger). Probationary members are young by nature.
int drawAge(Rng& rng, const DemoCell& c, std::string_view code, Kind k) {
  bool armed = code == "CA" || code == "QS";
  switch (k) {
    case Kind::probationary: return c.agency ? rng.between(23, 35) : rng.between(25, 42);
    case Kind::incoming: return rng.between(25, 55);
    case Kind::veteran:
      return c.agency ? (armed ? rng.between(38, 50) : rng.between(40, 58)) : rng.between(52, 76);
    case Kind::plain: break;
  }
  if (c.agency) return armed ? rng.between(24, 50) : rng.between(25, 59);
  switch (rng.weighted({10, 22, 38, 30})) {
    case 0: return rng.between(25, 39);
    case 1: return rng.between(40, 59);
    case 2: return rng.between(60, 74);
    default: return rng.between(75, 90);
  }
}

// Admitted at 18–45 (and not after `latest`): decision, ceremony a few weeks
// later, official status 12 months after the ceremony (Điều lệ Điều 5).
void admit(Rng& rng, Member& m, Date latest) {
  Date birth = *m.birth_date;
  int max_age = std::clamp(latest.year() - birth.year() - 1, 18, 45);
  Date decision = birth.addMonths(12 * rng.between(18, max_age)).addDays(rng.between(0, 364));
  if (decision > latest) decision = latest.addDays(-rng.between(0, 60));
  m.admission_decision_date = decision;
  m.admission_ceremony_date = decision.addDays(rng.between(14, 45));
  m.official_date = m.admission_ceremony_date->addMonths(12);
}

void addStanding(DemoMember& dm) {
  const Member& m = dm.member;
  Date ceremony = *m.admission_ceremony_date;
  if (m.official_date) {
    dm.statuses.push_back({StatusKind::probationary, ceremony, m.official_date->addDays(-1), "Kết nạp vào Đảng"});
    dm.statuses.push_back({StatusKind::official, *m.official_date, std::nullopt, "Công nhận đảng viên chính thức"});
  } else {
    dm.statuses.push_back({StatusKind::probationary, ceremony, std::nullopt, "Kết nạp vào Đảng"});
  }
}

// Ends a member's standing the day before a terminal status begins.
void endWith(DemoMember& dm, StatusKind terminal, Date on, std::string note) {
  for (auto& s : dm.statuses)
    if (!s.to) s.to = on.addDays(-1);
  dm.placements.back().to = on.addDays(-1);
  if (terminal == StatusKind::deceased) dm.placements.back().to = on;  // on the roll until the day itself
  dm.statuses.push_back({terminal, on, std::nullopt, std::move(note)});
  dm.assigned = true;
}

MemberIx addMember(DemoWorld& w, DemoMember dm) {
  w.members.push_back(std::move(dm));
  return w.members.size() - 1;
}

void buildCell(DemoWorld& w, size_t ci, Rng& rng, PersonFactory& people) {
  const DemoCell& c = w.cells[ci];
  const std::string code = w.orgs[c.org].org.code;
  Date today = w.today;

  std::vector<Kind> kinds;
  kinds.insert(kinds.end(), c.quota.probationary, Kind::probationary);
  kinds.insert(kinds.end(), c.quota.temp_in, Kind::incoming);
  int plain = c.size - static_cast<int>(kinds.size());
  int veterans = std::min(kVeteransPerCell, plain);
  kinds.insert(kinds.end(), veterans, Kind::veteran);
  kinds.insert(kinds.end(), plain - veterans, Kind::plain);
  rng.shuffle(kinds);

  std::vector<MemberIx> in_cell;
  for (Kind k : kinds) {
    DemoMember dm;
    Member& m = dm.member;
    m = people.make(people.gender(percentFemale(code)), drawAge(rng, c, code, k));
    if (c.agency) {
      m.serving = true;
      m.workplace = c.workplace;
    }
    DemoPlacement p;
    p.cell = c.org;
    switch (k) {
      case Kind::probationary: {
        // Admitted in this cell within the last year: still on probation.
        Date ceremony = today.addDays(-rng.between(15, 340));
        m.admission_ceremony_date = ceremony;
        m.admission_decision_date = ceremony.addDays(-rng.between(14, 40));
        p.from = ceremony;
        dm.assigned = true;
        break;
      }
      case Kind::incoming: {
        // Sinh hoạt tạm thời đến: placed here while working or studying nearby.
        admit(rng, m, today.addDays(-3 * kYear));
        Date start = today.addDays(-rng.between(20, 250));
        p.from = start;
        p.note = "Sinh hoạt tạm thời";
        dm.statuses.push_back({StatusKind::temp_in, start, today.addDays(rng.between(30, 300)),
                               "Sinh hoạt đảng tạm thời, giấy giới thiệu của Đảng ủy nơi sinh hoạt chính thức"});
        dm.assigned = true;
        break;
      }
      case Kind::veteran:
        admit(rng, m, c.previous_term_start.addDays(-2 * kYear));
        p.from = std::max(*m.admission_ceremony_date, c.previous_term_start.addDays(-rng.between(kYear, 15 * kYear)));
        break;
      case Kind::plain: {
        admit(rng, m, today.addDays(-2 * kYear));
        // Most have lived or worked here for years; some arrived recently.
        int back = c.agency ? rng.between(kYear / 2, 25 * kYear)
                            : (rng.chance(85) ? rng.between(2 * kYear, 30 * kYear) : rng.between(60, 2 * kYear));
        p.from = std::max(*m.admission_ceremony_date, today.addDays(-back));
        break;
      }
    }
    dm.placements.push_back(p);
    addStanding(dm);
    // Keep the standing periods first, as a member's history reads.
    std::stable_sort(dm.statuses.begin(), dm.statuses.end(),
                     [](const DemoStatus& a, const DemoStatus& b) { return isStanding(a.kind) && !isStanding(b.kind); });
    in_cell.push_back(addMember(w, std::move(dm)));
  }

  // A large cell's members are all placed in its tổ đảng, in equal shares.
  if (!c.subgroups.empty()) {
    rng.shuffle(in_cell);
    for (size_t i = 0; i < in_cell.size(); ++i)
      w.members[in_cell[i]].placements.back().subgroup = c.subgroups[i % c.subgroups.size()];
  }
}

// A plain member of `cell` nobody has used yet, official for at least a year
// before `before`.
std::optional<MemberIx> pickPlain(DemoWorld& w, Rng& rng, OrgIx cell, Date before) {
  std::vector<MemberIx> pool;
  for (MemberIx i = 0; i < w.members.size(); ++i) {
    const auto& dm = w.members[i];
    if (dm.assigned || dm.placements.back().cell != cell || dm.placements.back().to) continue;
    if (dm.member.official_date && *dm.member.official_date < before.addDays(-kYear)) pool.push_back(i);
  }
  if (pool.empty()) return std::nullopt;
  return pool[rng.below(pool.size())];
}

DemoMember pastMember(DemoWorld& w, Rng& rng, PersonFactory& people, const DemoCell& c, int age, Date left) {
  DemoMember dm;
  dm.member = people.make(people.gender(50), age);
  admit(rng, dm.member, left.addDays(-10 * kYear));
  DemoPlacement p;
  p.cell = c.org;
  p.from = std::max(*dm.member.admission_ceremony_date, left.addDays(-rng.between(3 * kYear, 20 * kYear)));
  dm.placements.push_back(p);
  addStanding(dm);
  return dm;
}

void addLastYearsStories(DemoWorld& w, Rng& rng, PersonFactory& people) {
  int last_year = w.today.year() - 1;

  // Moved from Khu phố 3 to Khu phố 7 last September: two cell periods, counted once, in KP7.
  Date moved = *Date::fromYmd(last_year, 9, 15);
  const DemoCell& kp3 = w.cellByCode("KP3");
  const DemoCell& kp7 = w.cellByCode("KP7");
  if (auto i = pickPlain(w, rng, kp7.org, moved)) {
    DemoMember& dm = w.members[*i];
    DemoPlacement old = dm.placements.back();
    old.cell = kp3.org;
    old.from = std::min(old.from, moved.addDays(-rng.between(3 * kYear, 12 * kYear)));
    old.from = std::max(old.from, *dm.member.admission_ceremony_date);
    old.to = moved.addDays(-1);
    DemoPlacement now;
    now.cell = kp7.org;
    now.from = moved;
    now.note = "Chuyển từ Chi bộ Khu phố 3";
    dm.placements = {old, now};
    dm.assigned = true;
  }

  // Died last spring: on the roll until that day, not since.
  Date died = Date::fromYmd(last_year, 3, 1)->addDays(rng.between(0, 60));
  const DemoCell& kp2 = w.cellByCode("KP2");
  DemoMember dead = pastMember(w, rng, people, kp2, rng.between(82, 93), died);
  endWith(dead, StatusKind::deceased, died, "Từ trần ngày " + died.vn());
  addMember(w, std::move(dead));

  // Transferred out of the ward last November (chuyển sinh hoạt đảng chính thức).
  Date left = *Date::fromYmd(last_year, 11, 20);
  const DemoCell& kp4 = w.cellByCode("KP4");
  DemoMember gone = pastMember(w, rng, people, kp4, rng.between(32, 60), left);
  endWith(gone, StatusKind::transferred_out, left,
          "Chuyển sinh hoạt đảng chính thức đến Đảng bộ phường Bến Thành, Thành phố Hồ Chí Minh");
  addMember(w, std::move(gone));
}

}  // namespace

void buildMembers(DemoWorld& w) {
  Rng rng(w.seed, "members");
  PersonFactory people(rng, w.today);
  for (size_t ci = 0; ci < w.cells.size(); ++ci) buildCell(w, ci, rng, people);
  addLastYearsStories(w, rng, people);
}

}  // namespace chibo::demo
