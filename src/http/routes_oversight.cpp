// Oversight up the tree: roll-up, participation, the monitor's desk and
// observations, and the calendar feed.
#include "app/oversight/calendar.h"
#include "export/ics_writer.h"
#include "http/meeting_routes.h"
#include "http/oversight_json.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

Result<std::pair<std::optional<Date>, std::optional<Date>>> period(const Call& c) {
  auto from = queryDate(c, "from");
  if (!from) return from.error();
  auto to = queryDate(c, "to");
  if (!to) return to.error();
  return std::make_pair(*from, *to);
}

Reply rollup(Api& api, Call& c) {
  auto p = period(c);
  if (!p) return errorReply(p.error());
  // ?warnings=1 adds the counts of the kept open warnings of the node and each child.
  const bool warnings = c.query("warnings").value_or("") == "1";
  auto r = getRollup(api.store(), c.caller, c.pathId("id"), p->first, p->second, warnings);
  return r ? jsonReply(200, rollupJson(*r)) : errorReply(r.error());
}

Reply rebuild(Api& api, Call& c) {
  auto r = rebuildRollup(api.store(), c.caller, c.pathId("id"));
  return r ? jsonReply(200, json::object{{"meetings", *r}}) : errorReply(r.error());
}

Reply memberParticipationRoute(Api& api, Call& c) {
  auto p = period(c);
  if (!p) return errorReply(p.error());
  auto r = memberParticipation(api.store(), c.caller, c.pathId("id"), p->first, p->second);
  return r ? jsonReply(200, memberParticipationJson(*r)) : errorReply(r.error());
}

Reply orgParticipationRoute(Api& api, Call& c) {
  auto p = period(c);
  if (!p) return errorReply(p.error());
  std::optional<int> silent;
  if (auto raw = c.query("silent_for"); raw && !raw->empty()) {
    if (raw->size() > 4 || raw->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"silent_for", "invalid_number", "Số kỳ phải là số nguyên không âm."}}));
    silent = std::stoi(*raw);
  }
  auto r = orgParticipation(api.store(), c.caller, c.pathId("id"), p->first, p->second, silent);
  return r ? jsonReply(200, orgParticipationJson(*r)) : errorReply(r.error());
}

Reply desk(Api& api, Call& c) {
  auto r = myDesk(api.store(), c.caller, api.config().rules.get());
  return r ? jsonReply(200, deskJson(*r)) : errorReply(r.error());
}

Reply observe(Api& api, Call& c) {
  BodyReader b(c.body);
  ObservationFields f{b.boolean("attended"), b.str("note")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = recordObservation(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, observationJson(*r)) : errorReply(r.error());
}

Reply observations(Api& api, Call& c) {
  auto r = listObservations(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& o : *r) items.push_back(observationJson(o));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

// The feed URL on the public address (or the host the client used), like the check-in QR code.
std::string feedUrl(const Api& api, const Call& c, const std::string& token) {
  return api.publicBase(c) + "/api/v1/calendar/" + token + ".ics";
}

Reply issueToken(Api& api, Call& c) {
  auto r = issueCalendarToken(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  return jsonReply(201, json::object{{"token", r->token}, {"url", feedUrl(api, c, r->token)}, {"created_at", r->created_at.iso()}});
}

Reply revokeToken(Api& api, Call& c) {
  auto r = revokeCalendarToken(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  return Reply{204, "", "application/json; charset=utf-8", {}};
}

Reply feed(Api& api, Call& c) {
  std::string token{c.params["token"]};
  auto r = calendarFeed(api.store(), token, c.caller.now);
  if (!r) return errorReply(r.error());
  std::vector<IcsEvent> events;
  for (const auto& m : r->meetings) {
    const Meeting& mt = m.record.meeting;
    IcsEvent e;
    e.uid = "meeting-" + std::to_string(mt.id) + "@chibo";
    e.start = mt.started_at.value_or(mt.planned_start);
    int minutes = mt.kind == MeetingKind::combined ? 120 : 90;  // HD 42 minimum durations
    e.end = mt.ended_at.value_or(DateTime{e.start.unix_seconds + int64_t(minutes) * 60});
    e.summary = std::string(label(mt.kind)) + " – " + m.org_name + (mt.topic.empty() ? "" : ": " + mt.topic);
    e.location = mt.place;
    e.description = std::string(m.role == "monitor" ? "Chi bộ đồng chí được phân công theo dõi. " : "") +
                    "Trạng thái: " + std::string(label(mt.status)) + ".";
    events.push_back(std::move(e));
  }
  Reply reply{200, buildIcs(events, c.caller.now), "text/calendar; charset=utf-8", {}};
  reply.headers.emplace_back("Content-Disposition", "inline; filename=\"chibo.ics\"");
  return reply;
}

}  // namespace

void addOversightRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/rollup", true, false, rollup});
  out.push_back({"POST", "/api/v1/orgs/{id}/rollup/rebuild", true, true, rebuild});
  out.push_back({"GET", "/api/v1/orgs/{id}/participation", true, false, orgParticipationRoute});
  out.push_back({"GET", "/api/v1/members/{id}/participation", true, false, memberParticipationRoute});
  out.push_back({"GET", "/api/v1/me/desk", true, false, desk});
  out.push_back({"POST", "/api/v1/meetings/{id}/observations", true, false, observe});
  out.push_back({"GET", "/api/v1/meetings/{id}/observations", true, false, observations});
  out.push_back({"POST", "/api/v1/me/calendar-token", true, false, issueToken});
  out.push_back({"DELETE", "/api/v1/me/calendar-token", true, false, revokeToken});
  out.push_back({"GET", "/api/v1/calendar/{token}.ics", false, false, feed});
}

}  // namespace chibo::http
