// chibo serve: the web server.
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/dues/dues.h"
#include "app/oversight/aggregates.h"
#include "app/quality/kept_warnings.h"
#include "app/quality/quality.h"
#include "cli/commands.h"
#include "cli/crash_report.h"
#include "cli/database_file.h"
#include "cli/notice_worker.h"
#include "cli/upgrade.h"
#include "http/access_log.h"
#include "http/server.h"
#include "store/store.h"

namespace chibo::cli {

static int serve(const Settings& s, int activation_days, int idempotency_days, bool allow_root) {
  // A server running as root turns any file-read or code-execution bug into the whole machine;
  // the package's unit runs it as its own user.
  if (::geteuid() == 0 && !allow_root) {
    std::cerr << "Không chạy máy chủ với quyền root. Hãy chạy bằng một tài khoản riêng "
                 "(hoặc thêm --allow-root nếu thật sự cần, ví dụ trong môi trường kiểm thử).\n";
    return 2;
  }
  for (const auto& p : checkSettings(s, true)) std::cerr << p << "\n";
  if (!checkSettings(s, true).empty()) {
    if (!std::filesystem::exists(s.db))
      std::cerr << "Tạo dữ liệu mẫu: chibo demo --db " << s.db << "\n";
    return 2;
  }
  // Rules as data: a bad rule file stops the server before it serves a wrong score.
  auto rules = loadRuleCatalog(s.rules_dir);
  if (!rules) {
    std::cerr << "Lỗi bộ quy tắc trong " << s.rules_dir << ": " << rules.error().message << "\n";
    for (const auto& fe : rules.error().field_errors)
      if (rules.error().message.find(fe.message) == std::string::npos)
        std::cerr << "  " << fe.field << ": " << fe.message << "\n";
    return 2;
  }
  // Held until the process ends: restore refuses a live file, and a second
  // server on the same file is refused here.
  DatabaseLock lock(s.db);
  if (!lock.held()) {
    std::cerr << "Một máy chủ chibo khác đang dùng " << s.db << " (khóa " << s.db << ".lock).\n";
    return 2;
  }
  auto up = upgradeDatabase(s.db, s.backup_dir);
  if (up.from != up.to)
    std::cout << "Đã nâng cấp lược đồ cơ sở dữ liệu từ phiên bản " << up.from << " lên " << up.to
              << (up.backup.empty() ? "" : "; bản sao trước khi nâng cấp: " + up.backup) << std::endl;
  http::configureAccessLog(s.access_log);
  cli::installCrashReport();
  auto store = openSqliteStore({s.db, false, std::max(2, s.threads)});
  http::ApiConfig api_cfg;
  api_cfg.web_dir = s.web_dir;
  api_cfg.activation_days = activation_days;
  api_cfg.idempotency_days = idempotency_days;
  api_cfg.rules = std::make_shared<const RuleCatalog>(std::move(*rules));
  api_cfg.secure_cookie = s.https;
  api_cfg.public_url = s.public_url;
  api_cfg.requests.hsts = s.https;
  api_cfg.requests.trusted_proxies = *http::AddressList::parse(s.trusted_proxies);
  api_cfg.metrics_allow = *http::AddressList::parse(s.metrics_allow);
  api_cfg.metrics_token = s.metrics_token;
  api_cfg.db_path = s.db;
  api_cfg.min_free_bytes = int64_t(s.min_free_mb) << 20;
  // Quality grades in the roll-up and the meeting page's documents deadline come from these
  // rule files; aggregates graded by other files (or never built) are rebuilt now, before the
  // first request waits for it.
  installRuleHooks(api_cfg.rules);
  // Reminders and notices: the outbox's sender and the daily reminder passes, started before the
  // warnings pass below so the warnings it raises are mailed too.
  NoticeWorker notices(*store, s);
  ensureAggregates(*store, DateTime::now());
  // Party dues: the kept month figures of payments written around the use cases (the demo).
  if (api_cfg.rules) ensureDuesAggregates(*store, *api_cfg.rules, DateTime::now());
  // Kept warnings: what the calendar alone raised since the last pass (a month's due day, a
  // probation's end) and what was written around the use cases while the server was stopped (a
  // roster import from the command line, other rule files), judged right after start, then again
  // after each local midnight. The first pass runs beside the server, not before it: it took
  // 192 s on the national bench set, and it commits about 40 cells a transaction, so requests
  // are served meanwhile; /readyz says "not ready" until it is done.
  auto rules_for_pass = api_cfg.rules;
  auto warnings_current = std::make_shared<std::atomic<bool>>(false);
  api_cfg.warnings_current = warnings_current;
  std::jthread daily([&store, rules_for_pass, warnings_current](std::stop_token stop) {
    try {
      auto pass = runWarningPass(*store, *rules_for_pass, DateTime::now(), /*force=*/true);
      if (pass.ran)
        std::cout << "Cảnh báo sớm: đã xét " << pass.cells << " chi bộ, nêu mới " << pass.change.raised
                  << ", khép lại " << pass.change.resolved << "." << std::endl;
    } catch (const std::exception& e) {
      std::cerr << "Lượt xét cảnh báo sau khi khởi động thất bại: " << e.what() << std::endl;
    }
    warnings_current->store(true);
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      // Seconds to the next local midnight (UTC+7, no DST), plus a minute's margin.
      int64_t now = DateTime::now().unix_seconds;
      int64_t local = now + 7 * 3600;
      int64_t wait = 86400 - (local % 86400) + 60;
      std::unique_lock lock(m);
      if (cv.wait_for(lock, stop, std::chrono::seconds(wait), [] { return false; })) break;
      if (stop.stop_requested()) break;
      try {
        runWarningPass(*store, *rules_for_pass, DateTime::now());
      } catch (const std::exception& e) {
        std::cerr << "Lượt xét cảnh báo hằng ngày thất bại: " << e.what() << std::endl;
      }
    }
  });
  http::Api api(*store, std::move(api_cfg));
  std::string host = s.listenHost();
  http::ServerConfig cfg{host, s.listenPort(), s.threads};
  http::runServer(api, cfg, [&](unsigned short bound) {
    std::cout << "chibo đang chạy tại http://" << (host == "0.0.0.0" ? "127.0.0.1" : host) << ":" << bound << "/"
              << std::endl;
  });
  return 0;
}

Command addServeCommand(CLI::App& root, Settings& s) {
  auto* cmd = root.add_subcommand("serve", "Chạy máy chủ web");
  auto activation_days = std::make_shared<int>(14);
  cmd->add_option("--activation-days", *activation_days, "Số ngày mã kích hoạt tài khoản mới còn hiệu lực (mặc định 14)")
      ->check(CLI::Range(1, 365));
  // Idempotency keys: the offline queue of live mode may resend a change days later; a week
  // covers a meeting prepared and held within the 7 days the app keeps it for offline use.
  auto idempotency_days = std::make_shared<int>(7);
  cmd->add_option("--idempotency-days", *idempotency_days,
                  "Số ngày giữ khóa chống gửi trùng của các thay đổi (mặc định 7, tối thiểu 7)")
      ->check(CLI::Range(7, 365));
  auto allow_root = std::make_shared<bool>(false);
  cmd->add_flag("--allow-root", *allow_root, "Cho phép chạy với quyền root (chỉ dùng trong môi trường kiểm thử)");
  return {cmd, [&s, activation_days, idempotency_days, allow_root] {
            return serve(s, *activation_days, *idempotency_days, *allow_root);
          }};
}

}  // namespace chibo::cli
