#pragma once
// One JSON line per answered request, and the request id that ties the line
// to the answer (X-Request-Id header, `request_id` in problem+json) and to
// what a user reports ("mã yêu cầu ..."). The line names the route pattern,
// not the raw path, so ids of records never reach the log.
//
// beginRequest() runs when a request is routed; finishRequest() when its
// answer is handed to the socket, on whichever thread that happens. Between
// the two the trace is looked up by the request it belongs to.
#include <chrono>
#include <cstdint>
#include <memory>
#include <restinio/all.hpp>
#include <string>

#include "http/client_address.h"

namespace chibo::http {

// Settings shared by every request of a server.
struct RequestPolicy {
  AddressList trusted_proxies;  // whose Forwarded / X-Forwarded-For are believed
  bool hsts = false;            // served over HTTPS: tell browsers to stay there
};

struct RequestTrace {
  std::string id;
  std::string method;
  std::string route;       // pattern, e.g. /api/v1/orgs/{id}
  std::string address;     // the real client, after trusted proxies
  bool forwarded = false;  // came through a trusted proxy
  int64_t user_id = 0;     // 0 until a session is resolved
  bool hsts = false;
  std::chrono::steady_clock::time_point start;
};

// Where lines go: "-" standard output (journald under systemd), "off", or a
// file path (appended; reopened by restarting the service). Call once before
// serving; throws std::runtime_error if the file cannot be opened.
void configureAccessLog(const std::string& target);

// Starts the trace of `req`. The returned trace stays valid until
// finishRequest() for the same request.
std::shared_ptr<RequestTrace> beginRequest(const restinio::request_handle_t& req, std::string method,
                                           std::string route, const RequestPolicy& policy);

// Ends the trace of `req`: counts it in metrics(), writes its log line, and
// returns it (nullptr for a request that was never begun).
std::shared_ptr<RequestTrace> finishRequest(const restinio::request_handle_t& req, int status, size_t bytes);

// A problem+json body with "request_id" added as its first member.
std::string withRequestId(const std::string& problem_body, const std::string& id);

// The log line for a finished request (exposed for tests).
std::string accessLine(const RequestTrace& t, int status, size_t bytes, int64_t micros);

}  // namespace chibo::http
