#include "http/oversight_json.h"

#include <algorithm>
#include <cstdio>

#include "http/json_views.h"
#include "http/meeting_json.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

json::value ratio(int num, int den) { return den > 0 ? json::value(double(num) / den) : json::value(nullptr); }

json::object orgLine(const Org& o) {
  return {{"id", o.id}, {"name", o.name}, {"kind", toCode(o.kind)}, {"code", o.code}};
}

json::object tallyJson(const ParticipationTally& t) {
  return {{"meetings", t.meetings},
          {"expected", t.expected},
          {"attended", t.attended},
          {"excused", t.excused},
          {"unexcused", t.unexcused},
          {"unmarked", t.unmarked},
          {"attendance_rate", ratio(t.attended_expected, t.expected)},
          {"spoke_at", t.spoke_at},
          {"speeches", t.speeches},
          {"silent_for", t.silent_for},
          {"last_spoke_on", dateOrNull(t.last_spoke_on)},
          {"tasks_assigned", t.tasks_assigned},
          {"tasks_done", t.tasks_done},
          {"tasks_late", t.tasks_late},
          {"tasks_open", t.tasks_open},
          {"tasks_overdue", t.tasks_overdue}};
}

json::object warningJson(const DeskWarning& w) {
  return {{"key", w.key},
          {"code", w.warning.code},
          {"severity", toCode(w.warning.severity)},
          {"rule", w.warning.rule},
          {"subject_kind", toCode(w.warning.subject_kind)},
          {"subject_id", w.warning.subject_id},
          {"subject_name", w.subject_name},
          {"message", w.warning.message}};
}

json::object taskLine(const Task& t, const std::map<Id, std::string>& names) {
  json::array who;
  for (Id id : t.assignee_member_ids) {
    auto it = names.find(id);
    who.push_back(json::object{{"member_id", id}, {"full_name", it == names.end() ? "" : it->second}});
  }
  return {{"id", t.id},
          {"meeting_id", t.meeting_id},
          {"description", t.description},
          {"deadline", dateOrNull(t.deadline)},
          {"status", toCode(t.status)},
          {"status_label", label(t.status)},
          {"assignees", std::move(who)}};
}

}  // namespace

std::string ymText(int ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", ym / 100, ym % 100);
  return buf;
}

void putFigures(json::object& o, const RollupFigures& f) {
  const StatsCounts& s = f.sums;
  o["cells"] = f.cells;
  o["meetings_due"] = f.meetings_due;
  o["meetings_held"] = s.monthly_held;
  o["meetings_on_time"] = s.monthly_on_time;
  o["meetings_total"] = s.meetings;
  o["thematic_held"] = s.thematic_held;
  o["held_rate"] = ratio(s.monthly_held, f.meetings_due);
  o["avg_duration_minutes"] = s.duration_count ? json::value(double(s.duration_sum) / s.duration_count) : json::value(nullptr);
  o["expected"] = s.expected;
  o["present"] = s.present;
  o["attendance_rate"] = ratio(s.present, s.expected);
  o["excused_absences"] = s.excused;
  o["unexcused_absences"] = s.unexcused;
  o["speakers"] = s.speakers;
  o["speaker_share"] = ratio(s.speakers, s.present);
  o["young_present"] = s.young_present;
  o["young_speakers"] = s.young_speakers;
  o["young_speaker_share"] = ratio(s.young_speakers, s.young_present);
  o["new_member_present"] = s.new_present;
  o["new_member_speakers"] = s.new_speakers;
  o["new_member_speaker_share"] = ratio(s.new_speakers, s.new_present);
  o["resolutions"] = s.resolutions;
  o["tasks_assigned"] = s.tasks_assigned;
  o["tasks_on_time"] = s.tasks_on_time;
  o["tasks_late"] = s.tasks_late;
  o["tasks_open"] = s.tasks_open;
  o["tasks_dropped"] = s.tasks_dropped;
  o["previous_tasks"] = s.previous_tasks;
  o["previous_tasks_reviewed"] = s.previous_reviewed;
  o["monitor_attended"] = s.monitor_present;
  const DuesMonthStats& d = f.dues;
  o["dues"] = json::object{{"amount_due", d.amount_due},
                           {"amount_collected", d.amount_collected},
                           {"amount_cash", d.amount_cash},
                           {"member_months_due", d.members_due},
                           {"member_months_paid", d.members_paid},
                           {"member_months_excused", d.members_excused},
                           {"member_months_behind", std::max(0, d.members_due - d.members_paid - d.members_excused)}};
  if (s.grade_good + s.grade_fair + s.grade_average + s.grade_poor > 0)
    o["grades"] = json::object{
        {"good", s.grade_good}, {"fair", s.grade_fair}, {"average", s.grade_average}, {"poor", s.grade_poor}};
}

json::object rollupJson(const RollupView& v) {
  json::object o = orgLine(v.org);
  o["level"] = toCode(v.org.level);
  o["from"] = v.from.iso();
  o["to"] = v.to.iso();
  o["from_month"] = ymText(v.from_ym);
  o["to_month"] = ymText(v.to_ym);
  putFigures(o, v.figures);
  if (v.open_warnings) o["open_warnings"] = *v.open_warnings;
  json::array children, months;
  for (const auto& c : v.children) {
    json::object j = orgLine(c.org);
    putFigures(j, c.figures);
    if (c.open_warnings) j["open_warnings"] = *c.open_warnings;
    children.push_back(std::move(j));
  }
  for (const auto& m : v.months) {
    json::object j{{"month", ymText(yearMonth(m.year, m.month))}};
    putFigures(j, m.figures);
    months.push_back(std::move(j));
  }
  o["children"] = std::move(children);
  o["months"] = std::move(months);
  return o;
}

json::object memberParticipationJson(const MemberParticipation& p) {
  json::object o{{"member_id", p.member.id},
                 {"full_name", p.member.full_name},
                 {"from", p.from.iso()},
                 {"to", p.to.iso()},
                 {"content_visible", p.content_visible}};
  o["totals"] = tallyJson(p.tally);
  json::array meetings, tasks;
  for (const auto& m : p.meetings) {
    json::object j{{"meeting_id", m.meeting_id},
                   {"org_id", m.org_id},
                   {"org_name", m.org_name},
                   {"kind", toCode(m.kind)},
                   {"kind_label", label(m.kind)},
                   {"status", toCode(m.status)},
                   {"start", m.start.iso()},
                   {"outcome", toCode(m.outcome)},
                   {"reason_category", m.reason ? json::value(toCode(*m.reason)) : json::value(nullptr)},
                   {"speeches", m.speeches}};
    if (p.content_visible) {
      json::array s;
      for (const auto& x : m.summaries) s.push_back(json::value(x));
      j["summaries"] = std::move(s);
    }
    meetings.push_back(std::move(j));
  }
  for (const auto& t : p.tasks)
    tasks.push_back(json::object{{"id", t.task.id},
                                 {"meeting_id", t.task.meeting_id},
                                 {"org_id", t.org_id},
                                 {"meeting_start", t.meeting_start.iso()},
                                 {"description", t.task.description},
                                 {"deadline", dateOrNull(t.task.deadline)},
                                 {"status", toCode(t.task.status)},
                                 {"status_label", label(t.task.status)},
                                 {"overdue", t.overdue}});
  o["meetings"] = std::move(meetings);
  o["tasks"] = std::move(tasks);
  return o;
}

json::object orgParticipationJson(const OrgParticipation& p) {
  json::object o = orgLine(p.org);
  o["from"] = p.from.iso();
  o["to"] = p.to.iso();
  o["meetings"] = p.meetings;
  o["silent_for_at_least"] = p.silent_for_at_least ? json::value(*p.silent_for_at_least) : json::value(nullptr);
  json::array items;
  for (const auto& l : p.members) {
    json::object j{{"member_id", l.member_id}, {"full_name", l.full_name}, {"on_roll_today", l.on_roll_today}};
    for (auto& kv : tallyJson(l.tally)) j[kv.key()] = kv.value();
    items.push_back(std::move(j));
  }
  auto n = items.size();
  o["items"] = std::move(items);
  o["total"] = n;
  return o;
}

json::object meetingStatsJson(const MeetingStats& s) {
  const StatsCounts& c = s.counts;
  return {{"expected", c.expected},
          {"present", c.present},
          {"attendance_rate", ratio(c.present, c.expected)},
          {"excused", c.excused},
          {"unexcused", c.unexcused},
          {"unmarked", s.unmarked},
          {"speakers", c.speakers},
          {"speaker_share", ratio(c.speakers, c.present)},
          {"duration_minutes", s.duration_minutes ? json::value(*s.duration_minutes) : json::value(nullptr)},
          {"on_time", c.monthly_on_time > 0},
          {"resolutions", c.resolutions},
          {"tasks_assigned", c.tasks_assigned},
          {"previous_tasks", c.previous_tasks},
          {"previous_tasks_reviewed", c.previous_reviewed},
          {"monitor_attended", c.monitor_present > 0},
          {"grade", s.grade ? json::value(*s.grade) : json::value(nullptr)}};
}

json::object deskJson(const Desk& d) {
  json::array cells;
  for (const auto& c : d.cells) {
    json::object j = orgLine(c.cell);
    j["assignment"] = json::object{{"id", c.assignment.id},
                                   {"from", c.assignment.from.iso()},
                                   {"to", dateOrNull(c.assignment.to)}};
    j["next_meeting"] = c.next_meeting ? json::value(meetingBriefJson(*c.next_meeting)) : json::value(nullptr);
    if (c.last_meeting) {
      json::object last = meetingBriefJson(*c.last_meeting);
      last["figures"] = c.last_stats ? json::value(meetingStatsJson(*c.last_stats)) : json::value(nullptr);
      if (c.last_score)
        last["score"] = json::object{{"total", c.last_score->total},
                                     {"max", c.last_score->max},
                                     {"grade", toCode(c.last_score->grade)},
                                     {"grade_label", c.last_score->grade_label},
                                     {"pending", c.last_score->pending}};
      else
        last["score"] = nullptr;
      last["my_observation"] = c.my_observation
                                   ? json::value(json::object{{"attended", c.my_observation->attended},
                                                              {"note", c.my_observation->note},
                                                              {"at", c.my_observation->at.iso()}})
                                   : json::value(nullptr);
      j["last_meeting"] = std::move(last);
    } else {
      j["last_meeting"] = nullptr;
    }
    json::array tasks, risk;
    for (const auto& t : c.overdue_tasks) tasks.push_back(taskLine(t, d.names));
    for (const auto& w : c.members_at_risk) risk.push_back(warningJson(w));
    j["overdue_tasks"] = std::move(tasks);
    j["members_at_risk"] = d.rules_loaded ? json::value(std::move(risk)) : json::value(nullptr);
    json::object year;
    putFigures(year, c.year);
    j["this_year"] = std::move(year);
    cells.push_back(std::move(j));
  }
  auto n = cells.size();
  return {{"cells", std::move(cells)}, {"total", n}, {"rules_loaded", d.rules_loaded}};
}

json::object observationJson(const ObservationView& o) {
  return {{"meeting_id", o.observation.meeting_id},
          {"member_id", o.observation.member_id},
          {"full_name", o.full_name},
          {"attended", o.observation.attended},
          {"note", o.observation.note},
          {"at", o.observation.at.iso()}};
}

}  // namespace chibo::http
