#include "domain/admission/admission_rules.h"

#include "domain/rules/in_force.h"

namespace chibo {

Status validateAdmissionRules(const AdmissionRules& r) {
  Validator v;
  auto range = [&](const Cited<int>& c, const char* name, int lo, int hi) {
    if (c.value < lo || c.value > hi)
      v.add(std::string("thresholds.") + name, "out_of_range",
            "Giá trị phải từ " + std::to_string(lo) + " đến " + std::to_string(hi) + ".");
    if (c.source.empty()) v.add(std::string("thresholds.") + name, "required", "Mỗi giá trị phải ghi rõ nguồn.");
  };
  range(r.min_age_months, "min_age_months", 0, 1200);
  range(r.max_age_months, "max_age_months", 0, 1200);
  range(r.introducers_required, "introducers_required", 1, 5);
  range(r.youth_union_introducers, "youth_union_introducers", 1, 5);
  range(r.introducer_min_months, "introducer_min_months", 0, 120);
  range(r.ceremony_working_days, "ceremony_working_days", 1, 365);
  if (v.ok() && r.min_age_months.value >= r.max_age_months.value)
    v.add("thresholds.min_age_months", "out_of_order", "Tuổi tối thiểu phải nhỏ hơn tuổi tối đa.");
  if (r.effective_to && *r.effective_to < r.effective_from)
    v.add("effective_to", "out_of_order", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
  if (!v.ok()) return v.error();
  return okStatus();
}

const AdmissionRules* admissionRulesInForce(const std::vector<AdmissionRules>& sets, Date at) {
  return ruleSetInForce(sets, at);
}

}  // namespace chibo
