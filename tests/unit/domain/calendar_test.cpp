#include "domain/rules/calendar.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;

TEST(Calendar, Weekdays) {
  EXPECT_EQ(weekday(d("1970-01-01")), 4);  // Thursday
  EXPECT_EQ(weekday(d("2026-03-10")), 2);  // Tuesday
  EXPECT_EQ(weekday(d("2026-03-15")), 0);  // Sunday
  EXPECT_EQ(weekday(d("1969-12-31")), 3);  // before the epoch
  const HolidayCalendar none;
  EXPECT_FALSE(isWorkingDay(d("2026-03-14"), none));
  EXPECT_TRUE(isWorkingDay(d("2026-03-13"), none));
}

TEST(Calendar, WorkingDaysSkipWeekends) {
  const HolidayCalendar none;  // no holidays: weekends only
  EXPECT_EQ(addWorkingDays(d("2026-03-13"), 1, none), d("2026-03-16"));  // Friday + 1 = Monday
  EXPECT_EQ(addWorkingDays(d("2026-03-13"), 0, none), d("2026-03-13"));
  EXPECT_EQ(addWorkingDays(d("2026-03-15"), 30, none), d("2026-04-24"));  // Sunday + 30 working days
}

TEST(Calendar, MonthAndQuarterBounds) {
  EXPECT_EQ(lastDayOfMonth(2026, 2), d("2026-02-28"));
  EXPECT_EQ(lastDayOfMonth(2028, 2), d("2028-02-29"));
  EXPECT_EQ(lastDayOfMonth(2026, 12), d("2026-12-31"));
  EXPECT_EQ(dayOfMonthClamped(2026, 2, 31), d("2026-02-28"));
  EXPECT_EQ(dayOfMonthClamped(2026, 3, 25), d("2026-03-25"));
  EXPECT_EQ(quarterStart(2026, 2), d("2026-04-01"));
  EXPECT_EQ(quarterEnd(2026, 2), d("2026-06-30"));
  EXPECT_EQ(quarterEnd(2026, 4), d("2026-12-31"));
}

}  // namespace
}  // namespace chibo
