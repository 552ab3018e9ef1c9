#pragma once
// Reads rule-set files (rules/*.json, schema in rules/README.md) into the
// domain's RuleSet and RuleOverride. JSON stays here: src/domain never sees it.
//
// Design notes:
// - Strict: unknown keys are errors, so a misspelt threshold is caught at load
//   time instead of silently falling back to the central default.
// - One parser for both kinds; a central file must set every threshold and a
//   rubric (completeRuleSet), a local file only what it overrides.
// - Every Cited value's `origin` is set to the file's "id".
// - Errors are validation errors whose field paths point into the file
//   ("thresholds.min_duration_minutes.value") and whose message names the file.
#include <filesystem>
#include <string_view>
#include <vector>

#include "domain/admission/admission_rules.h"
#include "domain/dues/dues_rules.h"
#include "domain/result.h"
#include "domain/review/review_rules.h"
#include "domain/rules/calendar.h"
#include "domain/rules/rule_set.h"

namespace chibo {

struct RuleCatalog {
  std::vector<RuleSet> central;
  std::vector<RuleOverride> charter;  // the Điều lệ's rules by date (validateCharter)
  std::vector<RuleOverride> local;  // org_id/org_path unset: attaching them is the store's job
  std::vector<DuesRules> dues;      // "kind": "dues" (party dues, rules/README.md)
  std::vector<ReviewRules> review;  // year-end classification ("kind": "evaluation")
  std::vector<AdmissionRules> admission;  // "kind": "admission" (R-KN-1, R-KN-2), chosen by date
  HolidayCalendar holidays;  // "kind": "holidays" (at most one file); empty = weekends only
};

// Parses a file with "kind": "admission" (validateAdmissionRules).
Result<AdmissionRules> parseAdmissionRules(std::string_view json_text, std::string_view file_name);
// Parses a file with "kind": "holidays" into an indexed calendar.
Result<HolidayCalendar> parseHolidayCalendar(std::string_view json_text, std::string_view file_name);

// Parses the text of a file with "kind": "central". `file_name` only labels errors.
Result<RuleSet> parseCentralRules(std::string_view json_text, std::string_view file_name);
// Parses the text of a file with "kind": "charter" (validateCharter).
Result<RuleOverride> parseCharterRules(std::string_view json_text, std::string_view file_name);
// Parses the text of a file with "kind": "local".
Result<RuleOverride> parseLocalRules(std::string_view json_text, std::string_view file_name);

// Parses the text of a file with "kind": "dues" (dues_rule_loader.cpp).
Result<DuesRules> parseDuesRules(std::string_view json_text, std::string_view file_name);

// The same, reading the file first (error code "rule_file_unreadable" if it cannot be read).
Result<RuleSet> loadCentralRules(const std::filesystem::path&);
Result<RuleOverride> loadLocalRules(const std::filesystem::path&);

// Every *.json in `dir`, sorted by file name, split by kind. Fails on the first bad file.
Result<RuleCatalog> loadRulesDir(const std::filesystem::path& dir);

}  // namespace chibo
