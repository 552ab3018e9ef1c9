// R-TOĐẢNG-1: under a tổ đảng pilot the tổ đảng meetings of a month stand for
// the cell's monthly meeting when every tổ đảng met; attendance is summed over
// them; nothing changes without the pilot or outside its months.
#include "domain/rules/subgroup_pilot.h"

#include <gtest/gtest.h>

#include "domain/rules/schedule_warnings.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;

constexpr Id kCell = 7, kTo1 = 11, kTo2 = 12;

SubgroupMeetingFacts met(Id meeting, Id sg, int y, unsigned m, int expected, int present, bool in_period = true,
                         MeetingStatus st = MeetingStatus::held, MeetingKind k = MeetingKind::subgroup) {
  SubgroupMeetingFacts f;
  f.meeting_id = meeting;
  f.subgroup_id = sg;
  f.kind = k;
  f.status = st;
  f.period_year = y;
  f.period_month = m;
  f.held_in_period = in_period;
  f.expected = expected;
  f.present = present;
  f.excused = expected - present;
  return f;
}

TEST(SubgroupPilot, CoversItsMonthsInclusiveAndOpenEnded) {
  SubgroupPilot p;
  p.from_month = 202603;
  p.to_month = 202605;
  EXPECT_FALSE(pilotCovers(p, 202602));
  EXPECT_TRUE(pilotCovers(p, 202603));
  EXPECT_TRUE(pilotCovers(p, 202605));
  EXPECT_FALSE(pilotCovers(p, 202606));
  p.to_month.reset();
  EXPECT_TRUE(pilotCovers(p, 203012));
  EXPECT_FALSE(pilotCovers(p, 202512));
}

TEST(SubgroupPilot, MonthHeldWhenEveryToDangMetAttendanceSummed) {
  auto m = judgeSubgroupMonth({kTo1, kTo2}, {met(1, kTo1, 2026, 3, 30, 27), met(2, kTo2, 2026, 3, 25, 20)}, 2026, 3);
  EXPECT_TRUE(m.held);
  EXPECT_TRUE(m.on_time);
  EXPECT_EQ(m.subgroups, 2);
  EXPECT_EQ(m.met, 2);
  EXPECT_EQ(m.meetings, 2);
  EXPECT_EQ(m.expected, 55);
  EXPECT_EQ(m.present, 47);
  EXPECT_EQ(m.excused, 8);
  EXPECT_TRUE(m.missing.empty());
}

TEST(SubgroupPilot, OneToDangMissingLeavesTheMonthNotHeld) {
  auto m = judgeSubgroupMonth({kTo1, kTo2}, {met(1, kTo1, 2026, 3, 30, 27)}, 2026, 3);
  EXPECT_FALSE(m.held);
  EXPECT_FALSE(m.on_time);
  EXPECT_EQ(m.met, 1);
  EXPECT_EQ(m.missing, std::vector<Id>{kTo2});
  EXPECT_EQ(m.present, 27);  // what was held still counts
}

TEST(SubgroupPilot, OnlyHeldMeetingsOfTheMonthAndOfTheCellsToDangCount) {
  std::vector<SubgroupMeetingFacts> ms{
      met(1, kTo1, 2026, 3, 30, 27),
      met(2, kTo2, 2026, 3, 25, 0, true, MeetingStatus::planned),         // not held
      met(3, kTo2, 2026, 2, 25, 20),                                       // another month
      met(4, 99, 2026, 3, 10, 10),                                         // another cell's tổ
      met(5, kTo2, 2026, 3, 25, 20, true, MeetingStatus::cancelled),
      met(6, kTo2, 2026, 3, 25, 20, true, MeetingStatus::held, MeetingKind::thematic),  // thematic stays at cell level
  };
  auto m = judgeSubgroupMonth({kTo1, kTo2}, ms, 2026, 3);
  EXPECT_FALSE(m.held);
  EXPECT_EQ(m.meetings, 1);
  EXPECT_EQ(m.expected, 30);
  // A finalized regular meeting of the tổ counts as its share.
  ms.push_back(met(7, kTo2, 2026, 3, 25, 22, true, MeetingStatus::finalized, MeetingKind::regular));
  m = judgeSubgroupMonth({kTo1, kTo2}, ms, 2026, 3);
  EXPECT_TRUE(m.held);
  EXPECT_EQ(m.present, 49);
}

TEST(SubgroupPilot, HeldLateIsHeldButNotOnTime) {
  auto m = judgeSubgroupMonth({kTo1, kTo2}, {met(1, kTo1, 2026, 3, 30, 27), met(2, kTo2, 2026, 3, 25, 20, false)}, 2026,
                              3);
  EXPECT_TRUE(m.held);
  EXPECT_FALSE(m.on_time);
}

TEST(SubgroupPilot, ACellWithoutToDangNeverHoldsAMonthThisWay) {
  auto m = judgeSubgroupMonth({}, {met(1, kTo1, 2026, 3, 30, 27)}, 2026, 3);
  EXPECT_FALSE(m.held);
  EXPECT_EQ(m.meetings, 0);
}

TEST(SubgroupPilot, MonthlyWarningFollowsThePilotMonth) {
  auto rs = test::hd42();
  const Date after = d("2026-04-02");
  std::vector<MeetingOccurrence> cell_meetings;  // the cell itself held nothing in March
  // Without the pilot: the warning stands, whatever the tổ đảng did.
  EXPECT_EQ(monthlyMeetingWarnings(rs, kCell, cell_meetings, 2026, 3, after).size(), 1u);
  // Under the pilot, both tổ met: no warning.
  auto both = judgeSubgroupMonth({kTo1, kTo2}, {met(1, kTo1, 2026, 3, 30, 27), met(2, kTo2, 2026, 3, 25, 20)}, 2026, 3);
  EXPECT_TRUE(monthlyMeetingWarnings(rs, kCell, cell_meetings, 2026, 3, after, &both).empty());
  // Under the pilot, one of two met: the warning stays and says so.
  auto one = judgeSubgroupMonth({kTo1, kTo2}, {met(1, kTo1, 2026, 3, 30, 27)}, 2026, 3);
  auto w = monthlyMeetingWarnings(rs, kCell, cell_meetings, 2026, 3, after, &one);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].message.find("1/2 tổ đảng"), std::string::npos) << w[0].message;
  // Before the due day nothing is judged, pilot or not.
  EXPECT_TRUE(monthlyMeetingWarnings(rs, kCell, cell_meetings, 2026, 3, d("2026-03-31"), &one).empty());
}

TEST(SubgroupPilot, MonthKeys) {
  EXPECT_EQ(monthKey(2026, 3), 202603);
  EXPECT_TRUE(validMonthKey(202612));
  EXPECT_FALSE(validMonthKey(202613));
  EXPECT_FALSE(validMonthKey(202600));
  EXPECT_EQ(monthKeyText(202603), "3/2026");
}

}  // namespace
}  // namespace chibo
