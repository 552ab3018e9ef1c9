// chibo demo: the demo data set (Phường Tân Định), or a synthetic one at
// ward, province or national scale for the benchmarks.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/auth/password.h"
#include "app/demo/demo.h"
#include "app/demo/demo_dues.h"
#include "app/demo/demo_review.h"
#include "app/quality/quality.h"
#include "app/scale/scale.h"
#include "cli/commands.h"
#include "store/store.h"

namespace chibo::cli {
namespace fs = std::filesystem;

namespace {

struct DemoOptions {
  uint64_t seed = 20090422;
  bool force = false;
  std::string scale;
  std::optional<int> months;
};

// Refuses an existing file unless forced; removes it (with its WAL) if forced.
bool makeRoom(const std::string& db, bool force) {
  if (!fs::exists(db)) return true;
  if (!force) {
    std::cerr << "Tệp " << db << " đã tồn tại. Dùng --force để ghi đè.\n";
    return false;
  }
  for (auto suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  return true;
}

int demo(const std::string& db, const std::string& rules_dir, const DemoOptions& o) {
  if (!makeRoom(db, o.force)) return 2;
  // The demo's dues and its finished year-end review follow the rule files the server will read.
  auto rules = loadRuleCatalog(rules_dir);
  if (!rules) {
    std::cerr << "Lỗi bộ quy tắc trong " << rules_dir << ": " << rules.error().message << "\n";
    return 2;
  }
  if (auto parent = fs::path(db).parent_path(); !parent.empty()) fs::create_directories(parent);
  auto store = openSqliteStore({db, true, 1});
  auto tx = store->write();
  const Date today = Date::today();
  auto summary = loadDemo(*tx, o.seed, today, /*with_admission=*/true);
  if (!rules->dues.empty()) loadDemoDues(*tx, o.seed, today, rules->dues);  // a year of party dues
  if (const auto* r = reviewRulesOn(rules->review, *Date::fromYmd(today.year() - 1, 12, 31)))
    loadDemoReview(*tx, *r, summary.ward_id, today);
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

// A synthetic data set for the benchmarks (app/scale/scale.h), written through the bulk loader.
int demoScale(const std::string& db, const DemoOptions& o) {
  auto spec = scale::specByName(o.scale);
  if (!spec) {
    std::cerr << "Quy mô không hợp lệ: " << o.scale << " (ward|province|national)\n";
    return 2;
  }
  if (o.months) spec->months = std::max(1, *o.months);
  if (!makeRoom(db, o.force)) return 2;
  auto t0 = std::chrono::steady_clock::now();
  std::string hash = hashPassword(scale::kScalePassword);
  auto loader = openBulkLoad({db, spec->name != "national", 256});
  auto sum = scale::generate(*loader, *spec, o.seed, Date::today(), hash);
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

}  // namespace

Command addDemoCommand(CLI::App& root, Settings& s) {
  auto* d = root.add_subcommand("demo", "Tạo cơ sở dữ liệu mẫu (Phường Tân Định)");
  auto o = std::make_shared<DemoOptions>();
  d->add_option("--seed", o->seed, "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu)");
  d->add_flag("--force", o->force, "Ghi đè tệp đã có");
  d->add_option("--scale", o->scale, "Dữ liệu tổng hợp cho đo hiệu năng: ward|province|national")
      ->check(CLI::IsMember({"ward", "province", "national"}));
  d->add_option("--months", o->months, "Số tháng lịch sử họp (với --scale; mặc định 36)");
  return {d, [&s, o] { return o->scale.empty() ? demo(s.db, s.rules_dir, *o) : demoScale(s.db, *o); }};
}

}  // namespace chibo::cli
