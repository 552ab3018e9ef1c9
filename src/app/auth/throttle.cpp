#include "app/auth/throttle.h"

#include <algorithm>
#include <cctype>

namespace chibo {
namespace {

constexpr const char* kAccount = "account";
constexpr const char* kAddress = "address";

std::string memoryKey(const char* kind, const std::string& subject) { return std::string(kind) + ":" + subject; }

// Moves the window forward to `now`: one window on, the current count becomes
// the previous one; further on, both are forgotten.
void roll(ThrottleRecord& r, int64_t now, int64_t window) {
  if (now < r.window_start) return;  // another server's clock is ahead: keep its window
  int64_t k = (now - r.window_start) / window;
  if (k == 1) {
    r.prev_failures = r.failures;
    r.failures = 0;
    r.window_start += window;
  } else if (k > 1) {
    r.prev_failures = 0;
    r.failures = 0;
    r.window_start = now;
  }
}

// Failures within the last `window` seconds, the previous window weighted by
// its overlap (the sliding-window counter of rate limiters).
double recentFailures(const ThrottleRecord& r, int64_t now, int64_t window) {
  double elapsed = double(std::max<int64_t>(0, now - r.window_start));
  double overlap = std::max(0.0, double(window) - elapsed) / double(window);
  return r.prev_failures * overlap + r.failures;
}

int secondsUntil(int64_t until, int64_t now) { return int(std::max<int64_t>(1, until - now)); }

}  // namespace

std::string throttleAccountKey(const std::string& username) {
  std::string s = username;
  for (char& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

LoginThrottle::LoginThrottle(ThrottleLimits limits) : limits_(limits) {}

void LoginThrottle::remember(const std::string& key, int64_t locked_until, int64_t now) {
  auto it = known_.find(key);
  if (it != known_.end()) {
    lru_.erase(it->second.lru);
    known_.erase(it);
  }
  while (!lru_.empty() && known_.size() >= limits_.front_capacity) {
    known_.erase(lru_.back());
    lru_.pop_back();
  }
  if (limits_.front_capacity == 0) return;
  lru_.push_front(key);
  known_[key] = Known{locked_until, now, lru_.begin()};
}

void LoginThrottle::forget(const std::string& key) {
  auto it = known_.find(key);
  if (it == known_.end()) return;
  lru_.erase(it->second.lru);
  known_.erase(it);
}

int LoginThrottle::waitOf(const std::string& key, int64_t now) {
  auto it = known_.find(key);
  if (it == known_.end()) return 0;
  if (it->second.locked_until <= now || now - it->second.confirmed_at >= limits_.front_fresh_seconds) {
    forget(key);  // over, or time to ask the database again
    return 0;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return secondsUntil(it->second.locked_until, now);
}

int LoginThrottle::knownWait(const std::string& account, const std::string& address, int64_t now) {
  std::lock_guard g(mu_);
  int wait = std::max(waitOf(memoryKey(kAccount, account), now), waitOf(memoryKey(kAddress, address), now));
  if (wait > 0) ++stats_.front_refusals;
  return wait;
}

int LoginThrottle::admit(WriteTx& tx, const std::string& account, std::optional<Id> user_id,
                         const std::string& address, int64_t now, std::vector<ThrottleRecord>* locked_now) {
  struct Key {
    const char* kind;
    const std::string& subject;
    int limit;
    ThrottleRecord row;
  };
  Key keys[2] = {{kAccount, account, limits_.per_account, {}}, {kAddress, address, limits_.per_address, {}}};
  int wait = 0;
  std::vector<ThrottleRecord> locked;
  for (Key& k : keys) {
    auto found = tx.throttleRecord(k.kind, k.subject);
    ThrottleRecord& r = k.row;
    if (found) {
      r = *found;
    } else {
      r.kind = k.kind;
      r.subject = k.subject;
      r.window_start = now;
    }
    if (k.kind == std::string(kAccount)) r.user_id = user_id;
    if (r.locked_until > now) {
      wait = std::max(wait, secondsUntil(r.locked_until, now));
      continue;
    }
    if (r.lockouts > 0 && now - r.updated_at >= limits_.forget_after_seconds) r.lockouts = 0;
    roll(r, now, limits_.window_seconds);
    if (recentFailures(r, now, limits_.window_seconds) >= k.limit) {
      // Exponential back-off: 1, 2, 4 … times the first lock-out.
      int shift = std::min(r.lockouts, 20);
      int64_t length = std::min(limits_.max_lockout_seconds, limits_.lockout_seconds << shift);
      r.lockouts += 1;
      r.locked_until = now + length;
      r.failures = 0;
      r.prev_failures = 0;
      r.window_start = now;
      r.updated_at = now;
      r.id = tx.putThrottleRecord(r);
      locked.push_back(r);
      wait = std::max(wait, secondsUntil(r.locked_until, now));
    }
  }
  std::lock_guard g(mu_);
  for (const Key& k : keys)
    if (k.row.locked_until > now) remember(memoryKey(k.kind, k.subject), k.row.locked_until, now);
  if (wait > 0) {
    ++stats_.store_refusals;
    stats_.lockouts += locked.size();
    if (locked_now) *locked_now = std::move(locked);
    return wait;
  }
  for (Key& k : keys) {
    k.row.failures += 1;  // the reserved slot: a failure unless the log-in succeeds
    k.row.updated_at = now;
    tx.putThrottleRecord(k.row);
  }
  ++stats_.admissions;
  if (++since_prune_ >= uint64_t(std::max(1, limits_.prune_every))) {
    since_prune_ = 0;
    tx.pruneThrottleRecords(now, now - std::max(limits_.forget_after_seconds, 2 * limits_.window_seconds));
  }
  return 0;
}

void LoginThrottle::succeeded(WriteTx& tx, const std::string& account, const std::string& address, int64_t now) {
  if (auto r = tx.throttleRecord(kAccount, account)) tx.deleteThrottleRecord(r->id);
  if (auto r = tx.throttleRecord(kAddress, address); r && r->locked_until <= now) {
    roll(*r, now, limits_.window_seconds);
    if (r->failures > 0) r->failures -= 1;
    else if (r->prev_failures > 0) r->prev_failures -= 1;
    r->updated_at = now;
    tx.putThrottleRecord(*r);
  }
  std::lock_guard g(mu_);
  forget(memoryKey(kAccount, account));
}

void LoginThrottle::lift(WriteTx& tx, const ThrottleRecord& r) {
  tx.deleteThrottleRecord(r.id);
  std::lock_guard g(mu_);
  forget(memoryKey(r.kind.c_str(), r.subject));
}

LoginThrottle::Stats LoginThrottle::stats() {
  std::lock_guard g(mu_);
  Stats s = stats_;
  s.front_entries = known_.size();
  return s;
}

}  // namespace chibo
