// chibo restore: put a backup in place of the database. Checked before
// anything is touched: the checksum written with the backup, SQLite's
// integrity check, a schema this build can run; and no server may hold the
// file. The file it replaces is kept beside it, not deleted.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/database_file.h"

namespace chibo::cli {
namespace fs = std::filesystem;

namespace {

struct RestoreOptions {
  std::string from;
  bool no_checksum = false;
};

int restore(const Settings& s, const RestoreOptions& o) {
  if (!fs::is_regular_file(o.from)) {
    std::cerr << "Không tìm thấy bản sao lưu " << o.from << ".\n";
    return 2;
  }
  auto recorded = recordedSha256(o.from);
  if (recorded.empty() && !o.no_checksum) {
    std::cerr << "Thiếu tệp kiểm tra " << o.from << ".sha256 (dùng --no-checksum nếu chắc chắn về bản sao).\n";
    return 2;
  }
  if (!recorded.empty() && sha256OfFile(o.from) != recorded) {
    std::cerr << "Bản sao lưu " << o.from << " không khớp mã kiểm tra SHA-256: tệp đã bị hỏng hoặc bị sửa.\n";
    return 2;
  }
  auto integrity = integrityOf(o.from);
  if (integrity != "ok") {
    std::cerr << "Bản sao lưu hỏng (kiểm tra toàn vẹn): " << integrity << "\n";
    return 2;
  }
  auto version = schemaVersionOf(o.from);
  if (version == 0 || version > expectedSchemaVersion()) {
    std::cerr << "Bản sao lưu ở phiên bản lược đồ " << version << ", chương trình này chạy được từ 1 đến "
              << expectedSchemaVersion() << ".\n";
    return 2;
  }
  if (auto parent = fs::path(s.db).parent_path(); !parent.empty()) fs::create_directories(parent);
  DatabaseLock lock(s.db);  // held while the file is swapped: no server can start meanwhile
  if (!lock.held()) {
    std::cerr << "Máy chủ chibo đang chạy trên " << s.db << "; dừng nó (systemctl stop chibo) rồi khôi phục.\n";
    return 2;
  }
  // Copy beside the target, flush, then rename over it: the database is the
  // old file or the whole backup, never a mixture.
  std::string incoming = s.db + ".restoring";
  fs::copy_file(o.from, incoming, fs::copy_options::overwrite_existing);
  if (int fd = ::open(incoming.c_str(), O_RDONLY); fd >= 0) ::fsync(fd), ::close(fd);
  std::string kept;
  if (fs::exists(s.db)) {
    kept = backupPath(fs::path(s.db).parent_path().empty() ? "." : fs::path(s.db).parent_path().string(),
                      "-replaced");
    // A WAL left by the old file belongs to it, not to the restored one.
    fs::rename(s.db, kept);
    for (auto suffix : {"-wal", "-shm"})
      if (fs::exists(s.db + suffix)) fs::rename(s.db + suffix, kept + suffix);
  }
  fs::rename(incoming, s.db);
  if (int dir = ::open(fs::absolute(s.db).parent_path().c_str(), O_RDONLY); dir >= 0) ::fsync(dir), ::close(dir);
  std::cout << "Đã khôi phục " << s.db << " từ " << o.from << " (lược đồ phiên bản " << version << ").\n";
  if (!kept.empty()) std::cout << "Tệp cũ được giữ lại: " << kept << "\n";
  if (version < expectedSchemaVersion()) std::cout << "Máy chủ sẽ nâng cấp lược đồ khi khởi động.\n";
  return 0;
}

}  // namespace

Command addRestoreCommand(CLI::App& root, Settings& s) {
  auto* r = root.add_subcommand("restore", "Khôi phục cơ sở dữ liệu từ bản sao lưu (máy chủ phải dừng)");
  auto o = std::make_shared<RestoreOptions>();
  r->add_option("--from", o->from, "Tệp sao lưu")->required();
  r->add_flag("--no-checksum", o->no_checksum, "Chấp nhận bản sao không có tệp .sha256");
  return {r, [&s, o] { return restore(s, *o); }};
}

}  // namespace chibo::cli
