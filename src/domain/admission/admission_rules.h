#pragma once
// The numbers of the admission rules (R-KN-1, R-KN-2), as data: an admission
// rule file (rules/admission-*.json, "kind": "admission") chosen by the date
// it is judged on, each value with its source. Probation itself (12 months,
// 30 working days to review, R-DUBI-1) stays in the charter sets
// (rule_set.h MemberRules) and is reused, not repeated here.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "domain/rules/cited.h"

namespace chibo {

struct AdmissionRules {
  std::string id;  // "admission-qd294-2025"
  std::string name;
  int version = 1;
  Date effective_from;
  std::optional<Date> effective_to;  // inclusive

  Cited<int> min_age_months;            // R-KN-2: đủ 18 tuổi (216 months)
  Cited<int> max_age_months;            // R-KN-2: đến đủ 60 tuổi (720 months); above: the provincial route
  Cited<int> introducers_required;      // R-KN-2: 2 official members
  Cited<int> youth_union_introducers;   // R-KN-2: Đoàn resolution + 1 official member
  Cited<int> introducer_min_months;     // R-KN-2: worked with the applicant ≥ 1 year (12 months)
  Cited<int> ceremony_working_days;     // R-KN-1: ceremony within 30 working days of receiving the decision
};

// Bounds and order (min age < max age, ≥ 1 introducer, ...). Field paths "thresholds.<name>".
Status validateAdmissionRules(const AdmissionRules&);

// The set in force on `at` (latest effective_from, then highest version), or null.
const AdmissionRules* admissionRulesInForce(const std::vector<AdmissionRules>& sets, Date at);

}  // namespace chibo
