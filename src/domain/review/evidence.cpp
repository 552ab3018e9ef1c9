#include "domain/review/evidence.h"

namespace chibo {

void countAttendance(const std::vector<AttendanceStatus>& marks, YearEvidence& e) {
  for (auto m : marks) {
    ++e.meetings_expected;
    switch (m) {
      case AttendanceStatus::present:
      case AttendanceStatus::late:
      case AttendanceStatus::left_early: ++e.meetings_attended; break;
      case AttendanceStatus::absent_excused: ++e.absent_excused; break;
      case AttendanceStatus::absent_unexcused: ++e.absent_unexcused; break;
    }
  }
}

void countTasks(const std::vector<TaskFacts>& tasks, Date year_end, YearEvidence& e) {
  for (const auto& t : tasks) {
    switch (t.status) {
      case TaskStatus::dropped: break;
      case TaskStatus::done: (t.ever_late ? e.tasks_done_late : e.tasks_on_time) += 1; break;
      case TaskStatus::open:
      case TaskStatus::late:
      case TaskStatus::carried_over:
        if (t.status == TaskStatus::late || (t.deadline && *t.deadline < year_end)) ++e.tasks_overdue;
        else ++e.tasks_open;
        break;
    }
  }
}

}  // namespace chibo
