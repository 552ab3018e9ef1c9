#include "store/tx_durations.h"

namespace chibo {

void TxDurations::record(Kind kind, int64_t micros) {
  auto& h = by_kind_[size_t(kind)];
  double secs = double(micros) / 1e6;
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (secs <= kBuckets[i]) h.buckets[i].fetch_add(1, std::memory_order_relaxed);
  h.sum_micros.fetch_add(uint64_t(micros < 0 ? 0 : micros), std::memory_order_relaxed);
  h.count.fetch_add(1, std::memory_order_relaxed);
}

TxDurations::Snapshot TxDurations::snapshot(Kind kind) const {
  const auto& h = by_kind_[size_t(kind)];
  Snapshot s;
  // Not one atomic snapshot: a transaction ending meanwhile may be in some fields and not
  // yet in others; the next scrape has it everywhere.
  s.count = h.count.load(std::memory_order_relaxed);
  for (size_t i = 0; i < kBuckets.size(); ++i) s.buckets[i] = h.buckets[i].load(std::memory_order_relaxed);
  s.sum_seconds = double(h.sum_micros.load(std::memory_order_relaxed)) / 1e6;
  return s;
}

TxDurations& txDurations() {
  static TxDurations d;
  return d;
}

}  // namespace chibo
