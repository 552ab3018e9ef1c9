// Log-in lock-outs: staff list them and lift one.
#include "app/auth/lockouts.h"
#include "http/api.h"

namespace chibo::http {
namespace json = boost::json;

static Reply list(Api& api, Call& c) {
  auto r = listLockouts(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& v : *r) {
    json::object o;
    o["id"] = v.record.id;
    o["kind"] = v.record.kind;
    o["subject"] = v.record.subject;
    o["user_id"] = v.record.user_id ? json::value(*v.record.user_id) : json::value(nullptr);
    o["display_name"] = v.display_name ? json::value(*v.display_name) : json::value(nullptr);
    o["locked_until"] = DateTime{v.record.locked_until}.iso();
    o["lockouts"] = v.record.lockouts;
    items.push_back(std::move(o));
  }
  return jsonReply(200, json::object{{"items", std::move(items)}});
}

static Reply lift(Api& api, Call& c) {
  auto r = liftLockout(api.store(), api.throttle(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  return Reply{204, "", "application/json", {}};
}

void addLockoutRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/auth/lockouts", true, false, list});
  out.push_back({"DELETE", "/api/v1/auth/lockouts/{id}", true, false, lift});
}

}  // namespace chibo::http
