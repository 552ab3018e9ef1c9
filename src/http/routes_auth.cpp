// Log-in, log-out, who am I, health.
#include "app/auth/session_auth.h"
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

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
  if (user->size() > 64 || pass->size() > 256)
    return errorReply({ErrorKind::unauthenticated, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.", {}});
  auto r = chibo::login(api.store(), api.throttle(), *user, *pass, c.address, c.caller.now,
                        SessionConfig{api.config().session_hours});
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
  login_route.precheck = [](Api& api, Call& c) -> std::optional<Reply> {
    BodyReader b(c.body);
    auto user = b.str("username");
    if (!user || user->empty() || user->size() > 64) return std::nullopt;  // the handler answers those
    int wait = loginWaitFromMemory(api.throttle(), *user, c.address, c.caller.now);
    if (wait <= 0) return std::nullopt;
    return errorReply({ErrorKind::rate_limited, "rate_limited",
                       "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string((wait + 59) / 60) +
                           " phút.",
                       {{"retry_after", "retry_after", std::to_string(wait)}}});
  };
  out.push_back(std::move(login_route));
  out.push_back({"POST", "/api/v1/auth/logout", true, false, logout});
  out.push_back({"GET", "/api/v1/me", true, false, me});
}

}  // namespace chibo::http
