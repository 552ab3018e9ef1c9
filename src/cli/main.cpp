// chibo: serve the app, create the demo data set, manage accounts, migrate
// and back up the database.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/auth/password.h"
#include "app/demo/demo.h"
#include "app/oversight/aggregates.h"
#include "app/quality/quality.h"
#include "app/scale/scale.h"
#include "app/users/users.h"
#include "cli/crash_report.h"
#include "cli/import_commands.h"
#include "http/server.h"
#include "store/sqlite/sqlite_db.h"

using namespace chibo;

#ifndef CHIBO_WEB_DIR
#define CHIBO_WEB_DIR ""
#endif
#ifndef CHIBO_RULES_DIR
#define CHIBO_RULES_DIR "rules"
#endif

static int serve(const std::string& db, const std::string& host, unsigned short port, const std::string& web,
                 int threads, const std::string& rules_dir, int activation_days) {
  if (!std::filesystem::exists(db)) {
    std::cerr << "Không tìm thấy cơ sở dữ liệu " << db << ". Tạo dữ liệu mẫu: chibo demo --db " << db << "\n";
    return 2;
  }
  // Rules as data (issue 4): a bad rule file stops the server before it serves a wrong score.
  auto rules = loadRuleCatalog(rules_dir);
  if (!rules) {
    std::cerr << "Lỗi bộ quy tắc trong " << rules_dir << ": " << rules.error().message << "\n";
    for (const auto& fe : rules.error().field_errors)
      if (rules.error().message.find(fe.message) == std::string::npos)
        std::cerr << "  " << fe.field << ": " << fe.message << "\n";
    return 2;
  }
  cli::installCrashReport();
  auto store = openSqliteStore({db, false, std::max(2, threads)});
  http::ApiConfig api_cfg{web};
  api_cfg.activation_days = activation_days;
  api_cfg.rules = std::make_shared<const RuleCatalog>(std::move(*rules));
  // Quality grades in the roll-up and the meeting page's documents deadline come from these
  // rule files; aggregates graded by other files (or never built) are rebuilt now, before the
  // first request waits for it.
  installRuleHooks(api_cfg.rules);
  ensureAggregates(*store, DateTime::now());
  http::Api api(*store, std::move(api_cfg));
  http::ServerConfig cfg{host, port, threads};
  http::runServer(api, cfg, [&](unsigned short bound) {
    std::cout << "chibo đang chạy tại http://" << (host == "0.0.0.0" ? "127.0.0.1" : host) << ":" << bound << "/"
              << std::endl;
  });
  return 0;
}

static int demo(const std::string& db, uint64_t seed, bool force) {
  namespace fs = std::filesystem;
  if (fs::exists(db)) {
    if (!force) {
      std::cerr << "Tệp " << db << " đã tồn tại. Dùng --force để ghi đè.\n";
      return 2;
    }
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  }
  if (auto parent = fs::path(db).parent_path(); !parent.empty()) fs::create_directories(parent);
  auto store = openSqliteStore({db, true, 1});
  auto tx = store->write();
  auto summary = loadDemo(*tx, seed, Date::today());
  tx->commit();
  std::ostringstream logins;
  logins << "Tài khoản mẫu (mật khẩu chung: " << (summary.accounts.empty() ? "" : summary.accounts.front().password)
         << "):\n";
  for (auto& a : summary.accounts)
    logins << "  " << a.username << std::string(a.username.size() < 18 ? 18 - a.username.size() : 1, ' ')
           << a.description << "\n";
  std::cout << "Đã tạo dữ liệu mẫu: " << summary.cells << " chi bộ, " << summary.members << " đảng viên ("
            << summary.serving << " đương chức) trong " << db << "\n\n" << logins.str();
  // `make run` shows these again on later starts.
  std::ofstream(db + ".logins.txt") << logins.str();
  return 0;
}

// chibo demo --scale ward|province|national: a synthetic data set for the
// benchmarks (app/scale/scale.h), written through the bulk loader.
static int demoScale(const std::string& db, const std::string& name, uint64_t seed, bool force,
                     std::optional<int> months) {
  namespace fs = std::filesystem;
  auto spec = scale::specByName(name);
  if (!spec) {
    std::cerr << "Quy mô không hợp lệ: " << name << " (ward|province|national)\n";
    return 2;
  }
  if (months) spec->months = std::max(1, *months);
  if (fs::exists(db)) {
    if (!force) {
      std::cerr << "Tệp " << db << " đã tồn tại. Dùng --force để ghi đè.\n";
      return 2;
    }
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  }
  auto t0 = std::chrono::steady_clock::now();
  std::string hash = hashPassword(scale::kScalePassword);
  auto loader = openBulkLoad({db, spec->name != "national", 256});
  auto sum = scale::generate(*loader, *spec, seed, Date::today(), hash);
  auto st = loader->finish();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::ostringstream logins;
  logins << "Tài khoản mẫu (mật khẩu chung: " << scale::kScalePassword << "; " << sum.accounts_total
         << " tài khoản: canbo.wN, bithu.wN cho mỗi phường N, tinhuy.pN cho mỗi tỉnh N):\n";
  for (auto& a : sum.accounts)
    logins << "  " << a.username << std::string(a.username.size() < 18 ? 18 - a.username.size() : 1, ' ')
           << a.description << "\n";
  std::cout << "Đã tạo dữ liệu tổng hợp \"" << spec->name << "\": " << sum.wards << " phường, " << sum.cells
            << " chi bộ, " << sum.members << " đảng viên, " << sum.meetings << " cuộc họp, " << sum.attendance_rows
            << " lượt điểm danh trong " << db << "\n\n" << logins.str();
  // One line for bench/run to read.
  std::cout << "scale=" << spec->name << " seconds=" << secs << " load_seconds=" << st.load_seconds
            << " index_seconds=" << st.index_seconds << " check_seconds=" << st.check_seconds
            << " aggregate_seconds=" << st.aggregate_seconds << " rows=" << st.rows
            << " bytes=" << st.file_bytes << " orgs=" << sum.orgs << " wards=" << sum.wards << " cells=" << sum.cells
            << " members=" << sum.members << " meetings=" << sum.meetings << " attendance=" << sum.attendance_rows
            << " first_ward=" << sum.first_ward_id << "\n";
  std::ofstream(db + ".logins.txt") << logins.str();
  return 0;
}

static int userAdd(const std::string& db, const std::string& username, const std::string& role,
                   std::optional<Id> org, std::optional<Id> member, const std::string& display) {
  auto r = userRoleFromCode(role);
  if (!r) {
    std::cerr << "Vai trò không hợp lệ: " << role << " (admin|committee|monitor|cell|member)\n";
    return 2;
  }
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    std::cerr << "Nhập mật khẩu qua đầu vào chuẩn, ví dụ: echo 'mat-khau-dai' | chibo user add ...\n";
    return 2;
  }
  auto store = openSqliteStore({db, false, 1});
  Caller system{Principal{0, "system", std::nullopt, {}, {}, std::nullopt}, DateTime::now()};
  auto u = createUser(*store, system, {username, password, display, *r, org, member});
  if (!u) {
    std::cerr << "Không tạo được tài khoản: " << u.error().message << "\n";
    for (auto& f : u.error().field_errors) std::cerr << "  " << f.field << ": " << f.message << "\n";
    return 1;
  }
  std::cout << "Đã tạo tài khoản " << u->username << " (id " << u->id << ")\n";
  return 0;
}

static int backup(const std::string& db, const std::string& out) {
  // VACUUM INTO writes a consistent, compact copy while the server keeps running.
  auto store = openSqliteStore({db, false, 1});
  sqlite::Conn c(db, false);
  std::string esc;
  for (char ch : out) esc += ch == '\'' ? std::string("''") : std::string(1, ch);
  c.exec("VACUUM INTO '" + esc + "'");
  std::cout << "Đã sao lưu " << db << " vào " << out << "\n";
  return 0;
}

int main(int argc, char** argv) {
  CLI::App app{"chibo — quản lý sinh hoạt chi bộ"};
  app.require_subcommand(1);
  std::string db = "data/chibo.db";

  auto* s = app.add_subcommand("serve", "Chạy máy chủ web");
  std::string host = "127.0.0.1", web = CHIBO_WEB_DIR;
  unsigned short port = 8080;
  int threads = 2;
  s->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite");
  s->add_option("--host", host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  s->add_option("--port", port, "Cổng (0: hệ điều hành chọn một cổng trống và in ra)");
  s->add_option("--web", web, "Thư mục giao diện web đã xây dựng");
  s->add_option("--threads", threads, "Số luồng xử lý HTTP");
  std::string rules_dir = CHIBO_RULES_DIR;
  std::string now_at;
  const char* now_help = "Chạy với đồng hồ bắt đầu tại thời điểm này (ISO 8601, cho kiểm thử), ví dụ 2026-03-05T06:00+07:00";
  s->add_option("--now", now_at, now_help);
  s->add_option("--rules", rules_dir, "Thư mục bộ quy tắc (rules/*.json)");
  int activation_days = 14;
  s->add_option("--activation-days", activation_days, "Số ngày mã kích hoạt tài khoản mới còn hiệu lực (mặc định 14)")
      ->check(CLI::Range(1, 365));

  auto* d = app.add_subcommand("demo", "Tạo cơ sở dữ liệu mẫu (Phường Tân Định)");
  uint64_t seed = 20090422;
  bool force = false;
  d->add_option("--db", db, "Tệp cơ sở dữ liệu mới");
  d->add_option("--seed", seed, "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu)");
  d->add_flag("--force", force, "Ghi đè tệp đã có");
  d->add_option("--now", now_at, now_help);
  std::string scale_name;
  std::optional<int> months;
  d->add_option("--scale", scale_name, "Dữ liệu tổng hợp cho đo hiệu năng: ward|province|national")
      ->check(CLI::IsMember({"ward", "province", "national"}));
  d->add_option("--months", months, "Số tháng lịch sử họp (với --scale; mặc định 36)");

  auto* u = app.add_subcommand("user", "Quản lý tài khoản");
  auto* ua = u->add_subcommand("add", "Thêm tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  u->require_subcommand(1);
  std::string username, role = "member", display;
  std::optional<Id> org, member;
  ua->add_option("username", username, "Tên đăng nhập")->required();
  ua->add_option("--db", db, "Tệp cơ sở dữ liệu");
  ua->add_option("--role", role, "admin|committee|monitor|cell|member")->required();
  ua->add_option("--org", org, "Mã tổ chức gắn quyền");
  ua->add_option("--member", member, "Mã hồ sơ đảng viên");
  ua->add_option("--name", display, "Tên hiển thị");

  auto* m = app.add_subcommand("migrate", "Nâng cấp lược đồ cơ sở dữ liệu");
  m->add_option("--db", db, "Tệp cơ sở dữ liệu");
  auto* b = app.add_subcommand("backup", "Sao lưu cơ sở dữ liệu khi đang chạy");
  std::string out;
  b->add_option("--db", db, "Tệp cơ sở dữ liệu");
  b->add_option("--out", out, "Tệp sao lưu")->required();

  chibo::cli::addImportCommands(app);  // import, export-roster

  CLI11_PARSE(app, argc, argv);
  if (!now_at.empty()) {
    auto at = DateTime::parseIso(now_at);
    if (!at) {
      std::cerr << "Thời điểm --now không hợp lệ: " << now_at << " (ví dụ 2026-03-05T06:00+07:00)\n";
      return 2;
    }
    setClockOffset(at->unix_seconds - DateTime::now().unix_seconds);
  }
  try {
    if (s->parsed()) return serve(db, host, port, web, threads, rules_dir, activation_days);
    if (d->parsed()) return scale_name.empty() ? demo(db, seed, force) : demoScale(db, scale_name, seed, force, months);
    if (ua->parsed()) return userAdd(db, username, role, org, member, display);
    if (m->parsed()) {
      openSqliteStore({db, false, 1});
      std::cout << "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n";
      return 0;
    }
    if (b->parsed()) return backup(db, out);
  } catch (const std::exception& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
