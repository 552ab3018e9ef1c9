#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"

namespace chibo {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char t[] = "/tmp/chibo-store-XXXXXX";
    dir_ = mkdtemp(t);
    store_ = openSqliteStore({dir_ + "/t.db", true, 2});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  Id newOrg(WriteTx& tx, std::optional<Id> parent, OrgKind k, const std::string& name) {
    Org o;
    o.parent_id = parent;
    o.kind = k;
    o.name = name;
    return tx.insertOrg(o);
  }
  std::string dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, OrgPathsNestAndRosterScansTheSubtree) {
  auto tx = store_->write();
  Id ward = newOrg(*tx, std::nullopt, OrgKind::committee, "Phường");
  Id cell = newOrg(*tx, ward, OrgKind::cell, "Chi bộ");
  Id sub = newOrg(*tx, cell, OrgKind::subgroup, "Tổ 1");
  EXPECT_EQ(tx->org(sub)->path, "/" + std::to_string(ward) + "/" + std::to_string(cell) + "/" + std::to_string(sub) + "/");
  Member m;
  m.full_name = "Nguyễn Văn A";
  Id mid = tx->insertMember(m);
  tx->insertCellPeriod({0, mid, cell, sub, *Date::parseIso("2020-01-01"), std::nullopt, ""});
  tx->insertStatusPeriod({0, mid, StatusKind::exempt, *Date::parseIso("2024-01-01"), std::nullopt, "ốm"});
  tx->commit();
  auto rtx = store_->read();
  for (Id node : {ward, cell, sub}) {
    auto r = rtx->rosterCandidates(rtx->org(node)->path, *Date::parseIso("2025-01-01"));
    ASSERT_EQ(r.size(), 1u) << node;
    EXPECT_EQ(r[0].member.full_name, "Nguyễn Văn A");
    ASSERT_EQ(r[0].statuses.size(), 1u);
    EXPECT_EQ(r[0].statuses[0].note, "ốm");
  }
  EXPECT_TRUE(rtx->rosterCandidates(rtx->org(ward)->path, *Date::parseIso("2019-12-31")).empty());
}

TEST_F(SqliteStoreTest, UncommittedWriteRollsBack) {
  {
    auto tx = store_->write();
    newOrg(*tx, std::nullopt, OrgKind::committee, "Bỏ dở");
  }
  auto tx = store_->read();
  EXPECT_FALSE(tx->org(1));
}

TEST_F(SqliteStoreTest, AuditLogIsAppendOnlyEvenInSql) {
  auto tx = store_->write();
  Id o = newOrg(*tx, std::nullopt, OrgKind::committee, "P");
  AuditEntry e;
  e.action = "x";
  e.target_type = "org";
  e.target_id = o;
  e.org_path = tx->org(o)->path;
  e.changes = {{"name", std::nullopt, "P"}};
  tx->appendAudit(e);
  tx->commit();
  auto r = store_->read();
  auto rows = r->audit({"/", std::nullopt, std::nullopt, 10, 0});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].changes.at(0).after, "P");
  EXPECT_FALSE(rows[0].changes.at(0).before);
}

TEST_F(SqliteStoreTest, ReadersSeeCommittedWritesOnTheirNextTransaction) {
  auto r1 = store_->read();
  EXPECT_FALSE(r1->org(1));
  r1.reset();
  {
    auto tx = store_->write();
    newOrg(*tx, std::nullopt, OrgKind::committee, "Mới");
    tx->commit();
  }
  auto r2 = store_->read();
  ASSERT_TRUE(r2->org(1));
  EXPECT_EQ(r2->org(1)->name, "Mới");
}

TEST_F(SqliteStoreTest, ReadOnlyTransactionRefusesWrites) {
  auto tx = store_->read();
  auto* w = dynamic_cast<WriteTx*>(tx.get());
  ASSERT_NE(w, nullptr);
  Org o;
  o.name = "x";
  EXPECT_THROW(w->insertOrg(o), StoreError);
}

TEST_F(SqliteStoreTest, ServeModeRefusesMissingFile) {
  EXPECT_THROW(openSqliteStore({dir_ + "/missing.db", false, 1}), StoreError);
}

}  // namespace chibo
