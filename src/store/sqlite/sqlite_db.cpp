#include "store/sqlite/sqlite_db.h"

namespace chibo::sqlite {

Stmt::~Stmt() {
  if (s_) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
}

Stmt& Stmt::bind(int i, int64_t v) {
  if (sqlite3_bind_int64(s_, i, v) != SQLITE_OK) c_->fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(s_, i, v) != SQLITE_OK) c_->fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT) != SQLITE_OK) c_->fail("bind");
  return *this;
}
Stmt& Stmt::bindNull(int i) {
  if (sqlite3_bind_null(s_, i) != SQLITE_OK) c_->fail("bind");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = sqlite3_errmsg(sqlite3_db_handle(s_));
  sqlite3_reset(s_);
  throw StoreError("sqlite step: " + msg + " [" + sqlite3_sql(s_) + "]");
}

std::string Stmt::text(int c) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
  return p ? std::string(p, size_t(sqlite3_column_bytes(s_, c))) : std::string();
}

Conn::Conn(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("Không mở được cơ sở dữ liệu " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 10000);
  sqlite3_extended_result_codes(db_, 1);
}

Conn::~Conn() {
  for (auto& [k, s] : cache_) sqlite3_finalize(s);
  sqlite3_close(db_);
}

Stmt Conn::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
      fail(std::string("prepare [") + sql + "]");
    it = cache_.emplace(sql, s).first;
  }
  return Stmt(it->second, this);
}

void Conn::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown";
    sqlite3_free(err);
    throw StoreError("sqlite exec: " + msg);
  }
}

void Conn::fail(const std::string& what) const { throw StoreError("sqlite " + what + ": " + sqlite3_errmsg(db_)); }

}  // namespace chibo::sqlite
