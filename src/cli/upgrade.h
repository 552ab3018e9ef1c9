#pragma once
// Starting a newer chibo on an older database: the file is copied first
// (chibo-<time>-before-v<N>.db in the backup directory), then every pending
// migration runs in one transaction, so a migration that fails leaves the
// file exactly as it was and the copy is there besides.
#include <string>

namespace chibo::cli {

struct UpgradeResult {
  long long from = 0, to = 0;
  std::string backup;  // "" when nothing was pending
};

// Brings `db` to the current schema. Throws std::runtime_error (Vietnamese)
// when the file is newer than this build or a migration fails.
UpgradeResult upgradeDatabase(const std::string& db, const std::string& backup_dir);

}  // namespace chibo::cli
