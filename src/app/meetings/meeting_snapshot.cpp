// The locked minutes as one JSON document. It is the book record, not an API
// view: it names people (not just ids) so a version stays readable after
// members move or leave, and it never changes once written.
#include <boost/json.hpp>

#include "app/meetings/lock.h"

namespace chibo {
namespace {
namespace json = boost::json;

json::value opt(const std::optional<DateTime>& t) { return t ? json::value(t->iso()) : json::value(nullptr); }
json::value opt(const std::optional<Date>& d) { return d ? json::value(d->iso()) : json::value(nullptr); }

json::value person(const MeetingView& v, const std::optional<Id>& id) {
  if (!id) return nullptr;
  auto it = v.names.find(*id);
  return json::object{{"member_id", *id}, {"full_name", it == v.names.end() ? "" : it->second}};
}

json::object task(const MeetingView& v, const TaskView& t) {
  json::array who;
  for (Id id : t.task.assignee_member_ids) who.push_back(person(v, id));
  json::object o{{"id", t.task.id},
                 {"description", t.task.description},
                 {"assignees", std::move(who)},
                 {"deadline", opt(t.task.deadline)},
                 {"status", toCode(t.task.status)}};
  if (t.review) o["review"] = json::object{{"outcome", toCode(t.review->outcome)}, {"note", t.review->note}};
  return o;
}

}  // namespace

std::string meetingSnapshot(const MeetingView& v) {
  const Meeting& m = v.record.meeting;
  json::object o{{"meeting_id", m.id},
                 {"org", v.org.name},
                 {"kind", toCode(m.kind)},
                 {"topic", m.topic},
                 {"planned_start", m.planned_start.iso()},
                 {"place", m.place},
                 {"chair", person(v, m.chair_member_id)},
                 {"secretary", person(v, m.secretary_member_id)},
                 {"started_at", opt(m.started_at)},
                 {"ended_at", opt(m.ended_at)},
                 {"period", std::to_string(m.period_year) + "-" + std::to_string(m.period_month)},
                 {"conclusion", v.record.conclusion},
                 {"minutes_read_back_at", opt(v.record.minutes_read_back_at)},
                 {"version", m.version}};
  json::array guests;
  for (const auto& g : m.guests) guests.push_back(json::object{{"name", g.name}, {"position", g.position}});
  o["guests"] = std::move(guests);

  const auto& a = v.attendance;
  json::array marks;
  for (const auto& line : v.roll)
    if (line.mark) {
      json::object mk{{"member_id", line.member_id}, {"full_name", line.full_name}, {"status", toCode(line.mark->mark.status)}};
      if (line.mark->mark.reason) mk["reason_category"] = toCode(*line.mark->mark.reason);
      if (!line.mark->mark.reason_text.empty()) mk["reason"] = line.mark->mark.reason_text;
      marks.push_back(std::move(mk));
    }
  o["attendance"] = json::object{{"on_roll", a.roll.on_roll}, {"expected", a.expected}, {"present", a.present},
                                 {"excused", a.excused},      {"unexcused", a.unexcused}, {"rate_percent", a.rate_percent},
                                 {"marks", std::move(marks)}};
  json::array speeches;
  for (const auto& s : v.speeches) {
    json::object so{{"speaker", person(v, s.member_id)}, {"summary", s.summary}};
    if (s.agenda_item_id) so["agenda_item_id"] = *s.agenda_item_id;
    speeches.push_back(std::move(so));
  }
  o["speeches"] = std::move(speeches);
  json::array resolutions;
  for (const auto& rv : v.resolutions) {
    const auto& r = rv.resolution;
    json::object ro{{"id", r.id}, {"number", rv.number_text}, {"title", r.title}, {"issued_on", opt(r.issued_on)},
                    {"assessment", r.sections.assessment}, {"direction", r.sections.direction},
                    {"assignments", r.sections.assignments}, {"self_assessment", r.sections.self_assessment}};
    if (rv.outcome) ro["vote"] = rv.outcome->line;
    json::array targets;
    for (const auto& t : r.targets) targets.push_back(json::object{{"description", t.description}, {"unit", t.unit}});
    ro["targets"] = std::move(targets);
    resolutions.push_back(std::move(ro));
  }
  o["resolutions"] = std::move(resolutions);
  json::array tasks, carried;
  for (const auto& t : v.tasks) tasks.push_back(task(v, t));
  for (const auto& t : v.carried_tasks) carried.push_back(task(v, t));
  o["tasks"] = std::move(tasks);
  o["reviewed_tasks"] = std::move(carried);
  return json::serialize(o);
}

}  // namespace chibo
