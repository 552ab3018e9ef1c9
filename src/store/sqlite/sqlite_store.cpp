// The SQLite Store: one writer connection behind a mutex (SQLite allows one
// writer; making it explicit avoids SQLITE_BUSY storms) and a small pool of
// reader connections, all in WAL mode with synchronous=FULL so a write that
// was answered 2xx survives a crash.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite/sqlite_admission_repo.h"
#include "store/sqlite/sqlite_dues_repo.h"
#include "store/sqlite/sqlite_review_repo.h"
#include "store/sqlite/sqlite_tx.h"
#include "store/tx_durations.h"

namespace chibo {
namespace sqlite {
namespace {

void configure(Conn& c) {
  c.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
         "PRAGMA cache_size=-20000; PRAGMA temp_store=MEMORY;");
}

// Runs when a transaction has ended (COMMIT or ROLLBACK done): counts its duration
// for /metrics, then `release` hands the connection back.
template <typename Release>
auto timed(TxDurations::Kind kind, Release release) {
  return [kind, release = std::move(release), start = std::chrono::steady_clock::now()] {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    txDurations().record(kind, micros.count());
    release();
  };
}

void migrate(Conn& c) {
  c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
         " applied_at INTEGER NOT NULL)");
  int current = 0;
  {
    auto st = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (st.step()) current = st.i32(0);
  }
  if (migrations().empty() || migrations().back().version <= current) return;
  // Every pending migration in one transaction: an upgrade that fails half-way
  // leaves the file at the version it had, not at some version in between.
  c.exec("BEGIN IMMEDIATE");
  try {
    for (const auto& m : migrations()) {
      if (m.version <= current) continue;
      c.exec(m.sql);
      auto st = c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
      st.bind(1, m.version).bind(2, m.name).bind(3, DateTime::now().unix_seconds).run();
    }
    c.exec("COMMIT");
  } catch (...) {
    c.exec("ROLLBACK");
    throw;
  }
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const SqliteOptions& o) : writer_(o.path, o.create) {
    configure(writer_);
    migrate(writer_);
    for (int i = 0; i < std::max(1, o.read_connections); ++i) {
      auto c = std::make_unique<Conn>(o.path, false);
      configure(*c);
      c->exec("PRAGMA query_only=ON");
      free_.push_back(c.get());
      readers_.push_back(std::move(c));
    }
  }

  std::unique_ptr<ReadTx> read() override {
    std::unique_lock lk(pool_mu_);
    pool_cv_.wait(lk, [&] { return !free_.empty(); });
    Conn* c = free_.back();
    free_.pop_back();
    lk.unlock();
    return std::make_unique<SqliteTx>(*c, false, timed(TxDurations::Kind::read, [this, c] {
                                        std::lock_guard g(pool_mu_);
                                        free_.push_back(c);
                                        pool_cv_.notify_one();
                                      }));
  }

  std::unique_ptr<WriteTx> write() override {
    write_mu_.lock();
    try {
      return std::make_unique<SqliteTx>(writer_, true, timed(TxDurations::Kind::write, [this] { write_mu_.unlock(); }));
    } catch (...) {
      write_mu_.unlock();
      throw;
    }
  }

 private:
  Conn writer_;
  std::mutex write_mu_;
  std::vector<std::unique_ptr<Conn>> readers_;
  std::vector<Conn*> free_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
};

}  // namespace

SqliteTx::SqliteTx(Conn& conn, bool writable, std::function<void()> release)
    : conn_(conn), writable_(writable), release_(std::move(release)) {
  try {
    conn_.exec(writable_ ? "BEGIN IMMEDIATE" : "BEGIN");
  } catch (...) {
    release_();
    throw;
  }
}

SqliteTx::~SqliteTx() {
  if (!done_) {
    try {
      // A read tx has nothing to keep; a write tx that was not committed is abandoned.
      conn_.exec(writable_ ? "ROLLBACK" : "COMMIT");
    } catch (...) {
    }
  }
  release_();
}

void SqliteTx::commit() {
  requireWritable();
  conn_.exec("COMMIT");
  done_ = true;
}

void SqliteTx::requireWritable() const {
  if (!writable_) throw StoreError("write attempted in a read-only transaction");
}

DuesRepo& SqliteTx::dues() {
  if (!dues_) dues_ = std::make_unique<SqliteDuesRepo>(conn_, writable_);
  return *dues_;
}

AdmissionRepo& SqliteTx::admission() {
  if (!admission_) admission_ = std::make_unique<SqliteAdmissionRepo>(conn_, writable_);
  return *admission_;
}

ReviewRepo& SqliteTx::review() {
  if (!review_) review_ = std::make_unique<SqliteReviewRepo>(conn_, writable_);
  return *review_;
}

}  // namespace sqlite

std::unique_ptr<Store> openSqliteStore(const SqliteOptions& opts) {
  return std::make_unique<sqlite::SqliteStore>(opts);
}

}  // namespace chibo
