#pragma once
// Calendar arithmetic the rules need and date.h does not offer.
//
// Working days are Monday to Friday minus the public holidays of a
// HolidayCalendar, plus the Saturdays the government names as make-up working
// days. The calendar is data (rules/holidays-vn.json, loaded by app/rules):
// the law fixes the holidays (Bộ luật Lao động 2019 Điều 112) but Tết, Giỗ Tổ
// (lunar dates) and the days swapped around them are announced year by year.
// For a year the file does not list, only the fixed solar-date holidays are
// skipped, so a deadline there may be a few days early, never late.
#include <set>
#include <string>
#include <vector>

#include "domain/date.h"

namespace chibo {

struct FixedHoliday {
  unsigned month = 1;
  unsigned day = 1;
  std::string name;  // Vietnamese
};

struct HolidayYear {
  int year = 0;
  std::vector<Date> days_off;      // every weekday off that year beyond the fixed ones (Tết, Giỗ Tổ, compensatory, adjacent days)
  std::vector<Date> working_days;  // weekend days worked to make up a swapped day (làm bù)
  std::string source;
};

struct HolidayCalendar {
  std::string id;
  std::string source;
  std::vector<FixedHoliday> fixed;  // every year (Điều 112: 1/1, 30/4, 1/5, 2/9)
  std::vector<HolidayYear> years;   // years whose announcements are known

  // Built by index(); queried by isWorkingDay.
  std::set<int32_t> off;
  std::set<int32_t> worked;
  std::set<int> listed_years;
  // Fills off/worked/listed_years from fixed and years.
  void index();
  // True when the year's announcements are in the file (not just the fixed days).
  bool listsYear(int year) const { return listed_years.count(year) > 0; }
};

// 0 = Sunday ... 6 = Saturday.
int weekday(Date);
// Monday to Friday that is no holiday, or a make-up working Saturday.
bool isWorkingDay(Date, const HolidayCalendar&);
// The n-th working day after `d` (n >= 0; n = 0 returns `d`).
Date addWorkingDays(Date d, int n, const HolidayCalendar&);
// Working days in (from, to]: 0 when to <= from.
int workingDaysBetween(Date from, Date to, const HolidayCalendar&);
// Last day of the month.
Date lastDayOfMonth(int year, unsigned month);
// Day `day` of the month, clamped to its last day (31 in February -> 28/29).
Date dayOfMonthClamped(int year, unsigned month, int day);
// First and last day of quarter 1..4.
Date quarterStart(int year, int quarter);
Date quarterEnd(int year, int quarter);

}  // namespace chibo
