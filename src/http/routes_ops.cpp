// Probes and metrics for the machines that watch a server: a load balancer
// or systemd asks /healthz (is the process answering) and /readyz (can it do
// its work: the database answers, its schema is the one this build expects,
// the disk under it is not full); Prometheus scrapes /metrics. They live
// outside /api/v1 because they are not part of the app's contract.
#include <sodium.h>
#include <sys/statvfs.h>

#include <filesystem>

#include "http/api.h"
#include "http/metrics.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_db.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

int64_t expectedSchema() { return migrations().empty() ? 0 : migrations().back().version; }

// The schema version recorded in the file; throws StoreError when the
// database does not answer.
int64_t schemaVersion(const std::string& db) {
  sqlite::Conn c(db, false);
  c.exec("PRAGMA query_only=ON");
  auto st = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return st.step() ? st.i64(0) : 0;
}

// Each check answers with a Vietnamese sentence for the administrator reading it.
Reply readiness(const Api& api) {
  const auto& cfg = api.config();
  json::object checks;
  bool ready = true;
  try {
    auto v = schemaVersion(cfg.db_path);
    checks["database"] = "Cơ sở dữ liệu trả lời.";
    bool current = v == expectedSchema();
    checks["migrations"] = current ? "Lược đồ ở phiên bản " + std::to_string(v) + "."
                                   : "Lược đồ ở phiên bản " + std::to_string(v) + ", cần " +
                                         std::to_string(expectedSchema()) + ".";
    ready = ready && current;
  } catch (const std::exception&) {
    checks["database"] = "Cơ sở dữ liệu không trả lời.";
    ready = false;
  }
  struct statvfs fs {};
  auto dir = std::filesystem::path(cfg.db_path).parent_path();
  if (::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0) {
    int64_t free_bytes = int64_t(fs.f_bavail) * int64_t(fs.f_frsize);
    bool enough = free_bytes >= cfg.min_free_bytes;
    checks["disk"] = std::string(enough ? "Còn " : "Chỉ còn ") + std::to_string(free_bytes >> 20) + " MB trống" +
                     (enough ? "." : ", cần ít nhất " + std::to_string(cfg.min_free_bytes >> 20) + " MB.");
    ready = ready && enough;
  } else {
    checks["disk"] = "Không đọc được dung lượng đĩa.";
    ready = false;
  }
  bool pass_done = !cfg.warnings_current || cfg.warnings_current->load();
  checks["warnings"] = pass_done ? "Cảnh báo sớm đã được xét lại sau khi khởi động."
                                 : "Đang xét lại cảnh báo sớm sau khi khởi động.";
  ready = ready && pass_done;
  return jsonReply(ready ? 200 : 503, json::object{{"status", ready ? "ready" : "not_ready"},
                                                   {"warning_pass", pass_done ? "done" : "running"},
                                                   {"checks", checks}});
}

// Metrics tell an outsider how busy the ward is and which routes exist, so
// they are for the monitoring network only: the real client (after trusted
// proxies) must be in metrics_allow, a request forwarded by a proxy that is
// not trusted is refused (its socket address is the proxy's, not the
// asker's), and the bearer token must match when one is configured.
bool metricsAllowed(const Api& api, const restinio::request_handle_t& req, const RequestTrace& t) {
  const auto& cfg = api.config();
  const auto& h = req->header();
  bool untrusted_forward = !t.forwarded && (h.has_field("Forwarded") || h.has_field("X-Forwarded-For"));
  if (untrusted_forward || !cfg.metrics_allow.contains(t.address)) return false;
  if (cfg.metrics_token.empty()) return true;
  auto auth = h.get_field_or(restinio::http_field::authorization, "");
  std::string expected = "Bearer " + cfg.metrics_token;
  return auth.size() == expected.size() && sodium_memcmp(auth.data(), expected.data(), expected.size()) == 0;
}

}  // namespace

void addOpsRoutes(Api& api, RouteTable& router) {
  router.add(restinio::http_method_get(), "/healthz", [&api](restinio::request_handle_t req, PathParams) {
    beginRequest(req, "GET", "/healthz", api.config().requests);
    send(req, jsonReply(200, json::object{{"status", "ok"}}));
    return restinio::request_accepted();
  });
  router.add(restinio::http_method_get(), "/readyz", [&api](restinio::request_handle_t req, PathParams) {
    beginRequest(req, "GET", "/readyz", api.config().requests);
    send(req, readiness(api));
    return restinio::request_accepted();
  });
  router.add(restinio::http_method_get(), "/metrics", [&api](restinio::request_handle_t req, PathParams) {
    auto t = beginRequest(req, "GET", "/metrics", api.config().requests);
    if (!metricsAllowed(api, req, *t)) {
      send(req, errorReply(Error::notFound()));
      return restinio::request_accepted();
    }
    Metrics::Gauges g;
    g.worker_queue = api.queuedJobs();
    try {
      g.schema_version = schemaVersion(api.config().db_path);
    } catch (const std::exception&) {
    }
    send(req, Reply{200, metrics().text(g), "text/plain; version=0.0.4; charset=utf-8", {}});
    return restinio::request_accepted();
  });
}

}  // namespace chibo::http
