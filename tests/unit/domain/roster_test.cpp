#include "domain/roster.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {
Date d(const char* s) { return *Date::parseIso(s); }
StatusPeriod sp(StatusKind k, const char* from, std::optional<const char*> to = std::nullopt) {
  return {0, 1, k, d(from), to ? std::optional<Date>(d(*to)) : std::nullopt, ""};
}
}  // namespace

TEST(RosterTest, StandingComesFromDatesWhenNoPeriodSaysOtherwise) {
  Member m;
  m.admission_ceremony_date = d("2025-06-01");
  m.official_date = d("2026-06-01");
  EXPECT_EQ(stateOn(m, {}, d("2025-12-01")).standing, StatusKind::probationary);
  EXPECT_EQ(stateOn(m, {}, d("2026-06-01")).standing, StatusKind::official);
  EXPECT_EQ(stateOn(m, {sp(StatusKind::probationary, "2025-06-01", "2026-08-01")}, d("2026-07-01")).standing,
            StatusKind::probationary);
}

TEST(RosterTest, ExemptAwayAndSpecialDutyLeaveTheDenominatorIncomingCount) {
  Member m;
  EXPECT_TRUE(stateOn(m, {}, d("2026-01-01")).countsForAttendance());
  EXPECT_FALSE(stateOn(m, {sp(StatusKind::exempt, "2025-01-01")}, d("2026-01-01")).countsForAttendance());
  EXPECT_FALSE(stateOn(m, {sp(StatusKind::temp_exempt, "2025-01-01")}, d("2026-01-01")).countsForAttendance());
  EXPECT_FALSE(stateOn(m, {sp(StatusKind::temp_out, "2025-12-01", "2026-06-01")}, d("2026-01-01")).countsForAttendance());
  EXPECT_FALSE(stateOn(m, {sp(StatusKind::special_duty, "2025-12-01")}, d("2026-01-01")).countsForAttendance());
  auto in = stateOn(m, {sp(StatusKind::temp_in, "2025-12-01", "2026-06-01")}, d("2026-01-01"));
  EXPECT_TRUE(in.incoming);
  EXPECT_TRUE(in.countsForAttendance());
  // Periods are inclusive of their end date and no longer apply after it.
  EXPECT_TRUE(stateOn(m, {sp(StatusKind::temp_out, "2025-12-01", "2026-06-01")}, d("2026-06-01")).away);
  EXPECT_FALSE(stateOn(m, {sp(StatusKind::temp_out, "2025-12-01", "2026-06-01")}, d("2026-06-02")).away);
}

TEST(RosterTest, TerminalStatusTakesTheMemberOffTheRollFromItsDate) {
  Member m;
  auto s = {sp(StatusKind::deceased, "2026-02-10")};
  EXPECT_TRUE(stateOn(m, s, d("2026-02-09")).on_roll);
  auto after = stateOn(m, s, d("2026-02-10"));
  EXPECT_FALSE(after.on_roll);
  EXPECT_EQ(after.terminal, StatusKind::deceased);
  EXPECT_FALSE(after.countsForAttendance());
}

TEST(RosterTest, CountsAddUp) {
  Member m;
  std::vector<RosterEntry> r;
  auto add = [&](std::vector<StatusPeriod> s) { r.push_back({m, {}, stateOn(m, s, d("2026-03-01"))}); };
  add({});
  add({});
  add({sp(StatusKind::probationary, "2025-06-01")});
  add({sp(StatusKind::exempt, "2020-01-01")});
  add({sp(StatusKind::temp_out, "2026-01-01")});
  add({sp(StatusKind::temp_in, "2026-01-01")});
  add({sp(StatusKind::removed, "2026-02-01")});
  auto c = countRoster(r);
  EXPECT_EQ(c.on_roll, 6);
  EXPECT_EQ(c.probationary, 1);
  EXPECT_EQ(c.official, 5);
  EXPECT_EQ(c.exempt, 1);
  EXPECT_EQ(c.away, 1);
  EXPECT_EQ(c.incoming, 1);
  EXPECT_EQ(c.expected, 4);
}

TEST(RosterTest, OverlapDetection) {
  std::vector<StatusPeriod> ex{sp(StatusKind::exempt, "2025-01-01", "2025-06-30")};
  EXPECT_TRUE(firstOverlap(ex, d("2025-06-30"), std::nullopt));
  EXPECT_FALSE(firstOverlap(ex, d("2025-07-01"), std::nullopt));
  EXPECT_FALSE(firstOverlap(ex, d("2024-01-01"), d("2024-12-31")));
  EXPECT_TRUE(firstOverlap(ex, d("2024-01-01"), std::nullopt));
}

TEST(RosterTest, PlacementOnDate) {
  std::vector<CellPeriod> p{{1, 1, 10, std::nullopt, d("2020-01-01"), d("2025-05-31"), ""},
                            {2, 1, 11, 12, d("2025-06-01"), std::nullopt, ""}};
  EXPECT_EQ(placementOn(p, d("2025-05-31"))->cell_id, 10);
  EXPECT_EQ(placementOn(p, d("2025-06-01"))->cell_id, 11);
  EXPECT_FALSE(placementOn(p, d("2019-12-31")));
}

}  // namespace chibo
