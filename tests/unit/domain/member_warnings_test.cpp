#include "domain/rules/member_warnings.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::c;
using test::d;
using O = AttendanceOutcome;

MemberYear year(std::vector<std::pair<const char*, O>> meetings) {
  MemberYear y;
  y.member_id = 4;
  y.full_name = "Phạm Văn Dũng";
  y.year = 2026;
  for (auto [date, o] : meetings) y.meetings.push_back({d(date), o});
  return y;
}

TEST(RemovalWatch, TwoMonthsWarnsThreeFlagsRemoval) {
  auto rs = test::hd42();
  auto one = year({{"2026-02-10", O::unexcused}, {"2026-03-10", O::attended}});
  EXPECT_TRUE(removalWatchWarnings(rs, one).empty());

  auto two = year({{"2026-02-10", O::unexcused}, {"2026-03-10", O::attended}, {"2026-05-10", O::unexcused}});
  auto w = removalWatchWarnings(rs, two);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "removal_watch");
  EXPECT_EQ(w[0].severity, Severity::warning);
  EXPECT_EQ(w[0].subject_kind, SubjectKind::member);
  EXPECT_EQ(w[0].subject_id, 4);
  EXPECT_EQ(w[0].rule, "R-ATT-4");
  EXPECT_NE(w[0].message.find("2 tháng trong năm 2026 (tháng 2, 5)"), std::string::npos) << w[0].message;

  auto three = two;
  three.meetings.push_back({d("2026-08-10"), O::unexcused});
  w = removalWatchWarnings(rs, three);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "removal_proposal_due");
  EXPECT_EQ(w[0].severity, Severity::serious);
}

TEST(RemovalWatch, CountsMonthsNotMeetingsAndOnlyThisYear) {
  auto rs = test::hd42();
  // Two unexcused absences in the same month are one month; last year's do not count.
  auto y = year({{"2026-02-03", O::unexcused}, {"2026-02-20", O::unexcused}, {"2025-12-10", O::unexcused}});
  EXPECT_EQ(unexcusedMonths(y), (std::vector<unsigned>{2}));
  EXPECT_TRUE(removalWatchWarnings(rs, y).empty());
}

TEST(RemovalWatch, ExemptMembersNever) {
  auto y = year({{"2026-01-10", O::unexcused}, {"2026-02-10", O::unexcused}, {"2026-03-10", O::unexcused}});
  y.exempt = true;
  y.unpaid_dues_months = {1, 2, 3};
  EXPECT_TRUE(removalWatchWarnings(test::hd42(), y).empty());
  EXPECT_TRUE(excusedStreakWarnings(test::hd42(), y).empty());
}

TEST(RemovalWatch, DuesAreASeparateCounter) {
  auto rs = test::hd42();
  auto y = year({{"2026-01-10", O::unexcused}});
  y.unpaid_dues_months = {1, 2, 2, 3};
  auto w = removalWatchWarnings(rs, y);
  ASSERT_EQ(w.size(), 1u);  // 1 meeting month: nothing; 3 dues months: removal due
  EXPECT_EQ(w[0].code, "removal_proposal_due");
  EXPECT_NE(w[0].message.find("đảng phí"), std::string::npos);
}

TEST(RemovalWatch, ThresholdsComeFromTheRuleSet) {
  auto rs = test::hd42();
  rs.removal_warn_months = c(1, "local-x");
  auto w = removalWatchWarnings(rs, year({{"2026-01-10", O::unexcused}}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rule_set_id, "local-x");
}

TEST(ExcusedStreak, MoreThanThreeInARow) {
  auto rs = test::hd42();
  auto three = year({{"2026-01-10", O::excused}, {"2026-02-10", O::excused}, {"2026-03-10", O::excused},
                     {"2026-04-10", O::attended}});
  EXPECT_EQ(longestExcusedStreak(three), 3);
  EXPECT_TRUE(excusedStreakWarnings(rs, three).empty());

  auto four = three;
  four.meetings[3].outcome = O::excused;
  EXPECT_EQ(longestExcusedStreak(four), 4);
  auto w = excusedStreakWarnings(rs, four);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "excused_streak");
  EXPECT_EQ(w[0].rule, "R-ATT-3");
}

TEST(ExcusedStreak, AttendanceBreaksTheRunNotExpectedDoesNot) {
  auto broken = year({{"2026-01-10", O::excused}, {"2026-02-10", O::excused}, {"2026-03-10", O::attended},
                      {"2026-04-10", O::excused}, {"2026-05-10", O::excused}});
  EXPECT_EQ(longestExcusedStreak(broken), 2);
  auto skipped = year({{"2026-05-10", O::excused}, {"2026-01-10", O::excused}, {"2026-02-10", O::excused},
                       {"2026-03-10", O::not_expected}, {"2026-04-10", O::excused}});  // any order
  EXPECT_EQ(longestExcusedStreak(skipped), 4);
}

TEST(AttendanceOutcomeCodes, RoundTrip) {
  for (auto o : {O::attended, O::excused, O::unexcused, O::not_expected}) {
    EXPECT_EQ(attendanceOutcomeFromCode(toCode(o)), o);
    EXPECT_FALSE(label(o).empty());
  }
}

Probation prob(const char* ceremony) { return {7, "Hoàng Thị Em", d(ceremony), false}; }
// No public holiday falls between 15/3 and 24/4/2026, so the weekends-only
// calendar gives the same dates as the Vietnamese one here (admission_test.cpp
// covers deadlines that a holiday shifts).
const HolidayCalendar kWeekendsOnly;

TEST(Probation, EndAndReviewDeadline) {
  auto rs = test::hd42();
  auto p = prob("2025-03-15");
  EXPECT_EQ(probationEnd(rs, p), d("2026-03-15"));
  EXPECT_EQ(probationReviewDeadline(rs, p, kWeekendsOnly), d("2026-04-24"));  // 30 working days, weekends skipped
}

TEST(Probation, WarningsThroughTheStages) {
  auto rs = test::hd42();
  auto p = prob("2025-03-15");
  EXPECT_TRUE(probationWarnings(rs, p, d("2026-02-12"), kWeekendsOnly).empty());  // 31 days before the end
  auto w = probationWarnings(rs, p, d("2026-02-13"), kWeekendsOnly);             // 30 days before
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "probation_ending");
  EXPECT_EQ(w[0].severity, Severity::info);
  EXPECT_EQ(probationWarnings(rs, p, d("2026-03-14"), kWeekendsOnly)[0].code, "probation_ending");
  EXPECT_EQ(probationWarnings(rs, p, d("2026-03-15"), kWeekendsOnly)[0].code, "probation_review_due");
  EXPECT_EQ(probationWarnings(rs, p, d("2026-04-24"), kWeekendsOnly)[0].code, "probation_review_due");
  w = probationWarnings(rs, p, d("2026-04-25"), kWeekendsOnly);
  EXPECT_EQ(w[0].code, "probation_review_overdue");
  EXPECT_EQ(w[0].severity, Severity::serious);
  EXPECT_EQ(w[0].rule, "R-DUBI-1");
  p.decided = true;
  EXPECT_TRUE(probationWarnings(rs, p, d("2026-04-25"), kWeekendsOnly).empty());
}

}  // namespace
}  // namespace chibo
