#include "domain/rules/rule_set.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::c;
using test::d;

std::vector<RuleSet> centrals() { return {test::hd12(), test::hd42()}; }

bool hasField(const Status& s, const std::string& field, const std::string& code) {
  if (s.ok()) return false;
  for (const auto& fe : s.error().field_errors)
    if (fe.field == field && fe.code == code) return true;
  return false;
}

TEST(RuleFixtures, AreValid) {
  EXPECT_TRUE(validateRuleSet(test::hd12()).ok());
  EXPECT_TRUE(validateRuleSet(test::hd42()).ok());
  EXPECT_TRUE(validateOverride(test::anPhu("/1/2/")).ok());
  EXPECT_DOUBLE_EQ(test::hd42().rubric.maxTotal(), 100.0);
  EXPECT_DOUBLE_EQ(test::hd12().rubric.maxTotal(), 100.0);
  EXPECT_DOUBLE_EQ(test::anPhu("/").rubric->maxTotal(), 100.0);
}

TEST(ResolveRuleSet, PicksTheCentralVersionInForceOnTheDate) {
  auto r2024 = resolveRuleSet(centrals(), {}, "/1/2/7/", d("2024-05-10"));
  ASSERT_TRUE(r2024.ok());
  EXPECT_EQ(r2024->id, "central-hd12-2018");
  EXPECT_EQ(resolveRuleSet(centrals(), {}, "/1/", d("2025-10-27"))->id, "central-hd12-2018");  // last day
  EXPECT_EQ(resolveRuleSet(centrals(), {}, "/1/", d("2025-10-28"))->id, "central-hd42-2025");  // first day
  EXPECT_EQ(resolveRuleSet(centrals(), {}, "/1/", d("2026-03-10"))->id, "central-hd42-2025");
  auto none = resolveRuleSet(centrals(), {}, "/1/", d("2017-01-01"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "no_rule_set");
}

TEST(ResolveRuleSet, NewerVersionWithSameStartWins) {
  auto v2 = test::hd42();
  v2.version = 2;
  v2.documents_days_before = c(2, "central-hd42-2025-v2");
  auto rs = resolveRuleSet({test::hd42(), v2, test::hd12()}, {}, "/1/", d("2026-01-01"));
  EXPECT_EQ(rs->documents_days_before.value, 2);
}

TEST(ResolveRuleSet, LocalOverrideAppliesOnlyInItsSubtreeAndFromItsDate) {
  std::vector<RuleOverride> local{test::anPhu("/1/2/")};
  auto inside = resolveRuleSet(centrals(), local, "/1/2/7/", d("2025-12-10"));
  EXPECT_EQ(inside->rubric.id, "an-phu-2025");
  EXPECT_EQ(inside->applied, (std::vector<std::string>{"central-hd42-2025", "local-an-phu-2025"}));
  EXPECT_EQ(inside->id, "central-hd42-2025+local-an-phu-2025");
  EXPECT_EQ(resolveRuleSet(centrals(), local, "/1/2/", d("2025-12-10"))->rubric.id, "an-phu-2025");  // the node itself

  auto outside = resolveRuleSet(centrals(), local, "/1/3/9/", d("2025-12-10"));
  EXPECT_EQ(outside->rubric.id, "hd42-2025-khung-100");
  EXPECT_EQ(outside->applied.size(), 1u);
  // "/1/22/" shares a prefix of characters with "/1/2" but is not in the subtree.
  EXPECT_EQ(resolveRuleSet(centrals(), local, "/1/22/", d("2025-12-10"))->rubric.id, "hd42-2025-khung-100");

  auto before = resolveRuleSet(centrals(), local, "/1/2/7/", d("2025-10-31"));
  EXPECT_EQ(before->rubric.id, "hd42-2025-khung-100");
  EXPECT_EQ(resolveRuleSet(centrals(), local, "/1/2/7/", d("2025-11-01"))->rubric.id, "an-phu-2025");
}

TEST(ResolveRuleSet, OverrideChangesOnlyTheFieldsItSets) {
  auto rs = resolveRuleSet(centrals(), {test::anPhu("/1/2/")}, "/1/2/7/", d("2026-03-10"));
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->large_cell_members.value, 30);
  EXPECT_EQ(rs->large_cell_members.origin, "local-an-phu-2025");
  EXPECT_EQ(rs->min_duration_minutes.value, 90);
  EXPECT_EQ(rs->min_duration_minutes.origin, "central-hd42-2025");
  EXPECT_EQ(rs->documents_days_before.value, 1);
  EXPECT_EQ(rs->grade_good.origin, "central-hd42-2025");
}

TEST(ResolveRuleSet, DeeperNodeWins) {
  RuleOverride province;
  province.id = "province";
  province.name = "Tỉnh";
  province.effective_from = d("2025-01-01");
  province.org_path = "/1/";
  province.documents_days_before = c(2, "province");
  province.monthly_meeting_due_day = c(25, "province");
  RuleOverride ward = province;
  ward.id = "ward";
  ward.org_path = "/1/2/";
  ward.documents_days_before = c(3, "ward");
  ward.monthly_meeting_due_day.reset();
  // Listed deep first on purpose: order in the input must not matter.
  std::vector<RuleOverride> local{ward, province};
  auto deep = resolveRuleSet(centrals(), local, "/1/2/7/", d("2026-03-10"));
  EXPECT_EQ(deep->documents_days_before.value, 3);
  EXPECT_EQ(deep->monthly_meeting_due_day.value, 25);  // from the province, the ward does not set it
  EXPECT_EQ(deep->applied, (std::vector<std::string>{"central-hd42-2025", "province", "ward"}));
  auto shallow = resolveRuleSet(centrals(), local, "/1/5/", d("2026-03-10"));
  EXPECT_EQ(shallow->documents_days_before.value, 2);
}

TEST(ResolveRuleSet, ExpiredOverrideNoLongerApplies) {
  auto ov = test::anPhu("/1/2/");
  ov.effective_to = d("2026-06-30");
  EXPECT_EQ(resolveRuleSet(centrals(), {ov}, "/1/2/7/", d("2026-06-30"))->rubric.id, "an-phu-2025");
  EXPECT_EQ(resolveRuleSet(centrals(), {ov}, "/1/2/7/", d("2026-07-01"))->rubric.id, "hd42-2025-khung-100");
}

TEST(MinDuration, CombinedAndLargeCellRaiseTheMinimum) {
  auto rs = test::hd42();
  EXPECT_EQ(minDurationFor(rs, MeetingKind::regular, 50).value, 90);
  EXPECT_EQ(minDurationFor(rs, MeetingKind::combined, 10).value, 120);
  EXPECT_EQ(minDurationFor(rs, MeetingKind::extraordinary, 10).value, 0);
  EXPECT_EQ(minDurationFor(rs, MeetingKind::committee_meeting, 10).value, 0);
  auto local = applyOverride(rs, test::anPhu("/1/2/"));
  EXPECT_EQ(minDurationFor(local, MeetingKind::regular, 29).value, 90);
  auto big = minDurationFor(local, MeetingKind::regular, 30);
  EXPECT_EQ(big.value, 120);
  EXPECT_EQ(big.origin, "local-an-phu-2025");
  EXPECT_EQ(minDurationFor(test::hd12(), MeetingKind::regular, 50).value, 0);
}

TEST(RuleValidation, CatchesBadGradesBoundsAndRubricMistakes) {
  auto rs = test::hd42();
  rs.grade_fair = c(95.0, "x");
  rs.documents_days_before = c(-1, "x");
  rs.removal_warn_months = c(3, "x");
  rs.rubric.criteria[1].code = "duration";                                // duplicate
  rs.rubric.criteria[0].bands[0].input = "minutes_late";                  // not an input of duration
  rs.rubric.criteria[3].bands = {test::otherwise(1)};                     // judgement with bands
  rs.rubric.criteria[2].measure = Measure::none;                          // objective without a measure
  rs.rubric.criteria[0].bands[1].points = 6;                              // more than max 5
  auto s = validateRuleSet(rs);
  EXPECT_TRUE(hasField(s, "thresholds.grade_fair", "out_of_order"));
  EXPECT_TRUE(hasField(s, "thresholds.documents_days_before", "out_of_range"));
  EXPECT_TRUE(hasField(s, "thresholds.removal_warn_months", "out_of_order"));
  EXPECT_TRUE(hasField(s, "rubric.criteria[1].code", "duplicate"));
  EXPECT_TRUE(hasField(s, "rubric.criteria[0].bands[0].input", "unknown_input"));
  EXPECT_TRUE(hasField(s, "rubric.criteria[3].bands", "not_allowed"));
  EXPECT_TRUE(hasField(s, "rubric.criteria[2].measure", "required"));
  EXPECT_TRUE(hasField(s, "rubric.criteria[0].bands[1].points", "out_of_range"));
}

TEST(RuleValidation, CompleteRuleSetRequiresEveryField) {
  RuleOverride ov;
  ov.id = "central-x";
  ov.name = "x";
  ov.effective_from = d("2026-01-01");
  ov.min_duration_minutes = c(90, "central-x");
  auto r = completeRuleSet(ov);
  ASSERT_FALSE(r.ok());
  // 14 int + 4 double fields, one set, plus the rubric.
  EXPECT_EQ(r.error().field_errors.size(), 18u);
  EXPECT_EQ(intFieldSpecs().size(), 14u);
  EXPECT_EQ(doubleFieldSpecs().size(), 4u);
}

TEST(Bands, BoundsAreInclusiveOrStrictAsWritten) {
  Band b;
  b.at_least = 40;
  b.below = 50;
  EXPECT_TRUE(bandMatches(b, 40));
  EXPECT_TRUE(bandMatches(b, 49.9));
  EXPECT_FALSE(bandMatches(b, 50));
  Band a;
  a.above = 50;
  EXPECT_FALSE(bandMatches(a, 50));
  EXPECT_TRUE(bandMatches(a, 50.01));
  EXPECT_TRUE(bandMatches(Band{}, -3));  // no bound: matches everything
}

TEST(Measures, InputsAreNamedAndLabelled) {
  for (auto m : {Measure::duration, Measure::attendance, Measure::speakers, Measure::preparation,
                 Measure::previous_tasks, Measure::resolution_targets, Measure::minutes_complete}) {
    EXPECT_EQ(measureFromCode(toCode(m)), m);
    auto ins = measureInputs(m);
    ASSERT_FALSE(ins.empty());
    for (auto in : ins) EXPECT_NE(inputLabel(in), in) << in;  // every input has a Vietnamese label
  }
  EXPECT_TRUE(measureInputs(Measure::none).empty());
  for (auto k : {CriterionKind::objective, CriterionKind::judgement}) {
    EXPECT_EQ(criterionKindFromCode(toCode(k)), k);
    EXPECT_FALSE(label(k).empty());
  }
  for (auto s : {Scoring::bands, Scoring::proportional}) {
    EXPECT_EQ(scoringFromCode(toCode(s)), s);
    EXPECT_FALSE(label(s).empty());
  }
}

}  // namespace
}  // namespace chibo

namespace chibo {

// The preparation criterion lists the checklist items it counted: each has its Vietnamese label.
TEST(RuleSet, PreparationItemInputsHaveTheChecklistLabels) {
  EXPECT_EQ(inputLabel("chi_uy_meeting"), "Chi ủy họp chuẩn bị nội dung");
  for (auto code : {"content_preparer", "draft_resolution", "notice_members", "notice_monitor"})
    EXPECT_NE(inputLabel(code), code) << code;
  EXPECT_EQ(inputLabel("no_such_input"), "no_such_input");
}

}  // namespace chibo
