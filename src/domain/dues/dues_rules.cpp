#include "domain/dues/dues_rules.h"

#include "domain/rules/in_force.h"

namespace chibo {
namespace {
void bound(Validator& v, const char* name, const Cited<int>& c, int lo, int hi) {
  if (c.value < lo || c.value > hi)
    v.add(std::string("thresholds.") + name, "out_of_range", "Giá trị nằm ngoài khoảng cho phép.");
  if (c.source.empty()) v.add(std::string("thresholds.") + name + ".source", "required", "Thiếu nguồn.");
}
}  // namespace

Status validateDuesRules(const DuesRules& r) {
  Validator v;
  if (r.id.empty()) v.add("id", "required", "Bộ quy tắc phải có mã.");
  if (r.name.empty()) v.add("name", "required", "Bộ quy tắc phải có tên.");
  if (r.version < 1) v.add("version", "out_of_range", "Phiên bản phải từ 1 trở lên.");
  if (r.effective_to && *r.effective_to < r.effective_from)
    v.add("effective_to", "before_start", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
  bound(v, "salary_rate_bp", r.salary_rate_bp, 0, 10000);
  bound(v, "pension_rate_bp", r.pension_rate_bp, 0, 10000);
  bound(v, "other_rate_bp", r.other_rate_bp, 0, 10000);
  bound(v, "rounding_unit", r.rounding_unit, 1, 100000);
  bound(v, "max_reduction_months", r.max_reduction_months, 1, 120);
  bound(v, "exempt_members_pay", r.exempt_members_pay, 0, 1);
  bound(v, "grace_days", r.grace_days, 0, 60);
  int prev = 0;
  for (int p : r.reduction_percents) {
    if (p <= prev || p >= 100)
      v.add("reduction_percents.value", "out_of_range", "Mức giảm phải tăng dần, từ 1 đến 99.");
    prev = p;
  }
  if (r.reduction_percents_source.empty())
    v.add("reduction_percents.source", "required", "Thiếu nguồn.");
  if (!v.ok()) return v.error();
  return okStatus();
}

const DuesRules* duesRulesInForce(const std::vector<DuesRules>& sets, Date at) {
  return ruleSetInForce(sets, at);
}

}  // namespace chibo
