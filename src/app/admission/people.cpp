// The introducers of a candidate (R-KN-2): official members of the cell who
// declare the day they started working with the applicant.
#include "app/admission/admission_internal.h"
#include "app/audit_write.h"
#include "app/validate.h"
#include "domain/admission/eligibility.h"

namespace chibo {
using namespace admission;

namespace {
Error notEditable() {
  return Error::conflict("introducers_locked", "Đã ghi nhận việc giới thiệu; không thay đổi người giới thiệu được nữa.");
}
bool introducersOpen(AdmissionStage s) { return s == AdmissionStage::listed || s == AdmissionStage::course_completed; }
}  // namespace

Result<CandidateView> addIntroducer(Store& store, const RuleCatalog& cat, const Caller& c, Id id,
                                    const IntroducerFields& in) {
  auto tx = store.write();
  auto l = load(*tx, c, id, true);
  if (!l) return l.error();
  Validator v;
  if (!in.member_id) v.add("member_id", "required", "Vui lòng chọn đảng viên giới thiệu.");
  auto since = parseDateField(v, "worked_since", in.worked_since, true, DateRule::not_future, c.today(), "ngày bắt đầu công tác cùng");
  if (!v.ok()) return v.error();
  if (!introducersOpen(l->rec.stage)) return notEditable();
  if (auto fe = officialMemberOfCell(*tx, *in.member_id, l->cell, c.today(), "member_id"))
    return Error{ErrorKind::validation, fe->code, fe->message, {*fe}};
  const AdmissionRules* ar = admissionRulesInForce(cat.admission, c.today());
  auto people = tx->admission().people(id);
  size_t count = 0;
  for (const auto& p : people) {
    if (p.role != "introducer") continue;
    ++count;
    if (p.member_id == *in.member_id)
      return Error{ErrorKind::conflict, "duplicate_introducer", "Đồng chí " + p.full_name + " đã là người giới thiệu.",
                   {{"member_id", "duplicate_introducer", "Đã là người giới thiệu."}}};
  }
  if (ar && count >= size_t(ar->introducers_required.value))
    return Error{ErrorKind::conflict, "too_many_introducers",
                 "Đã đủ " + std::to_string(ar->introducers_required.value) + " người giới thiệu.", {}};
  tx->admission().insertPerson({0, id, *in.member_id, "introducer", **since, ""});
  auto m = tx->member(*in.member_id);
  writeAudit(*tx, c, "candidate.introducer.add", "candidate", id, l->cell,
             {{"introducer", std::nullopt, m ? m->full_name : std::to_string(*in.member_id)},
              {"worked_since", std::nullopt, (**since).iso()}});
  tx->commit();
  tx.reset();
  return getCandidate(store, cat, c, id);
}

Result<CandidateView> removeIntroducer(Store& store, const RuleCatalog& cat, const Caller& c, Id id, Id person_id) {
  auto tx = store.write();
  auto l = load(*tx, c, id, true);
  if (!l) return l.error();
  std::optional<CandidatePerson> found;
  for (auto& p : tx->admission().people(id))
    if (p.id == person_id && p.role == "introducer") found = p;
  if (!found) return Error::notFound();
  if (!introducersOpen(l->rec.stage)) return notEditable();
  tx->admission().deletePerson(person_id);
  writeAudit(*tx, c, "candidate.introducer.remove", "candidate", id, l->cell,
             {{"introducer", found->full_name, std::nullopt}, {"worked_since", found->since.iso(), std::nullopt}});
  tx->commit();
  tx.reset();
  return getCandidate(store, cat, c, id);
}

}  // namespace chibo
