#include "support/fault_vfs.h"

#include <cstring>
#include <new>
#include <stdexcept>

namespace chibo::testing {
namespace {

// The shim's file: our methods first, the real file's storage right after
// (SQLite allocates szOsFile bytes; we ask for ours plus the real VFS's).
struct ShimFile {
  sqlite3_file base;
  FaultVfs* owner;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }

int xClose(sqlite3_file* f) { return shim(f)->real()->pMethods->xClose(shim(f)->real()); }
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
  return shim(f)->real()->pMethods->xRead(shim(f)->real(), p, n, off);
}
int xWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  if (int rc = shim(f)->owner->onWrite()) return rc;
  return shim(f)->real()->pMethods->xWrite(shim(f)->real(), p, n, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
  return shim(f)->real()->pMethods->xTruncate(shim(f)->real(), size);
}
int xSync(sqlite3_file* f, int flags) {
  if (int rc = shim(f)->owner->onSync()) return rc;
  return shim(f)->real()->pMethods->xSync(shim(f)->real(), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
  return shim(f)->real()->pMethods->xFileSize(shim(f)->real(), size);
}
int xLock(sqlite3_file* f, int l) { return shim(f)->real()->pMethods->xLock(shim(f)->real(), l); }
int xUnlock(sqlite3_file* f, int l) { return shim(f)->real()->pMethods->xUnlock(shim(f)->real(), l); }
int xCheckReservedLock(sqlite3_file* f, int* out) {
  return shim(f)->real()->pMethods->xCheckReservedLock(shim(f)->real(), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
  return shim(f)->real()->pMethods->xFileControl(shim(f)->real(), op, arg);
}
int xSectorSize(sqlite3_file* f) { return shim(f)->real()->pMethods->xSectorSize(shim(f)->real()); }
int xDeviceCharacteristics(sqlite3_file* f) {
  return shim(f)->real()->pMethods->xDeviceCharacteristics(shim(f)->real());
}
// WAL mode needs the shared-memory methods (version 2) to reach the real file.
int xShmMap(sqlite3_file* f, int pg, int pgsz, int extend, void volatile** pp) {
  return shim(f)->real()->pMethods->xShmMap(shim(f)->real(), pg, pgsz, extend, pp);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return shim(f)->real()->pMethods->xShmLock(shim(f)->real(), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) { shim(f)->real()->pMethods->xShmBarrier(shim(f)->real()); }
int xShmUnmap(sqlite3_file* f, int del) { return shim(f)->real()->pMethods->xShmUnmap(shim(f)->real(), del); }

// Memory-mapped I/O (version 3) would let SQLite write pages without xWrite;
// it is left out, so SQLite falls back to xWrite for every page.
const sqlite3_io_methods kMethods = {
    2,         xClose,     xRead,        xWrite,      xTruncate,         xSync,
    xFileSize, xLock,      xUnlock,      xCheckReservedLock, xFileControl, xSectorSize,
    xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier, xShmUnmap, nullptr, nullptr};

FaultVfs* owner(sqlite3_vfs* v) { return static_cast<FaultVfs*>(v->pAppData); }

int xOpen(sqlite3_vfs* v, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* s = shim(f);
  s->owner = owner(v);
  s->base.pMethods = nullptr;
  int rc = owner(v)->real()->xOpen(owner(v)->real(), name, s->real(), flags, out_flags);
  // SQLite calls xClose only when pMethods is set: set it only when the real file opened.
  if (s->real()->pMethods) s->base.pMethods = &kMethods;
  return rc;
}
int xDelete(sqlite3_vfs* v, const char* name, int sync_dir) {
  return owner(v)->real()->xDelete(owner(v)->real(), name, sync_dir);
}
int xAccess(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return owner(v)->real()->xAccess(owner(v)->real(), name, flags, out);
}
int xFullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return owner(v)->real()->xFullPathname(owner(v)->real(), name, n, out);
}
void* xDlOpen(sqlite3_vfs* v, const char* name) { return owner(v)->real()->xDlOpen(owner(v)->real(), name); }
void xDlError(sqlite3_vfs* v, int n, char* msg) { owner(v)->real()->xDlError(owner(v)->real(), n, msg); }
void (*xDlSym(sqlite3_vfs* v, void* h, const char* sym))(void) {
  return owner(v)->real()->xDlSym(owner(v)->real(), h, sym);
}
void xDlClose(sqlite3_vfs* v, void* h) { owner(v)->real()->xDlClose(owner(v)->real(), h); }
int xRandomness(sqlite3_vfs* v, int n, char* out) { return owner(v)->real()->xRandomness(owner(v)->real(), n, out); }
int xSleep(sqlite3_vfs* v, int us) { return owner(v)->real()->xSleep(owner(v)->real(), us); }
int xCurrentTime(sqlite3_vfs* v, double* t) { return owner(v)->real()->xCurrentTime(owner(v)->real(), t); }
int xGetLastError(sqlite3_vfs* v, int n, char* s) {
  return owner(v)->real()->xGetLastError ? owner(v)->real()->xGetLastError(owner(v)->real(), n, s) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* t) {
  return owner(v)->real()->xCurrentTimeInt64(owner(v)->real(), t);
}

// Counts down an armed fault: true exactly when `count` reaches `at`.
bool hits(std::atomic<int>& at, int count) {
  int want = at.load();
  return want > 0 && count == want && at.compare_exchange_strong(want, 0);
}

}  // namespace

FaultVfs::FaultVfs() {
  real_ = sqlite3_vfs_find(nullptr);
  if (!real_) throw std::runtime_error("no default SQLite VFS");
  name_ = "chibo-fault-" + std::to_string(reinterpret_cast<uintptr_t>(this));
  vfs_.iVersion = 2;
  vfs_.szOsFile = int(sizeof(ShimFile)) + real_->szOsFile;
  vfs_.mxPathname = real_->mxPathname;
  vfs_.zName = name_.c_str();
  vfs_.pAppData = this;
  vfs_.xOpen = xOpen;
  vfs_.xDelete = xDelete;
  vfs_.xAccess = xAccess;
  vfs_.xFullPathname = xFullPathname;
  vfs_.xDlOpen = xDlOpen;
  vfs_.xDlError = xDlError;
  vfs_.xDlSym = xDlSym;
  vfs_.xDlClose = xDlClose;
  vfs_.xRandomness = xRandomness;
  vfs_.xSleep = xSleep;
  vfs_.xCurrentTime = xCurrentTime;
  vfs_.xGetLastError = xGetLastError;
  vfs_.xCurrentTimeInt64 = xCurrentTimeInt64;
}

FaultVfs::~FaultVfs() { uninstall(); }

void FaultVfs::install() {
  if (installed_) return;
  if (sqlite3_vfs_register(&vfs_, 1) != SQLITE_OK) throw std::runtime_error("sqlite3_vfs_register failed");
  installed_ = true;
}

void FaultVfs::uninstall() {
  if (!installed_) return;
  sqlite3_vfs_unregister(&vfs_);
  sqlite3_vfs_register(real_, 1);  // the previous default again
  installed_ = false;
}

void FaultVfs::failWrite(int nth) {
  clear();
  fail_write_at_ = nth;
}
void FaultVfs::failSync(int nth) {
  clear();
  fail_sync_at_ = nth;
}
void FaultVfs::diskFullAfter(int nth) {
  clear();
  full_from_ = nth;
}
void FaultVfs::clear() {
  fail_write_at_ = 0;
  fail_sync_at_ = 0;
  full_from_ = 0;
  writes_ = 0;
  syncs_ = 0;
}

int FaultVfs::onWrite() {
  int n = ++writes_;
  if (hits(fail_write_at_, n)) {
    ++injected_;
    return SQLITE_IOERR_WRITE;
  }
  if (int from = full_from_.load(); from > 0 && n >= from) {
    ++injected_;
    return SQLITE_FULL;
  }
  return SQLITE_OK;
}

int FaultVfs::onSync() {
  int n = ++syncs_;
  if (hits(fail_sync_at_, n)) {
    ++injected_;
    return SQLITE_IOERR_FSYNC;
  }
  return SQLITE_OK;
}

}  // namespace chibo::testing
