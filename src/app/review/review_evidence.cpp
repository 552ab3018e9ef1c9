#include "app/review/review_evidence.h"

#include <map>
#include <set>

#include "app/documents/document_common.h"
#include "store/dues_repo.h"

namespace chibo {
namespace {

bool heldIn(const MeetingRecord& m, int year) {
  return (m.meeting.status == MeetingStatus::held || m.meeting.status == MeetingStatus::finalized) &&
         m.meeting.planned_start.date().year() == year;
}

// A task counts as ever late when any later meeting recorded it late or carried it over.
TaskFacts factsOf(const Task& t, const std::vector<std::pair<Id, TaskStatus>>& outcomes) {
  TaskFacts f{t.status, false, t.deadline};
  for (const auto& [task_id, outcome] : outcomes)
    if (task_id == t.id && (outcome == TaskStatus::late || outcome == TaskStatus::carried_over)) f.ever_late = true;
  return f;
}

Date yearEnd(int year) { return *Date::fromYmd(year, 12, 31); }

}  // namespace

YearEvidence memberYearEvidence(ReadTx& tx, Id member_id, const Org& cell, int year) {
  YearEvidence e;
  std::vector<AttendanceStatus> marks;
  for (const auto& [meeting_id, rec] : tx.attendanceOfMember(member_id)) {
    auto m = tx.meeting(meeting_id);
    if (!m || !heldIn(*m, year)) continue;
    marks.push_back(rec.mark.status);
    for (const auto& s : tx.speeches(meeting_id))
      if (s.member_id == member_id) ++e.speeches;
  }
  countAttendance(marks, e);

  std::vector<TaskFacts> tasks;
  for (const auto& t : tx.tasksOfMember(member_id)) {
    auto m = tx.meeting(t.meeting_id);
    if (!m || m->meeting.planned_start.date().year() != year) continue;
    tasks.push_back(factsOf(t, tx.reviewOutcomesOfTasksOf(t.meeting_id)));
  }
  countTasks(tasks, yearEnd(year), e);

  // Dues months as the cell recorded them (R-ATT-4 b counts the same way): a month the cell
  // entered is owed unless excused, and paid when the member has a payment for it.
  std::set<int> months;
  for (int ym : tx.dues().recordedMonths(cell.id, year * 100 + 1, year * 100 + 12)) months.insert(ym);
  std::map<int, DuesPaymentStatus> lines;
  for (const auto& p : tx.dues().paymentsOfMember(member_id, year * 100 + 1, year * 100 + 12)) {
    lines[p.ym] = p.status;
    months.insert(p.ym);  // paid in another cell during the year
  }
  for (int ym : months) {
    auto it = lines.find(ym);
    if (it != lines.end() && it->second == DuesPaymentStatus::excused) continue;
    ++e.dues_months_due;
    if (it != lines.end()) ++e.dues_months_paid;
  }

  WarningRecordQuery q;
  q.org_path = cell.path;
  q.include_acknowledged = true;
  q.limit = 1000;
  for (const auto& w : tx.warningRecords(q))
    if (w.warning.subject_kind == SubjectKind::member && w.warning.subject_id == member_id &&
        w.raised_at.date().year() == year)
      ++e.warnings;
  return e;
}

CollectiveFacts cellYearFacts(ReadTx& tx, const Org& cell, int year) {
  CollectiveFacts f;
  auto from = docs::startOfDay(*Date::fromYmd(year, 1, 1));
  auto to = docs::startOfDay(*Date::fromYmd(year + 1, 1, 1));
  for (const auto& m : tx.meetingsOfOrg(cell.id, from, to)) {
    if (!heldIn(m, year)) continue;
    auto outcomes = tx.reviewOutcomesOfTasksOf(m.meeting.id);
    std::vector<TaskFacts> facts;
    for (const auto& t : tx.tasksOfMeeting(m.meeting.id)) facts.push_back(factsOf(t, outcomes));
    YearEvidence e;
    countTasks(facts, yearEnd(year), e);
    f.tasks_total += e.tasksTotal() - e.tasks_open;
    f.tasks_done += e.tasks_on_time + e.tasks_done_late;
    f.tasks_late += e.tasks_done_late + e.tasks_overdue;
  }
  return f;
}

}  // namespace chibo
