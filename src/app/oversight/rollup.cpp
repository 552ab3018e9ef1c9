// Summing cell-months up the tree.
#include "app/oversight/rollup.h"

#include <map>

#include "app/audit_write.h"
#include "app/oversight/aggregates.h"
#include "app/oversight/subgroup_months.h"

namespace chibo {

int nextYm(int ym) { return ym % 100 == 12 ? (ym / 100 + 1) * 100 + 1 : ym + 1; }
int ymOf(Date d) { return yearMonth(d.year(), d.month()); }

namespace {

int monthsBetween(int from_ym, int to_ym) {
  return (to_ym / 100 - from_ym / 100) * 12 + (to_ym % 100 - from_ym % 100) + 1;
}

// A tổ đảng's own months, from its held meetings' rows: they never reach a
// cell-month unless a pilot covers it, but the tổ đảng's figures are its
// meetings either way. Monthly held (on time): the tổ đảng met for the month
// (within it), counted only in months a tổ đảng pilot covers (R-TOĐẢNG-1).
std::vector<CellMonthStats> subgroupMonths(ReadTx& tx, const Org& sg, int from_ym, int to_ym) {
  std::map<int, CellMonthStats> by_month;
  std::optional<SubgroupPilot> pilot;
  if (sg.parent_id) pilot = tx.subgroupPilot(*sg.parent_id);
  for (const auto& f : subgroupMeetingFacts(tx, {sg}, from_ym, to_ym)) {
    if (f.status != MeetingStatus::held && f.status != MeetingStatus::finalized) continue;
    auto stats = tx.meetingStats(f.meeting_id);
    if (!stats) continue;
    const int ym = monthKey(f.period_year, f.period_month);
    auto [it, fresh] = by_month.try_emplace(ym, CellMonthStats{sg.id, ym, sg.path, {}});
    StatsCounts c = stats->counts;
    const bool monthly = pilot && pilotCovers(*pilot, ym) && standsForMonthly(f.kind);
    c.meetings = 1;
    c.monthly_held = monthly && it->second.counts.monthly_held == 0 ? 1 : 0;
    c.monthly_on_time = monthly && f.held_in_period && it->second.counts.monthly_on_time == 0 ? 1 : 0;
    c.thematic_held = 0;
    it->second.counts += c;
  }
  std::vector<CellMonthStats> out;
  for (auto& [ym, row] : by_month) out.push_back(std::move(row));
  return out;
}

// Months of the period over by today that the pilot of a tổ đảng's cell covers: each is due once.
int subgroupMonthsDue(ReadTx& tx, const Org& sg, int from_ym, int to_ym, int now_ym) {
  if (!sg.parent_id) return 0;
  auto pilot = tx.subgroupPilot(*sg.parent_id);
  if (!pilot) return 0;
  int due = 0;
  for (int ym = from_ym; ym < now_ym; ym = nextYm(ym)) {
    if (pilotCovers(*pilot, ym)) ++due;
    if (ym == to_ym) break;
  }
  return due;
}

}  // namespace

RollupView computeRollup(ReadTx& tx, const Org& org, int from_ym, int to_ym, Date today, bool with_children) {
  RollupView v;
  v.org = org;
  v.from_ym = from_ym;
  v.to_ym = to_ym;
  const int now_ym = ymOf(today);
  int completed = 0;  // months of the period over by today: due for every active cell
  for (int ym = from_ym;; ym = nextYm(ym)) {
    v.months.push_back({ym / 100, unsigned(ym % 100), {}});
    if (ym < now_ym) ++completed;
    if (ym == to_ym) break;
  }
  auto monthOf = [&](int ym) -> RollupMonth& { return v.months[size_t(monthsBetween(from_ym, ym) - 1)]; };

  // The child cells' months in one read (a ward has up to ~250 cells).
  std::map<Id, std::vector<CellMonthStats>> child_cells;
  if (with_children && org.kind == OrgKind::committee)
    for (auto& row : tx.childCellMonthStats(org.id, from_ym, to_ym)) child_cells[row.cell_id].push_back(std::move(row));
  // A committee reads its own node rows (the sums of every cell below, kept with each
  // write) less the few archived cells'; a cell its own rows. Either way one row per month.
  auto monthsOfNode = [&](const Org& o) {
    if (o.kind == OrgKind::subgroup) return subgroupMonths(tx, o, from_ym, to_ym);
    if (o.kind == OrgKind::cell) {
      if (o.archived) return std::vector<CellMonthStats>{};
      if (o.parent_id == org.id && org.kind == OrgKind::committee && with_children) {
        auto it = child_cells.find(o.id);
        return it == child_cells.end() ? std::vector<CellMonthStats>{} : it->second;
      }
      return tx.cellMonthStats(o.path, from_ym, to_ym);
    }
    auto rows = tx.nodeMonthStats(o, from_ym, to_ym);
    for (const auto& gone : tx.archivedCellMonthStats(o.path, from_ym, to_ym))
      for (auto& r : rows)
        if (r.ym == gone.ym) r.counts -= gone.counts;
    return rows;
  };
  // `cells` < 0: count the active cells below.
  auto fill = [&](RollupFigures& f, const Org& o, int cells, bool by_month) {
    f.cells = cells >= 0 ? cells
              : o.kind == OrgKind::cell ? (o.archived ? 0 : 1)
                                        : tx.activeCellCount(o.path);
    f.meetings_due = f.cells * completed;
    for (const auto& row : monthsOfNode(o)) {
      // A month not yet over is due only for the cells that already met in it.
      const int due_now = row.ym >= now_ym ? row.counts.monthly_held : 0;
      f.sums += row.counts;
      f.meetings_due += due_now;
      if (by_month) {
        RollupMonth& mo = monthOf(row.ym);
        mo.figures.sums += row.counts;
        mo.figures.meetings_due += due_now;
      }
    }
    // Party dues: the kept month rows of the cells below (app/dues), one grouped read.
    if (o.kind != OrgKind::subgroup)
      for (const auto& row : tx.dues().subtreeMonthTotals(o.path, from_ym, to_ym)) {
        f.dues += row;
        if (by_month) monthOf(row.ym).figures.dues += row;
      }
    if (by_month)
      for (auto& mo : v.months) {
        mo.figures.cells = f.cells;
        if (yearMonth(mo.year, mo.month) < now_ym) mo.figures.meetings_due += f.cells;
      }
    if (o.kind == OrgKind::subgroup) {
      // Under a pilot a tổ đảng owes its share of each monthly meeting.
      f.meetings_due += subgroupMonthsDue(tx, o, from_ym, to_ym, now_ym);
      if (by_month && o.parent_id)
        if (auto pilot = tx.subgroupPilot(*o.parent_id))
          for (auto& mo : v.months) {
            const int ym = yearMonth(mo.year, mo.month);
            if (ym < now_ym && pilotCovers(*pilot, ym)) mo.figures.meetings_due += 1;
          }
    }
  };

  int cells = -1;
  if (with_children) {
    cells = 0;  // every cell below the node is below exactly one child (sub-groups hold none)
    for (auto& ch : tx.orgChildren(org.id)) {
      if (ch.kind == OrgKind::subgroup) continue;
      RollupChild c{std::move(ch), {}, std::nullopt};
      fill(c.figures, c.org, -1, false);
      cells += c.figures.cells;
      v.children.push_back(std::move(c));
    }
    if (org.kind == OrgKind::cell) cells = org.archived ? 0 : 1;
  }
  fill(v.figures, org, cells, true);
  return v;
}

Result<RollupView> getRollup(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                             std::optional<Date> to, bool warnings) {
  Date t = to.value_or(c.today());
  Date f = from.value_or(Date::fromYmd(t.year(), t.month(), 1)->addMonths(-11));
  Validator v;
  if (t < f) v.add("to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu.");
  else if (monthsBetween(ymOf(f), ymOf(t)) > 120) v.add("from", "range_too_long", "Khoảng thời gian tối đa 10 năm.");
  {
    auto tx = store.read();
    auto o = tx->org(org_id);
    if (!o) return Error::notFound();
    Access a = orgAccess(c.principal, o->path);
    if (a == Access::none) return Error::notFound();
    if (a < Access::read) return Error::forbidden();
  }
  if (!v.ok()) return v.error();
  ensureAggregates(store, c.now);
  auto tx = store.read();
  auto o = tx->org(org_id);
  if (!o) return Error::notFound();
  RollupView view = computeRollup(*tx, *o, ymOf(f), ymOf(t), c.today(), true);
  view.access = orgAccess(c.principal, o->path);
  view.from = f;
  view.to = t;
  if (warnings) {
    // The kept warnings (app/quality/kept_warnings.h): one indexed count per node, never a
    // recomputation of every cell's rules.
    WarningRecordQuery q;
    q.org_path = view.org.path;
    view.open_warnings = int(tx->warningRecordCount(q));
    for (auto& ch : view.children) {
      q.org_path = ch.org.path;
      ch.open_warnings = int(tx->warningRecordCount(q));
    }
  }
  return view;
}

Result<int> rebuildRollup(Store& store, const Caller& c, Id org_id) {
  auto tx = store.write();
  auto o = tx->org(org_id);
  if (!o) return Error::notFound();
  Access a = orgAccess(c.principal, o->path);
  if (a == Access::none) return Error::notFound();
  if (a < Access::write) return Error::forbidden();
  int n = rebuildAggregates(*tx, *o, c.now);
  writeAudit(*tx, c, "rollup.rebuild", "org", o->id, *o, {{"meetings", std::nullopt, std::to_string(n)}});
  tx->commit();
  return n;
}

}  // namespace chibo
