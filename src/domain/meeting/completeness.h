#pragma once
// What must be in the record before the minutes can be locked (issue 3 §5;
// R-MIN-1, R-RES-1, R-AGENDA). The check lists what is missing; locking is
// refused while the list is not empty.
//
// Design notes:
// - Each missing item carries the stable code of the check that failed; one
//   check can report several items (one per task without a deadline, say).
//   Codes: chair, secretary, start_time, end_time, attendance, absence_reason,
//   previous_tasks, speeches, resolution, vote, tasks, minutes_read_back.
// - Which checks apply depends on the kind: a thematic meeting adopts no
//   resolution and reviews no tasks; an extraordinary one votes but reviews
//   nothing from last month. See requiredChecks().
// - A previous task counts as reviewed only when *this* meeting recorded its
//   outcome (reviewed_in_meeting_id == meeting.id): R-RES-1 wants every task
//   of month m reviewed at the meeting of month m+1.
#include <optional>
#include <string>
#include <vector>

#include "domain/meeting/attendance.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/resolution.h"
#include "domain/meeting/task.h"

namespace chibo {

struct MinutesRecord {
  Meeting meeting;
  AttendanceSummary attendance;
  std::vector<Task> previous_tasks;  // the tasks this meeting must review
  std::vector<Speech> speeches;
  std::optional<Resolution> resolution;
  std::vector<Task> new_tasks;       // tasks this meeting assigns
  bool minutes_read_back = false;
};

struct MissingItem {
  std::string code;     // the check, see above
  std::string field;    // path of the thing to fix, e.g. "new_tasks[1].deadline"
  std::string message;  // Vietnamese
};

struct CompletenessReport {
  int checks = 0;                    // checks that apply to this kind
  int failed_checks = 0;             // distinct codes among `missing`
  std::vector<MissingItem> missing;  // in check order
  bool complete() const { return missing.empty(); }
  double percent() const { return checks > 0 ? 100.0 * (checks - failed_checks) / checks : 100.0; }
};

// The check codes that apply to a kind, in the order they are reported.
std::vector<std::string> requiredChecks(MeetingKind);

// Runs every check that applies to record.meeting.kind.
CompletenessReport checkCompleteness(const MinutesRecord&);

}  // namespace chibo
