#include "http/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "app/auth/session_auth.h"
#include "app/idempotency/idempotency.h"
#include "http/compression.h"
#include "http/openapi.h"
#include "http/security_log.h"
#include "http/static_files.h"
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
    return restinio::cast_to<Id>(std::string_view(params[name]));
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
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    default: return status >= 500 ? "Internal Server Error" : "OK";
  }
}

template <typename Response>
static void appendTraceHeaders(Response& resp, const RequestTrace& t) {
  resp.append_header("X-Request-Id", t.id);
  // RFC 6797: only meaningful (and only sent) when the site is served over HTTPS.
  if (t.hsts) resp.append_header("Strict-Transport-Security", "max-age=31536000");
}

void send(const restinio::request_handle_t& req, const Reply& r) {
  auto trace = finishRequest(req, r.status, r.body.size());  // access log, metrics, request id
  auto resp = req->create_response(
      restinio::http_status_line_t{restinio::http_status_code_t{std::uint16_t(r.status)}, reason(r.status)});
  resp.append_header(restinio::http_field::content_type, r.content_type);
  // Answers are private and change with every write unless a route says otherwise.
  bool cached = std::any_of(r.headers.begin(), r.headers.end(), [](auto& h) { return h.first == "Cache-Control"; });
  if (!cached) resp.append_header("Cache-Control", "no-store");
  resp.append_header("X-Content-Type-Options", "nosniff");
  for (auto& [k, v] : r.headers) resp.append_header(k, v);
  if (trace) appendTraceHeaders(resp, *trace);
  if (r.status == 204 || r.status == 304) return void(resp.done());
  bool problem = trace && r.content_type.rfind("application/problem+json", 0) == 0;
  std::string body = problem ? withRequestId(r.body, trace->id) : r.body;
  // JSON lists compress to a fifth or less; small answers are not worth the header.
  if (body.size() >= kCompressFrom) {
    resp.append_header("Vary", "Accept-Encoding");
    if (acceptsEncoding(req->header().get_field_or(restinio::http_field::accept_encoding, ""), "gzip"))
      if (auto gz = gzipCompress(body)) {
        resp.append_header(restinio::http_field::content_encoding, "gzip");
        return void(resp.set_body(std::move(*gz)).done());
      }
  }
  resp.set_body(std::move(body));
  resp.done();
}

Api::Api(Store& store, ApiConfig cfg) : store_(store), cfg_(std::move(cfg)), routes_(routeTable()) {
  if (!cfg_.web_dir.empty()) static_ = std::make_unique<StaticFiles>(cfg_.web_dir);
}
Api::~Api() = default;

static bool isJsonType(std::string_view ct) {
  auto t = ct.substr(0, ct.find(';'));
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return t.size() == 16 && std::equal(t.begin(), t.end(), "application/json",
                                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

restinio::request_handling_status_t Api::dispatch(const Route& r, restinio::request_handle_t req,
                                                  PathParams params) {
  auto call = std::make_shared<Call>();
  call->req = req;
  call->params = params;
  call->caller.now = DateTime::now();
  auto trace = beginRequest(req, r.method, r.path, cfg_.requests);
  call->address = trace->address;  // the real client behind a trusted proxy
  if (int refused = intakeRefusal(req)) return refuse(req, refused, r.path);
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
    // Idempotency-Key (api_idempotency.cpp): a limit, so checked before the session is read.
    if (write && r.auth && req->header().has_field("Idempotency-Key")) {
      call->idempotency_key = std::string(req->header().get_field("Idempotency-Key"));
      if (auto st = checkIdempotencyKey(call->idempotency_key); !st.ok()) {
        send(req, errorReply(st.error()));
        return restinio::request_accepted();
      }
    }
    if (r.auth) {
      auto token = sessionToken(req->header());
      auto s = token.empty() ? std::nullopt : resolveSession(store_, token, call->caller.now);
      if (!s) {
        auto reply = errorReply({ErrorKind::unauthenticated, "unauthenticated", "Vui lòng đăng nhập.", {}});
        logRefusal(r, *call, reply);
        send(req, reply);
        return restinio::request_accepted();
      }
      call->caller.principal = std::move(s->principal);
      trace->user_id = call->caller.principal.user_id;
      call->token_hash = s->token_hash;
      call->csrf_token = s->csrf_token;
      if (write && req->header().get_field_or("X-CSRF-Token", "") != s->csrf_token) {
        auto reply = errorReply({ErrorKind::forbidden, "csrf_failed",
                                 "Phiên làm việc không hợp lệ (thiếu mã CSRF). Vui lòng tải lại trang.", {}});
        logRefusal(r, *call, reply);
        send(req, reply);
        return restinio::request_accepted();
      }
    }
    if (!r.raw_body && (r.method == "POST" || r.method == "PUT" || r.method == "PATCH")) {
      // A form or text/plain body is what a cross-site page can send without a preflight
      // (log-in CSRF); only JSON is read as JSON.
      if (!req->body().empty() && !isJsonType(req->header().get_field_or(restinio::http_field::content_type, ""))) {
        auto reply = problemReply(415, "unsupported_media_type", "Dữ liệu gửi lên phải ở định dạng JSON.");
        logRefusal(r, *call, reply);
        send(req, reply);
        return restinio::request_accepted();
      }
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
      reply = call->idempotency_key.empty() ? r.handler(*this, *call) : runIdempotent(r, *call);
    } catch (const StoreError& e) {
      spdlog::error("{} {}: store: {}", r.method, r.path, e.what());
      reply = errorReply(Error::internal());
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", r.method, r.path, e.what());
      reply = errorReply(Error::internal());
    }
    logRefusal(r, *call, reply);
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
      logRefusal(r, *call, *early);
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
  if (e == ".json") return "application/json";
  if (e == ".webmanifest") return "application/manifest+json";  // the installable app's manifest
  if (e == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

restinio::request_handling_status_t Api::serveStatic(restinio::request_handle_t req) {
  std::string path{req->header().path()};
  auto trace = beginRequest(req, std::string(req->header().method().c_str()),
                            path.rfind("/api/", 0) == 0 ? "(unmatched)" : "(static)", cfg_.requests);
  if (int refused = intakeRefusal(req)) return refuse(req, refused, "");
  if (path.rfind("/api/", 0) == 0) {
    send(req, errorReply(Error::notFound()));
    return restinio::request_accepted();
  }
  if (req->header().method() != restinio::http_method_get() && req->header().method() != restinio::http_method_head()) {
    send(req, errorReply({ErrorKind::not_found, "not_found", "Không tìm thấy.", {}}));
    return restinio::request_accepted();
  }
  if (!static_ || StaticFiles::hostile(path)) {
    if (static_)
      securityEvent("static_refused", {{"addr", req->remote_endpoint().address().to_string()}, {"path", path}});
    send(req, errorReply(Error::notFound()));
    return restinio::request_accepted();
  }
  auto accept = req->header().get_field_or(restinio::http_field::accept_encoding, "");
  auto file = static_->choose(path, accept);
  bool hashed = file && path.rfind("/assets/", 0) == 0;  // Vite fingerprints these: cache forever
  if (!file) {
    // An app route (/meetings/12) gets the app, which routes in the browser; a missing file
    // (/assets/old.js, /favicon.png) gets 404, not a page of HTML under a script's name.
    auto last = path.substr(path.rfind('/') + 1);
    if (last.find('.') == std::string::npos) file = static_->choose("/", accept);
    else {
      send(req, errorReply(Error::notFound()));
      return restinio::request_accepted();
    }
  }
  if (!file) {
    send(req, Reply{503, "<!doctype html><meta charset=utf-8><p>Chưa xây dựng giao diện web (chạy make).</p>",
                    "text/html; charset=utf-8", {}});
    return restinio::request_accepted();
  }
  try {
    auto sf = restinio::sendfile(file->file.string());
    finishRequest(req, 200, sf.size());
    auto resp = req->create_response();
    appendTraceHeaders(resp, *trace);
    resp.append_header(restinio::http_field::content_type, std::string(mimeOf(file->original)))
        .append_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache")
        .append_header("Vary", "Accept-Encoding")
        .append_header("X-Content-Type-Options", "nosniff")
        .append_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    if (!file->encoding.empty()) resp.append_header(restinio::http_field::content_encoding, std::string(file->encoding));
    resp.set_body(std::move(sf)).done();
  } catch (const std::exception& e) {
    spdlog::error("static {}: {}", file->file.string(), e.what());
    send(req, errorReply(Error::internal()));
  }
  return restinio::request_accepted();
}

std::unique_ptr<RouteTable> Api::router() {
  auto router = std::make_unique<RouteTable>();
  for (const auto& r : routes_) {
    auto h = [this, &r](restinio::request_handle_t req, PathParams params) {
      return dispatch(r, std::move(req), params);
    };
    if (r.method == "GET") router->add(restinio::http_method_get(), r.path, h);
    else if (r.method == "POST") router->add(restinio::http_method_post(), r.path, h);
    else if (r.method == "PUT") router->add(restinio::http_method_put(), r.path, h);
    else if (r.method == "PATCH") router->add(restinio::http_method_patch(), r.path, h);
    else if (r.method == "DELETE") router->add(restinio::http_method_delete(), r.path, h);
  }
  addOpsRoutes(*this, *router);
  router->fallback([this](restinio::request_handle_t req) { return serveStatic(std::move(req)); });
  return router;
}

std::string Api::publicBase(const Call& c) const {
  if (!cfg_.public_url.empty()) return cfg_.public_url;
  std::string host = std::string(c.req->header().get_field_or(restinio::http_field::host, "localhost"));
  return std::string(cfg_.requests.hsts ? "https://" : "http://") + host;
}

std::vector<Route> routeTable() {
  std::vector<Route> out;
  addAuthRoutes(out);
  addContractRoutes(out);
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
  addNoticeRoutes(out);  // reminders and notices
  addDuesRoutes(out);    // party dues
  addReviewRoutes(out);  // year-end review and classification
  addAdmissionRoutes(out);  // new members (phát triển đảng viên)
  return out;
}

}  // namespace chibo::http
