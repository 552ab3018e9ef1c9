#include "import/cell_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "domain/text/vn_text.h"

namespace chibo::import {
namespace {

Error badDate() {
  return Error::validation({{"", "invalid_date", "Ngày không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980)."}});
}

bool num(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string cellText(const RawCell& c) {
  if (c.is_number) {
    char buf[64];
    if (std::floor(c.number) == c.number && std::fabs(c.number) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", c.number);
    else std::snprintf(buf, sizeof buf, "%.15g", c.number);
    return buf;
  }
  return c.text;
}

Result<std::optional<Date>> cellDate(const RawCell& c) {
  if (c.is_number) {
    double d = c.number;
    // Excel's 1900 system counts 29/02/1900, which never existed: serials from 61 on
    // are days since 30/12/1899 (ECMA-376 Part 1 §18.17.4.1).
    if (d < 1 || d > 2958465) return badDate();
    int serial = int(std::floor(d));
    auto base = Date::fromYmd(1899, 12, serial >= 61 ? 30 : 31);
    return std::optional<Date>(base->addDays(serial));
  }
  std::string s = c.text;
  if (s.empty()) return std::optional<Date>();
  // A CSV saved from a date column without a date format carries the serial number
  // ("33000"); a bare year ("1980") is not a date and stays refused.
  if (s.size() >= 4 && s.size() <= 7 && s.find_first_not_of("0123456789") == std::string::npos) {
    long serial = std::stol(s);
    if (serial < 3000) return badDate();
    RawCell n;
    n.is_number = true;
    n.number = double(serial);
    return cellDate(n);
  }
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    if (auto d = Date::parseIso(std::string_view(s).substr(0, 10))) return std::optional<Date>(*d);
    return badDate();
  }
  // d/m/yyyy with '/', '-' or '.' between the parts.
  int parts[3];
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    size_t end = pos;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (!num(std::string_view(s).substr(pos, end - pos), parts[i])) return badDate();
    if (i < 2) {
      if (end >= s.size() || (s[end] != '/' && s[end] != '-' && s[end] != '.')) return badDate();
      pos = end + 1;
    } else {
      // A time after the date ("05/03/1980 00:00:00") is ignored; anything else is not a date.
      if (end < s.size() && s[end] != ' ') return badDate();
    }
  }
  if (parts[2] < 1000) return badDate();
  auto d = Date::fromYmd(parts[2], unsigned(parts[1]), unsigned(parts[0]));
  if (!d) return badDate();
  return std::optional<Date>(*d);
}

Result<std::optional<Gender>> cellGender(const RawCell& c) {
  std::string k = foldForSearch(cellText(c));
  if (k.empty()) return std::optional<Gender>();
  if (k == "nam" || k == "m") return std::optional<Gender>(Gender::male);
  if (k == "nu" || k == "f") return std::optional<Gender>(Gender::female);
  if (k == "khac") return std::optional<Gender>(Gender::other);
  return Error::validation({{"", "invalid_gender", "Giới tính không hợp lệ (Nam, Nữ hoặc Khác)."}});
}

std::string cellDigits(const RawCell& c, size_t width) {
  std::string t = cellText(c), out;
  for (char ch : t) {
    if (ch == ' ' || ch == '.' || ch == '-' || ch == '\'') continue;
    out += ch;
  }
  // Citizen IDs and phone numbers start with 0; a numeric cell, or a CSV written
  // from one, drops it. One digit short and all digits: the zero is put back.
  if (width && out.size() + 1 == width && out.find_first_not_of("0123456789") == std::string::npos) out.insert(0, "0");
  return out;
}

}  // namespace chibo::import
