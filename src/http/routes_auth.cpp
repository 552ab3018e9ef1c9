// Log-in, log-out, who am I, health.
#include "app/auth/session_auth.h"
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

// True when the body has a user name and password of acceptable size; the
// handler answers the rest without touching the throttle.
static bool credentialsReadable(const json::object& body) {
  BodyReader b(body);
  auto user = b.str("username");
  auto pass = b.str("password");
  return user && pass && !user->empty() && !pass->empty() && user->size() <= 64 && pass->size() <= 256;
}

// On the I/O thread, before the attempt may queue for hashing: a throttled
// attempt is refused here and never waits behind (or delays) password checks.
static std::optional<Reply> admit(Api& api, Call& c) {
  if (!credentialsReadable(c.body)) return std::nullopt;
  BodyReader b(c.body);
  auto a = admitLogin(api.store(), api.throttle(), *b.str("username"), c.address, c.caller.now);
  if (!a) return errorReply(a.error());
  c.pre = std::make_shared<LoginAdmission>(std::move(*a));
  return std::nullopt;
}

static Reply login(Api& api, Call& c) {
  BodyReader b(c.body);
  auto user = b.str("username");
  auto pass = b.str("password");
  if (!user || !pass || user->empty() || pass->empty()) {
    Validator v;
    if (!user || user->empty()) v.add("username", "required", "Vui lòng nhập tên đăng nhập.");
    if (!pass || pass->empty()) v.add("password", "required", "Vui lòng nhập mật khẩu.");
    return errorReply(v.error());
  }
  if (!credentialsReadable(c.body))
    return errorReply({ErrorKind::unauthenticated, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.", {}});
  SessionConfig cfg{api.config().session_hours};
  auto* admitted = static_cast<LoginAdmission*>(c.pre.get());
  auto r = admitted ? completeLogin(api.store(), api.throttle(), *admitted, *pass, c.address, c.caller.now, cfg)
                    : chibo::login(api.store(), api.throttle(), *user, *pass, c.address, c.caller.now, cfg);
  if (!r) return errorReply(r.error());
  json::object body;
  body["csrf_token"] = r->csrf_token;
  {
    auto tx = api.store().read();
    body["user"] = userJson(r->user, r->principal, *tx);
  }
  auto reply = jsonReply(200, body);
  std::string cookie = "chibo_session=" + r->token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                       std::to_string(api.config().session_hours * 3600);
  if (api.config().secure_cookie) cookie += "; Secure";
  reply.headers.emplace_back("Set-Cookie", cookie);
  return reply;
}

static Reply logout(Api& api, Call& c) {
  chibo::logout(api.store(), c.token_hash);
  Reply r{204, "", "application/json", {}};
  r.headers.emplace_back("Set-Cookie", "chibo_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
  return r;
}

static Reply me(Api& api, Call& c) {
  auto tx = api.store().read();
  auto u = tx->user(c.caller.principal.user_id);
  if (!u) return errorReply({ErrorKind::unauthenticated, "unauthenticated", "Vui lòng đăng nhập.", {}});
  return jsonReply(200, json::object{{"user", userJson(*u, c.caller.principal, *tx)}, {"csrf_token", c.csrf_token}});
}

void addAuthRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/health", false, false,
                 [](Api&, Call&) { return jsonReply(200, json::object{{"status", "ok"}}); }});
  Route login_route{"POST", "/api/v1/auth/login", false, true, login};
  login_route.precheck = admit;
  out.push_back(std::move(login_route));
  out.push_back({"POST", "/api/v1/auth/logout", true, false, logout});
  out.push_back({"GET", "/api/v1/me", true, false, me});
}

}  // namespace chibo::http
