// The import use case on the in-memory store loaded with the demo ward:
// matching, dry run versus commit, and a store that fails mid-import.
#include <gtest/gtest.h>

#include "app/demo/demo.h"
#include "app/roster_import/roster_import.h"
#include "unit/app/fake_store.h"

namespace chibo {
namespace {

const Date kToday = *Date::fromYmd(2026, 11, 22);

class RosterImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tx = store_.write();
    loadDemo(*tx, 20090422, kToday);
    tx->commit();
    for (const auto& o : store_.data().orgs) {
      if (o.name == "Đảng ủy phường Tân Định") ward_ = o;
      if (o.name == "Chi bộ Khu phố 1") kp1_ = o;
    }
    caller_.now = DateTime::parseIso(kToday.iso() + "T09:00:00+07:00").value();
    caller_.principal.user_id = 1;
    caller_.principal.username = "canbo.phuong";
    caller_.principal.grants.push_back(Grant{UserRole::committee, ward_.id, ward_.path});
  }
  Result<RosterImportReport> run(const std::string& csv, bool commit, Id org = 0) {
    RosterImportInput in;
    in.file_name = "test.csv";
    in.bytes = csv;
    in.commit = commit;
    return importRoster(store_, caller_, org ? org : ward_.id, in);
  }
  fake::FakeStore store_;
  Org ward_, kp1_;
  Caller caller_;
};

const char* kHeader = "Họ và tên,Ngày sinh,Giới tính,Số thẻ đảng viên,Chi bộ\n";

TEST_F(RosterImportTest, DryRunWritesNothingCommitWritesEverythingOnce) {
  std::string csv = std::string(kHeader) + "Kha Văn Một,01/01/1970,Nam,79880001,Chi bộ Khu phố 1\n" +
                    "Kha Thị Hai,02/02/1972,Nữ,79880002,Khu phố 2\n";
  size_t members = store_.data().members.size(), audit = store_.data().audit.size();
  auto dry = run(csv, false);
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_EQ(dry->created, 2);
  EXPECT_FALSE(dry->committed);
  EXPECT_EQ(store_.data().members.size(), members);
  EXPECT_EQ(store_.data().audit.size(), audit);
  auto done = run(csv, true);
  ASSERT_TRUE(done);
  EXPECT_TRUE(done->committed);
  EXPECT_EQ(store_.data().members.size(), members + 2);
  EXPECT_EQ(store_.data().audit.size(), audit + 3);  // two members and the import
  EXPECT_EQ(store_.data().audit.back().action, "roster.import");
  auto again = run(csv, true);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_FALSE(again->committed);
  EXPECT_EQ(store_.data().audit.size(), audit + 3);
}

TEST_F(RosterImportTest, NamesDifferingOnlyByAccentsAreTwoPeople) {
  ASSERT_TRUE(run(std::string(kHeader) + "Lò Văn Ân,05/05/1965,Nam,,Chi bộ Khu phố 1\n", true));
  auto r = run(std::string(kHeader) + "Lò Văn An,05/05/1965,Nam,,Chi bộ Khu phố 1\n", false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->created, 1);  // not matched to "Lò Văn Ân"
  auto same = run(std::string(kHeader) + "LÒ  VĂN ÂN,05/05/1965,Nam,,Chi bộ Khu phố 1\n", false);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->updated, 1);  // the same person written in capitals: only the spelling changes
  EXPECT_EQ(same->rows[0].changes.at(0).field, "full_name");
}

TEST_F(RosterImportTest, TwoRowsForOnePersonAreCaught) {
  std::string csv = std::string(kHeader) + "Kha Văn Ba,03/03/1973,Nam,79880003,Chi bộ Khu phố 1\n" +
                    "Kha Văn Ba,03/03/1973,Nam,79880003,Chi bộ Khu phố 1\n";
  auto r = run(csv, false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->created, 1);
  ASSERT_EQ(r->refused, 1);
  EXPECT_EQ(r->rows[1].problems.at(0).code, "duplicate_row");
}

TEST_F(RosterImportTest, ACellImportsOnlyIntoItself) {
  caller_.principal.grants = {Grant{UserRole::cell, kp1_.id, kp1_.path}};
  auto r = run(std::string(kHeader) + "Kha Văn Bốn,04/04/1974,Nam,,Chi bộ Khu phố 2\n", false, kp1_.id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->refused, 1);
  EXPECT_EQ(r->rows[0].problems.at(0).code, "cell_mismatch");
  auto ward = run(std::string(kHeader), false, ward_.id);
  ASSERT_FALSE(ward);
  EXPECT_EQ(ward.error().kind, ErrorKind::not_found);
}

// Fault injection: the store fails on the Nth member insert; nothing of the import remains.
class FailingStore : public Store {
 public:
  FailingStore(fake::FakeStore& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  std::unique_ptr<ReadTx> read() override { return inner_.read(); }
  std::unique_ptr<WriteTx> write() override;
  fake::FakeStore& inner_;
  int fail_at_;
};

class FailingTx : public fake::FakeTx {
 public:
  FailingTx(fake::Data snapshot, fake::Data* target, int fail_at) : FakeTx(std::move(snapshot), target), left_(fail_at) {}
  Id insertMember(const Member& m) override {
    if (--left_ == 0) throw StoreError("disk I/O error");
    return FakeTx::insertMember(m);
  }
  int left_;
};

std::unique_ptr<WriteTx> FailingStore::write() {
  return std::make_unique<FailingTx>(inner_.data(), const_cast<fake::Data*>(&inner_.data()), fail_at_);
}

TEST_F(RosterImportTest, AStoreFailureMidImportLeavesNothing) {
  std::string csv = std::string(kHeader);
  for (int i = 0; i < 5; ++i)
    csv += "Kha Văn Lỗi " + std::to_string(i) + ",01/01/1980,Nam,7989000" + std::to_string(i) + ",Chi bộ Khu phố 1\n";
  size_t members = store_.data().members.size(), audit = store_.data().audit.size();
  FailingStore failing(store_, 3);
  RosterImportInput in;
  in.file_name = "loi.csv";
  in.bytes = csv;
  in.commit = true;
  EXPECT_THROW((void)importRoster(failing, caller_, ward_.id, in), StoreError);
  EXPECT_EQ(store_.data().members.size(), members);
  EXPECT_EQ(store_.data().audit.size(), audit);
}

}  // namespace
}  // namespace chibo
