#include "domain/rules/score.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;
using test::dt;

// A well-run regular meeting: 95 minutes, 19/20 present, 10 speakers, full
// preparation, 5/5 previous tasks reviewed, 8/10 targets met, minutes complete.
MeetingFacts good() {
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
  f.completeness_failed = 0;
  f.longest_excused_streak = 1;
  return f;
}

// A weak meeting in a 32-member cell: 80 minutes, 24/30 present with one
// unexcused, someone excused 4 times running, 9 speakers, 3 of 6 preparation
// items, 6/10 targets, 3 of 12 minutes checks failed, nothing judged yet.
MeetingFacts weak() {
  MeetingFacts f = good();
  f.duration_minutes = 80;
  f.members_on_roll = 32;
  f.attendance = test::counts(30, 24, 5, 1);
  f.distinct_speakers = 9;
  f.preparation.draft_resolution_attached = false;
  f.preparation.notice_monitor_at.reset();
  f.preparation.documents_published_at = dt("2026-03-10T08:00");  // same day: late
  f.targets_met = 6;
  f.completeness_failed = 3;
  f.longest_excused_streak = 4;
  return f;
}

RuleSet anPhuRules() { return applyOverride(test::hd42(), test::anPhu("/1/2/")); }

const CriterionScore& crit(const Score& s, const std::string& code) {
  for (const auto& c : s.criteria)
    if (c.code == code) return c;
  throw std::runtime_error("no criterion " + code);
}

std::string input(const CriterionScore& c, const std::string& name) {
  for (const auto& [k, v] : c.inputs)
    if (k == name) return v;
  return "<none>";
}

TEST(ScoreHd42, GoodMeeting) {
  JudgementInputs j{{{"conduct", 27}, {"chairing", 9}, {"principles", 5}}};
  auto s = scoreMeeting(test::hd42(), good(), j);
  // duration 5 + attendance 5 + preparation 10 + 27 + 9 + 5 + targets 30×80% = 24 + closing 5 = 90
  EXPECT_DOUBLE_EQ(crit(s, "duration").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "attendance").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "preparation").points, 10);
  EXPECT_DOUBLE_EQ(crit(s, "resolution_results").points, 24);
  EXPECT_DOUBLE_EQ(crit(s, "closing").points, 5);
  EXPECT_DOUBLE_EQ(s.total, 90);
  EXPECT_DOUBLE_EQ(s.max, 100);
  EXPECT_EQ(s.grade, Grade::good);
  EXPECT_EQ(s.grade_label, "Tốt");
  EXPECT_FALSE(s.pending);
  EXPECT_EQ(s.rule_set_id, "central-hd42-2025");
  EXPECT_EQ(s.rubric_id, "hd42-2025-khung-100");
  EXPECT_EQ(crit(s, "duration").rule_set_id, "central-hd42-2025");
  EXPECT_NE(crit(s, "duration").source.find("HD 42: 90 phút"), std::string::npos);
}

TEST(ScoreHd42, APaperBookRecordLeavesPreparationToTheEvaluator) {
  MeetingFacts f = good();
  f.from_paper_book = true;
  JudgementInputs j{{{"conduct", 27}, {"chairing", 9}, {"principles", 5}}};
  auto s = scoreMeeting(test::hd42(), f, j);
  EXPECT_TRUE(crit(s, "preparation").pending);
  EXPECT_DOUBLE_EQ(crit(s, "preparation").points, 0);
  EXPECT_NE(crit(s, "preparation").explanation.find("sổ biên bản giấy"), std::string::npos)
      << crit(s, "preparation").explanation;
  j.points["preparation"] = 8;  // entered by a person
  auto entered = scoreMeeting(test::hd42(), f, j);
  EXPECT_FALSE(crit(entered, "preparation").pending);
  EXPECT_DOUBLE_EQ(crit(entered, "preparation").points, 8);
}

TEST(ScoreHd42, WeakMeetingWithNothingJudgedIsPendingAndPoor) {
  auto s = scoreMeeting(test::hd42(), weak(), {});
  // duration 80 < 90 -> 0; attendance: someone excused 4 in a row -> 0;
  // preparation 10 × 3/6 = 5; judgement pending 0; targets 30 × 60% = 18; closing 5 × 9/12 = 3.75
  EXPECT_DOUBLE_EQ(crit(s, "duration").points, 0);
  EXPECT_DOUBLE_EQ(crit(s, "attendance").points, 0);
  EXPECT_DOUBLE_EQ(crit(s, "preparation").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "resolution_results").points, 18);
  EXPECT_DOUBLE_EQ(crit(s, "closing").points, 3.75);
  EXPECT_DOUBLE_EQ(s.total, 26.75);
  EXPECT_EQ(s.grade, Grade::poor);
  EXPECT_TRUE(s.pending);
  EXPECT_TRUE(crit(s, "conduct").pending);
  EXPECT_FALSE(crit(s, "duration").pending);
  EXPECT_EQ(input(crit(s, "preparation"), "draft_resolution"), "không");
  EXPECT_EQ(input(crit(s, "attendance"), "over_excused_limit"), "1");
  EXPECT_NE(crit(s, "closing").explanation.find("= 3,75 điểm"), std::string::npos) << crit(s, "closing").explanation;
}

TEST(ScoreAnPhu, GoodMeetingUnderTheLocalRubric) {
  JudgementInputs j{{{"conduct", 30}, {"principles", 5}}};
  auto s = scoreMeeting(anPhuRules(), good(), j);
  // duration 5; attendance 95% -> 4 + 1 bonus = 5; speakers 10/19 = 52.6% -> 5;
  // preparation 10; conduct 30; principles 5; targets 80% -> 27; closing 5 => 92
  EXPECT_DOUBLE_EQ(crit(s, "duration").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "attendance").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "speakers").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "resolution_results").points, 27);
  EXPECT_DOUBLE_EQ(s.total, 92);
  EXPECT_EQ(s.grade, Grade::good);
  EXPECT_EQ(s.rubric_id, "an-phu-2025");
  EXPECT_EQ(crit(s, "speakers").rule_set_id, "local-an-phu-2025");
  const auto& att = crit(s, "attendance");
  EXPECT_EQ(input(att, "rate_percent"), "95");
  EXPECT_NE(att.explanation.find("Có mặt 19/20 đồng chí (95%)"), std::string::npos) << att.explanation;
  EXPECT_NE(att.explanation.find("→ 4 điểm"), std::string::npos) << att.explanation;
  EXPECT_NE(att.explanation.find("Cộng 1 điểm"), std::string::npos) << att.explanation;
}

TEST(ScoreAnPhu, WeakMeetingUnderTheLocalRubric) {
  auto s = scoreMeeting(anPhuRules(), weak(), {});
  // 32 members -> 120 minutes required: 80 held is 40 short but 66.7% held -> 2;
  // attendance: unexcused -> 1, no bonus (excused streak 4 > 3); speakers 9/24 = 37.5% -> 3;
  // preparation 5; targets 60% -> 20; closing 3.75 => 34.75
  EXPECT_DOUBLE_EQ(crit(s, "duration").points, 2);
  EXPECT_EQ(input(crit(s, "duration"), "required_minutes"), "120");
  EXPECT_DOUBLE_EQ(crit(s, "attendance").points, 1);
  EXPECT_DOUBLE_EQ(crit(s, "speakers").points, 3);
  EXPECT_DOUBLE_EQ(crit(s, "preparation").points, 5);
  EXPECT_DOUBLE_EQ(crit(s, "resolution_results").points, 20);
  EXPECT_DOUBLE_EQ(s.total, 34.75);
  EXPECT_EQ(s.grade, Grade::poor);
}

TEST(ScoreHd12, A2024MeetingIsJudgedByTheFrameworkCriteria) {
  auto rs = resolveRuleSet({test::hd12(), test::hd42()}, {}, "/1/2/7/", d("2024-05-10"));
  ASSERT_TRUE(rs.ok());
  JudgementInputs j{{{"conduct", 18}, {"principles", 18}}};
  auto s = scoreMeeting(*rs, good(), j);
  // attendance 95% > 85% -> 20; preparation 5 items (no Sổ tay rule) all done -> 20;
  // 18 + 18; targets 20 × 80% = 16 => 92
  EXPECT_EQ(s.criteria.size(), 5u);
  EXPECT_DOUBLE_EQ(crit(s, "attendance").points, 20);
  EXPECT_DOUBLE_EQ(crit(s, "preparation").points, 20);
  EXPECT_EQ(input(crit(s, "preparation"), "required"), "5");
  EXPECT_DOUBLE_EQ(crit(s, "resolution_results").points, 16);
  EXPECT_DOUBLE_EQ(s.total, 92);
  EXPECT_EQ(s.rubric_id, "hd12-2018-tieu-chi-khung");
}

TEST(ScoreHd12, AttendanceMustBeAbove85Percent) {
  auto f = good();
  f.attendance = test::counts(20, 17, 3, 0);  // exactly 85%: not above
  EXPECT_DOUBLE_EQ(crit(scoreMeeting(test::hd12(), f, {}), "attendance").points, 0);
  f.attendance = test::counts(20, 18, 2, 0);  // 90%
  EXPECT_DOUBLE_EQ(crit(scoreMeeting(test::hd12(), f, {}), "attendance").points, 20);
  f.longest_excused_streak = 3;  // 3 in a row is allowed
  EXPECT_DOUBLE_EQ(crit(scoreMeeting(test::hd12(), f, {}), "attendance").points, 20);
  f.longest_excused_streak = 4;
  EXPECT_DOUBLE_EQ(crit(scoreMeeting(test::hd12(), f, {}), "attendance").points, 0);
}

TEST(ScoreVersions, TheSameMeetingScoresDifferentlyIn2024And2026) {
  std::vector<RuleSet> central{test::hd12(), test::hd42()};
  JudgementInputs j{{{"conduct", 18}, {"principles", 18}, {"chairing", 9}}};
  auto in2024 = scoreMeeting(*resolveRuleSet(central, {}, "/1/", d("2024-05-10")), good(), j);
  auto in2026 = scoreMeeting(*resolveRuleSet(central, {}, "/1/", d("2026-03-10")), good(), j);
  EXPECT_EQ(in2024.rubric_id, "hd12-2018-tieu-chi-khung");
  EXPECT_EQ(in2026.rubric_id, "hd42-2025-khung-100");
  EXPECT_DOUBLE_EQ(in2024.total, 92);
  // 5 + 5 + 10 + 18 + 9 + 5 (principles capped at 5) + 24 + 5 = 81
  EXPECT_DOUBLE_EQ(in2026.total, 81);
  EXPECT_EQ(in2026.grade, Grade::fair);
}

TEST(ScoreOverride, LocalRubricOnlyInItsSubtreeAndFromItsDate) {
  std::vector<RuleSet> central{test::hd12(), test::hd42()};
  std::vector<RuleOverride> local{test::anPhu("/1/2/")};
  JudgementInputs j{{{"conduct", 30}, {"principles", 5}, {"chairing", 10}}};
  auto at = [&](const char* path, const char* date) {
    return scoreMeeting(*resolveRuleSet(central, local, path, d(date)), good(), j).total;
  };
  // HD 42: 5+5+10+30 (conduct capped at 30)+10+5+24+5 = 94; An Phú: 92 (chairing is not in its rubric).
  EXPECT_DOUBLE_EQ(at("/1/2/7/", "2026-03-10"), 92);
  EXPECT_DOUBLE_EQ(at("/1/3/9/", "2026-03-10"), 94);
  EXPECT_DOUBLE_EQ(at("/1/2/7/", "2025-10-31"), 94);
}

TEST(ScoreBands, AnPhuDurationShortfall) {
  auto rs = anPhuRules();
  auto pts = [&](int minutes, int members = 22) {
    auto f = good();
    f.duration_minutes = minutes;
    f.members_on_roll = members;
    return crit(scoreMeeting(rs, f, {}), "duration").points;
  };
  EXPECT_DOUBLE_EQ(pts(90), 5);
  EXPECT_DOUBLE_EQ(pts(75), 4);   // 15 short
  EXPECT_DOUBLE_EQ(pts(74), 3);   // 16 short
  EXPECT_DOUBLE_EQ(pts(60), 3);   // 30 short
  EXPECT_DOUBLE_EQ(pts(59), 2);   // 31 short, 65.6% held
  EXPECT_DOUBLE_EQ(pts(45), 2);   // half
  EXPECT_DOUBLE_EQ(pts(44), 1);   // less than half
  EXPECT_DOUBLE_EQ(pts(100, 32), 3);  // large cell: 120 required, 20 short
  EXPECT_DOUBLE_EQ(pts(100, 29), 5);
}

TEST(ScoreBands, AnPhuAttendance) {
  auto rs = anPhuRules();
  auto pts = [&](AttendanceSummary a, int streak = 0) {
    auto f = good();
    f.attendance = a;
    f.longest_excused_streak = streak;
    return crit(scoreMeeting(rs, f, {}), "attendance").points;
  };
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 18, 2, 0)), 5);  // 90% -> 4 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(19, 17, 2, 0)), 4);  // 89.5% -> 3 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 15, 5, 0)), 4);  // 75% -> 3 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 13, 7, 0)), 3);  // 65% -> 2 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(25, 16, 9, 0)), 2);  // 64% -> 1 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 19, 0, 1)), 2);  // any unexcused -> 1 + 1
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 19, 1, 0), 3), 5);  // 3 in a row keeps the bonus
  EXPECT_DOUBLE_EQ(pts(test::counts(20, 19, 1, 0), 4), 4);  // 4 in a row loses it
}

TEST(ScoreBands, AnPhuSpeakersShare) {
  auto rs = anPhuRules();
  auto pts = [&](int speakers) {
    auto f = good();
    f.attendance = test::counts(20, 20, 0, 0);
    f.distinct_speakers = speakers;
    return crit(scoreMeeting(rs, f, {}), "speakers").points;
  };
  EXPECT_DOUBLE_EQ(pts(11), 5);  // 55%
  EXPECT_DOUBLE_EQ(pts(10), 4);  // exactly 50% is not "more than half"
  EXPECT_DOUBLE_EQ(pts(8), 4);   // 40%
  EXPECT_DOUBLE_EQ(pts(7), 3);   // 35%
  EXPECT_DOUBLE_EQ(pts(6), 3);   // 30%
  EXPECT_DOUBLE_EQ(pts(5), 2);   // 25%
}

TEST(ScoreBands, AnPhuResolutionResults) {
  auto rs = anPhuRules();
  auto pts = [&](int met, int of = 10) {
    auto f = good();
    f.targets_met = met;
    f.targets_evaluated = of;
    return crit(scoreMeeting(rs, f, {}), "resolution_results").points;
  };
  EXPECT_DOUBLE_EQ(pts(9), 30);
  EXPECT_DOUBLE_EQ(pts(89, 100), 27);
  EXPECT_DOUBLE_EQ(pts(8), 27);
  EXPECT_DOUBLE_EQ(pts(7), 24);
  EXPECT_DOUBLE_EQ(pts(6), 20);
  EXPECT_DOUBLE_EQ(pts(5), 15);
  EXPECT_DOUBLE_EQ(pts(4), 10);
}

TEST(ScorePending, MissingDataIsPendingUntilAPersonEntersPoints) {
  auto f = good();
  f.targets_evaluated = 0;
  f.targets_met = 0;
  f.duration_minutes.reset();
  auto s = scoreMeeting(test::hd42(), f, {});
  EXPECT_TRUE(crit(s, "resolution_results").pending);
  EXPECT_TRUE(crit(s, "duration").pending);
  EXPECT_NE(crit(s, "duration").explanation.find("Chưa ghi giờ"), std::string::npos);
  auto entered = scoreMeeting(test::hd42(), f, JudgementInputs{{{"resolution_results", 21}}});
  EXPECT_FALSE(crit(entered, "resolution_results").pending);
  EXPECT_DOUBLE_EQ(crit(entered, "resolution_results").points, 21);
}

TEST(ScoreJudgements, ValidationAndClamping) {
  auto rs = anPhuRules();
  auto st = validateJudgements(rs, JudgementInputs{{{"chairing", 5}, {"conduct", 36}, {"principles", 5}}});
  ASSERT_FALSE(st.ok());
  ASSERT_EQ(st.error().field_errors.size(), 2u);
  EXPECT_EQ(st.error().field_errors[0].field, "points.chairing");
  EXPECT_EQ(st.error().field_errors[0].code, "unknown_criterion");
  EXPECT_EQ(st.error().field_errors[1].field, "points.conduct");
  EXPECT_EQ(st.error().field_errors[1].code, "out_of_range");
  EXPECT_DOUBLE_EQ(crit(scoreMeeting(rs, good(), JudgementInputs{{{"conduct", 40}}}), "conduct").points, 35);
}

TEST(Grades, BandsFromTheRuleSet) {
  auto rs = test::hd42();
  EXPECT_EQ(gradeFor(rs, 90), Grade::good);
  EXPECT_EQ(gradeFor(rs, 89.99), Grade::fair);
  EXPECT_EQ(gradeFor(rs, 70), Grade::fair);
  EXPECT_EQ(gradeFor(rs, 69.5), Grade::average);
  EXPECT_EQ(gradeFor(rs, 50), Grade::average);
  EXPECT_EQ(gradeFor(rs, 49), Grade::poor);
  rs.grade_good.value = 85;  // a local band
  EXPECT_EQ(gradeFor(rs, 86), Grade::good);
  for (auto g : {Grade::good, Grade::fair, Grade::average, Grade::poor}) EXPECT_EQ(gradeFromCode(toCode(g)), g);
  EXPECT_EQ(label(Grade::average), "Trung bình");
}

}  // namespace
}  // namespace chibo
