#include "domain/rules/calendar.h"

#include <algorithm>

namespace chibo {

void HolidayCalendar::index() {
  off.clear();
  worked.clear();
  listed_years.clear();
  int lo = 1970, hi = 2100;
  for (const auto& y : years) listed_years.insert(y.year);
  // Fixed solar-date holidays of every year in range. One that falls on a
  // weekend is made up on the next working day (Điều 112 khoản 3); for listed
  // years the announcement names that day explicitly, so only unlisted years
  // get the rule here.
  for (int y = lo; y <= hi; ++y) {
    for (const auto& f : fixed) {
      auto d = Date::fromYmd(y, f.month, f.day);
      if (!d) continue;
      off.insert(d->days());
    }
    if (listed_years.count(y)) continue;
    for (const auto& f : fixed) {
      auto d = Date::fromYmd(y, f.month, f.day);
      if (!d) continue;
      int w = weekday(*d);
      if (w != 0 && w != 6) continue;
      Date next = *d;
      do next = next.addDays(1);
      while (weekday(next) == 0 || weekday(next) == 6 || off.count(next.days()));
      off.insert(next.days());
    }
  }
  for (const auto& y : years) {
    for (Date d : y.days_off) off.insert(d.days());
    for (Date d : y.working_days) worked.insert(d.days());
  }
}

int weekday(Date d) {
  // 1970-01-01 was a Thursday (4).
  int w = (d.days() + 4) % 7;
  return w < 0 ? w + 7 : w;
}

bool isWorkingDay(Date d, const HolidayCalendar& cal) {
  if (cal.worked.count(d.days())) return true;
  int w = weekday(d);
  if (w == 0 || w == 6) return false;
  return cal.off.count(d.days()) == 0;
}

Date addWorkingDays(Date d, int n, const HolidayCalendar& cal) {
  while (n > 0) {
    d = d.addDays(1);
    if (isWorkingDay(d, cal)) --n;
  }
  return d;
}

int workingDaysBetween(Date from, Date to, const HolidayCalendar& cal) {
  int n = 0;
  for (Date d = from.addDays(1); d <= to; d = d.addDays(1))
    if (isWorkingDay(d, cal)) ++n;
  return n;
}

Date lastDayOfMonth(int year, unsigned month) {
  return Date::fromYmd(year, month, 1)->addMonths(1).addDays(-1);
}

Date dayOfMonthClamped(int year, unsigned month, int day) {
  Date last = lastDayOfMonth(year, month);
  return *Date::fromYmd(year, month, static_cast<unsigned>(std::clamp(day, 1, static_cast<int>(last.day()))));
}

Date quarterStart(int year, int quarter) { return *Date::fromYmd(year, static_cast<unsigned>(quarter * 3 - 2), 1); }
Date quarterEnd(int year, int quarter) { return lastDayOfMonth(year, static_cast<unsigned>(quarter * 3)); }

}  // namespace chibo
