// The database file outside a server: backup reads without migrating, the
// server's lock excludes a second holder, and an upgrade takes a copy first
// and, when a migration fails, leaves the file exactly as it was.
#include "cli/database_file.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/upgrade.h"
#include "store/migrations.h"

namespace chibo::cli {
namespace fs = std::filesystem;

namespace {

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string e = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(e);
  }
}

// A database as an older build left it: the first `upto` migrations, WAL mode.
void makeOldDatabase(const std::string& path, int upto, const std::string& extra_sql = "") {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
  exec(db, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  for (const auto& m : migrations()) {
    if (m.version > upto) break;
    exec(db, m.sql);
    exec(db, "INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", '" + m.name + "', 0)");
  }
  if (!extra_sql.empty()) exec(db, extra_sql);
  sqlite3_close(db);
}

class DatabaseFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/chibo-dbfile-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    db_ = dir_ + "/chibo.db";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_, db_;
};

}  // namespace

TEST_F(DatabaseFileTest, BackupOfAnOlderDatabaseLeavesItUnmigratedAndWritesAChecksum) {
  ASSERT_GE(expectedSchemaVersion(), 7);
  makeOldDatabase(db_, 6);
  auto before = sha256OfFile(db_);
  backupDatabase(db_, dir_ + "/copy.db");
  EXPECT_EQ(schemaVersionOf(db_), 6);
  EXPECT_EQ(sha256OfFile(db_), before);
  EXPECT_EQ(schemaVersionOf(dir_ + "/copy.db"), 6);
  EXPECT_EQ(recordedSha256(dir_ + "/copy.db"), sha256OfFile(dir_ + "/copy.db"));
  EXPECT_EQ(integrityOf(dir_ + "/copy.db"), "ok");
  EXPECT_FALSE(fs::exists(dir_ + "/copy.db.partial"));
}

TEST_F(DatabaseFileTest, BackupRefusesToOverwriteAFile) {
  makeOldDatabase(db_, 1);
  std::ofstream(dir_ + "/taken.db") << "x";
  EXPECT_THROW(backupDatabase(db_, dir_ + "/taken.db"), std::runtime_error);
}

TEST_F(DatabaseFileTest, BackupNamesWithQuotesAreBoundNotSpliced) {
  makeOldDatabase(db_, 1);
  std::string odd = dir_ + "/it's a copy.db";
  backupDatabase(db_, odd);
  EXPECT_EQ(schemaVersionOf(odd), 1);
}

TEST_F(DatabaseFileTest, OnlyOneHolderOfTheServerLock) {
  makeOldDatabase(db_, 1);
  DatabaseLock first(db_);
  ASSERT_TRUE(first.held());
  DatabaseLock second(db_);
  EXPECT_FALSE(second.held());
}

TEST_F(DatabaseFileTest, TheLockIsFreeAgainWhenItsHolderGoes) {
  makeOldDatabase(db_, 1);
  { DatabaseLock first(db_); }
  DatabaseLock again(db_);
  EXPECT_TRUE(again.held());
}

TEST_F(DatabaseFileTest, UpgradeCopiesTheOldFileThenMigrates) {
  makeOldDatabase(db_, 6);
  auto r = upgradeDatabase(db_, dir_ + "/backups");
  EXPECT_EQ(r.from, 6);
  EXPECT_EQ(r.to, expectedSchemaVersion());
  EXPECT_EQ(schemaVersionOf(db_), expectedSchemaVersion());
  ASSERT_FALSE(r.backup.empty());
  EXPECT_NE(r.backup.find("-before-v"), std::string::npos);
  EXPECT_EQ(schemaVersionOf(r.backup), 6);
  EXPECT_EQ(recordedSha256(r.backup), sha256OfFile(r.backup));
}

TEST_F(DatabaseFileTest, AFailingMigrationLeavesTheFileAsItWas) {
  // The table migration 7 creates is already there: migration 7 fails after
  // nothing else, and no migration before or after it may stay applied.
  makeOldDatabase(db_, 5, "CREATE TABLE node_month_stats (x INTEGER)");
  auto before = sha256OfFile(db_);
  EXPECT_THROW(upgradeDatabase(db_, dir_ + "/backups"), std::runtime_error);
  EXPECT_EQ(schemaVersionOf(db_), 5);
  EXPECT_EQ(sha256OfFile(db_), before);
  // The copy taken first is there too.
  int copies = 0;
  for (auto& e : fs::directory_iterator(dir_ + "/backups")) copies += e.path().extension() == ".db";
  EXPECT_EQ(copies, 1);
}

TEST_F(DatabaseFileTest, ADatabaseNewerThanThisBuildIsRefused) {
  makeOldDatabase(db_, 1, "INSERT INTO schema_migrations VALUES (9999, 'future', 0)");
  EXPECT_THROW(upgradeDatabase(db_, dir_), std::runtime_error);
  EXPECT_EQ(schemaVersionOf(db_), 9999);
}

}  // namespace chibo::cli
