#include "cli/upgrade.h"

#include <filesystem>
#include <stdexcept>

#include "cli/database_file.h"
#include "store/store.h"

namespace chibo::cli {

UpgradeResult upgradeDatabase(const std::string& db, const std::string& backup_dir) {
  UpgradeResult r;
  r.from = schemaVersionOf(db);
  r.to = expectedSchemaVersion();
  if (r.from > r.to)
    throw std::runtime_error("Cơ sở dữ liệu ở phiên bản lược đồ " + std::to_string(r.from) +
                             ", mới hơn phiên bản chương trình này hiểu (" + std::to_string(r.to) +
                             "). Hãy cài phiên bản chibo mới hơn.");
  if (r.from == r.to) return r;
  // A file without any migration is a new, empty database: nothing to keep.
  if (r.from > 0) {
    std::string dir = backup_dir.empty() ? std::filesystem::path(db).parent_path().string() : backup_dir;
    r.backup = backupPath(dir.empty() ? "." : dir, "-before-v" + std::to_string(r.to));
    backupDatabase(db, r.backup);
  }
  try {
    openSqliteStore({db, false, 1}).reset();
  } catch (const std::exception& e) {
    throw std::runtime_error("Nâng cấp lược đồ thất bại, tệp giữ nguyên phiên bản " + std::to_string(r.from) +
                             (r.backup.empty() ? "" : " (bản sao trước khi nâng cấp: " + r.backup + ")") + ": " +
                             e.what());
  }
  return r;
}

}  // namespace chibo::cli
