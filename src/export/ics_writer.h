#pragma once
// iCalendar (RFC 5545) files so that members can put meetings in their phone
// calendars. Times are written in Asia/Ho_Chi_Minh with a VTIMEZONE, so
// calendars show 19:30 whatever zone the phone is set to travel in.
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace chibo {

struct IcsEvent {
  std::string uid;          // stable and globally unique, e.g. "meeting-42@chibo"
  DateTime start;
  DateTime end;
  std::string summary;      // "Sinh hoạt chi bộ thường kỳ tháng 3/2026"
  std::string location;     // optional
  std::string description;  // optional; may contain newlines
};

// A whole VCALENDAR (METHOD:PUBLISH) with one VTIMEZONE for +07:00 and one
// VEVENT per event, CRLF line ends, text escaped and lines folded. `stamp` is
// the DTSTAMP of every event (when the file was made), written in UTC.
// Optional properties with empty values are left out.
std::string buildIcs(const std::vector<IcsEvent>& events, DateTime stamp);

// RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon and comma get a
// backslash; CRLF, LF and CR become "\n". Also normalises to NFC.
std::string icsEscape(std::string_view text);

// RFC 5545 §3.1 folding of one content line (no line end in `line`): lines
// longer than 75 octets are broken with CRLF + space, never inside a UTF-8
// sequence. The result ends with CRLF.
std::string icsFold(std::string_view line);

}  // namespace chibo
