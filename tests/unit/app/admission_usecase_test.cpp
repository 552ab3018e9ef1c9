// The admission use cases on a real SQLite file loaded with the demo ward
// (the fake store has no repositories): the ceremony puts the person on the
// roster in the same transaction, and a refused ceremony writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/admission/admission.h"
#include "app/demo/demo.h"
#include "app/quality/quality.h"
#include "domain/roster.h"

namespace chibo {
namespace {
namespace fs = std::filesystem;

const Date kToday = *Date::fromYmd(2026, 11, 22);

class AdmissionUseCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chibo-adm-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = openSqliteStore({(dir_ / "t.db").string(), true, 2});
    {
      auto tx = store_->write();
      loadDemo(*tx, 20090422, kToday, true);
      tx->commit();
    }
    auto cat = loadRuleCatalog(CHIBO_RULES_DIR);
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    cat_ = std::move(*cat);
    auto tx = store_->read();
    for (const auto& c : tx->admission().candidatesUnder("/"))
      if (c.full_name == "Ngô Văn Đức") cand_ = c;
    ASSERT_NE(cand_.id, 0);
    ASSERT_EQ(cand_.stage, AdmissionStage::decided);
    cell_ = *tx->org(cand_.cell_id);
    caller_.now = DateTime::parseIso(kToday.iso() + "T09:00:00+07:00").value();
    caller_.principal.user_id = 0;
    caller_.principal.username = "bithu.kp1";
    caller_.principal.grants.push_back(Grant{UserRole::cell, cell_.id, cell_.path});
    for (const auto& rc : tx->rosterCandidates(cell_.path, kToday)) {
      MemberState st = stateOn(rc.member, rc.statuses, kToday);
      if (covers(rc.placement, kToday) && st.on_roll && st.standing == StatusKind::official) helper_ = rc.member.id;
    }
    ASSERT_NE(helper_, 0);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  size_t onRoll() {
    auto tx = store_->read();
    size_t n = 0;
    for (const auto& rc : tx->rosterCandidates(cell_.path, kToday))
      n += covers(rc.placement, kToday) && stateOn(rc.member, rc.statuses, kToday).on_roll;
    return n;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  RuleCatalog cat_;
  CandidateRecord cand_;
  Org cell_;
  Caller caller_;
  Id helper_ = 0;
};

TEST_F(AdmissionUseCaseTest, TheCeremonyPutsThePersonOnTheRosterAsProbationary) {
  size_t before = onRoll();
  StageFields f;
  f.stage = "admitted";
  f.date = kToday.iso();
  f.consent = "Công văn 3-CV/ĐU";  // the demo's decision is past its 30 working days
  f.helper_member_ids = {helper_};
  auto r = recordStage(*store_, cat_, caller_, cand_.id, f);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->candidate.member_id);
  EXPECT_EQ(onRoll(), before + 1);
  auto tx = store_->read();
  auto m = tx->member(*r->candidate.member_id);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->full_name, "Ngô Văn Đức");
  EXPECT_EQ(m->admission_ceremony_date, kToday);
  EXPECT_EQ(stateOn(*m, tx->statusPeriods(m->id), kToday).standing, StatusKind::probationary);
  EXPECT_EQ(r->stages.back().stage, AdmissionStage::admitted);
  EXPECT_NE(r->stages.back().note.find("Công văn 3-CV/ĐU"), std::string::npos);
}

TEST_F(AdmissionUseCaseTest, ARefusedCeremonyWritesNothing) {
  size_t before = onRoll();
  auto stages = store_->read()->admission().stages(cand_.id).size();
  StageFields f;
  f.stage = "admitted";
  f.date = kToday.iso();
  f.helper_member_ids = {helper_};
  auto r = recordStage(*store_, cat_, caller_, cand_.id, f);  // late, and no consent
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ceremony_consent_required");
  f.consent = "Công văn 3-CV/ĐU";
  f.helper_member_ids = {};
  r = recordStage(*store_, cat_, caller_, cand_.id, f);  // no helper
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(onRoll(), before);
  auto tx = store_->read();
  EXPECT_EQ(tx->admission().stages(cand_.id).size(), stages);
  EXPECT_EQ(tx->admission().candidate(cand_.id)->stage, AdmissionStage::decided);
  EXPECT_FALSE(tx->admission().candidate(cand_.id)->member_id);
}

TEST_F(AdmissionUseCaseTest, ScopeComesFirst) {
  Caller other = caller_;
  other.principal.grants = {};
  StageFields f;  // invalid too: scope answers first
  auto r = recordStage(*store_, cat_, other, cand_.id, f);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  auto list = listCandidates(*store_, cat_, caller_, cell_.id);
  ASSERT_TRUE(list.ok());
  EXPECT_GE(list->size(), 1u);
}

}  // namespace
}  // namespace chibo
