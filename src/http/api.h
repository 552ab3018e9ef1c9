#pragma once
// The HTTP API: a table of routes, each a thin adapter from a request to one
// use case. The table is data so docs/api.md can be checked against it.
#include <boost/json.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <vector>

#include "app/auth/throttle.h"
#include "app/context.h"
#include "app/rules/rule_loader.h"
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

class Api;

// One request as a handler sees it.
struct Call {
  restinio::request_handle_t req;
  restinio::router::route_params_t params;
  Caller caller;                 // principal empty for routes without auth
  std::string token_hash;        // the session's, when there is one
  std::string csrf_token;
  boost::json::object body;      // parsed for POST/PUT/PATCH
  std::string address;           // client address, for throttling
  std::shared_ptr<void> pre;     // what the route's precheck hands its handler
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
  // How long an activation code printed for a new account stays valid.
  int activation_days = 14;
};

class Api {
 public:
  Api(Store& store, ApiConfig cfg);
  Store& store() { return store_; }
  LoginThrottle& throttle() { return throttle_; }
  const ApiConfig& config() const { return cfg_; }

  // Builds the RESTinio router holding every route plus the static files.
  std::unique_ptr<restinio::router::express_router_t<>> router();

 private:
  restinio::request_handling_status_t dispatch(const Route& r, restinio::request_handle_t req,
                                               restinio::router::route_params_t params);
  restinio::request_handling_status_t serveStatic(restinio::request_handle_t req);
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
void addAccountRoutes(std::vector<Route>& out);     // routes_accounts.cpp
void addImportRoutes(std::vector<Route>& out);      // routes_import.cpp

void send(const restinio::request_handle_t& req, const Reply& r);

}  // namespace chibo::http
