// Reading the roster and member records.
#include <algorithm>
#include <map>

#include "app/members/members.h"
#include "domain/text/vn_text.h"

namespace chibo {

Result<RosterPage> listRoster(Store& store, const Caller& c, Id org_id, const RosterQuery& q) {
  auto tx = store.read();
  auto o = tx->org(org_id);
  if (!o) return Error::notFound();
  Access a = orgAccess(c.principal, o->path);
  if (a == Access::none) return Error::notFound();
  if (a < Access::read) return Error::forbidden();
  RosterPage page;
  page.at = q.at.value_or(c.today());
  auto candidates = tx->rosterCandidates(o->path, q.include_left ? std::nullopt : std::optional<Date>(page.at));
  std::string needle = foldForSearch(q.q);
  std::map<Id, std::string> subgroup_names;
  std::vector<RosterEntry> counted;
  std::vector<RosterLine> lines;
  for (auto& cand : candidates) {
    RosterLine l{cand.member, cand.placement, stateOn(cand.member, cand.statuses, page.at), std::nullopt, {}};
    if (!covers(cand.placement, page.at)) l.state.on_roll = false;
    if (!l.state.on_roll && !q.include_left) continue;
    counted.push_back({l.member, l.placement, l.state});
    if (!needle.empty() && foldForSearch(l.member.full_name).find(needle) == std::string::npos) continue;
    lines.push_back(std::move(l));
  }
  page.counts = countRoster(counted);
  sortByVietnameseName(lines, [](const RosterLine& l) -> const std::string& { return l.member.full_name; },
                       [](const RosterLine& l) { return l.member.id; });
  page.total = int(lines.size());
  int from = std::min(q.page.offset, page.total);
  int to = std::min(from + q.page.limit, page.total);
  for (int i = from; i < to; ++i) {
    auto& l = lines[size_t(i)];
    if (l.placement.subgroup_id) {
      auto it = subgroup_names.find(*l.placement.subgroup_id);
      if (it == subgroup_names.end()) {
        auto sg = tx->org(*l.placement.subgroup_id);
        it = subgroup_names.emplace(*l.placement.subgroup_id, sg ? sg->name : "").first;
      }
      l.subgroup_name = it->second;
    }
    for (const auto& r : tx->rolesOfMember(l.member.id))
      if (covers(r, page.at)) l.roles.push_back(r.role);
    page.items.push_back(std::move(l));
  }
  return page;
}

Result<MemberView> getMember(Store& store, const Caller& c, Id id) {
  auto tx = store.read();
  auto m = tx->member(id);
  if (!m) return Error::notFound();
  auto periods = tx->cellPeriods(id);
  // Scope follows the member's current cell, or the last one they were in.
  std::optional<Org> cell;
  if (m->cell_id) cell = tx->org(*m->cell_id);
  else if (!periods.empty()) cell = tx->org(periods.back().cell_id);
  Access a = memberAccess(c.principal, cell ? cell->path : "", id);
  if (a == Access::none) return Error::notFound();
  MemberView v;
  v.member = *m;
  v.access = a;
  v.status_periods = tx->statusPeriods(id);
  v.state = stateOn(*m, v.status_periods, c.today());
  if (!placementOn(periods, c.today())) v.state.on_roll = false;
  if (cell) v.cell_name = cell->name;
  if (m->subgroup_id)
    if (auto sg = tx->org(*m->subgroup_id)) v.subgroup_name = sg->name;
  for (const auto& p : periods) {
    CellPeriodView pv{p, "", std::nullopt};
    if (auto co = tx->org(p.cell_id)) pv.cell_name = co->name;
    if (p.subgroup_id)
      if (auto sg = tx->org(*p.subgroup_id)) pv.subgroup_name = sg->name;
    v.cell_periods.push_back(std::move(pv));
  }
  for (const auto& r : tx->rolesOfMember(id)) {
    auto o = tx->org(r.org_id);
    v.roles.push_back({r, m->full_name, o ? o->name : ""});
  }
  return v;
}

}  // namespace chibo
