// One meeting that took place, written the way a careful secretary records it
// through the API: preparation in time, the roll call, the review of earlier
// tasks, speakers, a voted resolution with tasks, the minutes read back and
// locked. Rows go straight through WriteTx; the completeness check and the
// locked snapshot are the app's own, so the demo's book reads like a real one.
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "app/demo/demo_history.h"
#include "app/meetings/lock.h"
#include "app/meetings/meeting_access.h"
#include "domain/meeting/vn_format.h"

namespace chibo::demo {

namespace {

// The cell's own evaluation of most locked meetings, and the ward's of about half, so the
// demo's roll-up shows quality grades. The judgement criteria are those of the rubric in
// force on the day (rules/central-hd12-2018.json until HD 42 of 2025 took over).
void evaluate(WriteTx& tx, Id meeting_id, Date day, DateTime at) {
  Rng rng(uint64_t(meeting_id), "evaluation");  // its own stream: the rest of the history stays as it was
  const bool hd42 = day >= *Date::fromYmd(2025, 10, 28);
  const std::vector<std::pair<const char*, int>> judged =
      hd42 ? std::vector<std::pair<const char*, int>>{{"conduct", 30}, {"chairing", 10}, {"principles", 5}}
           : std::vector<std::pair<const char*, int>>{{"conduct", 20}, {"principles", 20}};
  for (const char* who : {"self", "committee"}) {
    if (!rng.chance(std::string_view(who) == "self" ? 85 : 50)) continue;
    MeetingEvaluation e;
    e.meeting_id = meeting_id;
    e.evaluator = who;
    for (const auto& [code, max] : judged) e.points[code] = std::round(max * rng.between(60, 100) / 10.0) / 10.0;
    e.rule_set_id = hd42 ? "central-hd42-2025" : "central-hd12-2018";
    e.by_username = std::string_view(who) == "self" ? "bithu" : "canbo.phuong";
    e.at = at;
    tx.upsertMeetingEvaluation(e);
  }
}

}  // namespace
namespace {

DateTime plus(DateTime t, int minutes) { return DateTime{t.unix_seconds + int64_t(minutes) * 60}; }

std::optional<Id> holder(const DemoWorld& w, OrgIx org, MemberRole role, Date at) {
  for (const auto& r : w.roles)
    if (r.org == org && r.role == role && r.from <= at && (!r.to || at <= *r.to)) return w.member_ids.at(r.member);
  return std::nullopt;
}

AttendanceMark drawMark(Rng& rng, const RosterEntry& e, const Habit& h, Date day) {
  int p = h.present_percent;
  bool drifting = h.drift_from && *h.drift_from <= day;
  // Drifting away: a little less each month, down to one meeting in four.
  if (drifting) p = std::max(25, 75 - 8 * ((day.days() - h.drift_from->days()) / 30));
  AttendanceMark m{e.member.id, AttendanceStatus::present, std::nullopt, {}};
  if (rng.chance(p)) {
    int r = rng.between(0, 99);
    if (r < 4) m.status = AttendanceStatus::late;
    else if (r < 6) m.status = AttendanceStatus::left_early;
    return m;
  }
  if (!rng.chance(drifting ? 30 : 85)) {
    m.status = AttendanceStatus::absent_unexcused;
    return m;
  }
  m.status = AttendanceStatus::absent_excused;
  // illness, work, family, travel, study, other: the old fall ill, the young work.
  bool old = ageOn(*e.member.birth_date, day) >= 65;
  auto why = static_cast<AbsenceReason>(rng.weighted(old ? std::vector<int>{55, 5, 25, 10, 0, 5}
                                                         : std::vector<int>{20, 40, 20, 10, 5, 5}));
  m.reason = why;
  m.reason_text = absenceText(rng, why);
  return m;
}

TaskStatus drawOutcome(Rng& rng, const Task& t) {
  static constexpr TaskStatus kOutcomes[] = {TaskStatus::done, TaskStatus::late, TaskStatus::carried_over,
                                             TaskStatus::dropped};
  bool again = t.reviewed_in_meeting_id.has_value();
  return kOutcomes[rng.weighted(again ? std::vector<int>{70, 10, 5, 15} : std::vector<int>{72, 13, 10, 5})];
}

std::optional<Id> termOf(const HistoryCell& h, Date day) {
  for (const auto& t : h.terms)
    if (t.start <= day && (!t.end || day <= *t.end)) return t.id;
  return std::nullopt;
}

bool contains(const std::vector<Id>& ids, std::optional<Id> id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

}  // namespace

void writeHeldMeeting(WriteTx& tx, const DemoWorld& w, HistoryCell& h, Rng& rng, const CalendarEntry& e, bool lock) {
  const DemoCell& c = *h.cell;
  const Date day = e.start.date();
  const bool resolves = e.kind == MeetingKind::regular || e.kind == MeetingKind::combined;
  auto roll = rollOn(w, h.sources, day);
  std::vector<Id> expected;
  for (const auto& r : roll)
    if (r.state.countsForAttendance()) expected.push_back(r.member.id);
  if (expected.size() < 3) return;  // too few on the roll that month to meet

  // Chair: the bí thư; minutes: the phó bí thư or a chi ủy viên, else a member.
  Id chair = expected[0];
  if (auto s = holder(w, c.org, MemberRole::secretary, day); contains(expected, s)) chair = *s;
  std::optional<Id> sec;
  for (auto role : {MemberRole::deputy_secretary, MemberRole::committee_member})
    if (auto s = holder(w, c.org, role, day); !sec && contains(expected, s) && *s != chair) sec = s;
  if (!sec) sec = expected[0] == chair ? expected[1] : expected[0];

  MeetingRecord rec;
  Meeting& m = rec.meeting;
  m.org_id = h.org.id;
  m.kind = e.kind;
  m.topic = e.topic;
  m.planned_start = e.start;
  m.place = placeOf(c, h.org);
  m.chair_member_id = chair;
  m.secretary_member_id = sec;
  for (const auto& a : w.monitors)
    if (a.cell == c.org && a.from <= day && (!a.to || day <= *a.to) && rng.chance(35))
      m.guests.push_back({w.members[a.member].member.full_name, "Đảng ủy viên phụ trách chi bộ",
                          w.member_ids.at(a.member), true});
  int minutes = e.kind == MeetingKind::combined   ? rng.between(120, 165)
                : e.kind == MeetingKind::thematic ? rng.between(90, 130)
                : rng.chance(8)                   ? rng.between(70, 89)  // a short one now and then (R-DUR-1)
                                                  : rng.between(90, 140);
  m.started_at = plus(e.start, rng.between(0, 10));
  m.ended_at = plus(*m.started_at, minutes);
  m.status = lock ? MeetingStatus::finalized : MeetingStatus::held;
  m.period_year = day.year();
  m.period_month = day.month();
  rec.term_id = termOf(h, day);
  rec.conclusion = conclusionText(rng, c.agency);
  rec.minutes_read_back_at = plus(*m.ended_at, -5);
  if (lock) rec.locked_at = localTime(day.addDays(rng.between(1, 2)), 9, rng.between(0, 59));
  rec.created_at = localTime(day.addDays(-rng.between(12, 20)), 8, 0);
  PreparationChecklist& p = rec.prep;
  p.chi_uy_meeting_at = localTime(day.addDays(-rng.between(3, 7)), 19, 0);
  p.content_preparer_member_id = sec;
  if (resolves) rec.draft_resolution_at = localTime(day.addDays(-3), 10, 0);
  p.draft_resolution_attached = rec.draft_resolution_at.has_value();
  p.notice_members_at = localTime(day.addDays(-rng.between(2, 5)), 8, 0);
  if (rng.chance(90)) p.notice_monitor_at = plus(*p.notice_members_at, 10);
  // Documents on the Sổ tay at least a day ahead, mostly (R-PREP-1).
  p.documents_published_at = rng.chance(92) ? localTime(day.addDays(-rng.between(1, 3)), 20, 0) : localTime(day, 8, 0);
  m.id = tx.insertMeeting(rec);

  auto agenda = agendaTemplate(e.kind);
  for (size_t i = 0; i < agenda.size(); ++i) {
    agenda[i].done = true;
    agenda[i].done_at = plus(*m.started_at, int(i) * minutes / int(agenda.size()));
  }
  tx.replaceAgenda(m.id, agenda);
  std::optional<Id> discussion;
  for (const auto& a : tx.agenda(m.id))
    if (a.step_code == "discussion" || a.step_code == "topic_discussion") discussion = a.id;

  std::vector<AttendanceRecord> marks;
  std::vector<AttendanceMark> plain_marks;
  std::vector<Id> present;
  for (const auto& r : roll) {
    if (!r.state.countsForAttendance()) continue;
    auto hb = h.habits.find(r.member.id);
    AttendanceMark mk = drawMark(rng, r, hb == h.habits.end() ? Habit{} : hb->second, day);
    if (r.member.id == chair || r.member.id == *sec) mk = {r.member.id, AttendanceStatus::present, std::nullopt, {}};
    if (isPresent(mk.status)) present.push_back(r.member.id);
    marks.push_back({mk, plus(*m.started_at, 5), "roll"});
    plain_marks.push_back(mk);
  }
  tx.replaceAttendance(m.id, marks);

  MeetingView v;
  v.record = rec;
  v.org = h.org;
  v.access = Access::write;
  v.attendance = summarizeAttendance(roll, plain_marks);
  for (const auto& r : roll) {
    v.names[r.member.id] = r.member.full_name;
    RollLine line{r.member.id, r.member.full_name, r.state, std::nullopt, std::nullopt};
    for (const auto& mk : marks)
      if (mk.mark.member_id == r.member.id) line.mark = mk;
    v.roll.push_back(std::move(line));
  }
  for (const auto& g : m.guests) v.names[*g.member_id] = g.name;

  // Last month's tasks, each with an outcome (R-RES-1).
  int done = 0, reviewed = 0;
  if (resolves) {
    std::vector<Task> still;
    for (const Task& t : h.pending) {
      Task u = t;
      u.status = drawOutcome(rng, t);
      u.reviewed_in_meeting_id = m.id;
      u.result_note = reviewNote(rng, u.status);
      if (u.status == TaskStatus::done && rng.chance(40)) {
        ProgressNote note{std::min(*t.deadline, day.addDays(-1)), "Đã thực hiện xong, báo cáo chi ủy.", t.assignee_member_ids[0]};
        tx.insertProgressNote(t.id, note, localTime(note.on, 18, 0));
        u.notes.push_back(note);
      }
      tx.updateTask(u);
      TaskReview rv{m.id, t.id, u.status, u.result_note, plus(*m.started_at, 25), std::nullopt};
      tx.upsertTaskReview(rv);
      v.carried_tasks.push_back({u, false, rv});
      for (Id a : u.assignee_member_ids)  // assignees who have since left the roll
        if (!v.names.count(a))
          if (auto mm = tx.member(a)) v.names[a] = mm->full_name;
      ++reviewed;
      done += u.status == TaskStatus::done;
      if (isPending(u.status)) still.push_back(u);
    }
    h.pending = std::move(still);
  }

  auto speakers = present;
  rng.shuffle(speakers);
  speakers.resize(std::min<size_t>(speakers.size(), size_t(rng.between(3, 7))));
  for (size_t i = 0; i < speakers.size(); ++i) {
    Speech s{0, speakers[i], discussion, speechSummary(rng, c.agency), std::nullopt};
    if (rng.chance(35)) s.duration_seconds = rng.between(90, 420);
    s.id = tx.insertSpeech(m.id, s, plus(*m.started_at, 30 + int(i) * 6));
    v.speeches.push_back(std::move(s));
  }

  if (resolves) {
    Resolution r;
    r.meeting_id = m.id;
    r.org_id = h.org.id;
    r.number = ++h.issued[rec.term_id.value_or(0)];
    r.symbol = std::string(docSymbol(DocType::resolution)) + "/" + issuerSymbol(h.org);
    r.issued_on = day;
    Date next = Date::fromYmd(day.year(), day.month(), 1)->addMonths(1);
    r.title = "Lãnh đạo thực hiện nhiệm vụ tháng " + std::to_string(next.month()) + " năm " + std::to_string(next.year());
    std::set<std::string> descriptions;
    int n_tasks = rng.between(2, 4);
    while (int(descriptions.size()) < n_tasks) descriptions.insert(taskDescription(rng, c.agency));
    r.sections.assessment = "Tháng qua chi bộ đã lãnh đạo hoàn thành " + std::to_string(done) + "/" +
                            std::to_string(reviewed) + " nhiệm vụ được đánh giá; tỷ lệ đảng viên dự họp " +
                            vnPercent(v.attendance.rate_percent) + ".";
    r.sections.direction = "Tập trung lãnh đạo: ";
    for (const auto& d : descriptions) r.sections.direction += d + "; ";
    r.sections.assignments = "Đồng chí Bí thư phụ trách chung; các đồng chí chi ủy viên theo dõi từng nhiệm vụ; "
                             "đảng viên thực hiện theo phân công.";
    r.sections.self_assessment = std::string("Kỳ sinh hoạt đạt chất lượng ") +
                                 (v.attendance.rate_percent >= 90 ? "tốt." : "khá.");
    for (int i = rng.between(2, 3); i > 0; --i) {
      auto d = targetDraft(rng, c.agency);
      Target t{0, d.description, d.unit, d.target, std::nullopt, std::nullopt, ""};
      if (lock) t.actual_value = rng.chance(80) ? d.target : double(int(d.target * rng.between(60, 95) / 100));
      r.targets.push_back(std::move(t));
    }
    int eligible = int(present.size()), abstain = rng.chance(10) ? 1 : 0;
    r.vote = Vote{eligible - abstain, 0, abstain, eligible, VoteRule::majority_present};
    r.id = tx.insertResolution(r, rec.term_id);
    v.resolutions.push_back(resolutionView(r));

    Date deadline = next.addMonths(1).addDays(-1);
    for (const auto& d : descriptions) {
      Task t;
      t.meeting_id = m.id;
      t.resolution_id = r.id;
      t.description = d;
      t.deadline = rng.chance(70) ? deadline : next.addDays(rng.between(9, 19));
      t.assignee_member_ids.push_back(present[rng.below(present.size())]);
      if (rng.chance(30) && present.size() > 1) {
        Id other = present[rng.below(present.size())];
        if (other != t.assignee_member_ids[0]) t.assignee_member_ids.push_back(other);
      }
      t.id = tx.insertTask(t);
      h.pending.push_back(t);
      v.tasks.push_back({t, false, std::nullopt});
    }
  }

  if (e.year) {
    ThematicPlanRecord plan;
    plan.entry = {0, h.org.id, e.year, e.quarter, e.topic,
                  e.suggestion_id ? "Định hướng chuyên đề của Đảng ủy phường" : "Chi bộ tự chọn", sec,
                  day.addDays(-rng.between(10, 25)), m.id};
    plan.suggestion_id = e.suggestion_id;
    tx.insertThematicEntry(plan);
  }

  auto report = checkCompleteness(minutesRecord(v));
  if (!report.complete())
    throw std::logic_error("demo: incomplete minutes for " + h.org.name + " on " + day.iso() + ": " +
                           report.missing.front().code);
  if (lock) evaluate(tx, m.id, day, *rec.locked_at);
  if (lock)
    tx.insertMeetingVersion({m.id, 1, "finalize", "Khóa biên bản", {}, meetingSnapshot(v), std::nullopt, "system",
                             *rec.locked_at});
}

}  // namespace chibo::demo
