// The year-end classification rule files ("kind": "evaluation").
#include <gtest/gtest.h>

#include "app/rules/review_rules_loader.h"
#include "app/rules/rule_loader.h"

namespace chibo {
namespace {

const std::filesystem::path kDir = CHIBO_RULES_DIR;

std::string file(std::string_view values, std::string_view extra = "") {
  return std::string(R"({"kind": "evaluation", "id": "t", "name": "Thử", "issuer_document": "QĐ thử",
    "effective_from": "2025-08-30", "effective_to": null)") +
         std::string(extra) + R"(, "values": {)" + std::string(values) + "}}";
}

const char* kAll = R"(
  "excellent_min_points": {"value": 90, "source": "a"}, "good_min_points": {"value": 70, "source": "a"},
  "done_min_points": {"value": 50, "source": "a"}, "excellent_quota_percent": {"value": 20, "source": "a"},
  "quota_basis": {"value": "reviewed", "source": "a"},
  "excellent_needs_all_tasks_on_time": {"value": 1, "source": "a"},
  "good_needs_all_tasks_on_time": {"value": 0, "source": "a"},
  "collective_done_max_late_percent": {"value": 20, "source": "a"},
  "collective_excellent_no_failing_member": {"value": 1, "source": "a"})";

bool hasField(const Error& e, std::string_view field, std::string_view code) {
  for (const auto& f : e.field_errors)
    if (f.field == field && f.code == code) return true;
  return false;
}

TEST(ReviewRuleFile, TheShippedFileLoadsWithItsSources) {
  auto cat = loadRulesDir(kDir);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_EQ(cat->review.size(), 1u);
  const auto& r = cat->review[0];
  EXPECT_EQ(r.id, "evaluation-qd366-2025");
  EXPECT_EQ(r.excellent_min_points.value, 90);
  EXPECT_EQ(r.good_min_points.value, 70);
  EXPECT_EQ(r.done_min_points.value, 50);
  EXPECT_EQ(r.excellent_quota_percent.value, 20);
  EXPECT_EQ(r.quota_basis.value, QuotaBasis::good);
  EXPECT_EQ(r.excellent_min_points.origin, "evaluation-qd366-2025");
  EXPECT_NE(r.excellent_quota_percent.source.find("chưa có văn bản xác nhận"), std::string::npos);
  EXPECT_EQ(reviewRulesOn(cat->review, *Date::fromYmd(2025, 12, 31)), &r);
}

TEST(ReviewRuleFile, ParsesEveryValue) {
  auto r = parseReviewRules(file(kAll), "t.json");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->quota_basis.value, QuotaBasis::reviewed);
  EXPECT_EQ(r->good_needs_all_tasks_on_time.value, 0);
  EXPECT_EQ(r->excellent_quota_percent.source, "a");
}

TEST(ReviewRuleFile, RefusesMissingSourcesUnknownKeysAndBadBands) {
  auto no_source = parseReviewRules(file(std::string(kAll).replace(std::string(kAll).find(R"("source": "a")"), 13,
                                                                    R"("source": "")")),
                                    "t.json");
  ASSERT_FALSE(no_source.ok());
  EXPECT_TRUE(hasField(no_source.error(), "values.excellent_min_points.source", "required"));
  EXPECT_NE(no_source.error().message.find("t.json"), std::string::npos);

  auto unknown = parseReviewRules(file(std::string(kAll) + R"(, "bonus": {"value": 1, "source": "a"})"), "t.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(hasField(unknown.error(), "values.bonus", "unknown_field"));

  std::string swapped(kAll);
  swapped.replace(swapped.find(R"("value": 70)"), 11, R"("value": 95)");
  auto bands = parseReviewRules(file(swapped), "t.json");
  ASSERT_FALSE(bands.ok());
  EXPECT_TRUE(hasField(bands.error(), "values", "bands_out_of_order"));

  std::string basis(kAll);
  basis.replace(basis.find(R"("reviewed")"), 10, R"("all")");
  EXPECT_TRUE(hasField(parseReviewRules(file(basis), "t.json").error(), "values.quota_basis.value", "invalid_choice"));

  auto missing = parseReviewRules(file(R"("excellent_min_points": {"value": 90, "source": "a"})"), "t.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(hasField(missing.error(), "values.done_min_points", "required"));

  EXPECT_FALSE(parseReviewRules("[1]", "t.json").ok());
  EXPECT_TRUE(hasField(parseReviewRules(file(kAll, R"(, "extra": 1)"), "t.json").error(), "extra", "unknown_field"));
}

}  // namespace
}  // namespace chibo
