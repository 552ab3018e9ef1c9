// Roles in an org and monitor assignments.
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

static Reply assign(Api& api, Call& c) {
  BodyReader b(c.body);
  RoleFields f{b.id("member_id"), b.str("role"), b.str("from"), std::nullopt};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = assignRole(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, roleJson(*r)) : errorReply(r.error());
}

static Reply end(Api& api, Call& c) {
  BodyReader b(c.body);
  RoleFields f{std::nullopt, std::nullopt, std::nullopt, b.str("to")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = endRole(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, roleJson(*r)) : errorReply(r.error());
}

static Reply candidates(Api& api, Call& c) {
  auto r = monitorCandidates(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (auto& m : *r)
    items.push_back(json::object{{"member_id", m.member_id},
                                 {"full_name", m.full_name},
                                 {"org_id", m.org.id},
                                 {"org_name", m.org.name},
                                 {"role", toCode(m.role)},
                                 {"role_label", label(m.role)}});
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

static Reply assignMon(Api& api, Call& c) {
  BodyReader b(c.body);
  MonitorFields f{b.id("member_id"), b.str("from"), std::nullopt};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = assignMonitor(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, monitorJson(*r)) : errorReply(r.error());
}

static Reply endMon(Api& api, Call& c) {
  BodyReader b(c.body);
  MonitorFields f{std::nullopt, std::nullopt, b.str("to")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = endMonitor(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, monitorJson(*r)) : errorReply(r.error());
}

void addRoleRoutes(std::vector<Route>& out) {
  out.push_back({"POST", "/api/v1/orgs/{id}/roles", true, false, assign});
  out.push_back({"PATCH", "/api/v1/roles/{id}", true, false, end});
  out.push_back({"GET", "/api/v1/orgs/{id}/monitor-candidates", true, false, candidates});
  out.push_back({"POST", "/api/v1/orgs/{id}/monitors", true, false, assignMon});
  out.push_back({"PATCH", "/api/v1/monitors/{id}", true, false, endMon});
}

}  // namespace chibo::http
