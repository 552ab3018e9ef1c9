#include "http/access_log.h"

#include <sodium.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <mutex>
#include <unordered_map>

#include "domain/date.h"
#include "http/metrics.h"

namespace chibo::http {

namespace {

std::shared_ptr<spdlog::logger>& accessLogger() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

// Requests between begin and finish, by the address of their request object
// (alive for as long as a handle to it is held, which the answering code does).
std::mutex traces_mu;
std::unordered_map<const void*, std::shared_ptr<RequestTrace>> traces;  // GUARDED_BY(traces_mu)

// 16 random hex characters: unique enough to find one line among a year's.
std::string newRequestId() {
  static const bool sodium_ready = sodium_init() >= 0;
  (void)sodium_ready;
  unsigned char b[8];
  randombytes_buf(b, sizeof b);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : b) s += hex[c >> 4], s += hex[c & 15];
  return s;
}

// A proxy's own request id (nginx $request_id) is kept when it looks like one.
bool acceptableId(std::string_view v) {
  if (v.empty() || v.size() > 64) return false;
  for (char c : v)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

}  // namespace

void configureAccessLog(const std::string& target) {
  auto& logger = accessLogger();
  if (target == "off" || target.empty()) {
    logger.reset();
    return;
  }
  if (target == "-") logger = std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::stdout_sink_mt>());
  else logger = std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::basic_file_sink_mt>(target));
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::info);
}

std::shared_ptr<RequestTrace> beginRequest(const restinio::request_handle_t& req, std::string method,
                                           std::string route, const RequestPolicy& policy) {
  auto t = std::make_shared<RequestTrace>();
  t->start = std::chrono::steady_clock::now();
  t->method = std::move(method);
  t->route = std::move(route);
  t->hsts = policy.hsts;
  std::string peer = req->remote_endpoint().address().to_string();
  const auto& h = req->header();
  t->address = clientAddress(peer, h.get_field_or("Forwarded", ""), h.get_field_or("X-Forwarded-For", ""),
                             policy.trusted_proxies);
  t->forwarded = policy.trusted_proxies.contains(peer) &&
                 (h.has_field("Forwarded") || h.has_field("X-Forwarded-For"));
  auto incoming = h.get_field_or("X-Request-Id", "");
  t->id = policy.trusted_proxies.contains(peer) && acceptableId(incoming) ? incoming : newRequestId();
  std::lock_guard g(traces_mu);
  traces[req.get()] = t;
  return t;
}

std::string accessLine(const RequestTrace& t, int status, size_t bytes, int64_t micros) {
  boost::json::object o;
  o["log"] = "access";  // beside the security log on the same stream
  o["time"] = DateTime::now().iso();
  o["request_id"] = t.id;
  o["method"] = t.method;
  o["route"] = t.route;
  o["status"] = status;
  o["bytes"] = bytes;
  o["us"] = micros;
  o["user_id"] = t.user_id;
  o["client"] = t.address;
  return boost::json::serialize(o);
}

std::shared_ptr<RequestTrace> finishRequest(const restinio::request_handle_t& req, int status, size_t bytes) {
  std::shared_ptr<RequestTrace> t;
  {
    std::lock_guard g(traces_mu);
    auto it = traces.find(req.get());
    if (it == traces.end()) return nullptr;
    t = std::move(it->second);
    traces.erase(it);
  }
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t->start).count();
  metrics().recordRequest(t->method, t->route, status, micros, bytes);
  if (auto& logger = accessLogger()) logger->info(accessLine(*t, status, bytes, micros));
  return t;
}

std::string withRequestId(const std::string& body, const std::string& id) {
  if (body.empty() || body.front() != '{') return body;
  std::string member = "\"request_id\":\"" + id + "\"";  // id is [A-Za-z0-9_-]: nothing to escape
  return "{" + member + (body.size() > 2 ? "," : "") + body.substr(1);
}

}  // namespace chibo::http
