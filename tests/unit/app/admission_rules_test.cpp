// The admission rule files and the holiday calendar as shipped in rules/, and
// the loader's refusals of bad ones.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/quality/quality.h"
#include "app/rules/rule_loader.h"
#include "domain/admission/deadlines.h"

namespace chibo {
namespace {
namespace fs = std::filesystem;
const fs::path kDir = CHIBO_RULES_DIR;
Date d(const char* s) { return *Date::parseIso(s); }

TEST(AdmissionRuleFiles, TheShippedCatalogHasThemWithSources) {
  auto cat = loadRuleCatalog(kDir);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_EQ(cat->holidays.id, "holidays-vn");
  const AdmissionRules* r = admissionRulesInForce(cat->admission, d("2026-06-01"));
  ASSERT_NE(r, nullptr);
  for (const Cited<int>* c : {&r->min_age_months, &r->max_age_months, &r->introducers_required,
                              &r->youth_union_introducers, &r->introducer_min_months, &r->ceremony_working_days}) {
    EXPECT_FALSE(c->source.empty());
    EXPECT_EQ(c->origin, r->id);
  }
  EXPECT_EQ(r->min_age_months.value, 216);
  EXPECT_EQ(r->ceremony_working_days.value, 30);
  // Tết Bính Ngọ and Tết Ất Tỵ's make-up Saturday, as the file lists them.
  EXPECT_FALSE(isWorkingDay(d("2026-02-16"), cat->holidays));
  EXPECT_FALSE(isWorkingDay(d("2026-02-20"), cat->holidays));
  EXPECT_TRUE(isWorkingDay(d("2026-02-23"), cat->holidays));
  EXPECT_TRUE(isWorkingDay(d("2025-02-08"), cat->holidays));
  // Every listed year has its source.
  for (const auto& y : cat->holidays.years) EXPECT_FALSE(y.source.empty()) << y.year;
  EXPECT_EQ(ceremonyDeadline(*r, d("2026-01-15"), cat->holidays), d("2026-03-05"));
}

TEST(AdmissionRuleFiles, BadFilesAreRefused) {
  const char* good =
      R"({"kind": "admission", "id": "a", "name": "n", "version": 1, "issuer_document": "x", "effective_from": "2021-07-30",
          "thresholds": {"min_age_months": {"value": 216, "source": "s"}, "max_age_months": {"value": 720, "source": "s"},
          "introducers_required": {"value": 2, "source": "s"}, "youth_union_introducers": {"value": 1, "source": "s"},
          "introducer_min_months": {"value": 12, "source": "s"}, "ceremony_working_days": {"value": 30, "source": "s"}}})";
  ASSERT_TRUE(parseAdmissionRules(good, "a.json").ok());
  std::string typo = good;
  typo.replace(typo.find("ceremony_working_days"), 21, "ceremony_workingdays");
  auto r = parseAdmissionRules(typo, "a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_rule_file");
  std::string order = good;
  order.replace(order.find("720"), 3, "100");
  EXPECT_FALSE(parseAdmissionRules(order, "a.json").ok());  // min above max

  auto cal = parseHolidayCalendar(
      R"({"kind": "holidays", "id": "h", "name": "n", "source": "s", "fixed": [{"month": 1, "day": 1, "name": "x"}],
          "years": [{"year": 2026, "days_off": ["2026-02-17"], "working_days": ["2026-02-18"], "source": "s"}]})",
      "h.json");
  ASSERT_FALSE(cal.ok());  // a make-up working day on a Wednesday
  EXPECT_EQ(cal.error().field_errors.at(0).code, "not_weekend");
  auto wrong = parseHolidayCalendar(
      R"({"kind": "holidays", "id": "h", "name": "n", "source": "s", "fixed": [{"month": 2, "day": 30, "name": "x"}]})", "h.json");
  EXPECT_FALSE(wrong.ok());
}

}  // namespace
}  // namespace chibo
