#include "domain/date.h"

#include <atomic>

#include <chrono>
#include <cstdio>

namespace chibo {
namespace {
using namespace std::chrono;
constexpr int64_t kVnOffsetSeconds = 7 * 3600;

bool allDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int toInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
year_month_day ymd(int32_t days) { return year_month_day{sys_days{std::chrono::days{days}}}; }
}  // namespace

std::optional<Date> Date::fromYmd(int y, unsigned m, unsigned d) {
  std::chrono::year_month_day v{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!v.ok()) return std::nullopt;
  return fromDays(static_cast<int32_t>(sys_days{v}.time_since_epoch().count()));
}

std::optional<Date> Date::parseIso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!allDigits(y) || !allDigits(m) || !allDigits(d)) return std::nullopt;
  if (toInt(y) < 1) return std::nullopt;  // iso() writes years 0001-9999
  return fromYmd(toInt(y), static_cast<unsigned>(toInt(m)), static_cast<unsigned>(toInt(d)));
}

Date Date::today() { return DateTime::now().date(); }

int Date::year() const { return int(ymd(days_).year()); }
unsigned Date::month() const { return unsigned(ymd(days_).month()); }
unsigned Date::day() const { return unsigned(ymd(days_).day()); }

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}
std::string Date::vn() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", day(), month(), year());
  return buf;
}

Date Date::addMonths(int n) const {
  auto v = ymd(days_);
  auto ym = std::chrono::year_month{v.year(), v.month()} + std::chrono::months{n};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  auto d = v.day() > last ? last : v.day();
  return fromDays(static_cast<int32_t>(sys_days{std::chrono::year_month_day{ym.year(), ym.month(), d}}.time_since_epoch().count()));
}

int ageOn(Date birth, Date at) {
  int a = at.year() - birth.year();
  if (at.month() < birth.month() || (at.month() == birth.month() && at.day() < birth.day())) --a;
  return a;
}

namespace {
std::atomic<int64_t> clock_offset{0};
}

void setClockOffset(int64_t seconds) { clock_offset.store(seconds, std::memory_order_relaxed); }

DateTime DateTime::now() {
  return {duration_cast<seconds>(system_clock::now().time_since_epoch()).count() +
          clock_offset.load(std::memory_order_relaxed)};
}

std::optional<DateTime> DateTime::parseIso(std::string_view s) {
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  auto d = Date::parseIso(s.substr(0, 10));
  if (!d) return std::nullopt;
  auto hh = s.substr(11, 2), mm = s.substr(14, 2);
  if (!allDigits(hh) || !allDigits(mm)) return std::nullopt;
  int h = toInt(hh), mi = toInt(mm), sec = 0;
  if (h > 23 || mi > 59) return std::nullopt;
  std::string_view rest = s.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !allDigits(rest.substr(1, 2))) return std::nullopt;
    sec = toInt(rest.substr(1, 2));
    if (sec > 59) return std::nullopt;
    rest = rest.substr(3);
  }
  int64_t offset = kVnOffsetSeconds;  // no zone means local Vietnamese time
  if (rest == "Z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
             allDigits(rest.substr(1, 2)) && allDigits(rest.substr(4, 2))) {
    offset = (toInt(rest.substr(1, 2)) * 3600 + toInt(rest.substr(4, 2)) * 60) * (rest[0] == '-' ? -1 : 1);
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  DateTime at{int64_t(d->days()) * 86400 + h * 3600 + mi * 60 + sec - offset};
  // The offset can move an instant out of the four-digit years that iso() writes and parseIso
  // reads back (0000-01-01T00:00+14:00 is in year 0 here): refuse it rather than store it.
  if (int y = at.date().year(); y < 1 || y > 9999) return std::nullopt;
  return at;
}

std::string DateTime::iso() const {
  int64_t local = unix_seconds + kVnOffsetSeconds;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t sod = local - days * 86400;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+07:00", Date::fromDays(int32_t(days)).iso().c_str(),
                int(sod / 3600), int(sod / 60 % 60), int(sod % 60));
  return buf;
}
std::string DateTime::vn() const {
  int64_t local = unix_seconds + kVnOffsetSeconds;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t sod = local - days * 86400;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d:%02d %s", int(sod / 3600), int(sod / 60 % 60),
                Date::fromDays(int32_t(days)).vn().c_str());
  return buf;
}
Date DateTime::date() const {
  int64_t local = unix_seconds + kVnOffsetSeconds;
  return Date::fromDays(int32_t(local >= 0 ? local / 86400 : (local - 86399) / 86400));
}

}  // namespace chibo
