// The admission pipeline's pure computations: stage order, age in months
// (R-KN-2), introducer eligibility, working days with Vietnamese holidays and
// the deadlines of R-KN-1 and R-DUBI-1.
#include <gtest/gtest.h>

#include "domain/admission/deadlines.h"
#include "domain/admission/eligibility.h"
#include "domain/admission/stage.h"
#include "domain/rules/member_warnings.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;

Cited<int> c(int v) { return {v, "nguồn thử", "admission-test"}; }

AdmissionRules rules() {
  AdmissionRules r;
  r.id = "admission-test";
  r.effective_from = d("2021-07-30");
  r.min_age_months = c(216);
  r.max_age_months = c(720);
  r.introducers_required = c(2);
  r.youth_union_introducers = c(1);
  r.introducer_min_months = c(12);
  r.ceremony_working_days = c(30);
  return r;
}

MemberRules memberRules() {
  MemberRules m;
  m.id = "charter-test";
  m.probation_months = c(12);
  m.probation_review_working_days = c(30);
  m.probation_notice_days = c(30);
  return m;
}

// The 2025 and 2026 entries of rules/holidays-vn.json.
HolidayCalendar vn() {
  HolidayCalendar cal;
  cal.fixed = {{1, 1, "Tết Dương lịch"}, {4, 30, "Ngày Chiến thắng"}, {5, 1, "Quốc tế lao động"}, {9, 2, "Quốc khánh"}};
  cal.years.push_back({2025,
                       {d("2025-01-27"), d("2025-01-28"), d("2025-01-29"), d("2025-01-30"), d("2025-01-31"),
                        d("2025-04-07"), d("2025-05-02"), d("2025-09-01")},
                       {d("2025-02-08"), d("2025-04-26")},
                       "test"});
  cal.years.push_back({2026,
                       {d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"), d("2026-02-20"),
                        d("2026-04-27"), d("2026-09-01")},
                       {},
                       "test"});
  cal.index();
  return cal;
}

TEST(AdmissionStage, CodesLabelsAndOrder) {
  for (int i = 0; i <= int(AdmissionStage::refused); ++i) {
    auto s = AdmissionStage(i);
    EXPECT_EQ(admissionStageFromCode(toCode(s)), s);
    EXPECT_FALSE(label(s).empty());
  }
  EXPECT_FALSE(admissionStageFromCode("admited"));
  EXPECT_EQ(nextStage(AdmissionStage::listed), AdmissionStage::course_completed);
  EXPECT_EQ(nextStage(AdmissionStage::decided), AdmissionStage::admitted);
  EXPECT_EQ(nextStage(AdmissionStage::official_voted), AdmissionStage::official);
  EXPECT_FALSE(nextStage(AdmissionStage::official));
  EXPECT_FALSE(nextStage(AdmissionStage::refused));
}

TEST(AdmissionStage, OnlyTheNextStageOrARefusalMayFollow) {
  EXPECT_TRUE(mayFollow(AdmissionStage::listed, AdmissionStage::course_completed));
  EXPECT_FALSE(mayFollow(AdmissionStage::listed, AdmissionStage::introduced));  // skipping the course
  EXPECT_FALSE(mayFollow(AdmissionStage::decided, AdmissionStage::cell_voted));  // backwards
  EXPECT_FALSE(mayFollow(AdmissionStage::listed, AdmissionStage::listed));
  EXPECT_TRUE(mayFollow(AdmissionStage::admitted, AdmissionStage::refused));
  EXPECT_FALSE(mayFollow(AdmissionStage::official, AdmissionStage::refused));
  EXPECT_FALSE(mayFollow(AdmissionStage::refused, AdmissionStage::course_completed));
  EXPECT_TRUE(isProbation(AdmissionStage::admitted));
  EXPECT_TRUE(isProbation(AdmissionStage::official_voted));
  EXPECT_FALSE(isProbation(AdmissionStage::official));
}

TEST(AgeInMonths, CountsWholeMonths) {
  EXPECT_EQ(ageInMonths(d("2008-03-15"), d("2026-03-15")), 216);  // the 18th birthday
  EXPECT_EQ(ageInMonths(d("2008-03-15"), d("2026-03-14")), 215);  // the day before
  EXPECT_EQ(ageInMonths(d("2008-03-15"), d("2026-04-14")), 216);
  EXPECT_EQ(ageInMonths(d("2008-03-15"), d("2026-04-15")), 217);
  // Born on the 31st: the month is complete on the last day of a shorter month.
  EXPECT_EQ(ageInMonths(d("2000-01-31"), d("2000-02-29")), 1);
  EXPECT_EQ(ageInMonths(d("2000-01-31"), d("2000-02-28")), 0);
  EXPECT_EQ(ageInMonths(d("2000-05-10"), d("2000-05-10")), 0);
  EXPECT_EQ(ageInMonths(d("2000-05-10"), d("2000-05-09")), -1);
}

TEST(AgeCheck, EighteenToSixtyOnTheConsiderationDate) {
  auto r = rules();
  EXPECT_EQ(checkAge(r, d("2008-03-15"), d("2026-03-14")), AgeVerdict::too_young);
  EXPECT_EQ(checkAge(r, d("2008-03-15"), d("2026-03-15")), AgeVerdict::ok);
  EXPECT_EQ(checkAge(r, d("1966-03-15"), d("2026-04-14")), AgeVerdict::ok);        // 60 years 0 months
  EXPECT_EQ(checkAge(r, d("1966-03-15"), d("2026-04-15")), AgeVerdict::over_limit);  // 60 years 1 month
  auto young = ageMessage(r, AgeVerdict::too_young, 215);
  EXPECT_NE(young.find("17 tuổi 11 tháng"), std::string::npos);
  auto old = ageMessage(r, AgeVerdict::over_limit, 721);
  EXPECT_NE(old.find("cấp ủy trực thuộc Trung ương"), std::string::npos);  // the other route is named
  EXPECT_TRUE(ageMessage(r, AgeVerdict::ok, 300).empty());
}

TEST(Introducer, MustBeAnOfficialMemberOfTheCellForAYear) {
  auto r = rules();
  IntroducerFacts f{5, "Trần Văn Bình", true, true, d("2025-03-01")};
  EXPECT_TRUE(introducerProblems(r, f, d("2026-03-01")).empty());  // exactly 12 months
  auto p = introducerProblems(r, f, d("2026-02-28"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "introducer_too_recent");
  f.official = false;
  p = introducerProblems(r, f, d("2026-03-01"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "introducer_not_official");
  f.on_roll_of_cell = false;
  p = introducerProblems(r, f, d("2026-03-01"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "introducer_not_in_cell");
}

TEST(Introduction, TwoMembersOrYouthUnionPlusOne) {
  auto r = rules();
  EXPECT_TRUE(introductionProblems(r, IntroductionRoute::two_members, 2, false).empty());
  EXPECT_EQ(introductionProblems(r, IntroductionRoute::two_members, 1, false)[0].code, "introducer_count");
  EXPECT_TRUE(introductionProblems(r, IntroductionRoute::youth_union, 1, true).empty());
  auto p = introductionProblems(r, IntroductionRoute::youth_union, 1, false);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "youth_union_resolution_required");
  EXPECT_EQ(introductionProblems(r, IntroductionRoute::youth_union, 2, true)[0].code, "introducer_count");
  EXPECT_EQ(introductionRouteFromCode("youth_union"), IntroductionRoute::youth_union);
  EXPECT_FALSE(introductionRouteFromCode("doan"));
}

TEST(WorkingDays, SkipTetAndCountMakeUpSaturdays) {
  auto cal = vn();
  EXPECT_FALSE(isWorkingDay(d("2026-02-17"), cal));  // mùng 1 Tết Bính Ngọ, a Tuesday
  EXPECT_FALSE(isWorkingDay(d("2026-04-27"), cal));  // Giỗ Tổ on Sunday 26/4, made up on Monday
  EXPECT_FALSE(isWorkingDay(d("2026-04-30"), cal));  // fixed holiday
  EXPECT_TRUE(isWorkingDay(d("2025-02-08"), cal));   // Saturday worked to make up 31/01/2025
  EXPECT_TRUE(isWorkingDay(d("2026-02-23"), cal));
  // 30 working days from 15/01/2026 cross Tết (5 weekdays off): 26/02 without holidays, 05/03 with them.
  EXPECT_EQ(addWorkingDays(d("2026-01-15"), 30, HolidayCalendar{}), d("2026-02-26"));
  EXPECT_EQ(addWorkingDays(d("2026-01-15"), 30, cal), d("2026-03-05"));
  // Tết Ất Tỵ: five weekdays off, one Saturday worked.
  EXPECT_EQ(addWorkingDays(d("2025-01-20"), 30, cal), d("2025-03-07"));
  EXPECT_EQ(workingDaysBetween(d("2026-02-13"), d("2026-02-23"), cal), 1);
  EXPECT_EQ(workingDaysBetween(d("2026-02-23"), d("2026-02-13"), cal), 0);
}

TEST(WorkingDays, UnlistedYearsSkipTheFixedHolidaysAndTheirMakeUpDay) {
  auto cal = vn();
  EXPECT_FALSE(isWorkingDay(d("2030-01-01"), cal));  // a Tuesday
  // 1/5/2027 is listed explicitly; 2028-04-30 is a Sunday in a year the file does not list:
  EXPECT_FALSE(isWorkingDay(d("2028-05-01"), cal));  // Monday, a holiday itself
  EXPECT_FALSE(isWorkingDay(d("2028-05-02"), cal));  // made up for Sunday 30/4 (Điều 112 khoản 3)
  EXPECT_TRUE(isWorkingDay(d("2028-05-03"), cal));
}

TEST(Deadlines, CeremonyWithinThirtyWorkingDaysOfTheDecision) {
  auto r = rules();
  auto cal = vn();
  EXPECT_EQ(ceremonyDeadline(r, d("2026-01-15"), cal), d("2026-03-05"));
  auto dl = currentDeadline(r, memberRules(), AdmissionStage::decided, d("2026-01-15"), std::nullopt, d("2026-03-05"), cal);
  ASSERT_TRUE(dl);
  EXPECT_EQ(dl->kind, "ceremony");
  EXPECT_FALSE(dl->overdue);
  dl = currentDeadline(r, memberRules(), AdmissionStage::decided, d("2026-01-15"), std::nullopt, d("2026-03-06"), cal);
  EXPECT_TRUE(dl->overdue);
  EXPECT_TRUE(ceremonyWarnings(r, 3, "Lê Văn An", d("2026-01-15"), d("2026-03-05"), cal).empty());
  auto w = ceremonyWarnings(r, 3, "Lê Văn An", d("2026-01-15"), d("2026-03-06"), cal);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "admission_ceremony_overdue");
  EXPECT_EQ(w[0].rule, "R-KN-1");
  EXPECT_EQ(w[0].severity, Severity::serious);
  EXPECT_NE(w[0].message.find("05/03/2026"), std::string::npos);
}

TEST(Deadlines, OfficialReviewAfterTwelveMonthsOfProbation) {
  auto r = rules();
  auto cal = vn();
  // Ceremony 15/01/2025: probation ends 15/01/2026; 30 working days later, Tết skipped.
  auto dl = currentDeadline(r, memberRules(), AdmissionStage::admitted, std::nullopt, d("2025-01-15"), d("2026-03-01"), cal);
  ASSERT_TRUE(dl);
  EXPECT_EQ(dl->kind, "official_review");
  EXPECT_EQ(dl->due, d("2026-03-05"));
  EXPECT_FALSE(dl->overdue);
  EXPECT_EQ(probationReviewDeadline(memberRules(), Probation{1, "", d("2025-01-15"), false}, cal), d("2026-03-05"));
  // Nothing is due before the decision or once the chi bộ has voted.
  EXPECT_FALSE(currentDeadline(r, memberRules(), AdmissionStage::cell_voted, std::nullopt, std::nullopt, d("2026-03-01"), cal));
  EXPECT_FALSE(currentDeadline(r, memberRules(), AdmissionStage::official_voted, std::nullopt, d("2025-01-15"), d("2027-01-01"), cal));
}

TEST(AdmissionRulesSet, ValidatesAndChoosesByDate) {
  auto r = rules();
  EXPECT_TRUE(validateAdmissionRules(r).ok());
  auto bad = r;
  bad.min_age_months = c(800);
  EXPECT_FALSE(validateAdmissionRules(bad).ok());
  bad = r;
  bad.ceremony_working_days.source = "";
  EXPECT_FALSE(validateAdmissionRules(bad).ok());
  auto later = r;
  later.id = "later";
  later.effective_from = d("2025-07-01");
  std::vector<AdmissionRules> sets{r, later};
  EXPECT_EQ(admissionRulesInForce(sets, d("2025-06-30"))->id, "admission-test");
  EXPECT_EQ(admissionRulesInForce(sets, d("2025-07-01"))->id, "later");
  EXPECT_EQ(admissionRulesInForce(sets, d("2020-01-01")), nullptr);
}

}  // namespace
}  // namespace chibo
