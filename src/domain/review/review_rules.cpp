#include "domain/review/review_rules.h"

namespace chibo {

const ReviewRules* reviewRulesOn(const std::vector<ReviewRules>& all, Date day) {
  const ReviewRules* best = nullptr;
  for (const auto& r : all) {
    if (r.effective_from > day) continue;
    if (r.effective_to && *r.effective_to < day) continue;
    if (!best || best->effective_from < r.effective_from) best = &r;
  }
  return best;
}

std::string_view toCode(QuotaBasis b) { return b == QuotaBasis::good ? "good" : "reviewed"; }

std::optional<QuotaBasis> quotaBasisFromCode(std::string_view c) {
  if (c == "good") return QuotaBasis::good;
  if (c == "reviewed") return QuotaBasis::reviewed;
  return std::nullopt;
}

}  // namespace chibo
