#pragma once
// A SQLite VFS that wraps the default one and injects storage faults, in the
// manner of LevelDB's FaultInjectionTestEnv: every call goes to the real file,
// except that the Nth write, the Nth sync, or every write once the "disk" is
// full, fails with the error a real disk would give.
//
// Contract:
// - install() registers the shim as SQLite's default VFS, so a store opened
//   afterwards through openSqliteStore uses it; uninstall() (or the
//   destructor) restores the previous default. Open stores before install()
//   keep the VFS they were opened with; close stores opened under the shim
//   before uninstalling it.
// - Counters count calls since the last arm*/clear(), across every file
//   (main database, WAL, journals). Faults are armed for one event each
//   (failWrite/failSync) or persist until clear() (diskFull).
// - Thread-safe: counters are atomics, so a store's worker threads may write.
#include <sqlite3.h>

#include <atomic>
#include <string>

namespace chibo::testing {

class FaultVfs {
 public:
  FaultVfs();
  ~FaultVfs();
  FaultVfs(const FaultVfs&) = delete;
  FaultVfs& operator=(const FaultVfs&) = delete;

  void install();
  void uninstall();

  // The nth write (1 = the next) from now fails with SQLITE_IOERR_WRITE.
  void failWrite(int nth);
  // The nth sync (fsync of the database, WAL or journal) fails with SQLITE_IOERR_FSYNC.
  void failSync(int nth);
  // From the nth write on, every write fails with SQLITE_FULL until clear().
  void diskFullAfter(int nth);
  // Disarms every fault and resets the counters.
  void clear();

  int writes() const { return writes_.load(); }
  int syncs() const { return syncs_.load(); }
  int faultsInjected() const { return injected_.load(); }

  // Called by the shim's file methods; 0 = pass through, else the error to return.
  int onWrite();
  int onSync();
  sqlite3_vfs* real() const { return real_; }

 private:
  sqlite3_vfs vfs_{};
  sqlite3_vfs* real_ = nullptr;
  bool installed_ = false;
  std::string name_;
  std::atomic<int> writes_{0}, syncs_{0}, injected_{0};
  std::atomic<int> fail_write_at_{0}, fail_sync_at_{0}, full_from_{0};
};

}  // namespace chibo::testing
