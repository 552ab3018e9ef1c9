#pragma once
// Operations on the database file as a whole, outside any server: its schema
// version, a consistent copy with a checksum, and the lock a server holds so
// nothing replaces the file under it. None of these migrates the file.
#include <cstdint>
#include <string>
#include <vector>

namespace chibo::cli {

// The newest migration this build knows.
int64_t expectedSchemaVersion();

// The schema version recorded in `db` (0 for a file without migrations).
// Opens it read-only; throws std::runtime_error when it is not a database.
int64_t schemaVersionOf(const std::string& db);

// "ok" or the first problems PRAGMA integrity_check reports.
std::string integrityOf(const std::string& db);

// Copies `db` to `out` with VACUUM INTO: one read transaction, so the copy is
// the database as of one moment even while a server writes; the source is
// only read. Writes `out`.sha256 in sha256sum's format. Refuses an existing
// `out`. Throws std::runtime_error with a Vietnamese message.
void backupDatabase(const std::string& db, const std::string& out);

// SHA-256 of a file, lower-case hex.
std::string sha256OfFile(const std::string& path);

// The hash recorded in `backup`.sha256 ("" when there is none).
std::string recordedSha256(const std::string& backup);

// Backups made by `chibo backup --dir` in `dir`, oldest first.
std::vector<std::string> backupsIn(const std::string& dir);

// Deletes all but the newest `keep` backups in `dir` (with their checksums);
// returns the deleted paths.
std::vector<std::string> rotateBackups(const std::string& dir, int keep);

// A timestamped name for a backup in `dir`: chibo-20260305-193000.db, with a
// "-before-vN" tag when taken before an upgrade.
std::string backupPath(const std::string& dir, const std::string& tag = "");

// An advisory lock (fcntl, on `db`.lock) held by a running server for its
// lifetime, so restore and a second server can tell the file is live. The
// kernel drops it when the process dies, however it dies.
class DatabaseLock {
 public:
  // Tries to take the lock; held() says whether it was.
  explicit DatabaseLock(const std::string& db);
  ~DatabaseLock();
  DatabaseLock(const DatabaseLock&) = delete;
  DatabaseLock& operator=(const DatabaseLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace chibo::cli
