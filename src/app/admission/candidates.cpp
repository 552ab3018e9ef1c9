// The cell's list of candidates: putting a person on it, reading and editing them.
#include "app/admission/admission_internal.h"
#include "app/audit_write.h"
#include "app/quality/quality_internal.h"
#include "app/validate.h"
#include "domain/admission/eligibility.h"
#include "domain/roster.h"

namespace chibo {
namespace admission {

Result<Org> cellInScope(ReadTx& tx, const Caller& c, Id cell_id, bool need_write) {
  auto cell = tx.org(cell_id);
  if (!cell || cell->kind != OrgKind::cell) return Error::notFound();
  Access a = orgAccess(c.principal, cell->path);
  if (a < Access::read) return Error::notFound();
  if (need_write && a < Access::write) return Error::forbidden();
  return *cell;
}

Result<Loaded> load(ReadTx& tx, const Caller& c, Id id, bool need_write) {
  auto rec = tx.admission().candidate(id);
  if (!rec) return Error::notFound();
  auto cell = cellInScope(tx, c, rec->cell_id, need_write);
  if (!cell) return cell.error();
  return Loaded{*rec, *cell, orgAccess(c.principal, cell->path)};
}

std::optional<AdmissionDeadline> deadlineOf(ReadTx& tx, const RuleCatalog& cat, const CandidateRecord& rec,
                                            const Org& cell, Date at) {
  std::optional<Date> received, ceremony;
  if (rec.stage != AdmissionStage::decided && rec.stage != AdmissionStage::admitted) return std::nullopt;
  for (const auto& s : tx.admission().stages(rec.id)) {
    if (s.stage == AdmissionStage::decided) received = s.received_on.value_or(s.day);
    if (s.stage == AdmissionStage::admitted) ceremony = s.day;
  }
  const AdmissionRules* ar = admissionRulesInForce(cat.admission, received.value_or(rec.stage_date));
  quality::RuleResolver rr(cat, tx);
  const MemberRules* mr = rr.findMembers(cell.path, ceremony.value_or(rec.stage_date));
  if (!ar || !mr) return std::nullopt;
  return currentDeadline(*ar, *mr, rec.stage, received, ceremony, at, cat.holidays);
}

CandidateView view(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const Loaded& l, bool full) {
  CandidateView v;
  v.candidate = l.rec;
  v.cell_name = l.cell.name;
  v.access = l.access;
  v.age_months = ageInMonths(l.rec.birth_date, c.today());
  v.next_stage = nextStage(l.rec.stage);
  v.deadline = deadlineOf(tx, cat, l.rec, l.cell, c.today());
  if (full) {
    v.stages = tx.admission().stages(l.rec.id);
    v.people = tx.admission().people(l.rec.id);
    v.documents = tx.admission().documents(l.rec.id);
  }
  return v;
}

// An official member on the cell's roll on `on`, or the field error saying why not.
std::optional<FieldError> officialMemberOfCell(ReadTx& tx, Id member_id, const Org& cell, Date on,
                                               const std::string& field) {
  auto m = tx.member(member_id);
  if (!m) return FieldError{field, "not_in_cell", "Không tìm thấy đảng viên này trong chi bộ."};
  auto place = placementOn(tx.cellPeriods(member_id), on);
  MemberState st = stateOn(*m, tx.statusPeriods(member_id), on);
  if (!place || place->cell_id != cell.id || !st.on_roll)
    return FieldError{field, "not_in_cell", "Đồng chí " + m->full_name + " không sinh hoạt ở chi bộ này."};
  if (st.standing != StatusKind::official)
    return FieldError{field, "not_official", "Đồng chí " + m->full_name + " chưa là đảng viên chính thức."};
  return std::nullopt;
}

}  // namespace admission

using namespace admission;

namespace {

void personalFields(Validator& v, const CandidateFields& in, CandidateRecord& r, Date today, bool create) {
  if (create || in.full_name)
    if (auto s = cleanText(v, "full_name", in.full_name, true, 120, "họ và tên")) r.full_name = *s;
  if (create || in.birth_date) {
    auto d = parseDateField(v, "birth_date", in.birth_date, true, DateRule::not_future, today, "ngày sinh");
    if (d && *d) r.birth_date = **d;
  }
  if (in.gender) {
    auto g = genderFromCode(*in.gender);
    if (!g) v.add("gender", "invalid_choice", "Giới tính không hợp lệ.");
    else r.gender = std::string(toCode(*g));
  }
  if (in.phone)
    if (auto p = cleanPhone(v, "phone", in.phone)) r.phone = *p;
  if (in.note)
    if (auto s = cleanText(v, "note", in.note, false, 1000, "ghi chú")) r.note = *s;
}

std::vector<FieldChange> personalDiff(const CandidateRecord& a, const CandidateRecord& b) {
  std::vector<FieldChange> ch;
  auto add = [&](const char* f, std::string x, std::string y) {
    if (x != y) ch.push_back({f, std::move(x), std::move(y)});
  };
  add("full_name", a.full_name, b.full_name);
  add("birth_date", a.birth_date.iso(), b.birth_date.iso());
  add("gender", a.gender, b.gender);
  add("phone", a.phone, b.phone);
  add("note", a.note, b.note);
  return ch;
}

}  // namespace

Result<std::vector<CandidateView>> listCandidates(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id) {
  auto tx = store.read();
  auto cell = cellInScope(*tx, c, cell_id, false);
  if (!cell) return cell.error();
  std::vector<CandidateView> out;
  for (auto& rec : tx->admission().candidatesOfCell(cell_id))
    out.push_back(view(*tx, cat, c, Loaded{rec, *cell, orgAccess(c.principal, cell->path)}, false));
  return out;
}

Result<CandidateView> createCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                      const CandidateFields& in) {
  auto tx = store.write();
  auto cell = cellInScope(*tx, c, cell_id, true);
  if (!cell) return cell.error();
  Validator v;
  CandidateRecord r;
  personalFields(v, in, r, c.today(), true);
  auto listed = parseDateField(v, "listed_on", in.listed_on, false, DateRule::not_future, c.today(), "ngày đưa vào danh sách");
  Date on = listed && *listed ? **listed : c.today();
  if (in.helper_member_id)
    if (auto fe = officialMemberOfCell(*tx, *in.helper_member_id, *cell, on, "helper_member_id"))
      v.add(fe->field, fe->code, fe->message);
  if (!v.ok()) return v.error();
  r.cell_id = cell_id;
  r.stage = AdmissionStage::listed;
  r.stage_date = on;
  r.created_at = c.now;
  r.id = tx->admission().insertCandidate(r);
  StageRecord s;
  s.candidate_id = r.id;
  s.stage = AdmissionStage::listed;
  s.day = on;
  s.recorded_by = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  s.recorded_at = c.now;
  tx->admission().insertStage(s);
  auto changes = personalDiff(CandidateRecord{.birth_date = r.birth_date, .gender = r.gender}, r);
  changes.insert(changes.begin(), {"birth_date", std::nullopt, r.birth_date.iso()});
  changes.push_back({"stage", std::nullopt, std::string(label(r.stage))});
  changes.push_back({"date", std::nullopt, on.iso()});
  if (in.helper_member_id) {
    tx->admission().insertPerson({0, r.id, *in.helper_member_id, "helper", on, ""});
    changes.push_back({"helper_member_id", std::nullopt, std::to_string(*in.helper_member_id)});
  }
  writeAudit(*tx, c, "candidate.create", "candidate", r.id, *cell, std::move(changes));
  tx->commit();
  tx.reset();
  return getCandidate(store, cat, c, r.id);
}

Result<CandidateView> getCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id id) {
  auto tx = store.read();
  auto l = load(*tx, c, id, false);
  if (!l) return l.error();
  return view(*tx, cat, c, *l, true);
}

Result<CandidateView> updateCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id id,
                                      const CandidateFields& in) {
  auto tx = store.write();
  auto l = load(*tx, c, id, true);
  if (!l) return l.error();
  Validator v;
  CandidateRecord r = l->rec;
  personalFields(v, in, r, c.today(), false);
  if (in.listed_on) v.add("listed_on", "not_editable", "Ngày đưa vào danh sách không sửa được.");
  if (in.helper_member_id) v.add("helper_member_id", "not_editable", "Người giúp đỡ được phân công khi đưa vào danh sách hoặc khi kết nạp.");
  if (!v.ok()) return v.error();
  if (in.version && *in.version != l->rec.version)
    return Error::conflict("version_conflict", "Hồ sơ đã được người khác sửa. Vui lòng tải lại và thử lại.");
  if (l->rec.member_id)
    return Error::conflict("already_member", "Người này đã được kết nạp; hãy sửa hồ sơ đảng viên.");
  auto changes = personalDiff(l->rec, r);
  if (!changes.empty()) {
    r.version = l->rec.version + 1;
    tx->admission().updateCandidate(r);
    writeAudit(*tx, c, "candidate.update", "candidate", id, l->cell, std::move(changes));
    tx->commit();
  }
  tx.reset();
  return getCandidate(store, cat, c, id);
}

}  // namespace chibo
