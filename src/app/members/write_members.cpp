// Creating and editing members; moving them between cells.
#include "app/audit_write.h"
#include "app/members/member_fields.h"
#include "app/members/members.h"
#include "app/validate.h"
#include "app/quality/kept_warnings.h"

namespace chibo {
namespace {

// Checks that `cell_id` is a cell the caller may write and that `subgroup_id`,
// if given, is one of its sub-groups. Returns the cell.
Result<Org> writableCell(WriteTx& tx, const Caller& c, std::optional<Id> cell_id, std::optional<Id> subgroup_id,
                         const std::string& cell_field, const std::string& subgroup_field) {
  if (!cell_id) return Error::validation({{cell_field, "required", "Vui lòng chọn chi bộ."}});
  auto cell = tx.org(*cell_id);
  if (!cell || orgAccess(c.principal, cell->path) == Access::none) return Error::notFound();
  if (cell->kind != OrgKind::cell)
    return Error::validation({{cell_field, "not_a_cell", "Đảng viên phải thuộc một chi bộ."}});
  if (orgAccess(c.principal, cell->path) < Access::write) return Error::forbidden();
  if (subgroup_id) {
    auto sg = tx.org(*subgroup_id);
    if (!sg || sg->parent_id != cell->id || sg->kind != OrgKind::subgroup)
      return Error::validation({{subgroup_field, "not_in_cell", "Tổ đảng không thuộc chi bộ đã chọn."}});
  }
  return *cell;
}

Error duplicateCard() {
  return Error{ErrorKind::conflict, "duplicate_card_no", "Số thẻ đảng viên đã được dùng cho đảng viên khác.",
               {{"card_no", "duplicate_card_no", "Số thẻ đảng viên đã được dùng cho đảng viên khác."}}};
}

}  // namespace

Result<MemberView> createMember(Store& store, const Caller& c, const MemberFields& in) {
  Validator v;
  Member m;
  applyMemberFields(v, in, m, c.today(), true);
  auto joined = parseDateField(v, "joined_on", in.joined_on, false, DateRule::any, c.today(), "ngày bắt đầu sinh hoạt");
  auto tx = store.write();
  auto cell = writableCell(*tx, c, in.cell_id, in.subgroup_id, "cell_id", "subgroup_id");
  if (!cell) {
    if (cell.error().kind != ErrorKind::validation) return cell.error();
    for (auto& fe : cell.error().field_errors) v.add(fe.field, fe.code, fe.message);
  }
  if (!v.ok()) return v.error();
  if (!m.card_no.empty() && tx->memberByCardNo(m.card_no)) return duplicateCard();
  m.cell_id = cell->id;
  m.subgroup_id = in.subgroup_id;
  m.id = tx->insertMember(m);
  Date from = joined && *joined ? **joined : c.today();
  tx->insertCellPeriod({0, m.id, cell->id, in.subgroup_id, from, std::nullopt, "Thêm mới"});
  auto changes = memberDiff(Member{.gender = m.gender}, m);
  changes.insert(changes.begin(), {"joined_on", std::nullopt, from.iso()});
  writeAudit(*tx, c, "member.create", "member", m.id, *cell, std::move(changes));
  keptWarningsOnMemberWrite(*tx, m.id, c.now);  // a cell's first member starts its schedule
  tx->commit();
  tx.reset();
  return getMember(store, c, m.id);
}

Result<MemberView> updateMember(Store& store, const Caller& c, Id id, const MemberFields& in) {
  auto tx = store.write();
  auto cur = tx->member(id);
  if (!cur) return Error::notFound();
  auto periods = tx->cellPeriods(id);
  std::optional<Org> cell;
  if (cur->cell_id) cell = tx->org(*cur->cell_id);
  else if (!periods.empty()) cell = tx->org(periods.back().cell_id);
  Access a = memberAccess(c.principal, cell ? cell->path : "", id);
  if (a == Access::none) return Error::notFound();
  if (a < Access::write) return Error::forbidden();
  Validator v;
  if (in.cell_id || in.subgroup_id)
    v.add(in.cell_id ? "cell_id" : "subgroup_id", "use_transfer", "Để chuyển chi bộ hoặc tổ đảng, hãy dùng chức năng chuyển sinh hoạt.");
  Member m = *cur;
  applyMemberFields(v, in, m, c.today(), false);
  if (!v.ok()) return v.error();
  if (in.version && *in.version != cur->version)
    return Error::conflict("version_conflict", "Hồ sơ đã được người khác sửa. Vui lòng tải lại và thử lại.");
  if (!m.card_no.empty() && m.card_no != cur->card_no)
    if (auto other = tx->memberByCardNo(m.card_no); other && other->id != id) return duplicateCard();
  auto changes = memberDiff(*cur, m);
  if (!changes.empty()) {
    m.version = cur->version + 1;
    tx->updateMember(m);
    writeAudit(*tx, c, "member.update", "member", id, *cell, std::move(changes));
    keptWarningsOnMemberWrite(*tx, id, c.now);
    tx->commit();
  }
  tx.reset();
  return getMember(store, c, id);
}

Result<MemberView> transferMember(Store& store, const Caller& c, Id id, const TransferFields& in) {
  auto tx = store.write();
  auto cur = tx->member(id);
  if (!cur) return Error::notFound();
  auto periods = tx->cellPeriods(id);
  std::optional<Org> from_cell;
  if (cur->cell_id) from_cell = tx->org(*cur->cell_id);
  Access a = memberAccess(c.principal, from_cell ? from_cell->path : "", id);
  if (a == Access::none) return Error::notFound();
  if (a < Access::write) return Error::forbidden();
  Validator v;
  auto date = parseDateField(v, "date", in.date, true, DateRule::any, c.today(), "ngày chuyển");
  auto note = cleanText(v, "note", in.note, false, 500, "ghi chú");
  if (!v.ok()) return v.error();
  auto to_cell = writableCell(*tx, c, in.to_cell_id, in.to_subgroup_id, "to_cell_id", "to_subgroup_id");
  if (!to_cell) return to_cell.error();
  Date d = **date;
  std::optional<CellPeriod> open;
  for (auto& p : periods)
    if (!p.to) open = p;
  if (open && open->cell_id == to_cell->id && open->subgroup_id == in.to_subgroup_id)
    return Error::validation({{"to_cell_id", "same_placement", "Đảng viên đang sinh hoạt ở nơi này."}});
  if (open && d <= open->from)
    return Error::validation({{"date", "date_before_current", "Ngày chuyển phải sau ngày bắt đầu sinh hoạt hiện tại (" + open->from.vn() + ")."}});
  if (open) {
    open->to = d.addDays(-1);
    tx->updateCellPeriod(*open);
  }
  std::string why = note && !note->empty() ? *note
                                           : (from_cell ? "Chuyển từ " + from_cell->name : std::string("Chuyển đến"));
  tx->insertCellPeriod({0, id, to_cell->id, in.to_subgroup_id, d, std::nullopt, why});
  Member m = *cur;
  m.cell_id = to_cell->id;
  m.subgroup_id = in.to_subgroup_id;
  m.version = cur->version + 1;
  tx->updateMember(m);
  auto changes = memberDiff(*cur, m);
  changes.push_back({"date", std::nullopt, d.iso()});
  // Both cells' auditors must see the move: one row under each.
  writeAudit(*tx, c, "member.transfer", "member", id, *to_cell, changes);
  if (from_cell && from_cell->id != to_cell->id) writeAudit(*tx, c, "member.transfer", "member", id, *from_cell, changes);
  keptWarningsOnMemberWrite(*tx, id, c.now);
  tx->commit();
  tx.reset();
  return getMember(store, c, id);
}

}  // namespace chibo
