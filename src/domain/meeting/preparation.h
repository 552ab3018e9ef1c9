#pragma once
// What the chi ủy did before a meeting (R-PREP-1..3; HD 42 preparation,
// domain.md §2.3), and whether each step was done in time.
//
// Design notes:
// - The checklist stores timestamps, not ticks, so "in time" can be judged
//   later against whichever rule set is in force on the meeting date.
// - "At least N days before" is counted in calendar days in Asia/Ho_Chi_Minh:
//   documents posted any time on the day N days before the meeting day are on
//   time. That is how people read "trước ít nhất 1 ngày"; a 24-hour reading
//   would fail a post at 20:00 for a 19:30 meeting next day.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

struct PreparationChecklist {
  std::optional<DateTime> chi_uy_meeting_at;       // chi ủy (or bí thư + phó bí thư) prep meeting
  std::optional<Id> content_preparer_member_id;    // assigned to prepare content and draft
  bool draft_resolution_attached = false;
  std::optional<DateTime> notice_members_at;       // notice of time, place, content to members
  std::optional<DateTime> notice_monitor_at;       // ... and to the upper-level monitor
  std::optional<DateTime> documents_published_at;  // posted on the Sổ tay đảng viên điện tử
};

enum class PrepItem {
  chi_uy_meeting,
  content_preparer,
  draft_resolution,
  notice_members,
  notice_monitor,
  documents_on_time,
};

struct PrepItemResult {
  PrepItem item = PrepItem::chi_uy_meeting;
  bool satisfied = false;
  std::string detail;  // Vietnamese: what was found
};

struct PreparationReport {
  std::vector<PrepItemResult> items;  // every PrepItem, in enum order
  int satisfied = 0;
  const PrepItemResult* find(PrepItem) const;
};

std::string_view toCode(PrepItem);
std::optional<PrepItem> prepItemFromCode(std::string_view);
std::string_view label(PrepItem);  // Vietnamese

// The last local date on which documents are on time: the meeting day minus
// `days_before`. With days_before = 0 anything before the start is on time.
Date documentsDeadline(DateTime planned_start, int days_before);

// Judges each item against `planned_start`: the prep meeting and both notices
// must be before the start; documents on or before documentsDeadline().
PreparationReport evaluatePreparation(const PreparationChecklist&, DateTime planned_start, int documents_days_before);

}  // namespace chibo
