#include "cli/notice_worker.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "app/notices/notices.h"
#include "app/notices/outbox_worker.h"
#include "cli/smtp_channel.h"

namespace chibo::cli {

NoticeWorker::NoticeWorker(Store& store, const Settings& s) {
  bool email = !s.smtp_url.empty();
  setNoticeConfig({email, s.public_url});
  std::vector<std::unique_ptr<Channel>> channels;
  if (email) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    channels.push_back(makeSmtpChannel({s.smtp_url, s.smtp_user, s.smtp_password, s.smtp_from, s.smtp_tls != "none"}));
  }
  RetryPolicy retry{s.notify_retry_seconds, 3600, s.notify_max_attempts};
  int digest_hour = s.notify_digest_hour;
  auto worker = std::make_shared<OutboxWorker>(store, std::move(channels), retry);
  thread_ = std::jthread([&store, worker, digest_hour](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    auto last_count = std::chrono::steady_clock::time_point{};
    auto last_daily = std::chrono::steady_clock::time_point{};
    bool first = true;
    while (!stop.stop_requested()) {
      try {
        DateTime now = DateTime::now();
        // The calendar's reminders: once a local day (the store keeps the day, so a restart the
        // same day does not repeat them; the dedupe keys keep any repeat from reaching anyone).
        // At start the pass runs whatever the day (tasks written while the server was stopped).
        // Asking the store whether the day's passes ran is done once a minute, not on every
        // quarter-second turn that drains the outbox.
        if (first || std::chrono::steady_clock::now() - last_daily > std::chrono::minutes(1)) {
          runTaskReminders(store, now, first);
          runDigests(store, now, digest_hour);
          first = false;
          last_daily = std::chrono::steady_clock::now();
        }
        // Drain what is due, then wait a moment: a quarter second's delay at most for a new message.
        while (!stop.stop_requested() && worker->runOnce(DateTime::now()) >= 100) {
        }
        if (std::chrono::steady_clock::now() - last_count > std::chrono::seconds(10)) {
          outboxMetrics().queued = store.read()->outboxCounts().queued;
          last_count = std::chrono::steady_clock::now();
        }
      } catch (const std::exception& e) {
        spdlog::error("notices: {}", e.what());
      }
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, std::chrono::milliseconds(250), [] { return false; });
    }
  });
}

NoticeWorker::~NoticeWorker() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace chibo::cli
