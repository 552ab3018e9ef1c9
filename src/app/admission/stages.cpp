// Recording the next stage of a candidate, with the checks of R-KN-1 and
// R-KN-2, and what the ceremony and the decisions change on the roster.
#include "app/admission/admission_internal.h"
#include "app/audit_write.h"
#include "app/quality/kept_warnings.h"
#include "app/quality/quality_internal.h"
#include "app/validate.h"
#include "domain/admission/eligibility.h"
#include "domain/roster.h"
#include "domain/rules/member_warnings.h"

namespace chibo {
using namespace admission;

namespace {

std::optional<StageRecord> lastOf(const std::vector<StageRecord>& ss, AdmissionStage s) {
  std::optional<StageRecord> out;
  for (const auto& x : ss)
    if (x.stage == s) out = x;
  return out;
}

Error unprocessable(std::string code, std::string field, std::string msg) {
  return Error{ErrorKind::validation, code, msg, {{std::move(field), code, msg}}};
}

Error problemsError(const std::vector<Problem>& ps, const std::string& field) {
  Error e = Error::validation({});
  e.code = ps.front().code;
  e.message = ps.front().message;
  for (const auto& p : ps) e.field_errors.push_back({field, p.code, p.message});
  return e;
}

Error noRules(Date d) {
  return Error{ErrorKind::not_found, "no_rule_set",
               "Chưa có quy định về kết nạp đảng viên có hiệu lực vào ngày " + d.vn() + ".", {}};
}

}  // namespace

Result<CandidateView> recordStage(Store& store, const RuleCatalog& cat, const Caller& c, Id id, const StageFields& in) {
  auto tx = store.write();
  auto l = load(*tx, c, id, true);
  if (!l) return l.error();
  const CandidateRecord cur = l->rec;
  const Org& cell = l->cell;

  Validator v;
  std::optional<AdmissionStage> stage;
  if (!in.stage || in.stage->empty()) v.add("stage", "required", "Vui lòng chọn bước.");
  else if (!(stage = admissionStageFromCode(*in.stage))) v.add("stage", "invalid_choice", "Bước không hợp lệ.");
  auto date = parseDateField(v, "date", in.date, true, DateRule::not_future, c.today(), "ngày");
  auto reference = cleanText(v, "reference", in.reference, false, 200, "số văn bản");
  auto note = cleanText(v, "note", in.note, false, 1000, "ghi chú");
  auto consent = cleanText(v, "consent", in.consent, false, 300, "văn bản đồng ý của cấp ủy cấp trên");
  auto youth = cleanText(v, "youth_union_resolution", in.youth_union_resolution, false, 300, "nghị quyết giới thiệu của Đoàn");
  auto received = parseDateField(v, "received_on", in.received_on, false, DateRule::not_future, c.today(), "ngày nhận quyết định");
  if (in.votes_for && *in.votes_for < 0) v.add("votes_for", "out_of_range", "Số phiếu không được âm.");
  if (in.votes_total && *in.votes_total < 0) v.add("votes_total", "out_of_range", "Số phiếu không được âm.");
  if (in.votes_for && in.votes_total && *in.votes_for > *in.votes_total)
    v.add("votes_for", "out_of_range", "Số phiếu tán thành không được lớn hơn tổng số.");
  if (in.helper_member_ids.size() > 5) v.add("helper_member_ids", "too_many", "Tối đa 5 người giúp đỡ.");
  if (!v.ok()) return v.error();
  Date d = **date;
  if (!mayFollow(cur.stage, *stage)) {
    auto next = nextStage(cur.stage);
    std::string msg = next ? "Bước tiếp theo phải là \"" + std::string(label(*next)) + "\" (hoặc ghi nhận không kết nạp)."
                           : "Hồ sơ đã kết thúc, không ghi thêm bước được.";
    return Error{ErrorKind::conflict, "stage_out_of_order", msg, {{"stage", "stage_out_of_order", msg}}};
  }
  if (d < cur.stage_date)
    return unprocessable("date_before_previous", "date",
                         "Ngày của bước này không được trước ngày của bước trước (" + cur.stage_date.vn() + ").");

  const AdmissionRules* ar = admissionRulesInForce(cat.admission, d);
  if (!ar) return noRules(d);
  auto history = tx->admission().stages(id);
  auto people = tx->admission().people(id);
  CandidateRecord next = cur;
  next.stage = *stage;
  next.stage_date = d;
  StageRecord rec;
  rec.candidate_id = id;
  rec.stage = *stage;
  rec.day = d;
  rec.reference = reference.value_or("");
  rec.note = note.value_or("");
  rec.votes_for = in.votes_for;
  rec.votes_total = in.votes_total;
  rec.recorded_by = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  rec.recorded_at = c.now;
  std::vector<FieldChange> changes{{"stage", std::string(label(cur.stage)), std::string(label(*stage))},
                                   {"date", std::nullopt, d.iso()}};
  auto needReference = [&](const char* what) -> std::optional<Error> {
    if (rec.reference.empty()) return unprocessable("required", "reference", std::string("Vui lòng nhập ") + what + ".");
    return std::nullopt;
  };

  switch (*stage) {
    case AdmissionStage::course_completed:
      if (auto e = needReference("số giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng")) return *e;
      break;
    case AdmissionStage::introduced: {
      std::optional<IntroductionRoute> route;
      if (!in.route || !(route = introductionRouteFromCode(*in.route)))
        return unprocessable("invalid_choice", "route", "Vui lòng chọn hình thức giới thiệu.");
      size_t n = 0;
      std::vector<Problem> ps;
      for (const auto& p : people) {
        if (p.role != "introducer") continue;
        ++n;
        auto m = tx->member(p.member_id);
        IntroducerFacts f{p.member_id, m ? m->full_name : "", false, false, p.since};
        if (m) {
          auto place = placementOn(tx->cellPeriods(p.member_id), d);
          MemberState st = stateOn(*m, tx->statusPeriods(p.member_id), d);
          f.on_roll_of_cell = place && place->cell_id == cell.id && st.on_roll;
          f.official = st.standing == StatusKind::official;
        }
        for (auto& pr : introducerProblems(*ar, f, d)) ps.push_back(std::move(pr));
      }
      bool has_youth = youth && !youth->empty();
      for (auto& pr : introductionProblems(*ar, *route, n, has_youth)) ps.push_back(std::move(pr));
      if (!ps.empty()) return problemsError(ps, "introducers");
      next.route = std::string(toCode(*route));
      next.youth_union_resolution = *route == IntroductionRoute::youth_union ? *youth : "";
      changes.push_back({"route", std::nullopt, std::string(label(*route))});
      if (has_youth) changes.push_back({"youth_union_resolution", std::nullopt, *youth});
      break;
    }
    case AdmissionStage::cell_voted: {
      // R-KN-2: the age on the day the chi bộ considers the application.
      AgeVerdict verdict = checkAge(*ar, cur.birth_date, d);
      int months = ageInMonths(cur.birth_date, d);
      if (verdict == AgeVerdict::too_young)
        return unprocessable("age_under_limit", "date", ageMessage(*ar, verdict, months));
      if (verdict == AgeVerdict::over_limit) {
        if (!consent || consent->empty())
          return unprocessable("age_over_limit", "consent", ageMessage(*ar, verdict, months));
        rec.note = "Cấp ủy trực thuộc Trung ương đồng ý: " + *consent + (rec.note.empty() ? "" : ". " + rec.note);
      }
      changes.push_back({"age_months", std::nullopt, std::to_string(months)});
      break;
    }
    case AdmissionStage::decided: {
      if (auto e = needReference("số quyết định kết nạp")) return *e;
      Date got = received && *received ? **received : d;
      if (got < d) return unprocessable("date_before_previous", "received_on", "Ngày nhận quyết định không được trước ngày quyết định.");
      rec.received_on = got;
      next.stage_date = d;
      changes.push_back({"received_on", std::nullopt, got.iso()});
      break;
    }
    case AdmissionStage::admitted: {
      auto decided = lastOf(history, AdmissionStage::decided);
      Date got = decided ? decided->received_on.value_or(decided->day) : cur.stage_date;
      const AdmissionRules* ard = admissionRulesInForce(cat.admission, got);
      Date due = ceremonyDeadline(ard ? *ard : *ar, got, cat.holidays);
      if (d > due) {
        if (!consent || consent->empty())
          return unprocessable("ceremony_consent_required", "consent",
                               "Lễ kết nạp phải tổ chức chậm nhất ngày " + due.vn() + " (" +
                                   std::to_string((ard ? *ard : *ar).ceremony_working_days.value) +
                                   " ngày làm việc kể từ khi nhận quyết định); tổ chức muộn hơn phải ghi văn bản đồng ý của cấp ủy cấp trên.");
        rec.note = "Cấp ủy cấp trên đồng ý tổ chức muộn: " + *consent + (rec.note.empty() ? "" : ". " + rec.note);
      }
      if (in.helper_member_ids.empty())
        return unprocessable("required", "helper_member_ids", "Vui lòng phân công đảng viên chính thức giúp đỡ đảng viên dự bị.");
      for (Id h : in.helper_member_ids)
        if (auto fe = officialMemberOfCell(*tx, h, cell, d, "helper_member_ids"))
          return Error{ErrorKind::validation, fe->code, fe->message, {*fe}};
      // The roster record, in this transaction: nobody re-types the person.
      Member m;
      m.full_name = cur.full_name;
      m.birth_date = cur.birth_date;
      m.gender = genderFromCode(cur.gender).value_or(Gender::other);
      m.phone = cur.phone;
      m.admission_decision_date = decided ? std::optional<Date>(decided->day) : std::nullopt;
      m.admission_ceremony_date = d;
      m.cell_id = cell.id;
      m.id = tx->insertMember(m);
      tx->insertCellPeriod({0, m.id, cell.id, std::nullopt, d, std::nullopt, "Kết nạp vào Đảng"});
      tx->insertStatusPeriod({0, m.id, StatusKind::probationary, d, std::nullopt, "Kết nạp vào Đảng"});
      next.member_id = m.id;
      for (Id h : in.helper_member_ids) {
        bool known = false;
        for (const auto& p : people) known = known || (p.role == "helper" && p.member_id == h);
        if (!known) tx->admission().insertPerson({0, id, h, "helper", d, ""});
      }
      std::string helpers;  // names, as the audit log shows them
      for (Id h : in.helper_member_ids)
        if (auto hm = tx->member(h)) helpers += (helpers.empty() ? "" : ", ") + hm->full_name;
      changes.push_back({"helpers", std::nullopt, helpers});
      changes.push_back({"member_id", std::nullopt, std::to_string(m.id)});
      writeAudit(*tx, c, "member.create", "member", m.id, cell,
                 {{"full_name", std::nullopt, m.full_name},
                  {"admission_ceremony_date", std::nullopt, d.iso()},
                  {"admission_decision_date", std::nullopt, auditValue(m.admission_decision_date)},
                  {"status", std::nullopt, std::string(label(StatusKind::probationary))}});
      break;
    }
    case AdmissionStage::official_voted: {
      auto admitted = lastOf(history, AdmissionStage::admitted);
      quality::RuleResolver rr(cat, *tx);
      const MemberRules* mr = admitted ? rr.findMembers(cell.path, admitted->day) : nullptr;
      if (admitted && mr) {
        Date end = probationEnd(*mr, Probation{0, "", admitted->day, false});
        if (d < end)
          return unprocessable("probation_not_over", "date",
                               "Thời gian dự bị " + std::to_string(mr->probation_months.value) + " tháng kết thúc ngày " +
                                   end.vn() + "; chi bộ chỉ xét công nhận chính thức từ ngày đó.");
      }
      break;
    }
    case AdmissionStage::official: {
      if (auto e = needReference("số quyết định công nhận đảng viên chính thức")) return *e;
      auto admitted = lastOf(history, AdmissionStage::admitted);
      quality::RuleResolver rr(cat, *tx);
      const MemberRules* mr = admitted ? rr.findMembers(cell.path, admitted->day) : nullptr;
      if (cur.member_id && admitted && mr) {
        // Official from the day probation ends (Điều lệ Điều 5; QĐ 24 mục 4).
        Date from = probationEnd(*mr, Probation{0, "", admitted->day, false});
        auto m = tx->member(*cur.member_id);
        if (m) {
          for (auto sp : tx->statusPeriods(m->id))
            if (sp.kind == StatusKind::probationary && !sp.to) {
              sp.to = from.addDays(-1);
              tx->updateStatusPeriod(sp);
            }
          tx->insertStatusPeriod({0, m->id, StatusKind::official, from, std::nullopt,
                                  "Công nhận đảng viên chính thức (" + rec.reference + ")"});
          Member upd = *m;
          upd.official_date = from;
          upd.version = m->version + 1;
          tx->updateMember(upd);
          writeAudit(*tx, c, "member.update", "member", m->id, cell,
                     {{"official_date", auditValue(m->official_date), from.iso()},
                      {"status", std::string(label(StatusKind::probationary)), std::string(label(StatusKind::official))}});
          keptWarningsOnMemberWrite(*tx, m->id, c.now);
        }
      }
      break;
    }
    case AdmissionStage::refused: {
      if (rec.note.empty()) return unprocessable("reason_required", "note", "Vui lòng ghi lý do không kết nạp hoặc không công nhận.");
      if (cur.member_id && isProbation(cur.stage)) {
        // Not recognised: the chi bộ proposes removal (QĐ 24 mục 4); the standing ends with the reason.
        auto m = tx->member(*cur.member_id);
        if (m) {
          for (auto sp : tx->statusPeriods(m->id))
            if (!sp.to && sp.kind == StatusKind::probationary) {
              sp.to = d.addDays(-1);
              tx->updateStatusPeriod(sp);
            }
          tx->insertStatusPeriod({0, m->id, StatusKind::removed, d, std::nullopt, rec.note});
          for (auto cp : tx->cellPeriods(m->id))
            if (!cp.to) {
              cp.to = d.addDays(-1);
              tx->updateCellPeriod(cp);
            }
          writeAudit(*tx, c, "member.status.create", "member", m->id, cell,
                     {{"status", std::string(label(StatusKind::probationary)), std::string(label(StatusKind::removed))},
                      {"note", std::nullopt, rec.note}});
          keptWarningsOnMemberWrite(*tx, m->id, c.now);
        }
      }
      changes.push_back({"note", std::nullopt, rec.note});
      break;
    }
    case AdmissionStage::listed:
      break;  // never follows anything (mayFollow)
  }
  if (!rec.reference.empty()) changes.push_back({"reference", std::nullopt, rec.reference});
  if (rec.votes_for) changes.push_back({"votes_for", std::nullopt, std::to_string(*rec.votes_for)});
  if (rec.votes_total) changes.push_back({"votes_total", std::nullopt, std::to_string(*rec.votes_total)});
  tx->admission().insertStage(rec);
  next.version = cur.version + 1;
  tx->admission().updateCandidate(next);
  writeAudit(*tx, c, "candidate.stage", "candidate", id, cell, std::move(changes));
  keptWarningsOnOrgWrite(*tx, cell.id, c.now);  // a ceremony held (or refused) closes R-KN-1's warning
  if (next.member_id) keptWarningsOnMemberWrite(*tx, *next.member_id, c.now);
  tx->commit();
  tx.reset();
  return getCandidate(store, cat, c, id);
}

}  // namespace chibo
