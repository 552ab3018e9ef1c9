// chibo migrate: bring the database to this build's schema, with a copy
// taken first (cli/upgrade.h). `serve` does the same on start.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/database_file.h"
#include "cli/upgrade.h"
#include "store/store.h"

namespace chibo::cli {

static int migrate(const Settings& s) {
  namespace fs = std::filesystem;
  // A new installation starts here: an empty database with the whole schema.
  if (!fs::exists(s.db)) {
    if (auto parent = fs::path(s.db).parent_path(); !parent.empty()) fs::create_directories(parent);
    openSqliteStore({s.db, true, 1}).reset();
    std::cout << "Đã tạo cơ sở dữ liệu mới " << s.db << " (lược đồ phiên bản " << expectedSchemaVersion()
              << "). Thêm tài khoản quản trị: chibo user add <tên> --role admin\n";
    return 0;
  }
  DatabaseLock lock(s.db);
  if (!lock.held()) {
    std::cerr << "Máy chủ chibo đang chạy trên " << s.db << "; dừng nó trước khi nâng cấp (nó tự nâng cấp khi khởi động).\n";
    return 2;
  }
  auto r = upgradeDatabase(s.db, s.backup_dir);
  if (r.from == r.to) {
    std::cout << "Cơ sở dữ liệu đã ở phiên bản mới nhất (" << r.to << ").\n";
    return 0;
  }
  std::cout << "Đã nâng cấp lược đồ từ phiên bản " << r.from << " lên " << r.to << ".\n";
  if (!r.backup.empty()) std::cout << "Bản sao trước khi nâng cấp: " << r.backup << "\n";
  return 0;
}

Command addMigrateCommand(CLI::App& root, Settings& s) {
  auto* m = root.add_subcommand("migrate", "Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu (sao lưu trước khi nâng cấp)");
  return {m, [&s] { return migrate(s); }};
}

}  // namespace chibo::cli
