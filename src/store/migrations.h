#pragma once
// Numbered schema migrations, embedded from src/store/migrations/*.sql at build time.
#include <string>
#include <vector>

namespace chibo {
struct Migration {
  int version;
  const char* name;
  const char* sql;
};
// All migrations in ascending version order.
const std::vector<Migration>& migrations();
}  // namespace chibo
