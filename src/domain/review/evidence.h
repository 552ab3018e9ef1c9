#pragma once
// The year's record a member's review form is prefilled with (HD 43-HD/BTCTW:
// the self-assessment rests on the results of the year). Counted from the
// records chibo keeps, so the member, the cell and the committee argue from
// the same figures.
#include <optional>
#include <vector>

#include "domain/date.h"
#include "domain/meeting/attendance.h"
#include "domain/meeting/task.h"

namespace chibo {

struct YearEvidence {
  int meetings_expected = 0;   // meetings of the year the member was on the roll for
  int meetings_attended = 0;   // present, late or left early
  int absent_excused = 0;      // vắng có lý do
  int absent_unexcused = 0;    // vắng không có lý do
  int tasks_on_time = 0;       // done, never reported late
  int tasks_done_late = 0;     // done after a review found them late or carried them over
  int tasks_overdue = 0;       // still pending past their deadline at the year's end
  int tasks_open = 0;          // still pending, deadline not passed (or none)
  int speeches = 0;            // speeches recorded in the minutes
  int dues_months_due = 0;     // months the member owed dues
  int dues_months_paid = 0;    // of those, months with a payment
  int warnings = 0;            // warnings raised about the member in the year

  // Every task that fell due is done on time: none done late, none overdue. A task whose
  // deadline is still ahead at the year's end is the next year's to judge.
  bool allTasksOnTime() const { return tasks_done_late == 0 && tasks_overdue == 0; }
  int tasksTotal() const { return tasks_on_time + tasks_done_late + tasks_overdue + tasks_open; }
};

// One task assigned to the member, as its reviews left it.
struct TaskFacts {
  TaskStatus status = TaskStatus::open;
  bool ever_late = false;  // a review recorded it late or carried it over
  std::optional<Date> deadline;
};

// Adds the marks to the attendance counters (each mark is one expected meeting).
void countAttendance(const std::vector<AttendanceStatus>& marks, YearEvidence& e);
// Adds the tasks to the task counters as they stand on `year_end`. Dropped
// tasks are not counted: the cell decided they no longer apply.
void countTasks(const std::vector<TaskFacts>& tasks, Date year_end, YearEvidence& e);

}  // namespace chibo
