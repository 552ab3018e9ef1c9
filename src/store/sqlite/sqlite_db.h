#pragma once
// A thin RAII layer over the SQLite C API: one connection, a cache of prepared
// statements, and a statement handle that is always reset after use so no read
// transaction is left open by accident (the stale-snapshot trap, stack.md §2.3).
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "store/store.h"

namespace chibo::sqlite {

class Conn;

// A borrowed prepared statement. Binding is 1-based like SQLite's; columns are
// 0-based. Destruction resets and clears bindings, returning it to the cache.
class Stmt {
 public:
  Stmt(sqlite3_stmt* s, Conn* c) : s_(s), c_(c) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : s_(o.s_), c_(o.c_) { o.s_ = nullptr; }
  ~Stmt();

  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, int64_t(v)); }
  Stmt& bind(int i, bool v) { return bind(i, int64_t(v ? 1 : 0)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, Date d) { return bind(i, int64_t(d.days())); }
  Stmt& bind(int i, DateTime t) { return bind(i, t.unix_seconds); }
  Stmt& bindNull(int i);
  template <typename T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  // Steps once; true when a row is available. Throws StoreError on failure.
  bool step();
  // Runs a statement that returns no rows.
  void run() { while (step()) {} }

  bool isNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t i64(int c) const { return sqlite3_column_int64(s_, c); }
  int i32(int c) const { return sqlite3_column_int(s_, c); }
  double f64(int c) const { return sqlite3_column_double(s_, c); }
  bool boolean(int c) const { return i64(c) != 0; }
  std::string text(int c) const;
  Date date(int c) const { return Date::fromDays(int32_t(i64(c))); }
  std::optional<Date> optDate(int c) const { return isNull(c) ? std::nullopt : std::optional<Date>(date(c)); }
  std::optional<int64_t> optI64(int c) const { return isNull(c) ? std::nullopt : std::optional<int64_t>(i64(c)); }
  DateTime instant(int c) const { return DateTime{i64(c)}; }
  std::optional<DateTime> optInstant(int c) const {
    return isNull(c) ? std::nullopt : std::optional<DateTime>(instant(c));
  }

 private:
  sqlite3_stmt* s_;
  Conn* c_;
};

class Conn {
 public:
  // Opens `path`; with `create` false a missing file is an error.
  Conn(const std::string& path, bool create);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  // A cached prepared statement for `sql` (prepared on first use).
  Stmt prepare(const char* sql);
  // Runs one or more statements without parameters (DDL, pragmas, BEGIN/COMMIT).
  void exec(const std::string& sql);
  int64_t lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::map<const char*, sqlite3_stmt*> cache_;  // keyed by the literal's address: SQL is static text
};

}  // namespace chibo::sqlite
