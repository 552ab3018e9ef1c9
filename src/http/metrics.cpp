#include "http/metrics.h"

#include "app/notices/outbox_worker.h"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "store/tx_durations.h"

namespace chibo::http {

namespace {

// Label values are route patterns and methods from our own table, but escape
// anyway: the exposition format breaks on a stray quote or backslash.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

const auto kStarted = std::chrono::steady_clock::now();

}  // namespace

Metrics& metrics() {
  static Metrics m;
  return m;
}

int64_t residentBytes() {
  std::ifstream f("/proc/self/statm");
  int64_t size = 0, resident = 0;
  if (!(f >> size >> resident)) return 0;
  return resident * int64_t(::sysconf(_SC_PAGESIZE));
}

void Metrics::recordRequest(const std::string& method, const std::string& route, int status, int64_t micros,
                            size_t bytes) {
  double secs = double(micros) / 1e6;
  std::lock_guard g(mu_);
  ++requests_[{method, route, status}];
  auto& h = latency_[{method, route}];
  for (size_t i = 0; i < kBucketCount; ++i)
    if (secs <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += secs;
  response_bytes_ += bytes;
}

std::string Metrics::text(const Gauges& g) const {
  std::ostringstream o;
  o.precision(9);
  std::lock_guard lk(mu_);
  o << "# HELP chibo_http_requests_total Requests answered, by route pattern and status.\n"
       "# TYPE chibo_http_requests_total counter\n";
  for (const auto& [k, n] : requests_)
    o << "chibo_http_requests_total{method=\"" << label(std::get<0>(k)) << "\",route=\"" << label(std::get<1>(k))
      << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
  o << "# HELP chibo_http_request_duration_seconds Time from routing a request to handing its answer to the socket.\n"
       "# TYPE chibo_http_request_duration_seconds histogram\n";
  for (const auto& [k, h] : latency_) {
    std::string labels = "method=\"" + label(k.first) + "\",route=\"" + label(k.second) + "\"";
    for (size_t i = 0; i < kBucketCount; ++i)
      o << "chibo_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i] << "\"} "
        << h.buckets[i] << "\n";
    o << "chibo_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count << "\n";
    o << "chibo_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n";
    o << "chibo_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  o << "# HELP chibo_db_transaction_duration_seconds Store transactions, from BEGIN to the end of COMMIT or ROLLBACK.\n"
       "# TYPE chibo_db_transaction_duration_seconds histogram\n";
  for (auto kind : {TxDurations::Kind::read, TxDurations::Kind::write}) {
    auto h = txDurations().snapshot(kind);
    std::string labels = kind == TxDurations::Kind::read ? "kind=\"read\"" : "kind=\"write\"";
    for (size_t i = 0; i < TxDurations::kBuckets.size(); ++i)
      o << "chibo_db_transaction_duration_seconds_bucket{" << labels << ",le=\"" << TxDurations::kBuckets[i] << "\"} "
        << h.buckets[i] << "\n";
    o << "chibo_db_transaction_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count << "\n";
    o << "chibo_db_transaction_duration_seconds_sum{" << labels << "} " << h.sum_seconds << "\n";
    o << "chibo_db_transaction_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  o << "# HELP chibo_http_response_bytes_total Bytes of answer bodies sent (static files excluded).\n"
       "# TYPE chibo_http_response_bytes_total counter\n"
       "chibo_http_response_bytes_total "
    << response_bytes_ << "\n";
  o << "# HELP chibo_http_open_connections Client connections open now.\n"
       "# TYPE chibo_http_open_connections gauge\n"
       "chibo_http_open_connections "
    << openConnections() << "\n";
  o << "# HELP chibo_worker_queue_depth Jobs waiting for a worker thread (password hashing, documents).\n"
       "# TYPE chibo_worker_queue_depth gauge\n"
       "chibo_worker_queue_depth "
    << g.worker_queue << "\n";
  o << "# HELP chibo_schema_version Database schema version in use.\n"
       "# TYPE chibo_schema_version gauge\n"
       "chibo_schema_version "
    << g.schema_version << "\n";
  // --- reminders and notices: the outbox worker's counters since start, and the queue it last saw.
  {
    auto& ob = outboxMetrics();
    o << "# HELP chibo_outbox_sent_total Messages a channel accepted (e-mails the SMTP server took).\n"
         "# TYPE chibo_outbox_sent_total counter\n"
         "chibo_outbox_sent_total "
      << ob.sent.load() << "\n";
    o << "# HELP chibo_outbox_failed_attempts_total Attempts a channel refused or could not make (retried later).\n"
         "# TYPE chibo_outbox_failed_attempts_total counter\n"
         "chibo_outbox_failed_attempts_total "
      << ob.failed_attempts.load() << "\n";
    o << "# HELP chibo_outbox_given_up_total Messages given up after the last attempt.\n"
         "# TYPE chibo_outbox_given_up_total counter\n"
         "chibo_outbox_given_up_total "
      << ob.given_up.load() << "\n";
    o << "# HELP chibo_outbox_queued Messages waiting to be sent, as the worker last counted them.\n"
         "# TYPE chibo_outbox_queued gauge\n"
         "chibo_outbox_queued "
      << ob.queued.load() << "\n";
  }
  o << "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
       "# TYPE process_resident_memory_bytes gauge\n"
       "process_resident_memory_bytes "
    << residentBytes() << "\n";
  o << "# HELP process_uptime_seconds Seconds since the server started.\n"
       "# TYPE process_uptime_seconds gauge\n"
       "process_uptime_seconds "
    << std::chrono::duration<double>(std::chrono::steady_clock::now() - kStarted).count() << "\n";
  return o.str();
}

}  // namespace chibo::http
