// Planning ahead: thematic plan, slot polls; the member's own meetings.
#include "http/meeting_body.h"
#include "http/meeting_json.h"
#include "http/meeting_routes.h"

namespace chibo::http {
namespace json = boost::json;

static Reply plan(Api& api, Call& c) {
  int year = c.caller.today().year();
  if (auto y = c.query("year"); y && !y->empty()) {
    if (y->size() != 4 || y->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"year", "invalid_year", "Năm không hợp lệ."}}));
    year = std::stoi(*y);
  }
  auto r = getThematicPlan(api.store(), c.caller, c.pathId("id"), year);
  return r ? jsonReply(200, thematicPlanJson(*r)) : errorReply(r.error());
}

static Reply addPlan(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = thematicFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = addThematicEntry(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, thematicJson(*r)) : errorReply(r.error());
}

static Reply slots(Api& api, Call& c) {
  BodyReader b(c.body);
  auto starts = readStrings(b, c.body, "slots");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = proposeSlots(api.store(), c.caller, c.pathId("id"), starts.value_or(std::vector<std::string>{}));
  return r ? jsonReply(200, meetingJson(*r)) : errorReply(r.error());
}

static Reply availability(Api& api, Call& c) {
  if (auto st = checkMeetingScope(api.store(), c.caller, c.pathId("id"), Access::basic); !st.ok()) return errorReply(st.error());
  BodyReader b(c.body);
  auto member = b.id("member_id");
  auto ids = readIds(b, c.body, "slot_ids");
  if (!ids) b.errors().add("slot_ids", "required", "Thiếu danh sách thời điểm có thể dự.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = markAvailability(api.store(), c.caller, c.pathId("id"), member, *ids);
  return r ? jsonReply(200, meetingJson(*r)) : errorReply(r.error());
}

static Reply mine(Api& api, Call& c) {
  auto from = queryDate(c, "from");
  if (!from) return errorReply(from.error());
  auto to = queryDate(c, "to");
  if (!to) return errorReply(to.error());
  Date today = c.caller.today();
  auto r = myMeetings(api.store(), c.caller, from->value_or(today.addDays(-365)), to->value_or(today.addDays(90)));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& m : *r) items.push_back(myMeetingJson(m));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

void addMeetingPlanningRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/thematic-plan", true, false, plan});
  out.push_back({"POST", "/api/v1/orgs/{id}/thematic-plan", true, false, addPlan});
  out.push_back({"POST", "/api/v1/meetings/{id}/slots", true, false, slots});
  out.push_back({"PUT", "/api/v1/meetings/{id}/slots/availability", true, false, availability});
  out.push_back({"GET", "/api/v1/me/meetings", true, false, mine});
}

}  // namespace chibo::http
