// Party dues computations (QĐ 01-QĐ/TW, R-FEE-1, R-ATT-4 b):
// amounts in integer đồng with the rounding rule, reductions and exemptions,
// who owes in a month, and the unpaid-month counter.
#include "domain/dues/dues.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::c;
using test::d;

DuesRules rules(int unit = 1000, int exempt_pay = 0, int grace = 0) {
  DuesRules r;
  r.id = "dues-test";
  r.name = "Thử";
  r.issuer_document = "QĐ thử";
  r.effective_from = d("2026-02-01");
  r.salary_rate_bp = c(100, "dues-test");
  r.pension_rate_bp = c(50, "dues-test");
  r.other_rate_bp = c(10000, "dues-test");
  r.rounding_unit = c(unit, "dues-test");
  r.reduction_percents = {30, 50, 70};
  r.reduction_percents_source = "nguồn thử";
  r.max_reduction_months = c(12, "dues-test");
  r.exempt_members_pay = c(exempt_pay, "dues-test");
  r.grace_days = c(grace, "dues-test");
  return r;
}

MemberState onRoll() {
  MemberState s;
  s.on_roll = true;
  return s;
}

TEST(DuesAmount, OnePercentOfSalaryRoundsHalfUpToTheUnit) {
  EXPECT_EQ(duesAmount(12'345'000, 100, 0, 1000), 123'000);  // 123.450 -> 123.000
  EXPECT_EQ(duesAmount(12'350'000, 100, 0, 1000), 124'000);  // 123.500 -> 124.000 (half up)
  EXPECT_EQ(duesAmount(12'345'000, 100, 0, 1), 123'450);
  EXPECT_EQ(duesAmount(12'345'678, 100, 0, 1), 123'457);     // 123.456,78 -> 123.457
}

TEST(DuesAmount, HalfPercentOfPension) {
  EXPECT_EQ(duesAmount(6'500'000, 50, 0, 1000), 33'000);  // 32.500 -> 33.000
  EXPECT_EQ(duesAmount(6'500'000, 50, 0, 1), 32'500);
}

TEST(DuesAmount, ReductionAppliesBeforeRounding) {
  // 1% of 10.050.000 = 100.500; 30% off = 70.350 -> 70.000; 70% off = 30.150 -> 30.000
  EXPECT_EQ(duesAmount(10'050'000, 100, 30, 1000), 70'000);
  EXPECT_EQ(duesAmount(10'050'000, 100, 70, 1000), 30'000);
  EXPECT_EQ(duesAmount(10'050'000, 100, 50, 1), 50'250);
  EXPECT_EQ(duesAmount(10'050'000, 100, 100, 1), 0);
}

TEST(DuesAmount, LargeBasisStaysExactAndNegativeIsZero) {
  EXPECT_EQ(duesAmount(900'000'000'000, 100, 0, 1), 9'000'000'000);
  EXPECT_EQ(duesAmount(-5, 100, 0, 1), 0);
  EXPECT_EQ(duesAmount(30'000, 10000, 0, 1000), 30'000);  // "other": the basis is the amount
}

TEST(DuesBasis, TheLatestBasisNotAfterTheMonthHolds) {
  std::vector<DuesBasis> b{{1, 7, DuesBasisKind::salary, 8'000'000, 202601, ""},
                           {2, 7, DuesBasisKind::pension, 5'000'000, 202606, ""}};
  EXPECT_EQ(basisFor(b, 202512), nullptr);
  EXPECT_EQ(basisFor(b, 202605)->id, 1);
  EXPECT_EQ(basisFor(b, 202606)->id, 2);
  auto r = rules();
  auto may = duesDue(r, true, b, {}, 202605);
  ASSERT_TRUE(may.amount);
  EXPECT_EQ(*may.amount, 80'000);
  auto june = duesDue(r, true, b, {}, 202606);
  EXPECT_EQ(*june.amount, 25'000);
  auto none = duesDue(r, true, b, {}, 202512);
  EXPECT_TRUE(none.owed);
  EXPECT_FALSE(none.amount);
}

TEST(DuesRelief, ReductionAndExemptionCoverTheirMonthsOnly) {
  auto r = rules();
  std::vector<DuesBasis> b{{1, 7, DuesBasisKind::salary, 10'000'000, 202601, ""}};
  std::vector<DuesRelief> rel{{1, 7, DuesReliefKind::reduction, 50, 202603, 202605, "QĐ"},
                              {2, 7, DuesReliefKind::exemption, 100, 202608, std::nullopt, "50 năm tuổi đảng"}};
  EXPECT_EQ(*duesDue(r, true, b, rel, 202602).amount, 100'000);
  auto mar = duesDue(r, true, b, rel, 202603);
  EXPECT_EQ(*mar.amount, 50'000);
  EXPECT_EQ(mar.reduction_percent, 50);
  EXPECT_EQ(*duesDue(r, true, b, rel, 202606).amount, 100'000);
  auto aug = duesDue(r, true, b, rel, 202608);
  EXPECT_FALSE(aug.owed);
  EXPECT_EQ(aug.reduction_percent, 100);
  EXPECT_FALSE(duesDue(r, true, b, rel, 203001).owed);  // open-ended exemption
}

TEST(DuesRelief, ValidationFollowsTheRuleFile) {
  auto r = rules();
  DuesRelief ok{0, 7, DuesReliefKind::reduction, 30, 202603, 202702, "QĐ"};
  EXPECT_TRUE(validateRelief(r, ok).ok());
  auto bad_pct = ok;
  bad_pct.percent = 40;
  auto e = validateRelief(r, bad_pct);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field_errors.at(0).field, "percent");
  EXPECT_NE(e.error().field_errors.at(0).message.find("30%, 50%, 70%"), std::string::npos);
  auto too_long = ok;
  too_long.to_ym = 202703;  // 13 months
  EXPECT_EQ(validateRelief(r, too_long).error().field_errors.at(0).code, "too_long");
  auto open = ok;
  open.to_ym.reset();
  EXPECT_EQ(validateRelief(r, open).error().field_errors.at(0).code, "required");
  auto backwards = ok;
  backwards.to_ym = 202602;
  EXPECT_EQ(validateRelief(r, backwards).error().field_errors.at(0).code, "date_order");
  DuesRelief ex{0, 7, DuesReliefKind::exemption, 100, 202603, std::nullopt, "QĐ"};
  EXPECT_TRUE(validateRelief(r, ex).ok());
  ex.percent = 50;
  EXPECT_FALSE(validateRelief(r, ex).ok());
}

TEST(DuesOwed, ProbationaryPayExemptAndAwayDoNot) {
  auto r = rules();
  MemberState s = onRoll();
  s.standing = StatusKind::probationary;
  EXPECT_TRUE(owesDues(r, s));
  MemberState ex = onRoll();
  ex.exempt = true;
  EXPECT_FALSE(owesDues(r, ex));
  EXPECT_TRUE(owesDues(rules(1000, 1), ex));  // a ward that makes exempt members pay
  MemberState away = onRoll();
  away.away = true;
  EXPECT_FALSE(owesDues(r, away));
  MemberState incoming = onRoll();
  incoming.incoming = true;
  EXPECT_TRUE(owesDues(r, incoming));
  EXPECT_FALSE(owesDues(r, MemberState{}));  // not (yet) on the roll
  EXPECT_FALSE(duesDue(r, false, {}, {}, 202603).owed);
}

TEST(DuesRollDay, LastDayOrTodayForTheMonthInProgress) {
  EXPECT_EQ(duesRollDay(202602, d("2026-12-07")), d("2026-02-28"));
  EXPECT_EQ(duesRollDay(202612, d("2026-12-07")), d("2026-12-07"));
  EXPECT_EQ(duesRollDay(202612, d("2026-12-31")), d("2026-12-31"));
}

TEST(DuesUnpaid, CountsEndedMonthsWithoutPaymentOrGoodReason) {
  auto r = rules();
  DuesDue owed;
  owed.owed = true;
  owed.amount = 50'000;
  std::vector<std::optional<DuesDue>> due(12, owed);
  due[4].reset();  // May: not on the roll
  std::vector<DuesPayment> pays;
  pays.push_back({7, 202601, 1, DuesPaymentStatus::paid, DuesChannel::cash, 50'000, "", "", {}});
  pays.push_back({7, 202602, 1, DuesPaymentStatus::paid, DuesChannel::portal, 50'000, "DVC1", "", {}});
  pays.push_back({7, 202603, 1, DuesPaymentStatus::excused, std::nullopt, 0, "", "Ốm", {}});
  // Judged on 1 July: April and June have ended unpaid; July has not ended.
  EXPECT_EQ(unpaidMonths(r, 2026, due, pays, d("2026-07-01")), (std::vector<unsigned>{4, 6}));
  // On 30 June, June has not ended yet.
  EXPECT_EQ(unpaidMonths(r, 2026, due, pays, d("2026-06-30")), (std::vector<unsigned>{4}));
  // With five days' grace June counts only from 6 July.
  EXPECT_EQ(unpaidMonths(rules(1000, 0, 5), 2026, due, pays, d("2026-07-05")), (std::vector<unsigned>{4}));
  EXPECT_EQ(unpaidMonths(rules(1000, 0, 5), 2026, due, pays, d("2026-07-06")), (std::vector<unsigned>{4, 6}));
}

TEST(DuesUnpaid, AnExemptedMonthNeverCounts) {
  auto r = rules();
  DuesDue exempted;  // owed = false
  EXPECT_FALSE(monthUnpaid(r, exempted, nullptr, 202601, d("2026-12-01")));
}

TEST(DuesMonths, ParseAndFormat) {
  EXPECT_EQ(parseYm("2026-03"), 202603);
  EXPECT_FALSE(parseYm("2026-13"));
  EXPECT_FALSE(parseYm("2026-3"));
  EXPECT_FALSE(parseYm("abcd-03"));
  EXPECT_EQ(ymIso(202603), "2026-03");
  EXPECT_EQ(ymVn(202603), "3/2026");
  EXPECT_EQ(ymAdd(202611, 3), 202702);
  EXPECT_EQ(ymAdd(202602, -3), 202511);
  EXPECT_EQ(ymDistance(202603, 202702), 11);
  EXPECT_EQ(ymLastDay(202602), d("2026-02-28"));
  EXPECT_EQ(formatDong(1'250'000), "1.250.000 đồng");
  EXPECT_EQ(formatDong(500), "500 đồng");
}

TEST(DuesRules, ValidationAndChoiceByDate) {
  auto r = rules();
  EXPECT_TRUE(validateDuesRules(r).ok());
  auto bad = r;
  bad.reduction_percents = {50, 30};
  EXPECT_FALSE(validateDuesRules(bad).ok());
  bad = r;
  bad.salary_rate_bp.value = 20000;
  EXPECT_EQ(validateDuesRules(bad).error().field_errors.at(0).field, "thresholds.salary_rate_bp");
  auto old = r;
  old.id = "old";
  old.effective_from = d("2011-01-01");
  old.effective_to = d("2026-01-31");
  std::vector<DuesRules> sets{old, r};
  EXPECT_EQ(duesRulesInForce(sets, d("2026-01-15"))->id, "old");
  EXPECT_EQ(duesRulesInForce(sets, d("2026-02-01"))->id, "dues-test");
  EXPECT_EQ(duesRulesInForce(sets, d("2010-12-31")), nullptr);
}

}  // namespace
}  // namespace chibo
