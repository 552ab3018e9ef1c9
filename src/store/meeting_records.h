#pragma once
// Rows of the meeting tables (0002_meetings.sql) that carry more than the
// domain types do: when and by whom something was recorded, and the links the
// domain leaves to the store (committee term, lock, check-in tokens).
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/meeting/agenda.h"
#include "domain/meeting/attendance.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/preparation.h"
#include "domain/meeting/resolution.h"
#include "domain/meeting/schedule.h"
#include "domain/meeting/task.h"

namespace chibo {

struct MeetingRecord {
  Meeting meeting;
  // The checklist; prep.draft_resolution_attached mirrors draft_resolution_at.
  PreparationChecklist prep;
  std::optional<DateTime> draft_resolution_at;
  std::optional<Id> term_id;  // the committee term covering the meeting date, if any
  std::string conclusion;     // the chair's conclusion as minuted
  std::optional<DateTime> minutes_read_back_at;
  std::optional<DateTime> locked_at;
  std::optional<Id> locked_by_user_id;
  DateTime created_at;
};

struct AttendanceRecord {
  AttendanceMark mark;
  DateTime marked_at;
  std::string source = "roll";  // "roll" (the secretary's roll call) or "checkin" (QR)
};

// What one meeting recorded about one earlier task.
struct TaskReview {
  Id meeting_id = 0;
  Id task_id = 0;
  TaskStatus outcome = TaskStatus::done;
  std::string note;
  DateTime at;
  std::optional<Id> by_user_id;
};

// One locked version of the minutes: "finalize" (version at locking) or "amendment".
struct MeetingVersion {
  Id meeting_id = 0;
  int version = 0;
  std::string kind;
  std::string reason;
  std::vector<FieldChange> changes;
  std::string snapshot;  // the whole record as JSON text, as it was at this version
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

struct ThematicPlanRecord {
  ThematicPlanEntry entry;
  std::optional<Id> suggestion_id;  // the committee's suggested topic this cell adopted
};

struct MeetingSlot {
  Id id = 0;
  Id meeting_id = 0;
  DateTime start;
};

struct SlotMark {
  Id slot_id = 0;
  Id member_id = 0;
};

struct CheckinToken {
  std::string token_hash;  // SHA-256 hex of the token in the QR code
  Id meeting_id = 0;
  DateTime expires_at;
  DateTime created_at;
  std::optional<Id> created_by_user_id;
};

}  // namespace chibo
