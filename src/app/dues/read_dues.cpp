// Reading dues: a cell's month sheet, a member's year, the dues book.
#include <algorithm>

#include "app/dues/dues_internal.h"

namespace chibo {
namespace dues_detail {

Result<Org> cellFor(ReadTx& tx, const Caller& c, Id cell_id, Access need) {
  auto o = tx.org(cell_id);
  if (!o) return Error::notFound();
  Access a = orgAccess(c.principal, o->path);
  if (a == Access::none) return Error::notFound();
  if (a < need) return Error::forbidden();
  if (o->kind != OrgKind::cell)
    return Error::validation({{"id", "not_a_cell", "Sổ thu đảng phí chỉ lập cho chi bộ."}});
  return *o;
}

Result<int> monthOf(const std::optional<std::string>& month, Date today) {
  if (!month || month->empty()) return ymOfDate(today);
  auto ym = parseYm(*month);
  if (!ym) return Error::validation({{"month", "invalid_month", "Tháng phải có dạng YYYY-MM, ví dụ 2026-03."}});
  if (*ym > ymOfDate(today))
    return Error::validation({{"month", "month_in_future", "Chưa đến tháng " + ymVn(*ym) + "."}});
  return *ym;
}

Result<MemberTarget> memberFor(ReadTx& tx, const Caller& c, Id member_id, Access need) {
  auto m = tx.member(member_id);
  if (!m) return Error::notFound();
  auto periods = tx.cellPeriods(member_id);
  std::optional<Org> cell;
  if (m->cell_id) cell = tx.org(*m->cell_id);
  else if (!periods.empty()) cell = tx.org(periods.back().cell_id);
  Access a = memberAccess(c.principal, cell ? cell->path : "", member_id);
  if (a == Access::none || !cell) return Error::notFound();
  if (a < need) return Error::forbidden();
  return MemberTarget{*m, *cell, a};
}

MemberDuesView memberDuesView(ReadTx& tx, const RuleCatalog& cat, const MemberTarget& t, int year, Date today) {
  MemberDuesView v;
  v.member = t.member;
  v.cell = t.cell;
  v.access = t.access;
  v.year = year;
  auto& repo = tx.dues();
  v.bases = repo.bases(t.member.id);
  v.reliefs = repo.reliefs(t.member.id);
  const int last = std::min(year * 100 + 12, ymOfDate(today));
  auto payments = repo.paymentsOfMember(t.member.id, year * 100 + 1, year * 100 + 12);
  auto periods = tx.cellPeriods(t.member.id);
  auto statuses = tx.statusPeriods(t.member.id);
  for (int ym = year * 100 + 1; ym <= last; ym = ymNext(ym)) {
    MemberDuesView::Month mo;
    mo.ym = ym;
    const Date day = duesRollDay(ym, today);
    const DuesRules* rules = duesRulesInForce(cat.dues, ymFirstDay(ym));
    mo.has_rules = rules != nullptr;
    auto place = placementOn(periods, day);
    if (place) mo.cell_id = place->cell_id;
    if (rules && place)
      mo.due = duesDue(*rules, owesDues(*rules, stateOn(t.member, statuses, day)), v.bases, v.reliefs, ym);
    for (const auto& p : payments)
      if (p.ym == ym) mo.payment = p;
    if (rules && mo.cell_id && !repo.recordedMonths(mo.cell_id, ym, ym).empty())
      mo.unpaid = monthUnpaid(*rules, mo.due, mo.payment ? &*mo.payment : nullptr, ym, today);
    v.months.push_back(std::move(mo));
  }
  return v;
}

}  // namespace dues_detail

using namespace dues_detail;

Result<DuesSheetView> getDuesSheet(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                   const std::optional<std::string>& month) {
  auto tx = store.read();
  auto cell = cellFor(*tx, c, cell_id, Access::read);
  if (!cell) return cell.error();
  auto ym = monthOf(month, c.today());
  if (!ym) return ym.error();
  auto rules = duesRulesForMonth(cat, *ym);
  if (!rules) return rules.error();
  return DuesSheetView{computeDuesSheet(*tx, *rules, *cell, *ym, c.today()), orgAccess(c.principal, cell->path)};
}

Result<MemberDuesView> getMemberDues(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                     std::optional<int> year) {
  auto tx = store.read();
  auto t = memberFor(*tx, c, member_id, Access::read);
  if (!t) return t.error();
  int y = year.value_or(c.today().year());
  if (y < 1930 || y > c.today().year())
    return Error::validation({{"year", "out_of_range", "Năm không hợp lệ."}});
  return memberDuesView(*tx, cat, *t, y, c.today());
}

Result<DuesBook> getDuesBook(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                             const std::optional<std::string>& month, const std::optional<int>& year) {
  auto tx = store.read();
  auto cell = cellFor(*tx, c, cell_id, Access::read);
  if (!cell) return cell.error();
  DuesBook b;
  b.cell = *cell;
  std::vector<int> months;
  if (year && !month) {
    if (*year < 1930 || *year > c.today().year())
      return Error::validation({{"year", "out_of_range", "Năm không hợp lệ."}});
    b.year = *year;
    for (int ym = *year * 100 + 1; ym <= std::min(*year * 100 + 12, ymOfDate(c.today())); ym = ymNext(ym))
      if (duesRulesInForce(cat.dues, ymFirstDay(ym))) months.push_back(ym);
    if (months.empty()) return duesRulesForMonth(cat, *year * 100 + 1).error();
  } else {
    auto ym = monthOf(month, c.today());
    if (!ym) return ym.error();
    if (auto r = duesRulesForMonth(cat, *ym); !r) return r.error();
    b.year = *ym / 100;
    b.month_ym = *ym;
    months.push_back(*ym);
  }
  b.totals.cell_id = cell->id;
  for (int ym : months) {
    auto sheet = computeDuesSheet(*tx, *duesRulesInForce(cat.dues, ymFirstDay(ym)), *cell, ym, c.today());
    b.totals += sheet.totals;
    b.sheets.push_back(std::move(sheet));
  }
  return b;
}

}  // namespace chibo
