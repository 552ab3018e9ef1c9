#pragma once
// Log-in throttling per account name and per client address, kept in the
// database so every server on it applies the same limits, with a small
// in-process front so a storm of refused attempts costs no database writes.
//
// Each key (an account name as typed, or the address the HTTP layer reports as
// the client's) has a sliding window of failures: the current fixed window plus
// the previous one weighted by how much of it still overlaps. When a key reaches
// its limit it is locked out for `lockout`, doubled at every consecutive
// lock-out up to `max_lockout` (exponential back-off), and the lock-out is
// written to the audit log by the caller. Nothing ever resets keys wholesale:
// rows go only when they are neither locked nor touched for `forget_after`.
//
// Attempts are admitted before the password is hashed: admit() counts the
// attempt as a failure in advance (it reserves a slot), inside the caller's
// write transaction, so N parallel attempts against a limit of L let exactly
// min(N, L) through; a log-in that then succeeds gives its slots back.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace chibo {

struct ThrottleLimits {
  int per_account = 5;                     // failures per account name per window
  int per_address = 20;                    // failures per client address per window
  int64_t window_seconds = 15 * 60;
  int64_t lockout_seconds = 15 * 60;       // the first lock-out; then 30, 60 … minutes
  int64_t max_lockout_seconds = 24 * 3600;
  int64_t forget_after_seconds = 24 * 3600;  // a quiet key starts again from nothing
  // The front remembers at most this many lock-outs (least recently used goes
  // first; forgetting one only means the next attempt asks the database).
  size_t front_capacity = 4096;
  // A remembered lock-out is trusted this long before the database is asked
  // again, so a lift on another server takes effect within it.
  int64_t front_fresh_seconds = 5;
  // Stale rows are pruned once every this many admissions.
  int prune_every = 512;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits = {});

  // Memory only, never the store: the seconds to wait when a lock-out of the
  // account or the address is remembered and fresh, else 0. Cheap enough for
  // an I/O thread.
  int knownWait(const std::string& account, const std::string& address, int64_t now);

  // Inside the caller's write transaction: refuses (returns the seconds to
  // wait) when either key is locked, or locks the key that has reached its
  // limit; otherwise reserves one failure on both keys and returns 0.
  // `locked_now` receives the rows locked by this call (to audit); the caller
  // commits when it is non-empty or when 0 was returned. `user_id` is the
  // account's id when one has this name (it scopes who may lift the lock).
  int admit(WriteTx& tx, const std::string& account, std::optional<Id> user_id, const std::string& address,
            int64_t now, std::vector<ThrottleRecord>* locked_now);

  // The log-in succeeded: the account starts afresh and the address gets its
  // reserved slot back. Inside the caller's write transaction.
  void succeeded(WriteTx& tx, const std::string& account, const std::string& address, int64_t now);

  // Lifts a lock-out: deletes the row (inside the caller's transaction) and
  // forgets it here.
  void lift(WriteTx& tx, const ThrottleRecord& r);

  const ThrottleLimits& limits() const { return limits_; }

  struct Stats {
    size_t front_entries = 0;
    uint64_t front_refusals = 0;   // refused from memory
    uint64_t store_refusals = 0;   // refused after reading the store
    uint64_t admissions = 0;       // slots reserved (each one write)
    uint64_t lockouts = 0;         // lock-outs started by this process
  };
  Stats stats();

 private:
  struct Known {
    int64_t locked_until = 0;
    int64_t confirmed_at = 0;
    std::list<std::string>::iterator lru;
  };
  void remember(const std::string& key, int64_t locked_until, int64_t now);  // mu_ held
  void forget(const std::string& key);                                       // mu_ held
  int waitOf(const std::string& key, int64_t now);                           // mu_ held

  ThrottleLimits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Known> known_;  // GUARDED_BY(mu_)
  std::list<std::string> lru_;                    // GUARDED_BY(mu_), most recent first
  Stats stats_;                                   // GUARDED_BY(mu_)
  uint64_t since_prune_ = 0;                      // GUARDED_BY(mu_)
};

// The key names used in rows and in memory.
std::string throttleAccountKey(const std::string& username);  // lower-cased

}  // namespace chibo
