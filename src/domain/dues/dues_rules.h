#pragma once
// The party-dues rule set (rules/dues-*.json, "kind": "dues"): rates, the
// rounding unit, the allowed reductions and who owes, each value with its
// source. Quy định 01-QĐ/TW ngày 03/02/2026 (R-FEE-1); the
// numbers the sources do not confirm are marked so in the file, never here.
//
// Rates are in basis points (1/10000) so a 0.5 % rate stays an integer.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "domain/rules/cited.h"

namespace chibo {

struct DuesRules {
  std::string id;  // "dues-qd01-2026"
  std::string name;
  int version = 1;
  std::string issuer_document;
  Date effective_from;
  std::optional<Date> effective_to;  // inclusive

  Cited<int> salary_rate_bp;         // 100 = 1 % of the social-insurance salary base
  Cited<int> pension_rate_bp;        // 50 = 0.5 % of the pension
  Cited<int> other_rate_bp;          // other categories: of the amount recorded as their basis
  Cited<int> rounding_unit;          // đồng; amounts round half up to a multiple of it
  std::vector<int> reduction_percents;  // allowed reductions, e.g. 30, 50, 70
  std::string reduction_percents_source;
  Cited<int> max_reduction_months;   // one reduction decision covers at most this many months
  Cited<int> exempt_members_pay;     // 1 when members exempt from meetings still owe dues
  Cited<int> grace_days;             // days after month end before an unpaid month counts
};

// Bounds and consistency: rates 0..10000, unit 1..100000, percents in 1..99
// ascending and unique, max months 1..120, flags 0/1, grace 0..60, dates.
Status validateDuesRules(const DuesRules&);

// The set in force on `at` (latest effective_from, then highest version), or null.
const DuesRules* duesRulesInForce(const std::vector<DuesRules>& sets, Date at);

}  // namespace chibo
