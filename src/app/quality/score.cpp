// The quality score of a meeting: facts from the record, the rules in force
// at its place on its date, and the judgement points of the evaluations.
#include <algorithm>
#include <cmath>
#include <set>

#include "app/audit_write.h"
#include "app/oversight/aggregates.h"
#include "app/quality/quality_internal.h"
#include "app/validate.h"
#include "domain/meeting/vn_format.h"

namespace chibo {
namespace quality {

Date meetingDay(const MeetingRecord& m) {
  return (m.meeting.started_at ? *m.meeting.started_at : m.meeting.planned_start).date();
}

DateTime localStart(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }

bool countsForAttendanceRules(MeetingKind k) { return countsAsMonthly(k) || countsAsThematic(k); }

AttendanceOutcome outcomeOf(AttendanceStatus s) {
  switch (s) {
    case AttendanceStatus::absent_excused: return AttendanceOutcome::excused;
    case AttendanceStatus::absent_unexcused: return AttendanceOutcome::unexcused;
    default: return AttendanceOutcome::attended;
  }
}

namespace {
bool held(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }
}  // namespace

FactsResult meetingFacts(ReadTx& tx, const MeetingView& v) {
  FactsResult out;
  MeetingFacts& f = out.facts;
  const Meeting& m = v.record.meeting;
  f.kind = m.kind;
  f.duration_minutes = durationMinutes(m);
  f.members_on_roll = v.attendance.roll.on_roll;
  f.attendance = v.attendance;
  // R-QUAL-2: distinct members present who spoke.
  std::set<Id> present(v.attendance.present_ids.begin(), v.attendance.present_ids.end()), spoke;
  for (const auto& s : v.speeches)
    if (present.count(s.member_id)) spoke.insert(s.member_id);
  f.distinct_speakers = int(spoke.size());
  f.preparation = v.record.prep;
  f.from_paper_book = m.from_paper_book;
  f.planned_start = m.planned_start;
  // A carried task counts as reviewed here when this meeting recorded an outcome
  // for it (its review row), even if a later meeting reviewed it again after it
  // was carried over once more: re-judging a locked meeting must not change.
  MinutesRecord minutes;
  minutes.meeting = m;
  minutes.attendance = v.attendance;
  for (const auto& t : v.carried_tasks) {
    Task task = t.task;
    if (t.review) task.reviewed_in_meeting_id = m.id;
    if (task.reviewed_in_meeting_id == m.id) ++f.previous_tasks_reviewed;
    minutes.previous_tasks.push_back(std::move(task));
  }
  f.previous_tasks_total = int(v.carried_tasks.size());
  minutes.speeches = v.speeches;
  for (const auto& rv : v.resolutions)  // the monthly resolution when there is one, else the first document
    if (!minutes.resolution && rv.resolution.doc_type == DocType::resolution) minutes.resolution = rv.resolution;
  if (!minutes.resolution && !v.resolutions.empty()) minutes.resolution = v.resolutions.front().resolution;
  for (const auto& t : v.tasks) minutes.new_tasks.push_back(t.task);
  minutes.minutes_read_back = v.record.minutes_read_back_at.has_value();
  CompletenessReport done = checkCompleteness(minutes);
  f.completeness_checks = done.checks;
  f.completeness_failed = done.failed_checks;

  // R-QUAL-3: the targets of the resolution under review, the latest adopted at
  // an earlier regular or combined meeting of the same org.
  auto earlier = tx.meetingsOfOrg(m.org_id, std::nullopt, m.planned_start);
  for (auto it = earlier.rbegin(); it != earlier.rend() && out.reviewed_resolution_id == 0; ++it) {
    const Meeting& e = it->meeting;
    if (e.id == m.id || e.status == MeetingStatus::cancelled || !countsAsMonthly(e.kind)) continue;
    auto rs = tx.resolutionsOfMeeting(e.id);
    const Resolution* pick = nullptr;
    for (const auto& r : rs)
      if (!pick && r.doc_type == DocType::resolution) pick = &r;
    if (!pick && !rs.empty()) pick = &rs.front();
    if (!pick) continue;
    TargetTally t = tallyTargets(pick->targets);
    f.targets_evaluated = t.evaluated;
    f.targets_met = t.met;
    out.reviewed_resolution_id = pick->id;
  }

  // R-ATT-3 as a rubric input: the longest run of excused absences of any
  // member expected at this meeting, in its year, up to and including it.
  const Date day = meetingDay(v.record);
  std::set<Id> expected(present);
  for (const auto& a : v.attendance.excused_list) expected.insert(a.member_id);
  for (const auto& a : v.attendance.unexcused_list) expected.insert(a.member_id);
  for (Id id : v.attendance.unmarked_ids) expected.insert(id);
  auto year_from = localStart(*Date::fromYmd(day.year(), 1, 1));
  auto year = tx.meetingsOfOrg(m.org_id, year_from, DateTime{m.planned_start.unix_seconds + 1});
  std::map<Id, MemberYear> runs;
  for (const auto& r : year) {
    if (!held(r.meeting.status) || !countsForAttendanceRules(r.meeting.kind)) continue;
    Date d = meetingDay(r);
    if (d.year() != day.year() || d > day) continue;
    for (const auto& a : tx.attendance(r.meeting.id)) {
      if (!expected.count(a.mark.member_id)) continue;
      auto& y = runs[a.mark.member_id];
      y.member_id = a.mark.member_id;
      y.year = day.year();
      y.meetings.push_back({d, outcomeOf(a.mark.status)});
    }
  }
  for (const auto& [id, y] : runs) f.longest_excused_streak = std::max(f.longest_excused_streak, longestExcusedStreak(y));
  return out;
}

Result<ScoreView> buildScore(ReadTx& tx, RuleResolver& rr, const MeetingView& v) {
  ScoreView s;
  s.meeting_id = v.record.meeting.id;
  s.org = v.org;
  s.date = meetingDay(v.record);
  const auto& rs = rr.at(v.org.path, s.date);
  if (!rs) return rs.error();  // the same answer as GET /rules for that day
  s.rules = rs.value();
  auto facts = meetingFacts(tx, v);
  s.facts = facts.facts;
  s.reviewed_resolution_id = facts.reviewed_resolution_id;
  for (auto& e : tx.meetingEvaluations(v.record.meeting.id)) {
    EvaluationView ev{e, scoreMeeting(s.rules, s.facts, JudgementInputs{e.points})};
    if (e.evaluator == "self") s.self = std::move(ev);
    else if (e.evaluator == "committee") s.committee = std::move(ev);
  }
  if (s.committee) {
    s.score = s.committee->score;
    s.judged_by = "committee";
  } else if (s.self) {
    s.score = s.self->score;
    s.judged_by = "self";
  } else {
    s.score = scoreMeeting(s.rules, s.facts, {});
  }
  return s;
}

namespace {

bool hasGrant(const Principal& p, std::string_view path, std::initializer_list<UserRole> roles) {
  for (const auto& g : p.grants)
    if (std::find(roles.begin(), roles.end(), g.role) != roles.end() && inSubtree(path, g.org_path)) return true;
  return false;
}

bool maySelfEvaluate(const Principal& p, std::string_view path) {
  return hasGrant(p, path, {UserRole::cell, UserRole::admin});
}

bool mayCommitteeEvaluate(const Principal& p, std::string_view path) {
  if (hasGrant(p, path, {UserRole::committee, UserRole::admin})) return true;
  bool monitor = std::any_of(p.grants.begin(), p.grants.end(), [](const Grant& g) { return g.role == UserRole::monitor; });
  if (monitor)
    for (const auto& c : p.monitored_cell_paths)
      if (inSubtree(path, c)) return true;
  return false;
}

std::string pointsText(double p) {
  char buf[32];
  if (std::floor(p) == p) std::snprintf(buf, sizeof buf, "%.0f", p);
  else std::snprintf(buf, sizeof buf, "%.2f", p);
  return buf;
}

}  // namespace
}  // namespace quality

using namespace quality;

Result<ScoreView> getMeetingScore(Store& store, const RuleCatalog& cat, const Caller& c, Id meeting_id) {
  auto view = getMeeting(store, c, meeting_id);
  if (!view) return view.error();
  auto tx = store.read();
  RuleResolver rr(cat, *tx);
  return buildScore(*tx, rr, *view);
}

Result<ScoreView> putEvaluation(Store& store, const RuleCatalog& cat, const Caller& c, Id meeting_id,
                                const EvaluationFields& in) {
  auto view = getMeeting(store, c, meeting_id);
  if (!view) return view.error();
  const std::string& path = view->org.path;
  bool may_self = maySelfEvaluate(c.principal, path), may_committee = mayCommitteeEvaluate(c.principal, path);
  if (!may_self && !may_committee) return Error::forbidden();

  Validator v;
  std::string evaluator;
  if (!in.evaluator || in.evaluator->empty()) v.add("evaluator", "required", "Vui lòng chọn người đánh giá (self hoặc committee).");
  else if (*in.evaluator != "self" && *in.evaluator != "committee")
    v.add("evaluator", "invalid_choice", "Người đánh giá phải là \"self\" (chi bộ tự đánh giá) hoặc \"committee\" (cấp ủy cấp trên).");
  else evaluator = *in.evaluator;
  if (!evaluator.empty() && !(evaluator == "self" ? may_self : may_committee)) return Error::forbidden();

  const MeetingStatus st = view->record.meeting.status;
  if (st == MeetingStatus::cancelled) return Error::conflict("meeting_cancelled", "Cuộc họp đã hủy, không đánh giá được.");
  if (st == MeetingStatus::planned)
    return Error::conflict("not_held", "Cuộc họp chưa diễn ra: chỉ đánh giá được cuộc họp đã tổ chức.");

  ScoreView base;
  {
    auto rtx = store.read();
    RuleResolver rr(cat, *rtx);
    auto s = buildScore(*rtx, rr, *view);
    if (!s) return s.error();
    base = std::move(*s);
  }
  Score plain = scoreMeeting(base.rules, base.facts, {});
  std::map<std::string, double> points;
  if (!in.criteria) {
    v.add("criteria", "required", "Vui lòng nhập điểm các tiêu chí.");
  } else {
    for (const auto& [code, p] : *in.criteria) {
      std::string field = "criteria." + code;
      const Criterion* cr = nullptr;
      for (const auto& x : base.rules.rubric.criteria)
        if (x.code == code) cr = &x;
      const CriterionScore* cs = nullptr;
      for (const auto& x : plain.criteria)
        if (x.code == code) cs = &x;
      if (!cr || !cs) {
        v.add(field, "unknown_criterion",
              "Thang điểm " + base.rules.rubric.id + " áp dụng cho cuộc họp này không có tiêu chí \"" + code + "\".");
      } else if (cr->kind == CriterionKind::objective && !cs->pending) {
        v.add(field, "objective_criterion",
              "Tiêu chí \"" + cr->name + "\" được tính từ biên bản, không chấm tay.");
      } else if (!std::isfinite(p) || p < 0 || p > cr->max_points) {
        v.add(field, "out_of_range", "Điểm tiêu chí \"" + cr->name + "\" phải từ 0 đến " + vnNumber(cr->max_points, 2) + ".");
      } else {
        points[code] = p;
      }
    }
  }
  auto note = cleanText(v, "note", in.note, false, 2000, "nhận xét");
  if (!v.ok()) return v.error();

  auto tx = store.write();
  auto rec = tx->meeting(meeting_id);
  if (!rec) return Error::notFound();
  std::optional<MeetingEvaluation> before;
  for (auto& e : tx->meetingEvaluations(meeting_id))
    if (e.evaluator == evaluator) before = std::move(e);
  MeetingEvaluation e;
  e.meeting_id = meeting_id;
  e.evaluator = evaluator;
  e.points = points;
  e.note = note.value_or("");
  e.rule_set_id = base.rules.id;
  if (c.principal.user_id) e.by_user_id = c.principal.user_id;
  e.by_username = c.principal.username;
  e.at = c.now;

  std::vector<FieldChange> changes;
  std::set<std::string> codes;
  for (const auto& [k, p] : points) codes.insert(k);
  if (before)
    for (const auto& [k, p] : before->points) codes.insert(k);
  for (const auto& k : codes) {
    std::optional<std::string> b, a;
    if (before && before->points.count(k)) b = pointsText(before->points.at(k));
    if (points.count(k)) a = pointsText(points.at(k));
    diffField(changes, evaluator + "." + k, b, a);
  }
  diffField(changes, evaluator + ".note", std::optional<std::string>(before ? before->note : ""), e.note);
  if (!changes.empty()) {
    tx->upsertMeetingEvaluation(e);
    aggregatesOnMeetingWrite(*tx, meeting_id, c.now);  // the grade in the roll-up follows the evaluation
    writeAudit(*tx, c, "meeting.evaluate", "meeting", meeting_id, view->org, std::move(changes));
    tx->commit();
  }
  tx.reset();
  return getMeetingScore(store, cat, c, meeting_id);
}

}  // namespace chibo
