#include "http/api.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "app/auth/session_auth.h"
#include "store/store.h"

namespace chibo::http {
namespace json = boost::json;

Reply jsonReply(int status, const json::value& v) { return Reply{status, json::serialize(v), "application/json; charset=utf-8", {}}; }

Reply errorReply(const Error& e) {
  auto p = toProblem(e);
  Reply r{p.status, std::move(p.body), "application/problem+json; charset=utf-8", {}};
  if (e.kind == ErrorKind::rate_limited)
    for (auto& f : e.field_errors)
      if (f.field == "retry_after") r.headers.emplace_back("Retry-After", f.message);
  return r;
}

// 503 when the worker queue is full: the client should come back shortly
// rather than wait behind work queued before it.
static Reply busyReply() {
  json::object o;
  o["type"] = "https://chibo.vn/problems/server_busy";
  o["title"] = "Máy chủ đang bận. Vui lòng thử lại sau ít giây.";
  o["status"] = 503;
  o["code"] = "server_busy";
  o["detail"] = o["title"];
  o["errors"] = json::array();
  Reply r{503, json::serialize(o), "application/problem+json; charset=utf-8", {}};
  r.headers.emplace_back("Retry-After", "2");
  return r;
}

std::optional<std::string> Call::query(const char* name) const {
  try {
    auto qp = restinio::parse_query(req->header().query());
    if (auto v = qp.get_param(name)) return std::string(*v);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

Id Call::pathId(const char* name) const {
  try {
    return restinio::cast_to<Id>(params[name]);
  } catch (const std::exception&) {
    return 0;
  }
}

Page Call::page() const {
  Page p;
  auto num = [&](const char* n, int def, int lo, int hi) {
    auto v = query(n);
    if (!v || v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos) return def;
    return std::clamp(std::stoi(*v), lo, hi);
  };
  p.limit = num("limit", 50, 1, 500);
  p.offset = num("offset", 0, 0, 100000000);
  return p;
}

static const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    default: return status >= 500 ? "Internal Server Error" : "OK";
  }
}

void send(const restinio::request_handle_t& req, const Reply& r) {
  auto resp = req->create_response(
      restinio::http_status_line_t{restinio::http_status_code_t{std::uint16_t(r.status)}, reason(r.status)});
  resp.append_header(restinio::http_field::content_type, r.content_type);
  resp.append_header("Cache-Control", "no-store");
  resp.append_header("X-Content-Type-Options", "nosniff");
  for (auto& [k, v] : r.headers) resp.append_header(k, v);
  if (r.status != 204) resp.set_body(r.body);
  resp.done();
}

static std::string cookieValue(const restinio::request_handle_t& req, std::string_view name) {
  auto all = req->header().get_field_or(restinio::http_field::cookie, "");
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

Api::Api(Store& store, ApiConfig cfg) : store_(store), cfg_(std::move(cfg)), routes_(routeTable()) {}

restinio::request_handling_status_t Api::dispatch(const Route& r, restinio::request_handle_t req,
                                                  restinio::router::route_params_t params) {
  auto call = std::make_shared<Call>();
  call->req = req;
  call->params = std::move(params);
  call->caller.now = DateTime::now();
  call->address = req->remote_endpoint().address().to_string();
  try {
    if (r.raw_body && req->body().size() > r.max_body) {
      send(req, errorReply({ErrorKind::too_large, "file_too_large",
                            "Tệp quá lớn (tối đa " + std::to_string(r.max_body >> 20) + " MB).", {}}));
      return restinio::request_accepted();
    }
    if (!r.raw_body && req->body().size() > cfg_.max_json_body) {
      send(req, errorReply({ErrorKind::too_large, "body_too_large", "Dữ liệu gửi lên quá lớn (tối đa 1 MB).", {}}));
      return restinio::request_accepted();
    }
    bool write = r.method != "GET";
    if (r.auth) {
      auto token = cookieValue(req, "chibo_session");
      auto s = token.empty() ? std::nullopt : resolveSession(store_, token, call->caller.now);
      if (!s) {
        send(req, errorReply({ErrorKind::unauthenticated, "unauthenticated", "Vui lòng đăng nhập.", {}}));
        return restinio::request_accepted();
      }
      call->caller.principal = std::move(s->principal);
      call->token_hash = s->token_hash;
      call->csrf_token = s->csrf_token;
      if (write && req->header().get_field_or("X-CSRF-Token", "") != s->csrf_token) {
        send(req, errorReply({ErrorKind::forbidden, "csrf_failed",
                              "Phiên làm việc không hợp lệ (thiếu mã CSRF). Vui lòng tải lại trang.", {}}));
        return restinio::request_accepted();
      }
    }
    if (!r.raw_body && (r.method == "POST" || r.method == "PUT" || r.method == "PATCH")) {
      boost::system::error_code ec;
      auto v = json::parse(req->body().empty() ? std::string_view("{}") : std::string_view(req->body()), ec);
      if (ec || !v.is_object()) {
        send(req, errorReply(Error::badRequest("bad_json", "Dữ liệu gửi lên không phải JSON hợp lệ (cần một đối tượng).")));
        return restinio::request_accepted();
      }
      call->body = std::move(v.as_object());
    }
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", r.method, r.path, e.what());
    send(req, errorReply(Error::internal()));
    return restinio::request_accepted();
  }
  auto run = [this, &r, call] {
    Reply reply;
    try {
      reply = r.handler(*this, *call);
    } catch (const StoreError& e) {
      spdlog::error("{} {}: store: {}", r.method, r.path, e.what());
      reply = errorReply(Error::internal());
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", r.method, r.path, e.what());
      reply = errorReply(Error::internal());
    }
    // On a worker thread nothing above would catch it: one bad answer must not end the server.
    try {
      send(call->req, reply);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: sending the answer: {}", r.method, r.path, e.what());
    }
  };
  if (r.precheck) {
    std::optional<Reply> early;
    try {
      early = r.precheck(*this, *call);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", r.method, r.path, e.what());
      early = errorReply(Error::internal());
    }
    if (early) {
      send(req, *early);
      return restinio::request_accepted();
    }
  }
  if (!r.offload) run();
  else if (!workers_.tryPost(std::move(run))) send(req, busyReply());
  return restinio::request_accepted();
}

static std::string_view mimeOf(const std::filesystem::path& p) {
  auto e = p.extension().string();
  if (e == ".html") return "text/html; charset=utf-8";
  if (e == ".js" || e == ".mjs") return "text/javascript; charset=utf-8";
  if (e == ".css") return "text/css; charset=utf-8";
  if (e == ".svg") return "image/svg+xml";
  if (e == ".png") return "image/png";
  if (e == ".ico") return "image/x-icon";
  if (e == ".json" || e == ".webmanifest") return "application/json";
  if (e == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

restinio::request_handling_status_t Api::serveStatic(restinio::request_handle_t req) {
  std::string path{req->header().path()};
  if (path.rfind("/api/", 0) == 0) {
    send(req, errorReply(Error::notFound()));
    return restinio::request_accepted();
  }
  if (req->header().method() != restinio::http_method_get() && req->header().method() != restinio::http_method_head()) {
    send(req, errorReply({ErrorKind::not_found, "not_found", "Không tìm thấy.", {}}));
    return restinio::request_accepted();
  }
  namespace fs = std::filesystem;
  fs::path root = cfg_.web_dir;
  if (cfg_.web_dir.empty() || path.find("..") != std::string::npos) {
    send(req, errorReply(Error::notFound()));
    return restinio::request_accepted();
  }
  fs::path file = root / path.substr(1);
  std::error_code ec;
  bool hashed = path.rfind("/assets/", 0) == 0;  // Vite fingerprints these: cache forever
  if (path == "/" || !fs::is_regular_file(file, ec)) file = root / "index.html", hashed = false;
  if (!fs::is_regular_file(file, ec)) {
    send(req, Reply{503, "<!doctype html><meta charset=utf-8><p>Chưa xây dựng giao diện web (chạy make).</p>",
                    "text/html; charset=utf-8", {}});
    return restinio::request_accepted();
  }
  try {
    auto sf = restinio::sendfile(file.string());
    req->create_response()
        .append_header(restinio::http_field::content_type, std::string(mimeOf(file)))
        .append_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache")
        .append_header("X-Content-Type-Options", "nosniff")
        .append_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        .set_body(std::move(sf))
        .done();
  } catch (const std::exception& e) {
    spdlog::error("static {}: {}", file.string(), e.what());
    send(req, errorReply(Error::internal()));
  }
  return restinio::request_accepted();
}

static std::string expressPath(const std::string& doc) {
  std::string out;
  for (size_t i = 0; i < doc.size(); ++i) {
    if (doc[i] == '{') {
      auto end = doc.find('}', i);
      std::string name = doc.substr(i + 1, end - i - 1);
      // Ids are digits; a {token} (calendar feed secret) is 64 hex characters.
      out += ":" + name + (name == "token" ? "([0-9a-f]{64})" : "(\\d{1,18})");
      i = end;
    } else {
      out += doc[i];
    }
  }
  return out;
}

std::unique_ptr<restinio::router::express_router_t<>> Api::router() {
  auto router = std::make_unique<restinio::router::express_router_t<>>();
  for (const auto& r : routes_) {
    auto h = [this, &r](restinio::request_handle_t req, restinio::router::route_params_t params) {
      return dispatch(r, std::move(req), std::move(params));
    };
    auto p = expressPath(r.path);
    if (r.method == "GET") router->http_get(p, h);
    else if (r.method == "POST") router->http_post(p, h);
    else if (r.method == "PUT") router->http_put(p, h);
    else if (r.method == "PATCH") router->add_handler(restinio::http_method_patch(), p, h);
    else if (r.method == "DELETE") router->http_delete(p, h);
  }
  router->non_matched_request_handler([this](restinio::request_handle_t req) { return serveStatic(std::move(req)); });
  return router;
}

std::vector<Route> routeTable() {
  std::vector<Route> out;
  addAuthRoutes(out);
  addLockoutRoutes(out);
  addOrgRoutes(out);
  addMemberRoutes(out);
  addRoleRoutes(out);
  addMeetingRoutes(out);
  addQualityRoutes(out);
  addOversightRoutes(out);
  addDocumentRoutes(out);
  addAttachmentRoutes(out);
  addAccountRoutes(out);
  addImportRoutes(out);
  return out;
}

}  // namespace chibo::http
