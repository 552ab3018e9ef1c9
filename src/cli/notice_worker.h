#pragma once
// The thread of `chibo serve` that sends the outbox and runs the daily
// reminder passes (task deadlines, digests). Stops when destroyed.
#include <memory>
#include <thread>

#include "cli/settings.h"
#include "store/store.h"

namespace chibo::cli {

class NoticeWorker {
 public:
  // Installs the notice configuration (whether e-mail goes out, the public address) for the use
  // cases, then starts the thread.
  NoticeWorker(Store& store, const Settings& s);
  ~NoticeWorker();

 private:
  std::jthread thread_;
};

}  // namespace chibo::cli
