// chibo backup: a consistent copy of the database while the server runs,
// with its SHA-256 beside it; into --out, or a timestamped file in the backup
// directory keeping the newest N (what the systemd timer runs nightly).
#include <iostream>

#include "cli/commands.h"
#include "cli/database_file.h"

namespace chibo::cli {

static int backup(const Settings& s, const std::string& out) {
  std::string target = out.empty() ? backupPath(s.backup_dir) : out;
  backupDatabase(s.db, target);
  std::cout << "Đã sao lưu " << s.db << " vào " << target << " (kèm " << target << ".sha256)\n";
  if (out.empty())
    for (const auto& old : rotateBackups(s.backup_dir, s.backup_keep)) std::cout << "Đã xóa bản sao cũ " << old << "\n";
  return 0;
}

Command addBackupCommand(CLI::App& root, Settings& s) {
  auto* b = root.add_subcommand("backup", "Sao lưu cơ sở dữ liệu khi đang chạy");
  auto out = std::make_shared<std::string>();
  b->add_option("--out", *out, "Tệp sao lưu (mặc định: tệp mới theo giờ trong --backup-dir, giữ --backup-keep bản)");
  b->add_option("--keep", s.backup_keep, "Số bản sao lưu giữ lại (như --backup-keep)")->check(CLI::Range(1, 10000));
  return {b, [&s, out] { return backup(s, *out); }};
}

}  // namespace chibo::cli
