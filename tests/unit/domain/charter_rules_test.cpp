// The Điều lệ's member rules by date (charter sets) and the one answer for a
// day no rule covers.
#include <gtest/gtest.h>

#include "domain/rules/member_warnings.h"
#include "domain/rules/rule_set.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::c;
using test::d;

RuleOverride charter(const std::string& id, const std::string& from, std::optional<std::string> to, int review_days) {
  RuleOverride ch;
  ch.id = id;
  ch.name = id;
  ch.effective_from = d(from.c_str());
  if (to) ch.effective_to = d(to->c_str());
  ch.removal_warn_months = c(2, id.c_str());
  ch.removal_months = c(3, id.c_str());
  ch.probation_months = c(12, id.c_str());
  ch.probation_review_working_days = c(review_days, id.c_str());
  ch.probation_notice_days = c(30, id.c_str());
  ch.probationary_votes = c(0, id.c_str());
  return ch;
}

std::vector<RuleOverride> charters() {
  return {charter("charter-2011", "2011-01-19", "2021-07-29", 30), charter("charter-2021", "2021-07-30", std::nullopt, 20)};
}

std::vector<RuleSet> centrals() {
  auto hd09 = test::hd12();
  hd09.id = "central-hd09-2012";
  hd09.effective_from = d("2012-03-02");
  hd09.effective_to = d("2018-07-05");
  auto hd12 = test::hd12();
  hd12.effective_from = d("2018-07-06");
  return {hd09, hd12, test::hd42()};
}

TEST(CharterRules, ValidateRequiresExactlyTheCharterFields) {
  EXPECT_TRUE(validateCharter(charters()[0]).ok());
  auto missing = charters()[0];
  missing.probationary_votes.reset();
  EXPECT_FALSE(validateCharter(missing).ok());
  auto extra = charters()[0];
  extra.min_duration_minutes = c(90, "x");
  EXPECT_FALSE(validateCharter(extra).ok());
  auto order = charters()[0];
  order.removal_warn_months = c(3, "x");
  EXPECT_FALSE(validateCharter(order).ok());
}

TEST(CharterRules, TheCharterOfTheDayReplacesTheDieuLeFieldsOnBothSidesOfEachChange) {
  auto before = resolveRuleSet(centrals(), charters(), {}, "/1/", d("2021-07-29"));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->id, "central-hd12-2018");  // the set keeps its id
  EXPECT_EQ(before->probation_review_working_days.origin, "charter-2011");
  EXPECT_EQ(before->probation_review_working_days.value, 30);
  auto after = resolveRuleSet(centrals(), charters(), {}, "/1/", d("2021-07-30"));
  EXPECT_EQ(after->probation_review_working_days.origin, "charter-2021");
  EXPECT_EQ(after->probation_review_working_days.value, 20);
  EXPECT_EQ(after->min_duration_minutes.origin, test::hd12().min_duration_minutes.origin);

  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2012-03-01")).error().code, "no_rule_set");
  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2012-03-02"))->id, "central-hd09-2012");
  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2018-07-05"))->id, "central-hd09-2012");
  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2018-07-06"))->id, "central-hd12-2018");
  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2025-10-27"))->id, "central-hd12-2018");
  EXPECT_EQ(resolveRuleSet(centrals(), charters(), {}, "/1/", d("2025-10-28"))->id, "central-hd42-2025");
}

TEST(CharterRules, MemberRulesHoldWhereNoMeetingGuidanceDoes) {
  auto m2011 = resolveMemberRules(centrals(), charters(), {}, "/1/", d("2011-06-01"));
  ASSERT_TRUE(m2011.ok());
  EXPECT_EQ(m2011->id, "charter-2011");
  EXPECT_EQ(m2011->removal_months.value, 3);

  // The removal watch judges a 2011 year with them.
  MemberYear y{7, "Lê Văn Tám", 2011, false, {}, {}};
  for (unsigned m : {2u, 4u, 6u}) y.meetings.push_back({*Date::fromYmd(2011, m, 10), AttendanceOutcome::unexcused});
  auto ws = removalWatchWarnings(*m2011, y);
  ASSERT_EQ(ws.size(), 1u);
  EXPECT_EQ(ws[0].code, "removal_proposal_due");
  EXPECT_EQ(ws[0].rule_set_id, "charter-2011");

  auto none = resolveMemberRules(centrals(), charters(), {}, "/1/", d("2011-01-18"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "no_rule_set");
  EXPECT_EQ(none.error().kind, ErrorKind::not_found);
  EXPECT_NE(none.error().message.find("18/01/2011"), std::string::npos) << none.error().message;
  EXPECT_NE(none.error().message.find("19/01/2011"), std::string::npos) << none.error().message;
  EXPECT_NE(none.error().message.find("02/03/2012"), std::string::npos) << none.error().message;
}

}  // namespace
}  // namespace chibo
