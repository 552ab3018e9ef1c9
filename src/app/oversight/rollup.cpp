// Summing cell-months up the tree.
#include "app/oversight/rollup.h"

#include <map>

#include "app/audit_write.h"
#include "app/oversight/aggregates.h"
#include "app/quality/quality.h"

namespace chibo {

int nextYm(int ym) { return ym % 100 == 12 ? (ym / 100 + 1) * 100 + 1 : ym + 1; }
int ymOf(Date d) { return yearMonth(d.year(), d.month()); }

namespace {

int monthsBetween(int from_ym, int to_ym) {
  return (to_ym / 100 - from_ym / 100) * 12 + (to_ym % 100 - from_ym % 100) + 1;
}

}  // namespace

RollupView computeRollup(ReadTx& tx, const Org& org, int from_ym, int to_ym, Date today, bool with_children) {
  RollupView v;
  v.org = org;
  v.from_ym = from_ym;
  v.to_ym = to_ym;
  const int now_ym = ymOf(today);
  const size_t depth = pathIds(org.path).size();

  // The child each cell falls under: the id right below the node on its path.
  std::map<Id, size_t> child_index;
  if (with_children)
    for (auto& ch : tx.orgChildren(org.id)) {
      if (ch.kind == OrgKind::subgroup) continue;
      child_index[ch.id] = v.children.size();
      v.children.push_back({std::move(ch), {}});
    }
  auto childOf = [&](const std::string& cell_path) -> RollupChild* {
    auto ids = pathIds(cell_path);
    if (ids.size() <= depth) return nullptr;
    auto it = child_index.find(ids[depth]);
    return it == child_index.end() ? nullptr : &v.children[it->second];
  };

  for (int ym = from_ym;; ym = nextYm(ym)) {
    v.months.push_back({ym / 100, unsigned(ym % 100), {}});
    if (ym == to_ym) break;
  }
  auto monthOf = [&](int ym) -> RollupMonth& { return v.months[size_t(monthsBetween(from_ym, ym) - 1)]; };

  // Completed months are due for every active cell.
  std::map<Id, bool> active;  // cell id -> counted
  for (const auto& o : tx.orgSubtree(org.path)) {
    if (o.kind != OrgKind::cell || o.archived) continue;
    active[o.id] = true;
    RollupChild* ch = childOf(o.path);
    ++v.figures.cells;
    if (ch) ++ch->figures.cells;
    for (auto& mo : v.months) {
      int ym = yearMonth(mo.year, mo.month);
      if (ym >= now_ym) continue;
      ++mo.figures.meetings_due;
      ++v.figures.meetings_due;
      if (ch) ++ch->figures.meetings_due;
    }
    for (auto& mo : v.months) ++mo.figures.cells;
  }

  for (const auto& row : tx.cellMonthStats(org.path, from_ym, to_ym)) {
    if (!active.count(row.cell_id)) continue;
    RollupChild* ch = childOf(row.cell_path);
    RollupMonth& mo = monthOf(row.ym);
    // A month not yet over is due once the cell has met in it.
    int due_now = row.ym >= now_ym && row.counts.monthly_held > 0 ? 1 : 0;
    v.figures.sums += row.counts;
    v.figures.meetings_due += due_now;
    mo.figures.sums += row.counts;
    mo.figures.meetings_due += due_now;
    if (ch) {
      ch->figures.sums += row.counts;
      ch->figures.meetings_due += due_now;
    }
  }
  return v;
}

Result<RollupView> getRollup(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                             std::optional<Date> to, const RuleCatalog* warnings) {
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
  tx.reset();
  if (warnings) {
    WarningQuery q;
    q.page.limit = 1 << 30;
    auto w = listWarnings(store, *warnings, c, org_id, q);
    if (!w) return w.error();
    const size_t depth = pathIds(view.org.path).size();
    view.open_warnings = 0;
    for (auto& ch : view.children) ch.open_warnings = 0;
    for (const auto& wv : w->items) {
      if (wv.ack) continue;
      ++*view.open_warnings;
      auto ids = pathIds(wv.org.path);
      if (ids.size() > depth)
        for (auto& ch : view.children)
          if (ch.org.id == ids[depth]) ++*ch.open_warnings;
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
