#pragma once
// A calendar date in Asia/Ho_Chi_Minh, stored as days since 1970-01-01.
// Party records are about days, not instants; times of day live in DateTime.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chibo {

class Date {
 public:
  Date() = default;
  static Date fromDays(int32_t d) { Date x; x.days_ = d; return x; }
  static std::optional<Date> fromYmd(int y, unsigned m, unsigned d);
  // Parses exactly "YYYY-MM-DD"; rejects impossible dates such as 2025-02-30.
  static std::optional<Date> parseIso(std::string_view s);
  // Today in Asia/Ho_Chi_Minh (UTC+7, no DST).
  static Date today();

  int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string iso() const;        // 2026-03-05
  std::string vn() const;         // 05/03/2026, what users see
  Date addDays(int n) const { return fromDays(days_ + n); }
  // Same day n months later, clamped to the month's end (31/01 + 1 month = 28/02).
  Date addMonths(int n) const;
  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

// Moves DateTime::now() by `seconds` for the whole process: the test clock
// behind `chibo serve --now` and `chibo demo --now`, so browser tests run at a
// chosen instant whatever the time of day. Set once, before threads start.
void setClockOffset(int64_t seconds);

// Whole years between birth and `at`.
int ageOn(Date birth, Date at);

// An instant as Unix seconds; rendered in Asia/Ho_Chi_Minh.
struct DateTime {
  int64_t unix_seconds = 0;
  // The wall clock, plus the offset set by setClockOffset (0 unless a test
  // or `--now` asked for another instant).
  static DateTime now();
  static std::optional<DateTime> parseIso(std::string_view s);  // 2026-03-05T19:30[:00][Z|+07:00]
  std::string iso() const;   // 2026-03-05T19:30:00+07:00
  std::string vn() const;    // 19:30 05/03/2026
  Date date() const;         // local date in Asia/Ho_Chi_Minh
  auto operator<=>(const DateTime&) const = default;
};

}  // namespace chibo
