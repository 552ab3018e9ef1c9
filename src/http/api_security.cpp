// The request-side security of the API: the intake policy (limits before the
// body is read), answers to refused requests, the session cookie's name, and
// the security log's lines for refusals.
#include <boost/json.hpp>

#include "app/auth/session_auth.h"
#include "http/api.h"
#include "http/security_log.h"

namespace chibo::http {
namespace json = boost::json;

Reply problemReply(int status, const std::string& code, const std::string& message) {
  json::object o{{"type", "https://chibo.vn/problems/" + code}, {"title", message}, {"status", status},
                 {"code", code}, {"detail", message}, {"errors", json::array{}}};
  return Reply{status, json::serialize(o), "application/problem+json; charset=utf-8", {}};
}

static bool matches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    auto ps = pattern.find('/', 1), qs = path.find('/', 1);
    auto pseg = pattern.substr(0, ps), qseg = path.substr(0, qs);
    bool param = pseg.size() > 2 && pseg[1] == '{';
    if (param ? qseg.size() < 2 : pseg != qseg) return false;
    pattern = ps == std::string_view::npos ? std::string_view() : pattern.substr(ps);
    path = qs == std::string_view::npos ? std::string_view() : path.substr(qs);
  }
  return pattern.empty() && path.empty();
}

const Route* Api::findRoute(std::string_view method, std::string_view path) const {
  for (const auto& r : routes_)
    if (r.method == method && matches(r.path, path)) return &r;
  return nullptr;
}

// Up to this much of a refused upload (of a signed-in user) or JSON body is read and dropped,
// never stored; more is refused at the head, its body unread.
static constexpr uint64_t kDrainLimit = 16u << 20;
static constexpr uint64_t kJsonDrainLimit = 4u << 20;

int Api::intake(const RequestHead& head) {
  // A chunked body has no length to check before reading it; the web app never sends one.
  if (head.chunked) return 411;
  if (!head.content_length || *head.content_length == 0) return 0;
  const Route* r = findRoute(head.method, head.target.substr(0, head.target.find_first_of("?#")));
  size_t limit = r && r->raw_body ? r->max_body : cfg_.max_json_body;
  if (*head.content_length <= cfg_.max_json_body) return *head.content_length > limit ? 413 : 0;
  // Only uploads may exceed the JSON limit; they are read only for a live session, so an
  // anonymous client cannot make the server hold megabytes, nor send them.
  // A JSON body a little over the limit is read and dropped too: clients (browsers, libraries)
  // that send the whole body before reading would otherwise see a reset, not the 413.
  if (!r || !r->raw_body) return *head.content_length <= kJsonDrainLimit ? -413 : 413;
  if (r->auth) {
    auto token = sessionToken(head.header);
    if (token.empty() || !resolveSession(store_, token, DateTime::now())) return 401;
  }
  // A signed-in user's file somewhat over the limit is read and dropped (never stored), so the
  // browser gets "file too large" rather than a reset connection; beyond that, refused at once.
  // "Somewhat over" scales with the route: a quarter over its own limit (the 20 MB roster
  // import), and never less than kDrainLimit.
  if (*head.content_length > limit)
    return *head.content_length <= std::max<uint64_t>(kDrainLimit, limit + (limit >> 2)) ? -413 : 413;
  return 0;
}

restinio::request_handling_status_t Api::refuse(const restinio::request_handle_t& req, int status,
                                                std::string_view route) {
  auto text = refusalText(status);
  std::string addr = req->remote_endpoint().address().to_string();
  // 414 and 431 are about the head itself: its content is not worth logging.
  securityEvent("request_refused", {{"status", std::to_string(status)}, {"code", text.code}, {"addr", addr},
                                    {"method", req->header().method().c_str()},
                                    {"route", route},
                                    {"content_length", req->header().get_field_or("Content-Length", "")}});
  std::string message = text.message;
  const Route* r = findRoute(req->header().method().c_str(), req->header().path());
  bool raw = r && r->raw_body;
  if (status == 413) {
    size_t limit = raw ? r->max_body : cfg_.max_json_body;
    message = std::string(raw ? "Tệp quá lớn" : "Dữ liệu gửi lên quá lớn") + " (tối đa " +
              std::to_string(std::max<size_t>(1, limit >> 20)) + " MB).";
  }
  send(req, problemReply(status, status == 413 && raw ? "file_too_large" : text.code, message));
  return restinio::request_accepted();
}

void logRefusal(const Route& r, const Call& c, const Reply& reply) {
  int s = reply.status;
  if (s != 401 && s != 403 && s != 404 && s != 413 && s != 415 && s != 429) return;
  std::string code;
  boost::system::error_code ec;
  if (auto v = json::parse(reply.body, ec); !ec && v.is_object())
    if (auto p = v.as_object().if_contains("code"); p && p->is_string()) code = p->as_string();
  if (r.path == "/api/v1/auth/login" && (s == 401 || s == 403 || s == 429)) {
    // The name tried is logged (to see guessing); the password never is.
    std::string user;
    if (auto u = c.body.if_contains("username"); u && u->is_string()) user = u->as_string();
    securityEvent(s == 429 ? "login_locked_out" : "login_refused", {{"user", user}, {"addr", c.address}, {"code", code}});
    return;
  }
  const char* event = s == 401 ? "unauthenticated" : s == 403 ? "forbidden" : s == 404 ? "not_found"
                    : s == 429 ? "throttled" : "request_refused";
  securityEvent(event, {{"status", std::to_string(s)}, {"code", code}, {"addr", c.address},
                        {"user_id", c.caller.principal.user_id ? std::to_string(c.caller.principal.user_id) : ""},
                        {"method", r.method}, {"route", r.path}});
}

static constexpr std::string_view kSecureName = "__Host-chibo_session", kPlainName = "chibo_session";

std::string sessionCookie(bool secure, const std::string& token, int max_age) {
  std::string c = std::string(secure ? kSecureName : kPlainName) + "=" + token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

static std::string cookieValue(const restinio::http_request_header_t& h, std::string_view name) {
  auto all = h.get_field_or(restinio::http_field::cookie, "");
  std::string_view s = all;
  while (!s.empty()) {
    auto semi = s.find(';');
    auto part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.substr(0, name.size()) == name && part.size() > name.size() && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return "";
}

std::string sessionToken(const restinio::http_request_header_t& h) {
  auto t = cookieValue(h, kSecureName);
  return t.empty() ? cookieValue(h, kPlainName) : t;
}

}  // namespace chibo::http
