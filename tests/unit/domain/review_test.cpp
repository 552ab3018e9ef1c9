// Year-end classification (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): bands, conditions,
// quota, the year's evidence and the order of the review's steps.
#include <gtest/gtest.h>

#include "domain/review/classification.h"
#include "domain/review/review_flow.h"

namespace chibo {
namespace {

Date D(int y, unsigned m, unsigned d) { return *Date::fromYmd(y, m, d); }

ReviewRules rules(int quota = 20, QuotaBasis basis = QuotaBasis::good) {
  ReviewRules r;
  r.id = "test";
  r.effective_from = D(2025, 8, 30);
  r.excellent_min_points.value = 90;
  r.good_min_points.value = 70;
  r.done_min_points.value = 50;
  r.excellent_quota_percent.value = quota;
  r.quota_basis.value = basis;
  r.excellent_needs_all_tasks_on_time.value = 1;
  r.good_needs_all_tasks_on_time.value = 1;
  r.collective_done_max_late_percent.value = 20;
  r.collective_excellent_no_failing_member.value = 1;
  return r;
}

TEST(ReviewLevel, BandsAreInclusiveAtTheirFloor) {
  auto r = rules();
  EXPECT_EQ(levelForPoints(100, r), ReviewLevel::excellent);
  EXPECT_EQ(levelForPoints(90, r), ReviewLevel::excellent);
  EXPECT_EQ(levelForPoints(89, r), ReviewLevel::good);
  EXPECT_EQ(levelForPoints(70, r), ReviewLevel::good);
  EXPECT_EQ(levelForPoints(69, r), ReviewLevel::done);
  EXPECT_EQ(levelForPoints(50, r), ReviewLevel::done);
  EXPECT_EQ(levelForPoints(49, r), ReviewLevel::not_done);
  EXPECT_EQ(levelForPoints(0, r), ReviewLevel::not_done);
  r.good_min_points.value = 75;  // a configured band moves the boundary
  EXPECT_EQ(levelForPoints(72, r), ReviewLevel::done);
}

TEST(ReviewLevel, CodesAndNamesRoundTrip) {
  for (auto l : {ReviewLevel::excellent, ReviewLevel::good, ReviewLevel::done, ReviewLevel::not_done})
    EXPECT_EQ(reviewLevelFromCode(toCode(l)), l);
  EXPECT_FALSE(reviewLevelFromCode("HTXSNV"));
  EXPECT_EQ(levelName(ReviewLevel::good), "Hoàn thành tốt nhiệm vụ");
  EXPECT_EQ(levelShort(ReviewLevel::not_done), "KHTNV");
  EXPECT_TRUE(atLeast(ReviewLevel::excellent, ReviewLevel::good));
  EXPECT_FALSE(atLeast(ReviewLevel::done, ReviewLevel::good));
}

TEST(ReviewEvidence, CountsAttendanceByMark) {
  YearEvidence e;
  countAttendance({AttendanceStatus::present, AttendanceStatus::late, AttendanceStatus::left_early,
                   AttendanceStatus::absent_excused, AttendanceStatus::absent_unexcused,
                   AttendanceStatus::absent_excused},
                  e);
  EXPECT_EQ(e.meetings_expected, 6);
  EXPECT_EQ(e.meetings_attended, 3);
  EXPECT_EQ(e.absent_excused, 2);
  EXPECT_EQ(e.absent_unexcused, 1);
}

TEST(ReviewEvidence, TasksStandAsOnTheYearsEnd) {
  const Date end = D(2026, 12, 31);
  YearEvidence e;
  countTasks({{TaskStatus::done, false, D(2026, 3, 1)},
              {TaskStatus::done, true, D(2026, 3, 1)},        // done after a late review
              {TaskStatus::late, true, D(2026, 11, 1)},       // still late
              {TaskStatus::open, false, D(2026, 10, 1)},      // deadline passed unreviewed
              {TaskStatus::open, false, D(2027, 2, 1)},       // not yet due
              {TaskStatus::carried_over, true, std::nullopt},             // no deadline: open
              {TaskStatus::dropped, false, D(2026, 1, 1)}},   // not counted
             end, e);
  EXPECT_EQ(e.tasks_on_time, 1);
  EXPECT_EQ(e.tasks_done_late, 1);
  EXPECT_EQ(e.tasks_overdue, 2);
  EXPECT_EQ(e.tasks_open, 2);
  EXPECT_EQ(e.tasksTotal(), 6);
  EXPECT_FALSE(e.allTasksOnTime());
  YearEvidence clean;
  countTasks({{TaskStatus::done, false, std::nullopt}, {TaskStatus::open, false, D(2027, 1, 20)}}, end, clean);
  EXPECT_EQ(clean.tasks_open, 1);
  EXPECT_TRUE(clean.allTasksOnTime());  // a deadline ahead is next year's to judge
}

TEST(ReviewClassification, MemberLevelNeedsItsBandAndTasksOnTime) {
  auto r = rules();
  YearEvidence ok;
  ok.tasks_on_time = 3;
  EXPECT_TRUE(memberLevelProblems(ReviewLevel::excellent, 92, ok, r).empty());
  auto band = memberLevelProblems(ReviewLevel::excellent, 85, ok, r);
  ASSERT_EQ(band.size(), 1u);
  EXPECT_EQ(band[0], "Mức \"Hoàn thành xuất sắc nhiệm vụ\" cần từ 90 điểm, đã chấm 85 điểm.");
  EXPECT_EQ(memberLevelProblems(ReviewLevel::good, 65, ok, r)[0],
            "Mức \"Hoàn thành tốt nhiệm vụ\" cần từ 70 đến dưới 90 điểm, đã chấm 65 điểm.");

  YearEvidence late = ok;
  late.tasks_done_late = 1;
  late.tasks_overdue = 1;
  auto p = memberLevelProblems(ReviewLevel::good, 80, late, r);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "Mức \"Hoàn thành tốt nhiệm vụ\" cần hoàn thành 100% nhiệm vụ đúng hạn; trong năm có 2 nhiệm vụ "
                  "chậm hoặc quá hạn.");
  EXPECT_TRUE(memberLevelProblems(ReviewLevel::done, 60, late, r).empty());  // no task condition
  r.good_needs_all_tasks_on_time.value = 0;  // a committee that does not check it
  EXPECT_TRUE(memberLevelProblems(ReviewLevel::good, 80, late, r).empty());
}

TEST(ReviewClassification, CollectiveConditions) {
  auto r = rules();
  CollectiveFacts f{10, 10, 2, 0};
  EXPECT_TRUE(collectiveLevelProblems(ReviewLevel::done, 60, f, r).empty());  // 20% late: allowed
  f.tasks_late = 3;
  auto p = collectiveLevelProblems(ReviewLevel::done, 60, f, r);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "Mức \"Hoàn thành nhiệm vụ\" cho phép chậm không quá 20% nhiệm vụ; chậm 3/10.");
  f = {10, 9, 0, 0};
  EXPECT_EQ(collectiveLevelProblems(ReviewLevel::done, 60, f, r)[0],
            "Mức \"Hoàn thành nhiệm vụ\" cần hoàn thành 100% nhiệm vụ; đã hoàn thành 9/10.");
  f = {10, 10, 0, 1};
  auto ex = collectiveLevelProblems(ReviewLevel::excellent, 95, f, r);
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_NE(ex[0].find("không có đảng viên không hoàn thành nhiệm vụ"), std::string::npos);
  EXPECT_TRUE(collectiveLevelProblems(ReviewLevel::not_done, 40, f, r).empty());
}

TEST(ReviewQuota, ExcellentShareOfGoodIsFloored) {
  auto r = rules(20, QuotaBasis::good);
  EXPECT_TRUE(checkExcellentQuota(2, 10, 15, r).within);
  auto q = checkExcellentQuota(3, 10, 15, r);
  EXPECT_FALSE(q.within);
  EXPECT_EQ(q.allowed, 2);
  EXPECT_EQ(q.message,
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ (3) vượt quá 20% số đảng viên hoàn thành tốt nhiệm vụ (10): tối "
            "đa 2 đồng chí.");
  EXPECT_EQ(checkExcellentQuota(0, 4, 6, r).allowed, 0);  // 0.8 -> 0
  EXPECT_FALSE(checkExcellentQuota(1, 4, 6, r).within);
}

TEST(ReviewQuota, OtherBasisAndNoQuota) {
  auto r = rules(15, QuotaBasis::reviewed);
  EXPECT_EQ(checkExcellentQuota(3, 5, 20, r).allowed, 3);
  EXPECT_FALSE(checkExcellentQuota(4, 5, 20, r).within);
  EXPECT_TRUE(checkExcellentQuota(9, 0, 9, rules(0)).within);  // 0 %: no quota
}

TEST(ReviewFlow, StepsInOrder) {
  EXPECT_EQ(applyStep(ReviewStage::open, ReviewStep::self_assess).next, ReviewStage::self_assessed);
  EXPECT_EQ(applyStep(ReviewStage::self_assessed, ReviewStep::self_assess).next, ReviewStage::self_assessed);
  EXPECT_EQ(applyStep(ReviewStage::self_assessed, ReviewStep::cell_vote).next, ReviewStage::cell_voted);
  EXPECT_EQ(applyStep(ReviewStage::cell_voted, ReviewStep::decide).next, ReviewStage::decided);
  EXPECT_EQ(applyStep(ReviewStage::decided, ReviewStep::appeal).next, ReviewStage::decided);
}

TEST(ReviewFlow, RefusalsSayWhy) {
  auto vote_first = applyStep(ReviewStage::open, ReviewStep::cell_vote);
  EXPECT_FALSE(vote_first.next);
  EXPECT_EQ(vote_first.refusal, "Đảng viên chưa tự đánh giá, chi bộ chưa biểu quyết được.");
  EXPECT_FALSE(applyStep(ReviewStage::cell_voted, ReviewStep::self_assess).next);
  EXPECT_FALSE(applyStep(ReviewStage::self_assessed, ReviewStep::decide).next);
  auto again = applyStep(ReviewStage::decided, ReviewStep::decide);
  EXPECT_FALSE(again.next);
  EXPECT_NE(again.refusal.find("xem xét lại"), std::string::npos);
  EXPECT_FALSE(applyStep(ReviewStage::cell_voted, ReviewStep::appeal).next);
  EXPECT_FALSE(applyStep(ReviewStage::decided, ReviewStep::cell_vote).next);
  for (auto s : {ReviewStage::open, ReviewStage::self_assessed, ReviewStage::cell_voted, ReviewStage::decided})
    EXPECT_EQ(reviewStageFromCode(toCode(s)), s);
  EXPECT_EQ(reviewStepFromCode("appeal"), ReviewStep::appeal);
}

TEST(ReviewRulesChoice, LatestInForceOnTheDay) {
  std::vector<ReviewRules> all(2, rules());
  all[0].id = "old";
  all[0].effective_from = D(2023, 10, 4);
  all[0].effective_to = D(2025, 8, 29);
  all[1].id = "new";
  EXPECT_EQ(reviewRulesOn(all, D(2024, 12, 31))->id, "old");
  EXPECT_EQ(reviewRulesOn(all, D(2026, 12, 31))->id, "new");
  EXPECT_EQ(reviewRulesOn(all, D(2020, 12, 31)), nullptr);
}

}  // namespace
}  // namespace chibo
