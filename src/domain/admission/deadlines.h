#pragma once
// The deadlines of the pipeline in working days of the holiday calendar:
//  - R-KN-1: the ceremony within ceremony_working_days of receiving the
//    admission decision (QĐ 24 mục 3; later needs the superior's consent);
//  - R-DUBI-1: official status considered within probation_review_working_days
//    after probation_months from the ceremony (Điều lệ Điều 5, QĐ 24 mục 4),
//    computed by member_warnings' probationReviewDeadline, reused here.
#include <optional>
#include <string>
#include <vector>

#include "domain/admission/admission_rules.h"
#include "domain/admission/stage.h"
#include "domain/ids.h"
#include "domain/rules/calendar.h"
#include "domain/rules/rule_set.h"
#include "domain/rules/warning.h"

namespace chibo {

// Last day for the ceremony: decision received + ceremony_working_days working days.
Date ceremonyDeadline(const AdmissionRules&, Date decision_received, const HolidayCalendar&);

// The deadline that applies to a candidate at its stage, if any.
struct AdmissionDeadline {
  std::string kind;  // "ceremony" | "official_review"
  Date due;
  bool overdue = false;  // `at` is after `due`
};
// ceremony while `decided`; official_review while `admitted` (the review is
// the chi bộ's vote: once `official_voted` is recorded nothing is due).
std::optional<AdmissionDeadline> currentDeadline(const AdmissionRules&, const MemberRules&, AdmissionStage stage,
                                                 std::optional<Date> decision_received,
                                                 std::optional<Date> ceremony_date, Date at, const HolidayCalendar&);

// R-KN-1 as an early warning, for a candidate whose decision is in and the
// ceremony not held, judged at `at`: "admission_ceremony_overdue" (serious)
// after the deadline, else nothing (the pipeline view shows the due date).
// Subject: the cell (`cell_id`); the message names the person.
std::vector<Warning> ceremonyWarnings(const AdmissionRules&, Id cell_id, const std::string& full_name,
                                      Date decision_received, Date at, const HolidayCalendar&);

}  // namespace chibo
