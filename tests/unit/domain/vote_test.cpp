#include "domain/meeting/vote.h"

#include <gtest/gtest.h>

#include "domain/meeting/vn_format.h"

namespace chibo {
namespace {

Vote vote(int f, int a, int ab, int eligible, VoteRule r) { return {f, a, ab, eligible, r}; }

TEST(Vote, MajorityPresentNeedsMoreThanHalf) {
  auto o = decideVote(vote(18, 1, 1, 20, VoteRule::majority_present));
  EXPECT_TRUE(o.passed);
  EXPECT_EQ(o.needed, 11);
  EXPECT_EQ(o.line, "với 18/20 đồng chí tán thành (90%)");
  EXPECT_EQ(o.detail, "tán thành 18, không tán thành 1, ý kiến khác 1");
  EXPECT_FALSE(decideVote(vote(10, 10, 0, 20, VoteRule::majority_present)).passed);  // exactly half
  EXPECT_TRUE(decideVote(vote(11, 9, 0, 20, VoteRule::majority_present)).passed);
  EXPECT_EQ(votesNeeded(VoteRule::majority_present, 7), 4);
}

TEST(Vote, MoreThanHalfOfTheRoll) {
  // 25 voting members on the roll: 13 pass, 12 do not, however many came.
  EXPECT_TRUE(decideVote(vote(13, 0, 0, 25, VoteRule::more_than_half_roll)).passed);
  EXPECT_FALSE(decideVote(vote(12, 0, 0, 25, VoteRule::more_than_half_roll)).passed);
}

TEST(Vote, TwoThirdsOfTheRollIsAtLeast) {
  EXPECT_EQ(votesNeeded(VoteRule::two_thirds_roll, 30), 20);
  EXPECT_TRUE(decideVote(vote(20, 5, 0, 30, VoteRule::two_thirds_roll)).passed);   // exactly 2/3
  EXPECT_FALSE(decideVote(vote(19, 5, 0, 30, VoteRule::two_thirds_roll)).passed);
  EXPECT_EQ(votesNeeded(VoteRule::two_thirds_roll, 10), 7);                        // 6.67 -> 7
  EXPECT_TRUE(decideVote(vote(7, 3, 0, 10, VoteRule::two_thirds_roll)).passed);
  EXPECT_FALSE(decideVote(vote(6, 4, 0, 10, VoteRule::two_thirds_roll)).passed);
}

TEST(Vote, LineUsesVietnameseDecimalComma) {
  EXPECT_EQ(decideVote(vote(2, 1, 0, 3, VoteRule::majority_present)).line, "với 2/3 đồng chí tán thành (66,7%)");
  EXPECT_EQ(vnPercent(100.0), "100%");
  EXPECT_EQ(vnNumber(3.75), "3,8");
  EXPECT_EQ(vnNumber(89.96), "90");
  EXPECT_EQ(vnNumber(3.75, 2), "3,75");
  EXPECT_EQ(vnNumber(6.666, 2), "6,67");
  EXPECT_EQ(vnNumber(5.0, 2), "5");
  EXPECT_EQ(vnNumber(0.05, 2), "0,05");
  EXPECT_EQ(vnNumber(-1.5), "-1,5");
  EXPECT_EQ(vnNumber(-0.01), "0");
}

TEST(Vote, ValidationRejectsMoreVotesThanEligible) {
  auto s = validateVote(vote(10, 6, 5, 20, VoteRule::majority_present));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field_errors[0].code, "exceeds_eligible");
  EXPECT_FALSE(decideVote(vote(10, 6, 5, 20, VoteRule::majority_present)).passed);
  EXPECT_TRUE(validateVote(vote(10, 5, 5, 20, VoteRule::majority_present)).ok());
}

TEST(Vote, ValidationRejectsNegativeAndEmptyEligible) {
  auto s = validateVote(vote(-1, 0, 0, 0, VoteRule::majority_present));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field_errors.size(), 2u);
}

TEST(Vote, RuleCodesRoundTrip) {
  for (auto r : {VoteRule::majority_present, VoteRule::more_than_half_roll, VoteRule::two_thirds_roll}) {
    EXPECT_EQ(voteRuleFromCode(toCode(r)), r);
    EXPECT_FALSE(label(r).empty());
  }
  EXPECT_FALSE(voteRuleFromCode("unanimous"));
}

}  // namespace
}  // namespace chibo

namespace chibo {
namespace {

RosterEntry entry(Id id, StatusKind standing, bool exempt = false, bool incoming = false) {
  RosterEntry e;
  e.member.id = id;
  e.state.on_roll = true;
  e.state.standing = standing;
  e.state.exempt = exempt;
  e.state.incoming = incoming;
  return e;
}

TEST(Voters, OfficialMembersNotExemptVoteProbationaryOnlyWhenTheRulesSaySo) {
  std::vector<RosterEntry> roll{entry(1, StatusKind::official), entry(2, StatusKind::official),
                                entry(3, StatusKind::probationary), entry(4, StatusKind::official, true),
                                entry(5, StatusKind::official, false, true)};
  std::vector<AttendanceMark> marks;
  for (Id id : {1, 3, 4}) {
    AttendanceMark m;
    m.member_id = id;
    m.status = AttendanceStatus::present;
    marks.push_back(m);
  }
  auto v = countVoters(roll, marks, false);
  EXPECT_EQ(v.on_roll, 2);
  EXPECT_EQ(v.present, 1);
  EXPECT_TRUE(v.roll_taken);
  auto with_probationary = countVoters(roll, marks, true);
  EXPECT_EQ(with_probationary.on_roll, 3);
  EXPECT_EQ(with_probationary.present, 2);
  EXPECT_FALSE(countVoters(roll, {}, false).roll_taken);

  EXPECT_EQ(eligibleFor(VoteRule::majority_present, 20, 15), 15);
  EXPECT_EQ(eligibleFor(VoteRule::two_thirds_roll, 20, 15), 20);
  EXPECT_EQ(eligibleFor(VoteRule::more_than_half_roll, 20, 15), 20);
}

}  // namespace
}  // namespace chibo
