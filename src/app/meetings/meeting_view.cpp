// Assembling the whole record of one meeting, as GET shows it and as the
// completeness check and the locked snapshot read it.
#include <algorithm>
#include <functional>
#include <set>

#include "app/meetings/meeting_access.h"
#include "domain/meeting/schedule.h"

namespace chibo {
namespace {

// R-PREP-1's "documents N days before" comes from the rule files (issue 4), which the
// server loads; it installs this hook at start-up (setDocumentsDaysRule). Without
// it (unit tests, the demo loader) HD 42's one day applies.
std::function<int(ReadTx&, const Org&, Date)>& documentsDaysRule() {
  static std::function<int(ReadTx&, const Org&, Date)> rule;
  return rule;
}
constexpr int kHd42DocumentsDaysBefore = 1;

void tallySlots(ReadTx& tx, MeetingView& v) {
  auto slots = tx.slots(v.record.meeting.id);
  auto marks = tx.slotMarks(v.record.meeting.id);
  SlotPoll poll;
  std::map<Id, SlotAvailability> answers;
  for (const auto& s : slots) {
    SlotTally t{s, {}};
    for (const auto& k : marks)
      if (k.slot_id == s.id) {
        t.member_ids.push_back(k.member_id);
        answers[k.member_id].member_id = k.member_id;
        answers[k.member_id].can_attend.push_back(s.start);
      }
    poll.slots.push_back(s.start);
    v.slots.push_back(std::move(t));
  }
  for (auto& [id, a] : answers) poll.answers.push_back(a);
  if (auto best = bestSlot(poll); best && best->count > 0)
    for (const auto& s : slots)
      if (s.start == best->slot) v.best_slot_id = s.id;
}

}  // namespace

ResolutionView resolutionView(const Resolution& r) {
  ResolutionView rv{r, "", std::nullopt};
  if (r.number) {
    auto slash = r.symbol.find('/');
    rv.number_text = formatNumber(*r.number, r.doc_type, slash == std::string::npos ? "CB" : r.symbol.substr(slash + 1));
  }
  if (r.vote) rv.outcome = decideVote(*r.vote);
  return rv;
}

std::string issuerSymbol(const Org& org) { return org.kind == OrgKind::committee ? "ĐU" : "CB"; }

void addNames(ReadTx& tx, std::map<Id, std::string>& names, const std::vector<Id>& ids) {
  for (Id id : ids) {
    if (id == 0 || names.count(id)) continue;
    auto m = tx.member(id);
    names[id] = m ? m->full_name : "";
  }
}

std::vector<TaskView> carriedTasks(ReadTx& tx, const MeetingRecord& m, Date today) {
  auto reviews = tx.taskReviews(m.meeting.id);
  std::vector<TaskView> out;
  std::set<Id> seen;
  auto add = [&](const Task& t) {
    if (!seen.insert(t.id).second) return;
    TaskView tv{t, isOverdue(t, today), std::nullopt};
    for (const auto& r : reviews)
      if (r.task_id == t.id) tv.review = r;
    out.push_back(std::move(tv));
  };
  if (m.meeting.status != MeetingStatus::finalized)
    for (const auto& t : tx.pendingTasksBefore(m.meeting.org_id, m.meeting.planned_start)) add(t);
  for (const auto& r : reviews)
    if (auto t = tx.task(r.task_id)) add(*t);
  // Oldest first whatever their state, so a review does not make a task jump.
  std::sort(out.begin(), out.end(), [](const TaskView& a, const TaskView& b) { return a.task.id < b.task.id; });
  return out;
}

MeetingView buildMeetingView(ReadTx& tx, const Caller& c, const MeetingCtx& ctx) {
  MeetingView v;
  v.record = ctx.rec;
  v.org = ctx.org;
  v.access = ctx.access;
  const Meeting& m = v.record.meeting;
  const Date day = meetingDate(v.record);
  const Date today = c.today();

  for (const auto& a : tx.monitorsOfCell(m.org_id))
    if (covers(a, day)) v.monitors.push_back({a, ""});
  v.agenda = tx.agenda(m.id);
  v.agenda_missing = missingRequiredSteps(v.agenda);

  auto roster = meetingRoll(tx, ctx.org, day);
  auto records = tx.attendance(m.id);
  std::vector<AttendanceMark> marks;
  for (const auto& r : records) marks.push_back(r.mark);
  v.attendance = summarizeAttendance(roster, marks);
  v.voters = countVoters(roster, marks, probationaryVotesRule() && probationaryVotesRule()(tx, ctx.org, day));
  for (const auto& e : roster) {
    RollLine line{e.member.id, e.member.full_name, e.state, std::nullopt, std::nullopt};
    for (const auto& x : v.attendance.excluded)
      if (x.member_id == e.member.id) line.excluded = x.why;
    for (const auto& r : records)
      if (r.mark.member_id == e.member.id) line.mark = r;
    v.names[e.member.id] = e.member.full_name;
    v.roll.push_back(std::move(line));
  }

  v.speeches = tx.speeches(m.id);
  for (const auto& r : tx.resolutionsOfMeeting(m.id)) v.resolutions.push_back(resolutionView(r));
  for (auto& t : tx.tasksOfMeeting(m.id)) v.tasks.push_back({t, isOverdue(t, today), std::nullopt});
  v.carried_tasks = carriedTasks(tx, v.record, today);
  tallySlots(tx, v);

  const int days_before = documentsDaysRule() ? documentsDaysRule()(tx, ctx.org, meetingDate(v.record))
                                              : kHd42DocumentsDaysBefore;
  v.preparation = evaluatePreparation(v.record.prep, m.planned_start, days_before);
  v.completeness = checkCompleteness(minutesRecord(v));

  std::vector<Id> ids;
  for (auto id : {m.chair_member_id, m.secretary_member_id, v.record.prep.content_preparer_member_id})
    if (id) ids.push_back(*id);
  for (const auto& g : m.guests)
    if (g.member_id) ids.push_back(*g.member_id);
  for (const auto& mv : v.monitors) ids.push_back(mv.assignment.member_id);
  for (const auto& s : v.speeches) ids.push_back(s.member_id);
  for (const auto* list : {&v.tasks, &v.carried_tasks})
    for (const auto& t : *list) ids.insert(ids.end(), t.task.assignee_member_ids.begin(), t.task.assignee_member_ids.end());
  for (const auto& r : records) ids.push_back(r.mark.member_id);
  addNames(tx, v.names, ids);
  for (auto& mv : v.monitors) mv.full_name = v.names[mv.assignment.member_id];
  return v;
}

MinutesRecord minutesRecord(const MeetingView& v) {
  MinutesRecord r;
  r.meeting = v.record.meeting;
  r.attendance = v.attendance;
  for (const auto& t : v.carried_tasks) r.previous_tasks.push_back(t.task);
  r.speeches = v.speeches;
  // The monthly resolution when there is one, else the first document adopted.
  for (const auto& rv : v.resolutions)
    if (!r.resolution && rv.resolution.doc_type == DocType::resolution) r.resolution = rv.resolution;
  if (!r.resolution && !v.resolutions.empty()) r.resolution = v.resolutions.front().resolution;
  for (const auto& t : v.tasks) r.new_tasks.push_back(t.task);
  r.minutes_read_back = v.record.minutes_read_back_at.has_value();
  return r;
}

void setDocumentsDaysRule(std::function<int(ReadTx&, const Org&, Date)> rule) { documentsDaysRule() = std::move(rule); }

namespace {
std::function<bool(ReadTx&, const Org&, Date)>& probationaryVotesSlot() {
  static std::function<bool(ReadTx&, const Org&, Date)> rule;
  return rule;
}
}  // namespace
void setProbationaryVotesRule(std::function<bool(ReadTx&, const Org&, Date)> rule) {
  probationaryVotesSlot() = std::move(rule);
}
const std::function<bool(ReadTx&, const Org&, Date)>& probationaryVotesRule() { return probationaryVotesSlot(); }

}  // namespace chibo
