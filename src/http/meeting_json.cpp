#include "http/meeting_json.h"

#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

namespace {
json::value idOrNull(const std::optional<Id>& i) { return i ? json::value(*i) : json::value(nullptr); }

const char* accessName(Access a) {
  switch (a) {
    case Access::none: return "none";
    case Access::basic: return "basic";
    case Access::read: return "read";
    case Access::write: return "write";
  }
  return "none";
}

json::value person(const std::map<Id, std::string>& names, const std::optional<Id>& id) {
  if (!id) return nullptr;
  auto it = names.find(*id);
  return json::object{{"member_id", *id}, {"full_name", it == names.end() ? "" : it->second}};
}

json::value markJson(const std::optional<AttendanceRecord>& r) {
  if (!r) return nullptr;
  const auto& m = r->mark;
  return json::object{{"status", toCode(m.status)},
                      {"status_label", label(m.status)},
                      {"reason_category", m.reason ? json::value(toCode(*m.reason)) : json::value(nullptr)},
                      {"reason", m.reason_text},
                      {"marked_at", r->marked_at.iso()},
                      {"source", r->source}};
}

json::object attendanceJson(const AttendanceSummary& a) {
  auto absent = [](const std::vector<AbsenceLine>& lines) {
    json::array out;
    for (const auto& l : lines)
      out.push_back(json::object{{"member_id", l.member_id},
                                 {"full_name", l.full_name},
                                 {"reason_category", l.reason ? json::value(toCode(*l.reason)) : json::value(nullptr)},
                                 {"reason", l.reason_text}});
    return out;
  };
  json::array excluded;
  for (const auto& x : a.excluded)
    excluded.push_back(json::object{{"member_id", x.member_id}, {"full_name", x.full_name}, {"why", toCode(x.why)},
                                    {"why_label", label(x.why)}, {"attended", x.attended}});
  const auto& r = a.roll;
  return {{"on_roll", r.on_roll}, {"official", r.official}, {"probationary", r.probationary},
          {"exempt", r.exempt},   {"away", r.away},         {"incoming", r.incoming},
          {"special_duty", r.special_duty},
          {"expected", a.expected}, {"present", a.present}, {"late", a.late}, {"left_early", a.left_early},
          {"excused", a.excused}, {"unexcused", a.unexcused}, {"unmarked", a.unmarked},
          {"rate_percent", a.rate_percent}, {"absent_excused", absent(a.excused_list)},
          {"absent_unexcused", absent(a.unexcused_list)}, {"excluded", std::move(excluded)}};
}

json::object agendaJson(const AgendaItem& a) {
  return {{"id", a.id},       {"position", a.position},       {"step_code", a.step_code},
          {"phase", toCode(a.phase)}, {"phase_label", label(a.phase)}, {"title", a.title},
          {"required", a.required}, {"notes", a.notes}, {"done", a.done}, {"done_at", instantOrNull(a.done_at)}};
}
}  // namespace

json::value instantOrNull(const std::optional<DateTime>& t) { return t ? json::value(t->iso()) : json::value(nullptr); }

json::object meetingBriefJson(const MeetingRecord& r) {
  const Meeting& m = r.meeting;
  auto duration = durationMinutes(m);
  return {{"id", m.id},
          {"org_id", m.org_id},
          {"kind", toCode(m.kind)},
          {"kind_label", label(m.kind)},
          {"topic", m.topic},
          {"planned_start", m.planned_start.iso()},
          {"place", m.place},
          {"status", toCode(m.status)},
          {"status_label", label(m.status)},
          {"started_at", instantOrNull(m.started_at)},
          {"ended_at", instantOrNull(m.ended_at)},
          {"duration_minutes", duration ? json::value(*duration) : json::value(nullptr)},
          {"period_year", m.period_year},
          {"period_month", m.period_month},
          {"from_paper_book", m.from_paper_book},
          {"documents_published_at", instantOrNull(r.prep.documents_published_at)},
          {"locked_at", instantOrNull(r.locked_at)},
          {"version", m.version}};
}

json::object speechJson(const Speech& s) {
  return {{"id", s.id},
          {"member_id", s.member_id},
          {"agenda_item_id", idOrNull(s.agenda_item_id)},
          {"summary", s.summary},
          {"duration_seconds", s.duration_seconds ? json::value(*s.duration_seconds) : json::value(nullptr)}};
}

json::object taskJson(const TaskView& t, const std::map<Id, std::string>& names) {
  json::array who, notes;
  for (Id id : t.task.assignee_member_ids) who.push_back(person(names, id));
  for (const auto& n : t.task.notes)
    notes.push_back(json::object{{"on", n.on.iso()}, {"text", n.text}, {"by_member_id", idOrNull(n.by_member_id)}});
  json::object o{{"id", t.task.id},
                 {"meeting_id", t.task.meeting_id},
                 {"resolution_id", idOrNull(t.task.resolution_id)},
                 {"description", t.task.description},
                 {"assignees", std::move(who)},
                 {"deadline", dateOrNull(t.task.deadline)},
                 {"status", toCode(t.task.status)},
                 {"status_label", label(t.task.status)},
                 {"overdue", t.overdue},
                 {"reviewed_in_meeting_id", idOrNull(t.task.reviewed_in_meeting_id)},
                 {"result_note", t.task.result_note},
                 {"progress", std::move(notes)}};
  o["review"] = t.review ? json::value(json::object{{"outcome", toCode(t.review->outcome)},
                                                    {"outcome_label", label(t.review->outcome)},
                                                    {"note", t.review->note},
                                                    {"at", t.review->at.iso()}})
                         : json::value(nullptr);
  return o;
}

json::object resolutionJson(const ResolutionView& rv) {
  const Resolution& r = rv.resolution;
  json::array targets;
  for (const auto& t : r.targets) {
    auto met = targetMet(t);
    targets.push_back(json::object{
        {"id", t.id}, {"description", t.description}, {"unit", t.unit},
        {"target_value", t.target_value ? json::value(*t.target_value) : json::value(nullptr)},
        {"actual_value", t.actual_value ? json::value(*t.actual_value) : json::value(nullptr)},
        {"achieved", t.achieved ? json::value(*t.achieved) : json::value(nullptr)},
        {"met", met ? json::value(*met) : json::value(nullptr)}, {"note", t.note}});
  }
  json::object o{{"id", r.id},
                 {"meeting_id", r.meeting_id},
                 {"org_id", r.org_id},
                 {"doc_type", toCode(r.doc_type)},
                 {"number", r.number ? json::value(*r.number) : json::value(nullptr)},
                 {"number_text", rv.number_text},
                 {"symbol", r.symbol},
                 {"issued_on", dateOrNull(r.issued_on)},
                 {"title", r.title},
                 {"assessment", r.sections.assessment},
                 {"direction", r.sections.direction},
                 {"assignments", r.sections.assignments},
                 {"self_assessment", r.sections.self_assessment},
                 {"targets", std::move(targets)},
                 {"version", r.version}};
  if (r.vote) {
    const Vote& v = *r.vote;
    o["vote"] = json::object{{"votes_for", v.votes_for}, {"against", v.against}, {"abstain", v.abstain},
                             {"eligible", v.eligible},   {"rule", toCode(v.rule)}, {"rule_label", label(v.rule)},
                             {"passed", rv.outcome->passed}, {"needed", rv.outcome->needed},
                             {"for_percent", rv.outcome->for_percent}, {"line", rv.outcome->line}};
  } else {
    o["vote"] = nullptr;
  }
  return o;
}

json::object meetingJson(const MeetingView& v) {
  const Meeting& m = v.record.meeting;
  json::object o = meetingBriefJson(v.record);
  o["org_name"] = v.org.name;
  o["access"] = accessName(v.access);
  o["chair"] = person(v.names, m.chair_member_id);
  o["secretary"] = person(v.names, m.secretary_member_id);
  o["chair_member_id"] = idOrNull(m.chair_member_id);
  o["secretary_member_id"] = idOrNull(m.secretary_member_id);
  json::array guests, monitors, agenda, missing, roll, speeches, resolutions, tasks, carried, slots, gaps;
  for (const auto& g : m.guests)
    guests.push_back(json::object{{"name", g.name}, {"position", g.position}, {"member_id", idOrNull(g.member_id)},
                                  {"upper_monitor", g.upper_monitor}});
  for (const auto& mv : v.monitors) monitors.push_back(monitorJson(mv));
  for (const auto& a : v.agenda) agenda.push_back(agendaJson(a));
  for (const auto& a : v.agenda_missing) missing.push_back(a.id);
  for (const auto& l : v.roll)
    roll.push_back(json::object{{"member_id", l.member_id},
                                {"full_name", l.full_name},
                                {"standing", toCode(l.state.standing)},
                                {"incoming", l.state.incoming},
                                {"counts_for_attendance", l.state.countsForAttendance()},
                                {"excluded", l.excluded ? json::value(toCode(*l.excluded)) : json::value(nullptr)},
                                {"mark", markJson(l.mark)}});
  for (const auto& s : v.speeches) {
    auto j = speechJson(s);
    j["full_name"] = v.names.count(s.member_id) ? v.names.at(s.member_id) : "";
    speeches.push_back(std::move(j));
  }
  for (const auto& r : v.resolutions) resolutions.push_back(resolutionJson(r));
  for (const auto& t : v.tasks) tasks.push_back(taskJson(t, v.names));
  for (const auto& t : v.carried_tasks) carried.push_back(taskJson(t, v.names));
  for (const auto& s : v.slots) {
    json::array ids;
    for (Id id : s.member_ids) ids.push_back(id);
    slots.push_back(json::object{{"id", s.slot.id}, {"start", s.slot.start.iso()}, {"count", s.member_ids.size()},
                                 {"member_ids", std::move(ids)}});
  }
  for (const auto& mi : v.completeness.missing)
    gaps.push_back(json::object{{"code", mi.code}, {"field", mi.field}, {"message", mi.message}});
  o["guests"] = std::move(guests);
  o["monitors"] = std::move(monitors);
  o["term_id"] = idOrNull(v.record.term_id);
  o["conclusion"] = v.record.conclusion;
  o["minutes_read_back_at"] = instantOrNull(v.record.minutes_read_back_at);
  const auto& p = v.record.prep;
  json::array prep_items;
  for (const auto& i : v.preparation.items)
    prep_items.push_back(json::object{{"item", toCode(i.item)}, {"label", label(i.item)}, {"satisfied", i.satisfied},
                                      {"detail", i.detail}});
  o["preparation"] = json::object{{"chi_uy_meeting_at", instantOrNull(p.chi_uy_meeting_at)},
                                  {"content_preparer", person(v.names, p.content_preparer_member_id)},
                                  {"draft_resolution_at", instantOrNull(v.record.draft_resolution_at)},
                                  {"notice_members_at", instantOrNull(p.notice_members_at)},
                                  {"notice_monitor_at", instantOrNull(p.notice_monitor_at)},
                                  {"documents_published_at", instantOrNull(p.documents_published_at)},
                                  {"satisfied", v.preparation.satisfied},
                                  {"items", std::move(prep_items)}};
  o["agenda"] = std::move(agenda);
  o["agenda_missing"] = std::move(missing);
  o["roll"] = std::move(roll);
  o["attendance"] = attendanceJson(v.attendance);
  o["voters"] = json::object{{"on_roll", v.voters.on_roll}, {"present", v.voters.present}, {"roll_taken", v.voters.roll_taken}};
  o["speeches"] = std::move(speeches);
  o["distinct_speakers"] = distinctSpeakers(v.speeches);
  o["resolutions"] = std::move(resolutions);
  o["tasks"] = std::move(tasks);
  o["carried_tasks"] = std::move(carried);
  o["slots"] = json::object{{"items", std::move(slots)}, {"best_slot_id", idOrNull(v.best_slot_id)}};
  o["completeness"] = json::object{{"complete", v.completeness.complete()}, {"checks", v.completeness.checks},
                                   {"failed_checks", v.completeness.failed_checks},
                                   {"percent", v.completeness.percent()}, {"missing", std::move(gaps)}};
  return o;
}

json::object versionJson(const MeetingVersion& v) {
  json::array changes;
  for (const auto& c : v.changes)
    changes.push_back(json::object{{"field", c.field},
                                   {"before", c.before ? json::value(*c.before) : json::value(nullptr)},
                                   {"after", c.after ? json::value(*c.after) : json::value(nullptr)}});
  boost::system::error_code ec;
  auto snapshot = json::parse(v.snapshot, ec);
  return {{"version", v.version},         {"kind", v.kind},
          {"reason", v.reason},           {"changes", std::move(changes)},
          {"by_user_id", idOrNull(v.by_user_id)}, {"by_username", v.by_username},
          {"at", v.at.iso()},             {"snapshot", ec ? json::value(nullptr) : std::move(snapshot)}};
}

json::object thematicJson(const ThematicPlanRecord& r) {
  const auto& e = r.entry;
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"year", e.year},
          {"quarter", e.quarter},
          {"topic", e.topic},
          {"source", e.source},
          {"suggestion_id", idOrNull(r.suggestion_id)},
          {"preparer_member_id", idOrNull(e.preparer_member_id)},
          {"approved_on", dateOrNull(e.approved_by_chi_uy_on)},
          {"meeting_id", idOrNull(e.meeting_id)}};
}

json::object thematicPlanJson(const ThematicPlanView& v) {
  json::array items, suggestions, gaps;
  for (const auto& r : v.items) items.push_back(thematicJson(r));
  for (const auto& r : v.suggestions) suggestions.push_back(thematicJson(r));
  for (int q : v.quarters_without_topic) gaps.push_back(q);
  return {{"org_id", v.org.id},          {"year", v.year}, {"access", accessName(v.access)},
          {"items", std::move(items)},   {"suggestions", std::move(suggestions)},
          {"quarters_without_topic", std::move(gaps)}};
}

json::object myMeetingJson(const MyMeeting& m) {
  json::object o = meetingBriefJson(m.record);
  o["org_name"] = m.org_name;
  o["my_attendance"] = markJson(m.mark);
  o["excluded"] = m.excluded ? json::value(toCode(*m.excluded)) : json::value(nullptr);
  return o;
}

json::object myTaskJson(const MyTask& t) {
  json::object o = taskJson(t.task, {});
  o["org_id"] = t.org_id;
  o["org_name"] = t.org_name;
  o["meeting_start"] = t.meeting_start.iso();
  return o;
}

}  // namespace chibo::http
