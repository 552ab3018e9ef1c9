#include "domain/admission/deadlines.h"

#include "domain/rules/member_warnings.h"

namespace chibo {

Date ceremonyDeadline(const AdmissionRules& r, Date decision_received, const HolidayCalendar& cal) {
  return addWorkingDays(decision_received, r.ceremony_working_days.value, cal);
}

std::optional<AdmissionDeadline> currentDeadline(const AdmissionRules& r, const MemberRules& mr, AdmissionStage stage,
                                                 std::optional<Date> decision_received,
                                                 std::optional<Date> ceremony_date, Date at,
                                                 const HolidayCalendar& cal) {
  if (stage == AdmissionStage::decided && decision_received) {
    Date due = ceremonyDeadline(r, *decision_received, cal);
    return AdmissionDeadline{"ceremony", due, at > due};
  }
  if (stage == AdmissionStage::admitted && ceremony_date) {
    Date due = probationReviewDeadline(mr, Probation{0, "", *ceremony_date, false}, cal);
    return AdmissionDeadline{"official_review", due, at > due};
  }
  return std::nullopt;
}

std::vector<Warning> ceremonyWarnings(const AdmissionRules& r, Id cell_id, const std::string& full_name,
                                      Date decision_received, Date at, const HolidayCalendar& cal) {
  Date due = ceremonyDeadline(r, decision_received, cal);
  if (at <= due) return {};
  const auto& days = r.ceremony_working_days;
  return {{"admission_ceremony_overdue", Severity::serious, SubjectKind::org, cell_id,
           "Quá hạn tổ chức lễ kết nạp cho " + full_name + " (hạn ngày " + due.vn() + ", " +
               std::to_string(days.value) +
               " ngày làm việc kể từ khi nhận quyết định kết nạp); tổ chức muộn hơn phải được cấp ủy cấp trên đồng ý.",
           "R-KN-1", r.id, days.source}};
}

}  // namespace chibo
