#pragma once
// The HTTP API: a table of routes, each a thin adapter from a request to one
// use case. The table is data so docs/api.md can be checked against it.
#include <boost/json.hpp>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <vector>

#include "app/auth/throttle.h"
#include "app/context.h"
#include "http/route_table.h"
#include "app/rules/rule_loader.h"
#include "http/access_log.h"
#include "http/intake.h"
#include "http/json_io.h"
#include "http/worker_pool.h"

namespace chibo::http {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
};

Reply jsonReply(int status, const boost::json::value& v);
Reply errorReply(const Error& e);
// problem+json for statuses with no ErrorKind (411, 414, 415, 431).
Reply problemReply(int status, const std::string& code, const std::string& message);

class Api;
class StaticFiles;

// One request as a handler sees it.
struct Call {
  restinio::request_handle_t req;
  PathParams params;
  Caller caller;                 // principal empty for routes without auth
  std::string token_hash;        // the session's, when there is one
  std::string csrf_token;
  boost::json::object body;      // parsed for POST/PUT/PATCH
  std::string address;           // client address, for throttling
  std::shared_ptr<void> pre;     // what the route's precheck hands its handler
  std::string idempotency_key;   // the Idempotency-Key header of a write, when sent
  std::optional<std::string> query(const char* name) const;
  // The numeric path parameter `name` (routes only match digits).
  Id pathId(const char* name) const;
  Page page() const;             // ?limit=&offset=, clamped
};

using Handler = std::function<Reply(Api&, Call&)>;

struct Route {
  std::string method;   // GET, POST, PUT, PATCH, DELETE
  std::string path;     // as documented: /api/v1/orgs/{id}
  bool auth = true;     // needs a session
  bool offload = false; // run on the worker pool (CPU-heavy: password hashing, documents)
  Handler handler;
  // The body is a raw file, not JSON: not parsed, and limited to max_body
  // instead of ApiConfig::max_json_body (413 file_too_large above it).
  bool raw_body = false;
  size_t max_body = 0;
  // Runs on the I/O thread before an offloaded handler is queued; an answer
  // here is sent at once and the handler never runs (a locked-out log-in is
  // refused without waiting behind password hashing).
  std::function<std::optional<Reply>(Api&, Call&)> precheck;
};

struct ApiConfig {
  std::string web_dir;            // built web app; "" serves no static files
  size_t max_json_body = 1 << 20;
  bool secure_cookie = false;     // set when served over HTTPS
  int session_hours = 12;
  // Quality (issue 4): the rule files loaded at start (loadRuleCatalog); the
  // rules, score and warning routes answer 500 without it.
  std::shared_ptr<const RuleCatalog> rules;
  // Operations: links in answers start with public_url when set ("" keeps the
  // scheme and Host of the request); trusted proxies and HSTS per request;
  // /metrics only for metrics_allow (and metrics_token when set); /readyz
  // checks db_path and at least min_free_bytes free beside it.
  std::string public_url;
  RequestPolicy requests;
  AddressList metrics_allow;
  std::string metrics_token;
  std::string db_path;
  int64_t min_free_bytes = 64ll << 20;
  // How long an activation code printed for a new account stays valid.
  int activation_days = 14;
  // Idempotency keys (idempotency.h): how long a write's answer is kept for a repeat.
  int idempotency_days = 7;
  // False while the warning pass that follows start-up is still running (it took 192 s on the
  // national bench set, bench/README.md): /readyz answers 503 until then, so a load balancer
  // sends no traffic to a server whose kept warnings are not yet current. Null: no such pass.
  std::shared_ptr<const std::atomic<bool>> warnings_current;
};

class Api {
 public:
  Api(Store& store, ApiConfig cfg);
  Store& store() { return store_; }
  LoginThrottle& throttle() { return throttle_; }
  const ApiConfig& config() const { return cfg_; }
  // Scheme and host for links the app hands out (check-in QR, calendar feed).
  std::string publicBase(const Call& c) const;
  size_t queuedJobs() const { return workers_.queued(); }

  // Builds the RESTinio router holding every route plus the static files.
  std::unique_ptr<RouteTable> router();
  // The intake policy (intake.h), run when a request's headers are in: 413 above the route's
  // body limit, 411 for a chunked body, 401 for a large upload without a session.
  int intake(const RequestHead& head);
  ~Api();

 private:
  restinio::request_handling_status_t dispatch(const Route& r, restinio::request_handle_t req,
                                               PathParams params);
  restinio::request_handling_status_t serveStatic(restinio::request_handle_t req);
  // Answers a request the intake refused (api_security.cpp).
  restinio::request_handling_status_t refuse(const restinio::request_handle_t& req, int status, std::string_view route);
  const Route* findRoute(std::string_view method, std::string_view path) const;
  // Idempotency-Key (api_idempotency.cpp): runs the handler once per key and account.
  Reply runIdempotent(const Route& r, Call& c);
  std::unique_ptr<StaticFiles> static_;
  Store& store_;
  ApiConfig cfg_;
  LoginThrottle throttle_;
  // At most two argon2id hashes at once (128 MiB); 32 waiting is about 1.5 s
  // of hashing (~90 ms each), beyond which a client is told to come back.
  WorkerPool workers_{2, 32};
  std::vector<Route> routes_;
};

// Every route of the API, in documentation order.
std::vector<Route> routeTable();
void addAuthRoutes(std::vector<Route>& out);
void addLockoutRoutes(std::vector<Route>& out);  // routes_lockouts.cpp
void addOrgRoutes(std::vector<Route>& out);
void addMemberRoutes(std::vector<Route>& out);
void addRoleRoutes(std::vector<Route>& out);
void addMeetingRoutes(std::vector<Route>& out);
void addQualityRoutes(std::vector<Route>& out);  // routes_quality.cpp
void addOversightRoutes(std::vector<Route>& out);  // routes_oversight.cpp
void addDocumentRoutes(std::vector<Route>& out);   // routes_documents.cpp
void addAttachmentRoutes(std::vector<Route>& out);  // routes_attachments.cpp
// /healthz, /readyz, /metrics: outside /api/v1, for load balancers and Prometheus.
void addOpsRoutes(Api& api, RouteTable& router);  // routes_ops.cpp
void addAccountRoutes(std::vector<Route>& out);     // routes_accounts.cpp
void addImportRoutes(std::vector<Route>& out);      // routes_import.cpp
// --- reminders and notices
void addNoticeRoutes(std::vector<Route>& out);      // routes_notices.cpp
// --- party dues
void addDuesRoutes(std::vector<Route>& out);        // routes_dues.cpp
void addReviewRoutes(std::vector<Route>& out);      // routes_review.cpp
// --- new members (phát triển đảng viên)
void addAdmissionRoutes(std::vector<Route>& out);   // routes_admission.cpp

void send(const restinio::request_handle_t& req, const Reply& r);

// The security log's line for a handled request that was refused (401, 403, 404, 413, 415,
// 429), named by the route's documented path (never the raw path: it may hold a feed token).
void logRefusal(const Route& r, const Call& c, const Reply& reply);

// The session cookie: "__Host-chibo_session" with Secure when served over HTTPS (the prefix
// makes browsers refuse it from plain HTTP or with a Domain), "chibo_session" otherwise.
std::string sessionCookie(bool secure, const std::string& token, int max_age_seconds);
// The session token from either cookie name, or "".
std::string sessionToken(const restinio::http_request_header_t& h);

}  // namespace chibo::http
