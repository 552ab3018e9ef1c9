#pragma once
// Sending what the outbox holds, and the daily passes that only the calendar
// makes due (task reminders, digests).
//
// Delivery is at least once: a message is marked sent in the database right
// after its channel accepted it (for e-mail: the SMTP server answered 250 to
// the message), so a restart never sends a message marked sent again. A crash
// in the moment between the server's 250 and that commit (a few milliseconds)
// leaves the row unsent and it goes out a second time; nothing is lost.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "domain/notice/message.h"
#include "store/store.h"

namespace chibo {

// One way of reaching a person (e-mail; a deployment with a provider may add SMS or Zalo).
class Channel {
 public:
  virtual ~Channel() = default;
  virtual std::string name() const = 0;  // the outbox rows' `channel`
  struct Outcome {
    bool sent = false;
    std::string error;       // why not, for last_error and the log
    bool permanent = false;  // the address was refused: retrying cannot help
  };
  virtual Outcome send(const OutboxMessage& m) = 0;
};

// Counters for /metrics, since the process started.
struct OutboxMetrics {
  std::atomic<int64_t> sent{0}, failed_attempts{0}, given_up{0};
  std::atomic<int64_t> queued{0};  // a gauge: set by the worker from the outbox every few seconds
};
OutboxMetrics& outboxMetrics();

class OutboxWorker {
 public:
  OutboxWorker(Store& store, std::vector<std::unique_ptr<Channel>> channels, RetryPolicy retry);
  // Hands every message due at `now` (up to `batch`) to its channel and records the outcome.
  // Returns how many were handled.
  int runOnce(DateTime now, int batch = 100);

 private:
  void record(const OutboxMessage& m, const Channel::Outcome& r, DateTime now);
  Channel* channel(const std::string& name);
  Store& store_;
  std::vector<std::unique_ptr<Channel>> channels_;
  RetryPolicy retry_;
};

// Task reminders: once per task, "due within three days" for pending tasks due in [today, today+3],
// "overdue" for those whose deadline passed in the last seven days (a server stopped a few days
// catches up; older ones the early warnings already show). Returns the notices written. Skipped when
// already run today unless `force`.
int runTaskReminders(Store& store, DateTime now, bool force = false);

// Digests: after `hour` (local) each day, one e-mail per person who chose the digest and has
// notices waiting, listing them; the notices are marked as carried in the same transaction.
// Returns the e-mails queued; skipped when already run today.
int runDigests(Store& store, DateTime now, int hour);

}  // namespace chibo
