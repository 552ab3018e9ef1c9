#include "domain/rules/calendar.h"

#include <algorithm>

namespace chibo {

int weekday(Date d) {
  // 1970-01-01 was a Thursday (4).
  int w = (d.days() + 4) % 7;
  return w < 0 ? w + 7 : w;
}

bool isWorkingDay(Date d) {
  int w = weekday(d);
  return w != 0 && w != 6;
}

Date addWorkingDays(Date d, int n) {
  while (n > 0) {
    d = d.addDays(1);
    if (isWorkingDay(d)) --n;
  }
  return d;
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
