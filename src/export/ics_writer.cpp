#include "export/ics_writer.h"

#include <cstdio>

#include "export/text.h"

namespace chibo {
namespace {

constexpr int64_t kVnOffset = 7 * 3600;
constexpr char kTzid[] = "Asia/Ho_Chi_Minh";

// "20260305T193000" for the wall-clock time at `offset` seconds from UTC.
std::string basicTime(DateTime t, int64_t offset) {
  int64_t local = t.unix_seconds + offset;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t sod = local - days * 86400;
  Date d = Date::fromDays(int32_t(days));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02d", d.year(), d.month(), d.day(), int(sod / 3600),
                int(sod / 60 % 60), int(sod % 60));
  return buf;
}

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string icsEscape(std::string_view text) {
  std::string s = nfc(text), out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT (§3.3.11); tab is.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string icsFold(std::string_view line) {
  std::string out;
  size_t limit = 75;  // octets on the first line; later lines spend one on the leading space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && isContinuation(static_cast<unsigned char>(line[cut]))) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string buildIcs(const std::vector<IcsEvent>& events, DateTime stamp) {
  std::string out;
  auto line = [&out](std::string_view l) { out += icsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//chibo//Sinh hoat chi bo//VI");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  // Viet Nam has kept +07:00 without daylight saving since 1975; one STANDARD
  // rule covers every date a meeting can have.
  line("BEGIN:VTIMEZONE");
  line(std::string("TZID:") + kTzid);
  line("BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:+0700");
  line("TZOFFSETTO:+0700");
  line("TZNAME:ICT");
  line("END:STANDARD");
  line("END:VTIMEZONE");
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + icsEscape(e.uid));
    line("DTSTAMP:" + basicTime(stamp, 0) + "Z");
    line(std::string("DTSTART;TZID=") + kTzid + ":" + basicTime(e.start, kVnOffset));
    line(std::string("DTEND;TZID=") + kTzid + ":" + basicTime(e.end, kVnOffset));
    line("SUMMARY:" + icsEscape(e.summary));
    if (!e.location.empty()) line("LOCATION:" + icsEscape(e.location));
    if (!e.description.empty()) line("DESCRIPTION:" + icsEscape(e.description));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace chibo
