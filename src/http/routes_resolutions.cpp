// Resolutions, their votes and tasks; the member's own tasks.
#include "http/meeting_body.h"
#include "http/meeting_json.h"
#include "http/meeting_routes.h"

namespace chibo::http {
namespace json = boost::json;

static Reply resolution(const Result<ResolutionView>& r, int status) {
  return r ? jsonReply(status, resolutionJson(r.value())) : errorReply(r.error());
}

static Reply create(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = resolutionFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return resolution(createResolution(api.store(), c.caller, c.pathId("id"), f), 201);
}

static Reply update(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = resolutionFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return resolution(updateResolution(api.store(), c.caller, c.pathId("id"), f), 200);
}

static Reply vote(Api& api, Call& c) {
  BodyReader b(c.body);
  auto v = voteInput(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return resolution(recordVote(api.store(), c.caller, c.pathId("id"), v), 200);
}

static Reply createTaskRoute(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = taskFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = createTask(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, taskJson(*r, {})) : errorReply(r.error());
}

static Reply updateTaskRoute(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = taskFields(b, c.body);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = updateTask(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, taskJson(*r, {})) : errorReply(r.error());
}

static Reply mine(Api& api, Call& c) {
  auto r = myTasks(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& t : *r) items.push_back(myTaskJson(t));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

void addResolutionRoutes(std::vector<Route>& out) {
  out.push_back({"POST", "/api/v1/meetings/{id}/resolutions", true, false, create});
  out.push_back({"PATCH", "/api/v1/resolutions/{id}", true, false, update});
  out.push_back({"PUT", "/api/v1/resolutions/{id}/vote", true, false, vote});
  out.push_back({"POST", "/api/v1/resolutions/{id}/tasks", true, false, createTaskRoute});
  out.push_back({"PATCH", "/api/v1/tasks/{id}", true, false, updateTaskRoute});
  out.push_back({"GET", "/api/v1/me/tasks", true, false, mine});
}

}  // namespace chibo::http
