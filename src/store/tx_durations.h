#pragma once
// How long store transactions take, from BEGIN to the end of COMMIT or ROLLBACK
// (a write's includes its fsync; waiting for the writer lock is not counted).
// /metrics reports it as a Prometheus histogram. Lock-free: recorded on every
// transaction from any thread.
#include <array>
#include <atomic>
#include <cstdint>

namespace chibo {

class TxDurations {
 public:
  enum class Kind { read = 0, write = 1 };
  // Upper bounds in seconds: a page's reads take a millisecond or two, a write with
  // its fsync a few; a second or more means the disk or a query is in trouble.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct Snapshot {
    std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative, as Prometheus wants
    uint64_t count = 0;
    double sum_seconds = 0;
  };

  void record(Kind kind, int64_t micros);
  Snapshot snapshot(Kind kind) const;

 private:
  struct Histogram {
    std::array<std::atomic<uint64_t>, kBuckets.size()> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_micros{0};
  };
  std::array<Histogram, 2> by_kind_;
};

// The process's one instance, fed by the SQLite store.
TxDurations& txDurations();

}  // namespace chibo
