#include "app/rules/rule_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/rules/score.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;
using test::dt;
namespace fs = std::filesystem;

const fs::path kDir = CHIBO_RULES_DIR;

bool hasField(const Error& e, const std::string& field, const std::string& code) {
  for (const auto& fe : e.field_errors)
    if (fe.field == field && fe.code == code) return true;
  return false;
}

// A minimal valid central file, to break one piece at a time.
std::string central(const std::string& thresholds_extra = "", const std::string& rubric = "") {
  std::string t = R"("min_duration_minutes": {"value": 90, "source": "s"},
    "min_duration_combined_minutes": {"value": 120, "source": "s"},
    "large_cell_members": {"value": 0, "source": "s"},
    "min_duration_large_cell_minutes": {"value": 0, "source": "s"},
    "attendance_threshold_percent": {"value": 85, "source": "s"},
    "max_consecutive_excused": {"value": 3, "source": "s"},
    "removal_warn_months": {"value": 2, "source": "s"},
    "removal_months": {"value": 3, "source": "s"},
    "probation_months": {"value": 12, "source": "s"},
    "probation_review_working_days": {"value": 30, "source": "s"},
    "probation_notice_days": {"value": 30, "source": "s"},
    "probationary_votes": {"value": 0, "source": "s"},
    "documents_days_before": {"value": 1, "source": "s"},
    "monthly_meeting_due_day": {"value": 31, "source": "s"},
    "thematic_per_quarter": {"value": 1, "source": "s"},
    "grade_good": {"value": 90, "source": "s"},
    "grade_fair": {"value": 70, "source": "s"},
    "grade_average": {"value": 50, "source": "s"})";
  std::string r = rubric.empty() ? R"({"id": "r", "name": "r", "source": "s", "criteria": [
      {"code": "conduct", "name": "c", "kind": "judgement", "max": 100, "source": "s"}]})"
                                 : rubric;
  return R"({"kind": "central", "id": "central-test", "name": "t", "version": 1, "issuer_document": "x",
    "effective_from": "2026-01-01", "effective_to": null, "thresholds": {)" +
         t + thresholds_extra + R"(}, "rubric": )" + r + "}";
}

TEST(RuleFiles, CentralHd42LoadsWithSources) {
  auto rs = loadCentralRules(kDir / "central-hd42-2025.json");
  ASSERT_TRUE(rs.ok()) << rs.error().message;
  EXPECT_EQ(rs->id, "central-hd42-2025");
  EXPECT_EQ(rs->effective_from, d("2025-10-28"));
  EXPECT_FALSE(rs->effective_to);
  EXPECT_EQ(rs->min_duration_minutes.value, 90);
  EXPECT_NE(rs->min_duration_minutes.source.find("HD 42-HD/BTCTW"), std::string::npos);
  EXPECT_EQ(rs->min_duration_minutes.origin, "central-hd42-2025");
  EXPECT_EQ(rs->min_duration_combined_minutes.value, 120);
  EXPECT_DOUBLE_EQ(rs->attendance_threshold_percent.value, 85);
  EXPECT_EQ(rs->documents_days_before.value, 1);
  EXPECT_EQ(rs->removal_months.value, 3);
  EXPECT_NE(rs->removal_months.source.find("Điều 8"), std::string::npos);
  EXPECT_EQ(rs->probation_review_working_days.value, 30);
  EXPECT_DOUBLE_EQ(rs->rubric.maxTotal(), 100);
  for (const auto& c : rs->rubric.criteria) {
    EXPECT_FALSE(c.source.empty()) << c.code;
    EXPECT_EQ(c.origin, "central-hd42-2025");
  }
}

TEST(RuleFiles, CentralHd12CoversTheYearsBeforeHd42) {
  auto rs = loadCentralRules(kDir / "central-hd12-2018.json");
  ASSERT_TRUE(rs.ok()) << rs.error().message;
  EXPECT_EQ(rs->effective_from, d("2018-07-06"));
  EXPECT_EQ(rs->effective_to, d("2025-10-27"));
  EXPECT_EQ(rs->min_duration_minutes.value, 0);
  EXPECT_DOUBLE_EQ(rs->rubric.maxTotal(), 100);
}

TEST(RuleFiles, EveryThresholdOfEveryCentralFileCarriesASource) {
  for (const char* f : {"central-hd12-2018.json", "central-hd42-2025.json"}) {
    auto rs = loadCentralRules(kDir / f);
    ASSERT_TRUE(rs.ok()) << f << ": " << rs.error().message;
    for (const auto& spec : intFieldSpecs()) EXPECT_FALSE(((*rs).*spec.in_set).source.empty()) << f << spec.name;
    for (const auto& spec : doubleFieldSpecs()) EXPECT_FALSE(((*rs).*spec.in_set).source.empty()) << f << spec.name;
  }
}

TEST(RuleFiles, AnPhuOverrideSetsOnlyItsFields) {
  auto ov = loadLocalRules(kDir / "local-an-phu-2025.json");
  ASSERT_TRUE(ov.ok()) << ov.error().message;
  EXPECT_EQ(ov->id, "local-an-phu-2025");
  EXPECT_EQ(ov->large_cell_members->value, 30);
  EXPECT_EQ(ov->min_duration_large_cell_minutes->value, 120);
  EXPECT_FALSE(ov->min_duration_minutes);
  EXPECT_FALSE(ov->grade_good);
  ASSERT_TRUE(ov->rubric);
  EXPECT_EQ(ov->rubric->id, "an-phu-2025");
  EXPECT_DOUBLE_EQ(ov->rubric->maxTotal(), 100);
  EXPECT_TRUE(ov->org_path.empty());  // attached by the store
}

TEST(RuleFiles, DirectoryLoadsAllThree) {
  auto cat = loadRulesDir(kDir);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  EXPECT_EQ(cat->central.size(), 3u);
  EXPECT_EQ(cat->charter.size(), 4u);
  EXPECT_EQ(cat->local.size(), 1u);
}

// The data files must give the same hand-computed scores as the rule sets
// rebuilt in code in tests/unit/domain (score_test.cpp).
TEST(RuleFiles, ScoresMatchTheHandComputedExpectations) {
  auto cat = loadRulesDir(kDir);
  ASSERT_TRUE(cat.ok());
  auto local = cat->local;
  local[0].org_path = "/1/2/";

  MeetingFacts f;
  f.kind = MeetingKind::regular;
  f.duration_minutes = 95;
  f.members_on_roll = 22;
  f.attendance = test::counts(20, 19, 1, 0);
  f.distinct_speakers = 10;
  f.planned_start = dt("2026-03-10T19:30");
  f.preparation.chi_uy_meeting_at = dt("2026-03-03T08:00");
  f.preparation.content_preparer_member_id = 2;
  f.preparation.draft_resolution_attached = true;
  f.preparation.notice_members_at = dt("2026-03-05T08:00");
  f.preparation.notice_monitor_at = dt("2026-03-05T08:00");
  f.preparation.documents_published_at = dt("2026-03-09T20:00");
  f.previous_tasks_total = 5;
  f.previous_tasks_reviewed = 5;
  f.targets_evaluated = 10;
  f.targets_met = 8;
  f.completeness_checks = 12;
  f.longest_excused_streak = 1;

  auto hd42 = resolveRuleSet(cat->central, local, "/1/3/9/", d("2026-03-10"));
  auto anphu = resolveRuleSet(cat->central, local, "/1/2/7/", d("2026-03-10"));
  auto hd12 = resolveRuleSet(cat->central, local, "/1/2/7/", d("2024-05-10"));
  ASSERT_TRUE(hd42.ok() && anphu.ok() && hd12.ok());
  EXPECT_DOUBLE_EQ(scoreMeeting(*hd42, f, {{{"conduct", 27}, {"chairing", 9}, {"principles", 5}}}).total, 90);
  EXPECT_DOUBLE_EQ(scoreMeeting(*anphu, f, {{{"conduct", 30}, {"principles", 5}}}).total, 92);
  EXPECT_DOUBLE_EQ(scoreMeeting(*hd12, f, {{{"conduct", 18}, {"principles", 18}}}).total, 92);

  // The weak meeting of score_test.cpp.
  f.duration_minutes = 80;
  f.members_on_roll = 32;
  f.attendance = test::counts(30, 24, 5, 1);
  f.distinct_speakers = 9;
  f.preparation.draft_resolution_attached = false;
  f.preparation.notice_monitor_at.reset();
  f.preparation.documents_published_at = dt("2026-03-10T08:00");
  f.targets_met = 6;
  f.completeness_failed = 3;
  f.longest_excused_streak = 4;
  EXPECT_DOUBLE_EQ(scoreMeeting(*hd42, f, {}).total, 26.75);
  EXPECT_DOUBLE_EQ(scoreMeeting(*anphu, f, {}).total, 34.75);
}

TEST(RuleLoader, MinimalCentralFileParses) {
  auto rs = parseCentralRules(central(), "test.json");
  ASSERT_TRUE(rs.ok()) << rs.error().message;
  EXPECT_EQ(rs->rubric.criteria[0].kind, CriterionKind::judgement);
}

TEST(RuleLoader, UnknownThresholdNamesTheFileAndField) {
  auto rs = parseCentralRules(central(R"(, "min_duraton_minutes": {"value": 90, "source": "s"})"), "typo.json");
  ASSERT_FALSE(rs.ok());
  EXPECT_EQ(rs.error().code, "invalid_rule_file");
  EXPECT_TRUE(hasField(rs.error(), "thresholds.min_duraton_minutes", "unknown_field"));
  EXPECT_NE(rs.error().message.find("typo.json"), std::string::npos);
  EXPECT_NE(rs.error().message.find("thresholds.min_duraton_minutes"), std::string::npos);
}

TEST(RuleLoader, EveryNumberNeedsASourceAndIntegersMustBeWhole) {
  std::string text = central();
  text.replace(text.find(R"("documents_days_before": {"value": 1, "source": "s"})"),
               std::string(R"("documents_days_before": {"value": 1, "source": "s"})").size(),
               R"("documents_days_before": {"value": 1.5})");
  auto rs = parseCentralRules(text, "t.json");
  ASSERT_FALSE(rs.ok());
  EXPECT_TRUE(hasField(rs.error(), "thresholds.documents_days_before.source", "required"));
  EXPECT_TRUE(hasField(rs.error(), "thresholds.documents_days_before.value", "not_integer"));
}

TEST(RuleLoader, CentralFileMustSetEveryThreshold) {
  std::string text = central();
  auto at = text.find(R"("grade_average")");
  text.erase(text.rfind(',', at), text.find('}', at) - text.rfind(',', at) + 1);
  auto rs = parseCentralRules(text, "t.json");
  ASSERT_FALSE(rs.ok());
  EXPECT_TRUE(hasField(rs.error(), "thresholds.grade_average", "required"));
}

TEST(RuleLoader, RubricMistakesAreReportedWithTheirPath) {
  auto rs = parseCentralRules(central("", R"({"id": "r", "name": "r", "source": "s", "criteria": [
      {"code": "attendance", "name": "a", "kind": "objective", "measure": "attendance", "max": 5, "source": "s",
       "bands": [{"input": "turnout", "at_least": 90, "points": 5}]},
      {"code": "x", "name": "x", "kind": "subjective", "max": 5, "source": "s"},
      {"code": "y", "name": "y", "kind": "objective", "measure": "mood", "max": 5, "source": "s"}]})"),
                              "t.json");
  ASSERT_FALSE(rs.ok());
  EXPECT_TRUE(hasField(rs.error(), "rubric.criteria[1].kind", "invalid_choice"));
  EXPECT_TRUE(hasField(rs.error(), "rubric.criteria[2].measure", "invalid_choice"));
  // The band input is checked by the domain once the shape is right.
  auto only_band = parseCentralRules(central("", R"({"id": "r", "name": "r", "source": "s", "criteria": [
      {"code": "attendance", "name": "a", "kind": "objective", "measure": "attendance", "max": 5, "source": "s",
       "bands": [{"input": "turnout", "at_least": 90, "points": 5}]}]})"),
                                     "t.json");
  ASSERT_FALSE(only_band.ok());
  EXPECT_TRUE(hasField(only_band.error(), "rubric.criteria[0].bands[0].input", "unknown_input"));
}

TEST(RuleLoader, WrongKindBadDateAndBadJson) {
  auto wrong = parseLocalRules(central(), "t.json");
  ASSERT_FALSE(wrong.ok());
  EXPECT_TRUE(hasField(wrong.error(), "kind", "wrong_kind"));

  std::string text = central();
  text.replace(text.find("2026-01-01"), 10, "01/01/2026");
  EXPECT_TRUE(hasField(parseCentralRules(text, "t.json").error(), "effective_from", "invalid_date"));

  auto bad = parseCentralRules("{\"kind\": ", "broken.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "rule_file_unreadable");
  EXPECT_EQ(bad.error().kind, ErrorKind::bad_request);
  EXPECT_NE(bad.error().message.find("broken.json"), std::string::npos);

  auto missing = loadCentralRules(kDir / "no-such-file.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "rule_file_unreadable");
}

TEST(RuleLoader, LocalFileMaySetAnySubsetButValuesAreChecked) {
  auto ok = parseLocalRules(R"({"kind": "local", "id": "l", "name": "l", "version": 1, "issuer_document": "x",
      "effective_from": "2026-01-01", "thresholds": {"monthly_meeting_due_day": {"value": 25, "source": "s"}}})",
                            "l.json");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->monthly_meeting_due_day->value, 25);
  EXPECT_EQ(ok->monthly_meeting_due_day->origin, "l");
  EXPECT_FALSE(ok->rubric);

  auto bad = parseLocalRules(R"({"kind": "local", "id": "l", "name": "l", "version": 1, "issuer_document": "x",
      "effective_from": "2026-01-01", "colour": "red",
      "thresholds": {"monthly_meeting_due_day": {"value": 40, "source": "s"}}})",
                             "l.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(hasField(bad.error(), "colour", "unknown_field"));
  auto range = parseLocalRules(R"({"kind": "local", "id": "l", "name": "l", "version": 1, "issuer_document": "x",
      "effective_from": "2026-01-01", "thresholds": {"monthly_meeting_due_day": {"value": 40, "source": "s"}}})",
                               "l.json");
  ASSERT_FALSE(range.ok());
  EXPECT_TRUE(hasField(range.error(), "thresholds.monthly_meeting_due_day", "out_of_range"));
}

}  // namespace
}  // namespace chibo
