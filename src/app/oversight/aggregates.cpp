// Per-meeting and per-cell-month figures, computed from the raw records.
#include "app/oversight/aggregates.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "app/meetings/meeting_access.h"
#include "app/oversight/subgroup_months.h"
#include "app/quality/kept_warnings.h"

namespace chibo {
namespace {

// Installed once before the server accepts requests (setMeetingGrader) and only
// read afterwards, so request threads need no lock.
std::shared_ptr<const MeetingGrader>& installedGrader() {
  static std::shared_ptr<const MeetingGrader> g;
  return g;
}

bool isHeld(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

// The cell whose figures the meeting belongs to: the org itself for a cell, the
// parent cell for a sub-group, and the org itself (never counted) for a committee.
std::pair<Id, std::string> cellOf(ReadTx& tx, const Org& org) {
  if (org.kind == OrgKind::subgroup && org.parent_id)
    if (auto parent = tx.org(*org.parent_id)) return {parent->id, parent->path};
  return {org.id, org.path};
}

bool isYoung(const Member& m, Date day) { return m.birth_date && ageOn(*m.birth_date, day) < kYoungAge; }

bool isNew(const Member& m, Date day) {
  auto admitted = m.admission_ceremony_date ? m.admission_ceremony_date : m.admission_decision_date;
  return admitted && *admitted <= day && day < admitted->addMonths(kNewMemberMonths);
}

// The latest held regular or combined meeting of `org_id` planned before `before`.
std::optional<MeetingRecord> previousMonthly(ReadTx& tx, Id org_id, DateTime before) {
  auto list = tx.meetingsOfOrg(org_id, DateTime{before.unix_seconds - 400LL * 86400}, before);
  for (auto it = list.rbegin(); it != list.rend(); ++it)
    if (isHeld(it->meeting.status) && countsAsMonthly(it->meeting.kind)) return *it;
  return std::nullopt;
}

// The first held-or-planned regular or combined meeting of `org_id` planned after `after`.
std::optional<MeetingRecord> nextMonthly(ReadTx& tx, Id org_id, DateTime after) {
  auto list = tx.meetingsOfOrg(org_id, DateTime{after.unix_seconds + 1}, DateTime{after.unix_seconds + 400LL * 86400});
  for (const auto& m : list)
    if (m.meeting.status != MeetingStatus::cancelled && countsAsMonthly(m.meeting.kind)) return m;
  return std::nullopt;
}

void taskFigures(ReadTx& tx, Id meeting_id, StatsCounts& c) {
  auto tasks = tx.tasksOfMeeting(meeting_id);
  std::set<Id> flagged;  // reviewed late or carried over at some meeting
  for (const auto& [task_id, outcome] : tx.reviewOutcomesOfTasksOf(meeting_id))
    if (outcome == TaskStatus::late || outcome == TaskStatus::carried_over) flagged.insert(task_id);
  for (const auto& t : tasks) {
    ++c.tasks_assigned;
    switch (t.status) {
      case TaskStatus::done: ++(flagged.count(t.id) ? c.tasks_late : c.tasks_on_time); break;
      case TaskStatus::late:
      case TaskStatus::carried_over: ++c.tasks_late; break;
      case TaskStatus::open: ++(flagged.count(t.id) ? c.tasks_late : c.tasks_open); break;
      case TaskStatus::dropped: ++c.tasks_dropped; break;
    }
  }
}

void previousTaskFigures(ReadTx& tx, const MeetingRecord& rec, StatsCounts& c) {
  const Meeting& m = rec.meeting;
  std::set<Id> reviewed, due;
  for (const auto& r : tx.taskReviews(m.id)) reviewed.insert(r.task_id);
  due = reviewed;
  if (countsAsMonthly(m.kind))
    if (auto prev = previousMonthly(tx, m.org_id, m.planned_start))
      for (const auto& p : tx.meetingsOfOrg(m.org_id, prev->meeting.planned_start, m.planned_start))
        if (p.meeting.id != m.id)
          for (const auto& t : tx.tasksOfMeeting(p.meeting.id)) due.insert(t.id);
  c.previous_tasks = int(due.size());
  c.previous_reviewed = int(reviewed.size());
}

// Under a tổ đảng pilot each tổ đảng meeting's monthly flags depend on the
// other tổ đảng's meetings of the month: recomputes them all.
void refreshSubgroupMonth(WriteTx& tx, Id cell_id, int ym, DateTime now) {
  if (!tx.subgroupPilot(cell_id)) return;
  auto subgroups = subgroupsOf(tx, cell_id);
  for (const auto& f : subgroupMeetingFacts(tx, subgroups, ym, ym)) {
    auto rec = tx.meeting(f.meeting_id);
    auto org = rec ? tx.org(rec->meeting.org_id) : std::nullopt;
    if (rec && org) tx.putMeetingStats(computeMeetingStats(tx, *rec, *org, now));
  }
}

// Recomputes one meeting's row and the cell-month(s) it belongs (and belonged) to.
void refreshOne(WriteTx& tx, Id meeting_id, DateTime now) {
  auto old = tx.meetingStats(meeting_id);
  auto rec = tx.meeting(meeting_id);
  std::optional<Org> org = rec ? tx.org(rec->meeting.org_id) : std::nullopt;
  std::optional<std::pair<Id, int>> fresh;
  if (rec && org) {
    auto s = computeMeetingStats(tx, *rec, *org, now);
    tx.putMeetingStats(s);
    fresh = {s.cell_id, s.ym};
    if (org->kind == OrgKind::subgroup) {
      refreshSubgroupMonth(tx, s.cell_id, s.ym, now);
      if (old && std::make_pair(old->cell_id, old->ym) != *fresh) refreshSubgroupMonth(tx, old->cell_id, old->ym, now);
    }
  } else {
    tx.deleteMeetingStats(meeting_id);
  }
  if (old && (!fresh || *fresh != std::make_pair(old->cell_id, old->ym))) tx.refreshCellMonth(old->cell_id, old->ym);
  if (fresh) tx.refreshCellMonth(fresh->first, fresh->second);
}

void refreshNextMonthly(WriteTx& tx, const MeetingRecord& rec, DateTime now) {
  if (auto next = nextMonthly(tx, rec.meeting.org_id, rec.meeting.planned_start))
    if (isHeld(next->meeting.status)) refreshOne(tx, next->meeting.id, now);
}

}  // namespace

MeetingStats computeMeetingStats(ReadTx& tx, const MeetingRecord& rec, const Org& org, DateTime now) {
  const Meeting& m = rec.meeting;
  MeetingStats s;
  s.meeting_id = m.id;
  std::tie(s.cell_id, s.cell_path) = cellOf(tx, org);
  s.ym = yearMonth(m.period_year, m.period_month);
  s.refreshed_at = now;
  s.counted = org.kind == OrgKind::cell && isHeld(m.status);
  StatsCounts& c = s.counts;
  if (!isHeld(m.status)) return s;  // planned or cancelled: nothing happened yet

  const Date day = meetingDate(rec);
  const bool in_period = day.year() == m.period_year && day.month() == m.period_month;
  c.monthly_held = countsAsMonthly(m.kind) ? 1 : 0;
  c.monthly_on_time = c.monthly_held && in_period ? 1 : 0;
  c.thematic_held = countsAsThematic(m.kind) ? 1 : 0;
  // R-TOĐẢNG-1: under a pilot attached to the cell for the month, a tổ đảng's
  // meetings count in the cell's figures, and the month is held (on time) when
  // every tổ đảng met (within the month). The thematic meeting stays the cell's.
  if (org.kind == OrgKind::subgroup && s.cell_id != org.id) {
    if (auto pm = pilotMonthOf(tx, s.cell_id, m.period_year, m.period_month)) {
      s.counted = true;
      c.monthly_held = standsForMonthly(m.kind) && pm->held ? 1 : 0;
      c.monthly_on_time = c.monthly_held && pm->on_time ? 1 : 0;
      c.thematic_held = 0;
    }
  }
  c.meetings = s.counted ? 1 : 0;
  s.duration_minutes = durationMinutes(m);
  if (s.duration_minutes) {
    c.duration_sum = *s.duration_minutes;
    c.duration_count = 1;
  }

  auto roll = meetingRoll(tx, org, day);
  std::vector<AttendanceMark> marks;
  for (const auto& r : tx.attendance(m.id)) marks.push_back(r.mark);
  auto summary = summarizeAttendance(roll, marks);
  c.expected = summary.expected;
  c.present = summary.present;
  c.excused = summary.excused;
  c.unexcused = summary.unexcused;
  s.unmarked = summary.unmarked;

  std::set<Id> spoke;
  for (const auto& sp : tx.speeches(m.id)) spoke.insert(sp.member_id);
  std::set<Id> present(summary.present_ids.begin(), summary.present_ids.end());
  for (const auto& e : roll) {
    if (!present.count(e.member.id)) continue;
    bool spoken = spoke.count(e.member.id) > 0;
    c.speakers += spoken;
    if (isYoung(e.member, day)) {
      ++c.young_present;
      c.young_speakers += spoken;
    }
    if (isNew(e.member, day)) {
      ++c.new_present;
      c.new_speakers += spoken;
    }
  }

  c.resolutions = int(tx.resolutionsOfMeeting(m.id).size());
  taskFigures(tx, m.id, c);
  previousTaskFigures(tx, rec, c);

  bool monitor = std::any_of(m.guests.begin(), m.guests.end(), [](const Guest& g) { return g.upper_monitor; });
  for (const auto& o : tx.observations(m.id)) monitor = monitor || o.attended;
  c.monitor_present = monitor ? 1 : 0;
  // Only a cell's own meetings are graded: the rubric scores a chi bộ meeting.
  if (const auto& g = installedGrader(); g && s.counted && org.kind == OrgKind::cell) s.grade = g->grade(tx, rec, org);
  return s;
}

void setMeetingGrader(std::shared_ptr<const MeetingGrader> grader) { installedGrader() = std::move(grader); }

void aggregatesOnMeetingWrite(WriteTx& tx, Id meeting_id, DateTime now) {
  refreshOne(tx, meeting_id, now);
  auto rec = tx.meeting(meeting_id);
  if (!rec) return;
  std::set<Id> assigning;
  for (const auto& r : tx.taskReviews(meeting_id))
    if (auto t = tx.task(r.task_id); t && t->meeting_id != meeting_id) assigning.insert(t->meeting_id);
  for (Id id : assigning) refreshOne(tx, id, now);
  refreshNextMonthly(tx, *rec, now);
  keptWarningsOnOrgWrite(tx, rec->meeting.org_id, now);
}

void aggregatesOnTaskWrite(WriteTx& tx, Id task_id, DateTime now) {
  auto t = tx.task(task_id);
  if (!t) return;
  refreshOne(tx, t->meeting_id, now);
  if (auto rec = tx.meeting(t->meeting_id)) {
    refreshNextMonthly(tx, *rec, now);
    keptWarningsOnOrgWrite(tx, rec->meeting.org_id, now);
  }
}

int rebuildAggregates(WriteTx& tx, const std::optional<Org>& root, DateTime now) {
  const std::string path = root ? root->path : "/";
  tx.clearAggregates(path);
  std::set<std::pair<Id, int>> touched;
  int n = 0;
  for (const auto& org : tx.orgSubtree(path)) {
    for (const auto& rec : tx.meetingsOfOrg(org.id, std::nullopt, std::nullopt)) {
      auto s = computeMeetingStats(tx, rec, org, now);
      tx.putMeetingStats(s);
      if (s.counted) touched.insert({s.cell_id, s.ym});
      ++n;
    }
  }
  for (const auto& [cell, ym] : touched) tx.refreshCellMonth(cell, ym);
  if (!root) tx.markAggregatesBuilt(now, installedGrader() ? installedGrader()->fingerprint : "");
  return n;
}

void ensureAggregates(Store& store, DateTime now) {
  const std::string want = installedGrader() ? installedGrader()->fingerprint : "";
  auto current = [&](const std::optional<std::string>& built) {
    return built && (*built == want || *built == kGeneratedGrades);
  };
  {
    auto r = store.read();
    if (current(r->aggregatesBuiltWith())) return;
  }
  auto w = store.write();
  if (current(w->aggregatesBuiltWith())) return;  // another request built them while this one waited
  rebuildAggregates(*w, std::nullopt, now);
  w->commit();
}

}  // namespace chibo
