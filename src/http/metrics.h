#pragma once
// Process-wide counters for /metrics, in the Prometheus text exposition
// format (version 0.0.4): what a provincial IT office's Prometheus and
// Grafana already read. Labels are route patterns (/api/v1/orgs/{id}), never
// raw paths, so the number of series stays bounded by the route table.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <restinio/connection_state_listener.hpp>
#include <string>
#include <tuple>

namespace chibo::http {

class Metrics {
 public:
  // One answered request. Thread-safe.
  void recordRequest(const std::string& method, const std::string& route, int status, int64_t micros,
                     size_t bytes);
  void connectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void connectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  int64_t openConnections() const { return open_connections_.load(std::memory_order_relaxed); }

  // Jobs waiting for a worker thread (password hashing, documents), sampled
  // when /metrics is read.
  struct Gauges {
    size_t worker_queue = 0;
    int64_t schema_version = 0;
  };
  // The whole exposition.
  std::string text(const Gauges& g) const;

 private:
  // Upper bounds in seconds; one answer per page load should fall well inside.
  static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  static constexpr size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);
  struct Histogram {
    uint64_t buckets[kBucketCount] = {};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // GUARDED_BY(mu_)
  std::map<std::pair<std::string, std::string>, Histogram> latency_;       // GUARDED_BY(mu_)
  uint64_t response_bytes_ = 0;                                            // GUARDED_BY(mu_)
  std::atomic<int64_t> open_connections_{0};
};

// The one instance the server reports.
Metrics& metrics();

// RESTinio's connection state listener, feeding metrics().openConnections().
struct ConnectionCounter {
  void state_changed(const restinio::connection_state::notice_t& n) noexcept {
    const auto cause = n.cause();
    if (restinio::get_if<restinio::connection_state::accepted_t>(&cause)) metrics().connectionOpened();
    else if (restinio::get_if<restinio::connection_state::closed_t>(&cause)) metrics().connectionClosed();
  }
};

// Resident set size of this process in bytes (Linux /proc/self/statm), 0 if unknown.
int64_t residentBytes();

}  // namespace chibo::http
