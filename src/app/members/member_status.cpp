// Dated status periods: exemption, temporary transfer, probation, leaving.
#include "app/audit_write.h"
#include "app/members/members.h"
#include "app/validate.h"
#include "app/quality/kept_warnings.h"

namespace chibo {
namespace {

struct Target {
  Member member;
  Org cell;
};

// The member and the cell that scopes them, if the caller may write the record.
Result<Target> writableMember(WriteTx& tx, const Caller& c, Id id) {
  auto m = tx.member(id);
  if (!m) return Error::notFound();
  auto periods = tx.cellPeriods(id);
  std::optional<Org> cell;
  if (m->cell_id) cell = tx.org(*m->cell_id);
  else if (!periods.empty()) cell = tx.org(periods.back().cell_id);
  Access a = memberAccess(c.principal, cell ? cell->path : "", id);
  if (a == Access::none || !cell) return Error::notFound();
  if (a < Access::write) return Error::forbidden();
  return Target{*m, *cell};
}

}  // namespace

Result<MemberView> addStatus(Store& store, const Caller& c, Id member_id, const StatusFields& in) {
  auto tx = store.write();
  auto t = writableMember(*tx, c, member_id);
  if (!t) return t.error();
  Validator v;
  std::optional<StatusKind> kind;
  if (!in.kind) v.add("kind", "required", "Vui lòng chọn trạng thái.");
  else if (!(kind = statusKindFromCode(*in.kind))) v.add("kind", "invalid_choice", "Trạng thái không hợp lệ.");
  auto from = parseDateField(v, "from", in.from, true, DateRule::any, c.today(), "ngày bắt đầu");
  auto to = parseDateField(v, "to", in.to, false, DateRule::any, c.today(), "ngày kết thúc");
  auto note = cleanText(v, "note", in.note, false, 500, "ghi chú");
  if (!v.ok()) return v.error();
  StatusPeriod p{0, member_id, *kind, **from, to ? *to : std::nullopt, note.value_or("")};
  if (p.to && *p.to < p.from) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  auto existing = tx->statusPeriods(member_id);
  std::vector<StatusPeriod> same;
  for (auto& e : existing)
    if (e.kind == p.kind || (isStanding(e.kind) && isStanding(p.kind)) || (isTerminal(e.kind) && isTerminal(p.kind)))
      same.push_back(e);
  if (firstOverlap(same, p.from, p.to))
    return Error{ErrorKind::validation, "status_overlap", "Trạng thái trùng thời gian với một giai đoạn đã có.",
                 {{"from", "status_overlap", "Trạng thái trùng thời gian với một giai đoạn đã có."}}};
  p.id = tx->insertStatusPeriod(p);
  std::vector<FieldChange> changes{{"kind", std::nullopt, std::string(toCode(p.kind))},
                                   {"from", std::nullopt, p.from.iso()},
                                   {"to", std::nullopt, auditValue(p.to)},
                                   {"note", std::nullopt, p.note}};
  if (isTerminal(p.kind)) {
    // Leaving the party organisation ends the cell placement the day before.
    for (auto cp : tx->cellPeriods(member_id)) {
      if (cp.to && *cp.to < p.from) continue;
      cp.to = p.from.addDays(-1);
      if (cp.to < cp.from) cp.to = cp.from;
      tx->updateCellPeriod(cp);
      changes.push_back({"cell_period_closed", std::to_string(cp.id), cp.to->iso()});
    }
    Member m = t->member;
    m.cell_id.reset();
    m.subgroup_id.reset();
    m.version += 1;
    tx->updateMember(m);
  }
  writeAudit(*tx, c, "member.status.create", "member", member_id, t->cell, std::move(changes));
  keptWarningsOnMemberWrite(*tx, member_id, c.now);
  tx->commit();
  tx.reset();
  return getMember(store, c, member_id);
}

Result<MemberView> updateStatus(Store& store, const Caller& c, Id member_id, Id status_id, const StatusFields& in) {
  auto tx = store.write();
  auto t = writableMember(*tx, c, member_id);
  if (!t) return t.error();
  std::optional<StatusPeriod> cur;
  for (auto& e : tx->statusPeriods(member_id))
    if (e.id == status_id) cur = e;
  if (!cur) return Error::notFound();
  Validator v;
  if (in.kind && statusKindFromCode(*in.kind) != cur->kind)
    v.add("kind", "immutable", "Không thể đổi loại trạng thái; hãy kết thúc và thêm giai đoạn mới.");
  if (in.from) v.add("from", "immutable", "Không thể đổi ngày bắt đầu; hãy kết thúc và thêm giai đoạn mới.");
  auto to = parseDateField(v, "to", in.to, false, DateRule::any, c.today(), "ngày kết thúc");
  auto note = cleanText(v, "note", in.note, false, 500, "ghi chú");
  if (!v.ok()) return v.error();
  StatusPeriod p = *cur;
  if (to) p.to = *to;
  if (note) p.note = *note;
  if (p.to && *p.to < p.from) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  std::vector<FieldChange> changes;
  diffField(changes, "to", auditValue(cur->to), auditValue(p.to));
  diffField(changes, "note", cur->note, p.note);
  if (!changes.empty()) {
    tx->updateStatusPeriod(p);
    writeAudit(*tx, c, "member.status.update", "status_period", p.id, t->cell, std::move(changes));
    keptWarningsOnMemberWrite(*tx, p.member_id, c.now);
    tx->commit();
  }
  tx.reset();
  return getMember(store, c, member_id);
}

}  // namespace chibo
