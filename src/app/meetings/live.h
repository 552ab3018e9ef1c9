#pragma once
// Live mode (issue 3 §3): the roll call, QR check-in, speakers, and the review
// of the previous meeting's tasks. All of them refuse a locked meeting.
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/meetings.h"

namespace chibo {

// One line of PUT /attendance as the client sent it: `reason_category` is an
// AbsenceReason code and `reason` the free text. An excused absence with a
// text but no category is filed under "other".
struct AttendanceItemInput {
  std::optional<Id> member_id;
  std::optional<std::string> status, reason_category, reason;
  // When the mark was made on the client (ISO instant), sent by the offline queue: makes the
  // request a timed merge (recordTimedAttendance).
  std::optional<std::string> marked_at;
};

// Replaces the whole roll of marks. Exempt, away and special-duty members are
// derived from their status periods on the meeting date and may only be marked
// present; anyone not on that day's roll is rejected with a field error
// items[i].member_id not_on_roll. Unmarked members stay unmarked.
Result<MeetingView> recordAttendance(Store& store, const Caller& c, Id id, const std::vector<AttendanceItemInput>& items);

// --- timed marks (offline capture): write_attendance_timed.cpp
// A timed mark the server kept out, and why (shown to the secretary).
struct SkippedMark {
  Id member_id = 0;
  std::string status;          // the mark that was sent
  std::string reason;          // "newer_mark" or "checked_in"
  std::string message;         // Vietnamese, for the screen
  AttendanceRecord kept;       // the mark the server keeps
};
struct TimedAttendance {
  MeetingView view;
  std::vector<SkippedMark> not_applied;
};
// Merges marks each made at a client time (every item carries marked_at; the
// roll is validated as for recordAttendance): members not listed keep their
// marks, and a listed member's mark is applied unless
//  - the server's mark is newer than marked_at (newer_mark), or
//  - the server's mark is a QR check-in and the sent mark is not attending
//    (checked_in): the scan proves presence, and the device that was offline
//    never saw it.
// A mark is kept with time min(marked_at, now) and source "offline".
Result<TimedAttendance> recordTimedAttendance(Store& store, const Caller& c, Id id,
                                              const std::vector<AttendanceItemInput>& items);

struct CheckinIssued {
  Id meeting_id = 0;
  std::string token;  // goes in the QR code; only its hash is stored
  DateTime expires_at;
};
// A short-lived token the secretary shows as a QR code (1..60 minutes).
// Only for a meeting that has started and is not locked.
Result<CheckinIssued> issueCheckinToken(Store& store, const Caller& c, Id id, int minutes);

struct CheckinDone {
  Id meeting_id = 0;
  Id member_id = 0;
  std::string full_name;
  AttendanceStatus status = AttendanceStatus::present;
  bool already = false;  // was already marked present; nothing changed
};
// The logged-in member scanning the code is marked present. not_found for an
// unknown token, 409 checkin_expired after expiry, 422 not_on_roll when the
// caller is not on the meeting's roll, 409 meeting_locked once locked.
Result<CheckinDone> checkIn(Store& store, const Caller& c, const std::string& token);

struct SpeechFields {
  std::optional<Id> member_id, agenda_item_id;
  std::optional<std::string> summary;
  std::optional<int> duration_seconds;
};
// Logs a contribution. The speaker must be on the roll on the meeting date
// (or a guest who is a known member); the agenda item must be this meeting's.
Result<Speech> addSpeech(Store& store, const Caller& c, Id meeting_id, const SpeechFields& in);

struct TaskReviewInput {
  std::optional<Id> task_id;
  std::optional<std::string> outcome, note;
};
// Records, for each earlier task this meeting reviews, done / late /
// carried_over / dropped with a note (R-RES-1). Sets the task's status and
// reviewed_in_meeting_id. A task not among the meeting's carried tasks is
// rejected (items[i].task_id not_carried).
Result<MeetingView> reviewTasks(Store& store, const Caller& c, Id meeting_id, const std::vector<TaskReviewInput>& items);

}  // namespace chibo
