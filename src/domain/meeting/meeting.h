#pragma once
// A meeting (cuộc sinh hoạt / cuộc họp) of a cell, a sub-group (tổ đảng) or a
// committee (giao ban, hội nghị, tọa đàm). One record shape serves all three:
// `org_id` says whose meeting it is and `kind` says what it is.
//
// Design notes:
// - A combined session (thường kỳ + chuyên đề) is its own kind, not two rows:
//   HD 42 gives it its own minimum duration (120 minutes), and the minutes are one book entry.
// - Lifecycle: planned -> held -> finalized (minutes locked); planned -> cancelled.
//   A finalized meeting changes only through an Amendment, which bumps `version`
//   and records why; the old text is kept by the store.
// - The period (year, month) is the month the meeting counts for (R-FREQ-1),
//   which is normally but not necessarily the month it was held in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/result.h"

namespace chibo {

enum class MeetingKind {
  regular,            // thường kỳ
  thematic,           // chuyên đề (has a topic)
  combined,           // thường kỳ kết hợp chuyên đề
  extraordinary,      // bất thường
  subgroup,           // sinh hoạt tổ đảng
  committee_meeting,  // họp cấp ủy / giao ban / hội nghị
};

enum class MeetingStatus { planned, held, finalized, cancelled };

struct Guest {
  std::string name;
  std::string position;           // "Đảng ủy viên phụ trách chi bộ"
  std::optional<Id> member_id;    // when the guest is a member known to the system
  bool upper_monitor = false;     // the upper-level committee member who follows the cell
};

// One speaker's contribution (ý kiến phát biểu). Speakers are counted for the
// quality rubric (R-QUAL-2), so each speech names a member.
struct Speech {
  Id id = 0;
  Id member_id = 0;
  std::optional<Id> agenda_item_id;
  std::string summary;
  std::optional<int> duration_seconds;
};

// A change to finalized minutes. `version` is the meeting version the change creates.
struct Amendment {
  Id id = 0;
  Id meeting_id = 0;
  int version = 0;
  std::string reason;
  std::optional<Id> by_user_id;
  DateTime at;
};

struct Meeting {
  Id id = 0;
  Id org_id = 0;  // a cell, a sub-group or a committee
  MeetingKind kind = MeetingKind::regular;
  std::string topic;  // required for thematic and combined meetings
  DateTime planned_start;
  std::string place;
  std::optional<Id> chair_member_id;
  std::optional<Id> secretary_member_id;  // the member who keeps the minutes (thư ký)
  std::vector<Guest> guests;
  std::optional<DateTime> started_at;
  std::optional<DateTime> ended_at;
  MeetingStatus status = MeetingStatus::planned;
  int period_year = 0;
  unsigned period_month = 0;  // 1..12
  // Entered after the fact from the paper minutes book (sổ biên bản): judged on
  // what the book shows, so the preparation-timing rules (R-PREP-1/2) skip it.
  bool from_paper_book = false;
  int version = 1;
};

std::string_view toCode(MeetingKind);
std::string_view toCode(MeetingStatus);
std::optional<MeetingKind> meetingKindFromCode(std::string_view);
std::optional<MeetingStatus> meetingStatusFromCode(std::string_view);
std::string_view label(MeetingKind);    // Vietnamese, e.g. "Sinh hoạt thường kỳ"
std::string_view label(MeetingStatus);  // Vietnamese, e.g. "Đã tổ chức"

// True for the kinds that carry a thematic topic (thematic, combined).
bool hasTopic(MeetingKind);
// True for the kinds that count as the monthly regular meeting (R-FREQ-1): regular, combined.
bool countsAsMonthly(MeetingKind);
// True for the kinds that count as a thematic meeting (R-FREQ-2): thematic, combined.
bool countsAsThematic(MeetingKind);

// Whole minutes between started_at and ended_at; none while either is missing
// or when the end is before the start.
std::optional<int> durationMinutes(const Meeting&);

// Quarter 1..4 of a month 1..12.
inline int quarterOf(unsigned month) { return static_cast<int>((month - 1) / 3 + 1); }

// Checks the fields a user enters. Returns validation errors with field paths
// ("topic", "period_month", "secretary_member_id", "ended_at") and Vietnamese messages.
Status validateMeeting(const Meeting&);

// Whether the lifecycle allows `from` -> `to`. A finalized meeting never goes
// back: corrections are Amendments. Cancelled is final.
bool mayTransition(MeetingStatus from, MeetingStatus to);

// Checks an amendment against the meeting it changes: the meeting must be
// finalized, the reason given, and the version exactly meeting.version + 1
// (a stale version is a conflict, code "stale_version").
Status validateAmendment(const Meeting&, const Amendment&);

// Number of distinct members who spoke.
int distinctSpeakers(const std::vector<Speech>&);

}  // namespace chibo
