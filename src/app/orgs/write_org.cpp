// Creating and updating nodes of the tree, and adding committee terms.
#include "app/audit_write.h"
#include "app/orgs/orgs.h"
#include "app/validate.h"
#include "domain/roster.h"

namespace chibo {
namespace {

void checkEnums(Validator& v, const OrgFields& in, Org& o) {
  if (in.level) {
    if (auto l = orgLevelFromCode(*in.level)) o.level = *l;
    else v.add("level", "invalid_choice", "Cấp tổ chức không hợp lệ.");
  }
  if (in.cell_type) {
    if (auto t = cellTypeFromCode(*in.cell_type)) o.cell_type = *t;
    else v.add("cell_type", "invalid_choice", "Loại hình chi bộ không hợp lệ.");
  }
}

std::vector<FieldChange> diff(const Org& a, const Org& b) {
  std::vector<FieldChange> ch;
  diffField(ch, "name", a.name, b.name);
  diffField(ch, "code", a.code, b.code);
  diffField(ch, "level", std::string(toCode(a.level)), std::string(toCode(b.level)));
  diffField(ch, "cell_type", std::string(toCode(a.cell_type)), std::string(toCode(b.cell_type)));
  diffField(ch, "grassroots", auditValue(a.grassroots), auditValue(b.grassroots));
  diffField(ch, "address", a.address, b.address);
  diffField(ch, "archived", auditValue(a.archived), auditValue(b.archived));
  return ch;
}

}  // namespace

Result<OrgView> createOrg(Store& store, const Caller& c, const OrgFields& in) {
  Validator v;
  if (!in.parent_id) v.add("parent_id", "required", "Vui lòng chọn tổ chức cấp trên.");
  Org o;
  auto name = cleanText(v, "name", in.name, true, 200, "tên tổ chức");
  auto code = cleanText(v, "code", in.code, false, 30, "mã tổ chức");
  auto address = cleanText(v, "address", in.address, false, 300, "địa chỉ");
  if (!in.kind) {
    v.add("kind", "required", "Vui lòng chọn loại tổ chức.");
  } else if (auto k = orgKindFromCode(*in.kind)) {
    o.kind = *k;
  } else {
    v.add("kind", "invalid_choice", "Loại tổ chức không hợp lệ.");
  }
  checkEnums(v, in, o);
  std::optional<Org> parent;
  auto tx = store.write();
  if (in.parent_id) {
    parent = tx->org(*in.parent_id);
    // An invisible parent is reported as a missing one.
    if (!parent || orgAccess(c.principal, parent->path) == Access::none) return Error::notFound();
    if (orgAccess(c.principal, parent->path) < Access::write) return Error::forbidden();
  }
  if (!v.ok()) return v.error();
  if (!mayContain(parent->kind, o.kind))
    return Error{ErrorKind::validation, "invalid_child_kind",
                 std::string(label(parent->kind)) + " không thể chứa " + std::string(label(o.kind)) + ".",
                 {{"kind", "invalid_child_kind", "Loại tổ chức không phù hợp với tổ chức cấp trên."}}};
  if (o.kind != OrgKind::committee) o.level = OrgLevel::none;
  if (o.kind != OrgKind::cell) o.cell_type = CellType::none;
  o.parent_id = parent->id;
  o.name = *name;
  o.code = code.value_or("");
  o.address = address.value_or("");
  o.grassroots = in.grassroots.value_or(false);
  tx->insertOrg(o);
  writeAudit(*tx, c, "org.create", "org", o.id, o, diff(Org{.name = "", .code = "", .kind = o.kind}, o));
  tx->commit();
  return getOrg(store, c, o.id);
}

Result<OrgView> updateOrg(Store& store, const Caller& c, Id id, const OrgFields& in) {
  auto tx = store.write();
  auto cur = tx->org(id);
  if (!cur) return Error::notFound();
  Access a = orgAccess(c.principal, cur->path);
  if (a == Access::none) return Error::notFound();
  // Callers who can see the node already know it exists: tell them plainly they may not change it.
  if (a < Access::write) return Error::forbidden();
  Validator v;
  Org o = *cur;
  if (in.kind && orgKindFromCode(*in.kind) != cur->kind)
    v.add("kind", "immutable", "Không thể đổi loại tổ chức; hãy tạo tổ chức mới.");
  if (auto n = cleanText(v, "name", in.name, false, 200, "tên tổ chức"); n) {
    if (n->empty()) v.add("name", "required", "Vui lòng nhập tên tổ chức.");
    else o.name = *n;
  }
  if (auto s = cleanText(v, "code", in.code, false, 30, "mã tổ chức")) o.code = *s;
  if (auto s = cleanText(v, "address", in.address, false, 300, "địa chỉ")) o.address = *s;
  checkEnums(v, in, o);
  if (in.grassroots) o.grassroots = *in.grassroots;
  if (in.archived) o.archived = *in.archived;
  if (!v.ok()) return v.error();
  if (in.version && *in.version != cur->version)
    return Error::conflict("version_conflict", "Tổ chức đã được người khác sửa. Vui lòng tải lại và thử lại.");
  auto changes = diff(*cur, o);
  if (!changes.empty()) {
    o.version = cur->version + 1;
    tx->updateOrg(o);
    writeAudit(*tx, c, "org.update", "org", o.id, o, std::move(changes));
    tx->commit();
  }
  tx.reset();
  return getOrg(store, c, id);
}

Result<CommitteeTerm> addTerm(Store& store, const Caller& c, Id org_id, const TermFields& in) {
  auto tx = store.write();
  auto o = tx->org(org_id);
  if (!o || orgAccess(c.principal, o->path) == Access::none) return Error::notFound();
  if (orgAccess(c.principal, o->path) < Access::write) return Error::forbidden();
  Validator v;
  auto name = cleanText(v, "name", in.name, true, 100, "tên nhiệm kỳ");
  auto start = parseDateField(v, "start", in.start, true, DateRule::any, c.today(), "ngày bắt đầu");
  auto end = parseDateField(v, "end", in.end, false, DateRule::any, c.today(), "ngày kết thúc");
  if (!v.ok()) return v.error();
  CommitteeTerm t{0, org_id, *name, **start, end ? *end : std::nullopt};
  if (t.end && *t.end < t.start) return Error::validation({{"end", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  struct Span {
    Date from;
    std::optional<Date> to;
  };
  std::vector<Span> spans;
  for (auto& e : tx->terms(org_id)) spans.push_back({e.start, e.end});
  if (firstOverlap(spans, t.start, t.end))
    return Error{ErrorKind::validation, "term_overlap", "Nhiệm kỳ trùng thời gian với nhiệm kỳ đã có.",
                 {{"start", "term_overlap", "Nhiệm kỳ trùng thời gian với nhiệm kỳ đã có."}}};
  t.id = tx->insertTerm(t);
  writeAudit(*tx, c, "org.term.create", "committee_term", t.id, *o,
             {{"name", std::nullopt, t.name}, {"start", std::nullopt, t.start.iso()}, {"end", std::nullopt, auditValue(t.end)}});
  tx->commit();
  return t;
}

}  // namespace chibo
