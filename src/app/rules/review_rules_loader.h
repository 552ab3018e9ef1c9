#pragma once
// Reads a year-end classification rule file ("kind": "evaluation", schema in
// rules/README.md) into the domain's ReviewRules. Strict like the meeting rule
// files: every value is required with its source, unknown keys are errors.
#include <string_view>

#include "domain/result.h"
#include "domain/review/review_rules.h"

namespace chibo {

Result<ReviewRules> parseReviewRules(std::string_view json_text, std::string_view file_name);

}  // namespace chibo
