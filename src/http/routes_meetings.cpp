// Meetings: plan, edit, open and close, prepare, agenda, lock, amend, history.
#include "http/meeting_body.h"
#include "http/meeting_json.h"
#include "http/meeting_routes.h"

namespace chibo::http {
namespace json = boost::json;

Result<std::optional<Date>> queryDate(const Call& c, const char* name) {
  auto raw = c.query(name);
  if (!raw || raw->empty()) return std::optional<Date>{};
  auto d = Date::parseIso(*raw);
  if (!d) return Error::validation({{name, "invalid_date", "Ngày không hợp lệ (định dạng YYYY-MM-DD)."}});
  return std::optional<Date>{*d};
}

static Reply view(const Result<MeetingView>& r, int status = 200) {
  return r ? jsonReply(status, meetingJson(r.value())) : errorReply(r.error());
}

static Reply list(Api& api, Call& c) {
  auto from = queryDate(c, "from");
  if (!from) return errorReply(from.error());
  auto to = queryDate(c, "to");
  if (!to) return errorReply(to.error());
  auto r = listMeetings(api.store(), c.caller, c.pathId("id"), *from, *to);
  if (!r) return errorReply(r.error());
  json::array items;
  auto rates = attendanceRates(api.store(), *r);
  for (const auto& m : *r) {
    auto o = meetingBriefJson(m);
    auto it = rates.find(m.meeting.id);
    if (it != rates.end()) o["rate_percent"] = double(int(it->second * 10 + 0.5)) / 10;
    else o["rate_percent"] = nullptr;
    items.push_back(std::move(o));
  }
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

static Reply create(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = meetingFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(createMeeting(api.store(), c.caller, c.pathId("id"), f), 201);
}

static Reply getOne(Api& api, Call& c) { return view(getMeeting(api.store(), c.caller, c.pathId("id"))); }

static Reply update(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = meetingFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(updateMeeting(api.store(), c.caller, c.pathId("id"), f));
}

static Reply start(Api& api, Call& c) {
  BodyReader b(c.body);
  auto at = b.str("at");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(startMeeting(api.store(), c.caller, c.pathId("id"), at));
}

static Reply end(Api& api, Call& c) {
  BodyReader b(c.body);
  auto at = b.str("at");
  auto read_back = b.boolean("minutes_read_back");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(endMeeting(api.store(), c.caller, c.pathId("id"), at, read_back.value_or(false)));
}

static Reply preparation(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = preparationFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(updatePreparation(api.store(), c.caller, c.pathId("id"), f));
}

static Reply agenda(Api& api, Call& c) {
  if (auto st = checkMeetingScope(api.store(), c.caller, c.pathId("id"), Access::write); !st.ok()) return errorReply(st.error());
  BodyReader b(c.body);
  auto items = agendaItems(b, c.body);
  if (!items) b.errors().add("items", "required", "Thiếu danh sách mục chương trình.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(replaceAgenda(api.store(), c.caller, c.pathId("id"), *items));
}

static Reply finalize(Api& api, Call& c) { return view(finalizeMeeting(api.store(), c.caller, c.pathId("id"))); }

static Reply amend(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = amendmentFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return view(amendMeeting(api.store(), c.caller, c.pathId("id"), f), 201);
}

static Reply history(Api& api, Call& c) {
  auto r = meetingHistory(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& v : *r) items.push_back(versionJson(v));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

void addMeetingRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/meetings", true, false, list});
  out.push_back({"POST", "/api/v1/orgs/{id}/meetings", true, false, create});
  out.push_back({"GET", "/api/v1/meetings/{id}", true, false, getOne});
  out.push_back({"PATCH", "/api/v1/meetings/{id}", true, false, update});
  out.push_back({"PATCH", "/api/v1/meetings/{id}/preparation", true, false, preparation});
  out.push_back({"PUT", "/api/v1/meetings/{id}/agenda", true, false, agenda});
  out.push_back({"POST", "/api/v1/meetings/{id}/start", true, false, start});
  out.push_back({"POST", "/api/v1/meetings/{id}/end", true, false, end});
  addMeetingLiveRoutes(out);
  addResolutionRoutes(out);
  out.push_back({"POST", "/api/v1/meetings/{id}/finalize", true, false, finalize});
  out.push_back({"POST", "/api/v1/meetings/{id}/amendments", true, false, amend});
  out.push_back({"GET", "/api/v1/meetings/{id}/history", true, false, history});
  addMeetingPlanningRoutes(out);
}

}  // namespace chibo::http
