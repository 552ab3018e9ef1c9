#pragma once
// SQLite implementation of DuesRepo, on the connection of its SqliteTx.
#include "store/dues_repo.h"
#include "store/sqlite/sqlite_db.h"

namespace chibo::sqlite {

class SqliteDuesRepo final : public DuesRepo {
 public:
  SqliteDuesRepo(Conn& conn, bool writable) : conn_(conn), writable_(writable) {}

 private:
  void requireWritable() const {
    if (!writable_) throw StoreError("write attempted in a read-only transaction");
  }
  Conn& conn_;
  bool writable_;
};

}  // namespace chibo::sqlite
