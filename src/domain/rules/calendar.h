#pragma once
// Calendar arithmetic the rules need and date.h does not offer.
//
// Working days are Monday to Friday. Public holidays are not subtracted: the
// holiday calendar changes yearly and no source fixes it for party work, so a
// deadline computed here may be a few days early, never late.
#include "domain/date.h"

namespace chibo {

// 0 = Sunday ... 6 = Saturday.
int weekday(Date);
bool isWorkingDay(Date);
// The n-th working day after `d` (n >= 0; n = 0 returns `d`).
Date addWorkingDays(Date d, int n);
// Last day of the month.
Date lastDayOfMonth(int year, unsigned month);
// Day `day` of the month, clamped to its last day (31 in February -> 28/29).
Date dayOfMonthClamped(int year, unsigned month, int day);
// First and last day of quarter 1..4.
Date quarterStart(int year, int quarter);
Date quarterEnd(int year, int quarter);

}  // namespace chibo
