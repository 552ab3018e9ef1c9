#include "domain/review/review_rules.h"

#include "domain/rules/in_force.h"

namespace chibo {

const ReviewRules* reviewRulesOn(const std::vector<ReviewRules>& all, Date day) {
  return ruleSetInForce(all, day);
}

std::string_view toCode(QuotaBasis b) { return b == QuotaBasis::good ? "good" : "reviewed"; }

std::optional<QuotaBasis> quotaBasisFromCode(std::string_view c) {
  if (c == "good") return QuotaBasis::good;
  if (c == "reviewed") return QuotaBasis::reviewed;
  return std::nullopt;
}

}  // namespace chibo
