#include "domain/date.h"

#include <gtest/gtest.h>

namespace chibo {

TEST(DateTest, ParsesIsoAndRejectsImpossibleDates) {
  auto d = Date::parseIso("2026-03-05");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2026);
  EXPECT_EQ(d->month(), 3u);
  EXPECT_EQ(d->day(), 5u);
  EXPECT_EQ(d->iso(), "2026-03-05");
  EXPECT_EQ(d->vn(), "05/03/2026");
  EXPECT_FALSE(Date::parseIso("2025-02-29"));
  EXPECT_TRUE(Date::parseIso("2024-02-29"));
  EXPECT_FALSE(Date::parseIso("2026-13-01"));
  EXPECT_FALSE(Date::parseIso("05/03/2026"));
  EXPECT_FALSE(Date::parseIso("2026-3-5"));
  EXPECT_FALSE(Date::parseIso(""));
}

TEST(DateTest, AddMonthsClampsToTheMonthEnd) {
  EXPECT_EQ(Date::parseIso("2026-01-31")->addMonths(1).iso(), "2026-02-28");
  EXPECT_EQ(Date::parseIso("2025-03-20")->addMonths(12).iso(), "2026-03-20");
  EXPECT_EQ(Date::parseIso("2026-03-31")->addMonths(-1).iso(), "2026-02-28");
}

TEST(DateTest, AgeCountsWholeYears) {
  auto b = *Date::parseIso("1960-06-15");
  EXPECT_EQ(ageOn(b, *Date::parseIso("2026-06-14")), 65);
  EXPECT_EQ(ageOn(b, *Date::parseIso("2026-06-15")), 66);
}

TEST(DateTimeTest, RendersInHoChiMinhTime) {
  auto t = DateTime::parseIso("2026-03-05T12:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->iso(), "2026-03-05T19:30:00+07:00");
  EXPECT_EQ(t->vn(), "19:30 05/03/2026");
  // 20:00 UTC is already the next day in Vietnam.
  EXPECT_EQ(DateTime::parseIso("2026-03-05T20:00Z")->date().iso(), "2026-03-06");
  // No zone means Vietnamese local time.
  EXPECT_EQ(DateTime::parseIso("2026-03-05T19:30")->unix_seconds, t->unix_seconds);
  EXPECT_FALSE(DateTime::parseIso("2026-03-05T25:00"));
  EXPECT_FALSE(DateTime::parseIso("2026-03-05 19:30"));
}

}  // namespace chibo
