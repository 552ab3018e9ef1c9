// The minutes (biên bản) of a held meeting: every step of the agenda with what
// the record holds under it, so the book is the whole record (HD 12-HD/BTCTW
// 2018 §2: the minutes record the course of the meeting, the opinions and the
// conclusion; the conclusion and tasks are what the resolution carries).
#include "app/documents/documents.h"

#include <map>
#include <set>

#include "app/documents/document_common.h"
#include "app/dues/dues.h"
#include "app/quality/quality.h"
#include "domain/meeting/vn_format.h"
#include "domain/meeting/vote.h"
#include "export/minutes.h"
#include "export/text.h"

namespace chibo {
using namespace docs;
namespace {

bool isStep(const AgendaItem& a, std::initializer_list<const char*> codes) {
  for (const char* c : codes)
    if (a.step_code == c) return true;
  return false;
}

std::string deadlinePhrase(const std::optional<Date>& d) { return d ? "thời hạn " + d->vn() : "thực hiện thường xuyên"; }

// "“Vận động 100% hộ đóng quỹ” (đồng chí Trần Thị Bình; thời hạn 30/11/2026): Hoàn thành – đã thu đủ."
std::string previousTaskLine(const TaskView& t, const std::map<Id, std::string>& names) {
  std::string who = assigneeNames(t.task.assignee_member_ids, names);
  if (!who.empty()) who[0] = 'd';  // "Đồng chí" -> "đồng chí": it follows an opening bracket
  std::string s = "“" + t.task.description + "” (" + (who.empty() ? "" : who + "; ") + deadlinePhrase(t.task.deadline) + "): ";
  if (!t.review) return s + "chưa đánh giá.";
  s += std::string(label(t.review->outcome));
  if (!t.review->note.empty()) s += " – " + t.review->note;
  return endSentence(s);
}

std::string assignedTaskLine(const TaskView& t, const std::map<Id, std::string>& names) {
  std::string who = assigneeNames(t.task.assignee_member_ids, names);
  return t.task.description + " – " + (who.empty() ? "chưa ghi người thực hiện" : who) + "; " +
         deadlinePhrase(t.task.deadline) + ".";
}

std::string voteLine(const ResolutionView& rv) {
  const Resolution& r = rv.resolution;
  std::string what = std::string(label(r.doc_type)) + (rv.number_text.empty() ? "" : " " + rv.number_text) + " “" + r.title + "”";
  if (!r.vote) return what + ": chưa biểu quyết.";
  const Vote& vt = *r.vote;
  std::string s = what + ": " + voteSummary(VoteTally{vt.eligible, vt.votes_for, vt.against}) + "; quy tắc: " +
                  std::string(label(vt.rule));
  if (rv.outcome) s += "; kết quả: " + std::string(rv.outcome->passed ? "thông qua" : "không thông qua");
  return s + ".";
}

// The cell's self-evaluation under the rules in force: the points, and the
// grade only once every criterion has its data; otherwise what is missing.
std::vector<std::string> qualityLines(Store& store, const RuleCatalog* rules, const Caller& c, Id meeting_id) {
  if (!rules) return {};
  auto sv = getMeetingScore(store, *rules, c, meeting_id);
  if (!sv) return {};
  if (!sv->self) return {"Chi bộ chưa tự đánh giá chất lượng kỳ sinh hoạt."};
  const Score& s = sv->self->score;
  std::string line = "Chi bộ tự đánh giá: " + vnNumber(s.total) + "/" + vnNumber(s.max) + " điểm";
  std::string missing;
  for (const auto& cr : s.criteria)
    if (cr.pending) missing += (missing.empty() ? "" : ", ") + cr.name;
  if (s.pending) line += "; chưa đủ dữ liệu để xếp loại (còn thiếu: " + missing + ")";
  else line += ", xếp loại " + s.grade_label;
  std::vector<std::string> out{line + "."};
  if (!sv->self->evaluation.note.empty()) out.push_back(endSentence("Nhận xét: " + sv->self->evaluation.note));
  return out;
}

}  // namespace

Result<DocumentOut> minutesDocument(Store& store, const Caller& c, Id meeting_id, const RuleCatalog* rules) {
  std::vector<std::string> quality;
  {
    // Scope first: the score is read only for a meeting the caller may see.
    auto tx = store.read();
    if (auto view = heldMeetingView(*tx, c, meeting_id); !view) return view.error();
  }
  quality = qualityLines(store, rules, c, meeting_id);

  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const Meeting& m = v.record.meeting;
  const Date day = meetingDate(v.record);

  MinutesInput in;
  in.heading = headingOf(*tx, v.org, day);
  in.title = capitalised(meetingPhrase(v.record));
  in.start = m.started_at.value_or(m.planned_start);
  in.end = m.ended_at;
  in.place = m.place;
  if (m.chair_member_id) in.chair = {nameOf(v, m.chair_member_id), positionIn(*tx, *m.chair_member_id, v.org, day)};
  if (m.secretary_member_id)
    in.secretary = {nameOf(v, m.secretary_member_id), positionIn(*tx, *m.secretary_member_id, v.org, day)};
  for (const auto& g : m.guests) in.guests.push_back({g.name, g.position});

  const AttendanceSummary& a = v.attendance;
  in.counts.official = a.roll.official;
  in.counts.probationary = a.roll.probationary;
  in.counts.temp_in = a.roll.incoming;
  in.counts.exempt = a.roll.exempt;
  in.counts.temp_out = a.roll.away;
  in.counts.expected = a.expected;
  in.counts.present = a.present;
  for (const auto& x : a.excused_list) in.absent_with_reason.push_back({x.full_name, absenceReason(x)});
  for (const auto& x : a.unexcused_list) in.absent_without_reason.push_back(x.full_name);
  for (Id id : a.unmarked_ids) in.absent_without_reason.push_back(nameOf(v, id) + " (chưa điểm danh)");

  // Each agenda step with what the record holds under it. Records whose step
  // the cell removed from its agenda get a step of their own at the end.
  std::map<Id, size_t> item_of;
  std::optional<size_t> discussion, review, assign, vote, evaluation, conclusion;
  for (const auto& item : v.agenda) {
    const size_t at = in.agenda.size();
    item_of[item.id] = at;
    MinutesAgendaItem mi;
    mi.title = item.title;
    mi.content = item.notes;
    if (isStep(item, {"dues_status"}) && !item.notes.empty()) in.dues_status = std::string(trimAscii(item.notes));
    // The secretary typed nothing: the month's figures from the dues sheet (QĐ 01-QĐ/TW; HD 42 summaries).
    if (isStep(item, {"dues_status"}) && item.notes.empty() && rules && v.org.kind == OrgKind::cell) {
      const int ym = m.period_year * 100 + int(m.period_month);
      // Only a month the cell recorded here: an unrecorded month (kept on paper) says nothing.
      const DuesRules* dr = duesRulesInForce(rules->dues, ymFirstDay(ym));
      if (dr && ym <= ymOfDate(c.today()) && !tx->dues().recordedMonths(v.org.id, ym, ym).empty()) {
        in.dues_status = duesMinutesSentence(computeDuesSheet(*tx, *dr, v.org, ym, c.today()));
        mi.records.push_back(endSentence("Chi bộ " + in.dues_status));
      }
    }
    if (isStep(item, {"roll_call"}))
      mi.records.push_back("Có mặt " + std::to_string(a.present) + "/" + std::to_string(a.expected) +
                           " đồng chí phải dự; vắng có lý do " + std::to_string(a.excused_list.size()) +
                           ", vắng không có lý do " + std::to_string(a.unexcused_list.size()) +
                           (a.unmarked_ids.empty() ? "" : ", chưa điểm danh " + std::to_string(a.unmarked_ids.size())) + ".");
    if (!discussion && isStep(item, {"discussion", "topic_discussion"})) discussion = at;
    if (!review && isStep(item, {"review_previous"})) review = at;
    if (!assign && isStep(item, {"assign_tasks"})) assign = at;
    if (!vote && isStep(item, {"vote_resolution"})) vote = at;
    if (!evaluation && isStep(item, {"quality_evaluation"})) evaluation = at;
    if (!conclusion && isStep(item, {"conclusion", "topic_conclusion"})) conclusion = at;
    if (isStep(item, {"read_minutes"}))
      mi.records.push_back(v.record.minutes_read_back_at
                               ? "Thư ký đã đọc lại biên bản lúc " + clockPhrase(*v.record.minutes_read_back_at) + "."
                               : "Chưa ghi việc thư ký đọc lại biên bản.");
    in.agenda.push_back(std::move(mi));
  }
  auto stepFor = [&](std::optional<size_t>& slot, const char* title) -> MinutesAgendaItem& {
    if (!slot) {
      slot = in.agenda.size();
      in.agenda.push_back({title, "", "", {}, "", {}});
    }
    return in.agenda[*slot];
  };

  // Speeches in the order they were given (the store keeps them by id), under
  // the agenda item they were given at; the rest under the discussion step.
  for (const auto& s : v.speeches) {
    std::optional<size_t> at;
    if (s.agenda_item_id)
      if (auto it = item_of.find(*s.agenda_item_id); it != item_of.end()) at = it->second;
    MinutesAgendaItem& target = at ? in.agenda[*at] : stepFor(discussion, "Thảo luận");
    target.discussion.push_back({nameOf(v, s.member_id), s.summary});
  }
  if (!v.carried_tasks.empty()) {
    auto& step = stepFor(review, "Đánh giá kết quả thực hiện nhiệm vụ kỳ trước");
    for (const auto& t : v.carried_tasks) step.records.push_back(previousTaskLine(t, v.names));
  }
  if (!v.record.conclusion.empty() && conclusion)
    in.agenda[*conclusion].records.push_back("Kết luận của chủ trì ghi tại mục IV của biên bản.");
  if (!v.tasks.empty()) {
    auto& step = stepFor(assign, "Phân công nhiệm vụ");
    for (const auto& t : v.tasks) step.records.push_back(assignedTaskLine(t, v.names));
  }
  if (!v.resolutions.empty()) {
    auto& step = stepFor(vote, "Biểu quyết");
    for (const auto& rv : v.resolutions) step.records.push_back(voteLine(rv));
  }
  if (!quality.empty()) {
    auto& step = stepFor(evaluation, "Đánh giá chất lượng kỳ sinh hoạt");
    for (auto& q : quality) step.records.push_back(std::move(q));
  }

  in.conclusion = v.record.conclusion;
  if (const auto* rv = mainResolution(v)) {
    const Resolution& r = rv->resolution;
    if (r.vote) {
      in.vote = VoteTally{r.vote->eligible, r.vote->votes_for, r.vote->against};
      in.vote_rule = std::string(label(r.vote->rule));
      if (rv->outcome) in.vote_passed = rv->outcome->passed;
    }
    in.vote_subject = r.doc_type == DocType::conclusion ? "thông qua Kết luận" : "thông qua Nghị quyết";
  }
  in.read_back = v.record.minutes_read_back_at.has_value();

  auto doc = buildMinutes(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Biên bản " + v.org.name + " ngày " + dashedDate(day)};
}

}  // namespace chibo
