// Member participation: attendance, contributions and tasks over a period.
#include "app/oversight/participation.h"

#include <algorithm>
#include <map>

#include "app/meetings/meeting_access.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {

DateTime startOfDay(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }  // 00:00 UTC+7

bool isHeld(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

struct Window {
  Date from, to;
};

Result<Window> window(const Caller& c, std::optional<Date> from, std::optional<Date> to) {
  Date t = to.value_or(c.today());
  // "12 tháng gần nhất" as the dashboard counts it: this month and the eleven before it, from
  // the 1st, so a member's figures on their page and in a cell's drill-down cover the same days.
  Date f = from.value_or(t.addDays(1 - int(t.day())).addMonths(-11));
  if (t < f) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  return Window{f, t};
}

// The held meetings of a cell planned on [from, to], oldest first.
std::vector<MeetingRecord> heldMeetings(ReadTx& tx, Id cell_id, Date from, Date to) {
  std::vector<MeetingRecord> out;
  for (auto& m : tx.meetingsOfOrg(cell_id, startOfDay(from), startOfDay(to.addDays(1))))
    if (isHeld(m.meeting.status)) out.push_back(std::move(m));
  return out;
}

// One meeting as a member lived it; adds to `t`. `expected` says whether the
// member counted for attendance that day.
ParticipationMeeting tallyOne(const MeetingRecord& rec, const std::string& org_name, Id member_id, bool expected,
                              const std::vector<AttendanceRecord>& marks, const std::vector<Speech>& speeches,
                              Date day, ParticipationTally& t) {
  ParticipationMeeting pm;
  pm.meeting_id = rec.meeting.id;
  pm.org_id = rec.meeting.org_id;
  pm.org_name = org_name;
  pm.kind = rec.meeting.kind;
  pm.status = rec.meeting.status;
  pm.start = rec.meeting.started_at.value_or(rec.meeting.planned_start);
  ++t.meetings;
  if (expected) ++t.expected;
  const AttendanceMark* mark = nullptr;
  for (const auto& r : marks)
    if (r.mark.member_id == member_id) mark = &r.mark;
  bool attended = false;
  if (mark && isPresent(mark->status)) {
    attended = true;
    ++t.attended;
    if (expected) ++t.attended_expected;
    pm.outcome = mark->status == AttendanceStatus::late         ? ParticipationOutcome::late
                 : mark->status == AttendanceStatus::left_early ? ParticipationOutcome::left_early
                                                                : ParticipationOutcome::present;
  } else if (!expected) {
    pm.outcome = ParticipationOutcome::not_expected;
  } else if (!mark) {
    ++t.unmarked;
    pm.outcome = ParticipationOutcome::unmarked;
  } else if (mark->status == AttendanceStatus::absent_excused) {
    ++t.excused;
    pm.outcome = ParticipationOutcome::absent_excused;
    pm.reason = mark->reason;
  } else {
    ++t.unexcused;
    pm.outcome = ParticipationOutcome::absent_unexcused;
  }
  for (const auto& s : speeches)
    if (s.member_id == member_id) {
      ++pm.speeches;
      pm.summaries.push_back(s.summary);
    }
  if (pm.speeches > 0) {
    ++t.spoke_at;
    t.speeches += pm.speeches;
    t.silent_for = 0;
    t.last_spoke_on = day;
  } else if (attended) {
    ++t.silent_for;
  }
  return pm;
}

void tallyTask(const Task& task, Date today, ParticipationTally& t) {
  ++t.tasks_assigned;
  if (task.status == TaskStatus::done) ++t.tasks_done;
  else if (task.status == TaskStatus::late || task.status == TaskStatus::carried_over) ++t.tasks_late;
  else if (task.status == TaskStatus::open) ++t.tasks_open;
  if (isOverdue(task, today)) ++t.tasks_overdue;
}

bool seesContent(const Principal& p, const std::string& cell_path, Id member_id) {
  if (p.member_id && *p.member_id == member_id) return true;
  for (const auto& g : p.grants)
    if (g.role == UserRole::cell && !cell_path.empty() && inSubtree(cell_path, g.org_path)) return true;
  return false;
}

}  // namespace

std::string_view toCode(ParticipationOutcome o) {
  switch (o) {
    case ParticipationOutcome::present: return "present";
    case ParticipationOutcome::late: return "late";
    case ParticipationOutcome::left_early: return "left_early";
    case ParticipationOutcome::absent_excused: return "absent_excused";
    case ParticipationOutcome::absent_unexcused: return "absent_unexcused";
    case ParticipationOutcome::unmarked: return "unmarked";
    case ParticipationOutcome::not_expected: return "not_expected";
  }
  return "";
}

Result<MemberParticipation> memberParticipation(Store& store, const Caller& c, Id member_id,
                                                std::optional<Date> from, std::optional<Date> to) {
  auto tx = store.read();
  auto m = tx->member(member_id);
  if (!m) return Error::notFound();
  auto periods = tx->cellPeriods(member_id);
  std::optional<Org> cell;
  if (m->cell_id) cell = tx->org(*m->cell_id);
  else if (!periods.empty()) cell = tx->org(periods.back().cell_id);
  Access a = memberAccess(c.principal, cell ? cell->path : "", member_id);
  if (a < Access::read) return Error::notFound();
  auto w = window(c, from, to);
  if (!w) return w.error();

  MemberParticipation out;
  out.member = *m;
  out.from = w->from;
  out.to = w->to;
  out.content_visible = seesContent(c.principal, cell ? cell->path : "", member_id);
  auto statuses = tx->statusPeriods(member_id);
  std::vector<ParticipationMeeting> items;
  for (const auto& p : periods) {
    if ((p.to && *p.to < w->from) || p.from > w->to) continue;
    auto org = tx->org(p.cell_id);
    if (!org) continue;
    Date f = std::max(w->from, p.from), t = p.to ? std::min(w->to, *p.to) : w->to;
    for (const auto& rec : heldMeetings(*tx, org->id, f, t)) {
      Date day = meetingDate(rec);
      if (!covers(p, day)) continue;
      auto state = stateOn(*m, statuses, day);
      if (!state.on_roll) continue;
      auto marks = tx->attendance(rec.meeting.id);
      auto speeches = tx->speeches(rec.meeting.id);
      items.push_back(tallyOne(rec, org->name, member_id, state.countsForAttendance(), marks, speeches, day, out.tally));
      for (const auto& task : tx->tasksOfMeeting(rec.meeting.id))
        if (std::find(task.assignee_member_ids.begin(), task.assignee_member_ids.end(), member_id) !=
            task.assignee_member_ids.end()) {
          tallyTask(task, c.today(), out.tally);
          out.tasks.push_back({task, isOverdue(task, c.today()), rec.meeting.org_id, rec.meeting.planned_start});
        }
    }
  }
  if (!out.content_visible)
    for (auto& i : items) i.summaries.clear();
  std::reverse(items.begin(), items.end());
  out.meetings = std::move(items);
  return out;
}

Result<OrgParticipation> orgParticipation(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                                          std::optional<Date> to, std::optional<int> silent_for_at_least) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  Access a = orgAccess(c.principal, org->path);
  if (a == Access::none) return Error::notFound();
  if (a < Access::read) return Error::forbidden();
  if (org->kind != OrgKind::cell)
    return Error{ErrorKind::validation, "not_a_cell", "Chỉ xem được mức độ tham gia theo từng chi bộ.",
                 {{"id", "not_a_cell", "Chỉ xem được mức độ tham gia theo từng chi bộ."}}};
  auto w = window(c, from, to);
  if (!w) return w.error();
  if (silent_for_at_least && *silent_for_at_least < 0)
    return Error::validation({{"silent_for", "out_of_range", "Số kỳ phải từ 0 trở lên."}});

  OrgParticipation out;
  out.org = *org;
  out.from = w->from;
  out.to = w->to;
  out.silent_for_at_least = silent_for_at_least;
  std::map<Id, ParticipationLine> lines;
  for (const auto& e : meetingRoll(*tx, *org, c.today()))
    lines[e.member.id] = {e.member.id, e.member.full_name, true, {}};
  for (const auto& rec : heldMeetings(*tx, org->id, w->from, w->to)) {
    ++out.meetings;
    Date day = meetingDate(rec);
    auto marks = tx->attendance(rec.meeting.id);
    auto speeches = tx->speeches(rec.meeting.id);
    auto tasks = tx->tasksOfMeeting(rec.meeting.id);
    for (const auto& e : meetingRoll(*tx, *org, day)) {
      auto it = lines.find(e.member.id);
      if (it == lines.end()) it = lines.emplace(e.member.id, ParticipationLine{e.member.id, e.member.full_name, false, {}}).first;
      tallyOne(rec, org->name, e.member.id, e.state.countsForAttendance(), marks, speeches, day, it->second.tally);
      for (const auto& task : tasks)
        if (std::find(task.assignee_member_ids.begin(), task.assignee_member_ids.end(), e.member.id) !=
            task.assignee_member_ids.end())
          tallyTask(task, c.today(), it->second.tally);
    }
  }
  for (auto& [id, l] : lines)
    if (!silent_for_at_least || l.tally.silent_for >= *silent_for_at_least) out.members.push_back(std::move(l));
  sortByVietnameseName(out.members, [](const ParticipationLine& l) -> const std::string& { return l.full_name; },
                       [](const ParticipationLine& l) { return l.member_id; });
  return out;
}

}  // namespace chibo
