#include "cli/database_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "domain/date.h"
#include "store/migrations.h"

namespace chibo::cli {
namespace fs = std::filesystem;

namespace {

// A connection that only reads: query_only refuses any write through it.
// (SQLITE_OPEN_READONLY cannot open a WAL database whose -shm file does not
// exist yet, which is every cleanly closed one.)
struct ReadOnly {
  sqlite3* db = nullptr;
  explicit ReadOnly(const std::string& path) {
    if (!fs::exists(path)) throw std::runtime_error("Không tìm thấy tệp " + path + ".");
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      throw std::runtime_error("Không mở được " + path + ": " + sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "PRAGMA query_only=ON", nullptr, nullptr, nullptr);
  }
  ~ReadOnly() { sqlite3_close(db); }
  // The first column of each row of `sql`, as text.
  std::vector<std::string> column(const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("Tệp không phải cơ sở dữ liệu chibo: ") + sqlite3_errmsg(db));
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      auto t = sqlite3_column_text(st, 0);
      out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("Lỗi khi đọc cơ sở dữ liệu: ") + sqlite3_errmsg(db));
    return out;
  }
};

std::string hex(const unsigned char* b, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += digits[b[i] >> 4], s += digits[b[i] & 15];
  return s;
}

bool isBackupName(const std::string& name) {
  return name.rfind("chibo-", 0) == 0 && name.size() > 9 && name.substr(name.size() - 3) == ".db";
}

}  // namespace

int64_t expectedSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

int64_t schemaVersionOf(const std::string& db) {
  ReadOnly c(db);
  auto has = c.column("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (has.empty()) return 0;
  auto v = c.column("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return v.empty() ? 0 : std::stoll(v.front());
}

std::string integrityOf(const std::string& db) {
  ReadOnly c(db);
  auto rows = c.column("PRAGMA integrity_check(20)");
  std::string out;
  for (const auto& r : rows) out += (out.empty() ? "" : "; ") + r;
  return out;
}

std::string sha256OfFile(const std::string& path) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("Không đọc được " + path + ".");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::vector<char> buf(1 << 16);
  while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0)
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), size_t(in.gcount()));
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  return hex(out, sizeof out);
}

std::string recordedSha256(const std::string& backup) {
  std::ifstream in(backup + ".sha256");
  std::string h;
  in >> h;
  return h;
}

void backupDatabase(const std::string& db, const std::string& out) {
  if (fs::exists(out)) throw std::runtime_error("Tệp " + out + " đã tồn tại; chọn tên khác.");
  if (auto parent = fs::path(out).parent_path(); !parent.empty()) fs::create_directories(parent);
  std::string partial = out + ".partial";
  fs::remove(partial);
  {
    // Opened without the store: no migration, no pragma that changes the
    // file. (query_only would refuse VACUUM INTO itself, which only reads
    // this database.)
    if (!fs::exists(db)) throw std::runtime_error("Không tìm thấy cơ sở dữ liệu " + db + ".");
    sqlite3* c = nullptr;
    if (sqlite3_open_v2(db.c_str(), &c, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      std::string e = sqlite3_errmsg(c);
      sqlite3_close(c);
      throw std::runtime_error("Không mở được " + db + ": " + e);
    }
    sqlite3_busy_timeout(c, 10000);
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(c, "VACUUM INTO ?1", -1, &st, nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(st, 1, partial.c_str(), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step(st);
    }
    std::string e = sqlite3_errmsg(c);
    sqlite3_finalize(st);
    sqlite3_close(c);
    if (rc != SQLITE_DONE) {
      fs::remove(partial);
      throw std::runtime_error("Sao lưu thất bại: " + e);
    }
  }
  // The copy is complete on disk before it takes its final name, so a backup
  // that exists under that name is never half written.
  int fd = ::open(partial.c_str(), O_RDONLY);
  if (fd >= 0) ::fsync(fd), ::close(fd);
  auto sum = sha256OfFile(partial);
  fs::rename(partial, out);
  std::ofstream(out + ".sha256") << sum << "  " << fs::path(out).filename().string() << "\n";
}

std::vector<std::string> backupsIn(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && isBackupName(e.path().filename().string())) out.push_back(e.path().string());
  // Oldest first by the time each was written (names have only whole seconds).
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    std::error_code e1, e2;
    auto ta = fs::last_write_time(a, e1), tb = fs::last_write_time(b, e2);
    return ta != tb ? ta < tb : a < b;
  });
  return out;
}

std::vector<std::string> rotateBackups(const std::string& dir, int keep) {
  auto all = backupsIn(dir);
  std::vector<std::string> removed;
  if (keep < 1 || int(all.size()) <= keep) return removed;
  for (size_t i = 0; i + size_t(keep) < all.size(); ++i) {
    fs::remove(all[i]);
    fs::remove(all[i] + ".sha256");
    removed.push_back(all[i]);
  }
  return removed;
}

std::string backupPath(const std::string& dir, const std::string& tag) {
  auto now = DateTime::now();
  std::string iso = now.iso();  // 2026-03-05T19:30:00+07:00, local to Asia/Ho_Chi_Minh
  std::string stamp = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "-" + iso.substr(11, 2) +
                      iso.substr(14, 2) + iso.substr(17, 2);
  std::string base = (fs::path(dir) / ("chibo-" + stamp + tag)).string();
  std::string path = base + ".db";
  for (int n = 2; fs::exists(path); ++n) path = base + "-" + std::to_string(n) + ".db";
  return path;
}

DatabaseLock::DatabaseLock(const std::string& db) {
  std::string path = db + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) return;
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  // An open-file-description lock: owned by this descriptor, not the whole
  // process, so a second lock taken in the same process is refused too.
  if (::fcntl(fd_, F_OFD_SETLK, &fl) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

DatabaseLock::~DatabaseLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace chibo::cli
