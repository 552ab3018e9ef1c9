// The resolution (nghị quyết or kết luận) a meeting adopted, from its record.
#include "app/documents/documents.h"

#include "app/documents/resolution_facts.h"
#include "domain/meeting/vn_format.h"
#include "domain/meeting/vote.h"
#include "domain/text/vn_text.h"
#include "export/text.h"
#include "app/documents/document_common.h"

namespace chibo {
using namespace docs;

Result<DocumentOut> resolutionDocument(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const ResolutionView* rv = mainResolution(v);
  if (!rv) return Error{ErrorKind::not_found, "no_resolution", "Cuộc họp chưa thông qua nghị quyết hay kết luận nào.", {}};
  const Resolution& r = rv->resolution;
  const Meeting& m = v.record.meeting;
  const Date day = meetingDate(v.record);

  ResolutionFacts f;
  f.heading = headingOf(*tx, v.org, r.issued_on.value_or(day));
  f.heading.number = rv->number_text;
  f.doc_type = upperVn(label(r.doc_type));
  f.title = r.title;
  const std::string lead = "Lãnh đạo thực hiện nhiệm vụ ";
  f.period = "tháng " + std::to_string(m.period_month) + "/" + std::to_string(m.period_year);
  f.direction_period = r.title.rfind(lead, 0) == 0 && r.title.size() > lead.size() ? r.title.substr(lead.size()) : f.period;
  f.start = m.started_at.value_or(m.planned_start);
  f.end = m.ended_at;
  f.place = m.place;
  f.expected = v.attendance.expected;
  f.present = v.attendance.present;
  f.chair = nameOf(v, m.chair_member_id);
  f.secretary = nameOf(v, m.secretary_member_id);

  // The resolution under review: the latest one the carried tasks came from.
  std::optional<Id> previous;
  for (const auto& t : v.carried_tasks)
    if (t.task.resolution_id && t.task.resolution_id != r.id && (!previous || *t.task.resolution_id > *previous))
      previous = t.task.resolution_id;
  if (previous)
    if (auto pr = tx->resolution(*previous)) {
      std::string num = resolutionView(*pr).number_text;
      if (auto sp = num.find(' '); sp != std::string::npos) num = num.substr(sp + 1);
      f.previous_resolution = std::string(label(pr->doc_type)) + (num.empty() ? "" : " số " + num) +
                              (pr->issued_on ? " ngày " + pr->issued_on->vn() : "");
    }
  for (const auto& t : v.carried_tasks) {
    std::string result = t.review && !t.review->note.empty() ? t.review->note : t.task.result_note;
    std::string status = t.review ? std::string(label(t.review->outcome)) : "Chưa đánh giá";
    f.previous_tasks.push_back({t.task.description, result, status});
  }
  f.assessment = lines(r.sections.assessment);
  f.directions = lines(r.sections.direction);
  for (const auto& t : v.tasks)
    if (t.task.resolution_id == r.id)
      f.assignments.push_back({t.task.description, assigneeNames(t.task.assignee_member_ids, v.names), t.task.deadline});
  f.assignment_notes = lines(r.sections.assignments);
  f.self_assessment = r.sections.self_assessment;
  if (r.vote) {
    f.vote = VoteTally{r.vote->eligible, r.vote->votes_for, r.vote->against};
    f.vote_rule = std::string(label(r.vote->rule));
    if (rv->outcome) f.vote_passed = rv->outcome->passed;
  }
  for (const auto& t : r.targets) {
    std::string line = t.description;
    if (t.target_value) line += ": " + vnNumber(*t.target_value, 2) + (t.unit.empty() ? "" : " " + t.unit);
    if (t.actual_value) line += "; thực hiện " + vnNumber(*t.actual_value, 2) + (t.unit.empty() ? "" : " " + t.unit);
    if (!t.note.empty()) line += " (" + t.note + ")";
    f.targets.push_back(line + ".");
  }
  f.signer = cellSignature(v.org, signerName(*tx, v, day));

  auto doc = buildResolutionDocument(f);
  if (!doc) return doc.error();
  std::string stem = std::string(label(r.doc_type)) + " " + v.org.name;
  if (r.number) {
    std::string n = std::to_string(*r.number);
    stem += " số " + std::string(n.size() < 2 ? "0" : "") + n;
  }
  return DocumentOut{std::move(*doc), stem + " ngày " + dashedDate(r.issued_on.value_or(day))};
}

}  // namespace chibo
