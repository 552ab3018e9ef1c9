// Idempotency keys over a real SQLite file: a repeat replays, another body is refused, keys are
// per account, a refused write releases its key, old keys are purged, and of two concurrent
// claims of one key exactly one may run the write.
#include "app/idempotency/idempotency.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace chibo {
namespace {

namespace fs = std::filesystem;

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chibo-idem-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = openSqliteStore({(dir_ / "t.db").string(), true, 2});
    auto tx = store_->write();
    alice_ = tx->insertUser(User{0, "alice", "Alice", "x", std::nullopt, false, t0, {}, {}, {}, {}});
    bob_ = tx->insertUser(User{0, "bob", "Bob", "x", std::nullopt, false, t0, {}, {}, {}, {}});
    tx->commit();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  Caller as(Id user, DateTime now) {
    Caller c;
    c.principal.user_id = user;
    c.now = now;
    return c;
  }
  static IdempotentRequest req(const std::string& key, const std::string& body) {
    return {key, "POST", "/api/v1/meetings/7/speeches", body, 7};
  }
  static inline const DateTime t0{1'800'000'000};
  fs::path dir_;
  std::unique_ptr<Store> store_;
  Id alice_ = 0, bob_ = 0;
};

TEST_F(IdempotencyTest, KeysOfOneToAHundredPrintableAsciiCharactersAreAccepted) {
  EXPECT_TRUE(checkIdempotencyKey("a").ok());
  EXPECT_TRUE(checkIdempotencyKey(std::string(100, 'k')).ok());
  EXPECT_TRUE(checkIdempotencyKey("c8f1-2e 9a:~").ok());
  for (std::string bad : {std::string(), std::string(101, 'k'), std::string("tab\there"), std::string("ă"),
                          std::string("nul\0x", 5)}) {
    auto st = checkIdempotencyKey(bad);
    ASSERT_FALSE(st.ok()) << bad;
    EXPECT_EQ(st.error().code, "idempotency_key_invalid");
    EXPECT_EQ(st.error().kind, ErrorKind::bad_request);
  }
}

TEST_F(IdempotencyTest, ARepeatReplaysTheStoredAnswerAndAnotherBodyIsRefused) {
  auto c = as(alice_, t0);
  auto first = claimIdempotencyKey(*store_, c, req("k1", R"({"summary":"A"})"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->claim, KeyClaim::reserved);
  // While the first runs, a duplicate must wait.
  auto during = claimIdempotencyKey(*store_, c, req("k1", R"({"summary":"A"})"));
  ASSERT_FALSE(during.ok());
  EXPECT_EQ(during.error().code, "idempotency_key_in_progress");
  finishIdempotentWrite(*store_, c, "k1", 201, "application/json", R"({"id":42})");
  auto again = claimIdempotencyKey(*store_, as(alice_, DateTime{t0.unix_seconds + 3600}), req("k1", R"({"summary":"A"})"));
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->claim, KeyClaim::replay);
  EXPECT_EQ(again->stored.status, 201);
  EXPECT_EQ(again->stored.response, R"({"id":42})");
  EXPECT_EQ(again->stored.content_type, "application/json");
  auto other = claimIdempotencyKey(*store_, c, req("k1", R"({"summary":"B"})"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "idempotency_key_reused");
  EXPECT_EQ(other.error().kind, ErrorKind::validation);
  auto otherPath = claimIdempotencyKey(*store_, c, {"k1", "POST", "/api/v1/meetings/8/speeches", R"({"summary":"A"})", 7});
  ASSERT_FALSE(otherPath.ok());
  EXPECT_EQ(otherPath.error().code, "idempotency_key_reused");
}

TEST_F(IdempotencyTest, KeysBelongToOneAccount) {
  auto a = as(alice_, t0);
  ASSERT_TRUE(claimIdempotencyKey(*store_, a, req("shared", "{}")).ok());
  finishIdempotentWrite(*store_, a, "shared", 200, "application/json", R"({"secret":"alice"})");
  // Bob's identical request under Alice's key is Bob's own first write, never her answer.
  auto b = claimIdempotencyKey(*store_, as(bob_, t0), req("shared", "{}"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->claim, KeyClaim::reserved);
  EXPECT_TRUE(b->stored.response.empty());
}

TEST_F(IdempotencyTest, ARefusedWriteReleasesItsKey) {
  auto c = as(alice_, t0);
  ASSERT_TRUE(claimIdempotencyKey(*store_, c, req("k", R"({"x":1})")).ok());
  finishIdempotentWrite(*store_, c, "k", 409, "application/problem+json", R"({"code":"meeting_locked"})");
  // Nothing was kept: the same change (or a corrected one) runs again.
  auto again = claimIdempotencyKey(*store_, c, req("k", R"({"x":2})"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claim, KeyClaim::reserved);
}

TEST_F(IdempotencyTest, KeysOlderThanTheRetentionArePurged) {
  auto c = as(alice_, t0);
  ASSERT_TRUE(claimIdempotencyKey(*store_, c, req("old", "{}")).ok());
  finishIdempotentWrite(*store_, c, "old", 200, "application/json", "{}");
  // Still remembered on the 7th day.
  auto day7 = claimIdempotencyKey(*store_, as(alice_, DateTime{t0.unix_seconds + 7 * 86400}), req("old", "{}"));
  ASSERT_TRUE(day7.ok());
  EXPECT_EQ(day7->claim, KeyClaim::replay);
  // Any claim after the 7 days purges it.
  auto later = as(bob_, DateTime{t0.unix_seconds + 7 * 86400 + 1});
  ASSERT_TRUE(claimIdempotencyKey(*store_, later, req("other", "{}")).ok());
  EXPECT_FALSE(store_->read()->idempotencyRecord(alice_, "old").has_value());
  EXPECT_TRUE(store_->read()->idempotencyRecord(bob_, "other").has_value());
  // A longer retention keeps it.
  ASSERT_TRUE(claimIdempotencyKey(*store_, c, req("kept", "{}")).ok());
  auto r = req("x", "{}");
  r.keep_days = 30;
  ASSERT_TRUE(claimIdempotencyKey(*store_, as(bob_, DateTime{t0.unix_seconds + 20 * 86400}), r).ok());
  EXPECT_TRUE(store_->read()->idempotencyRecord(alice_, "kept").has_value());
}

TEST_F(IdempotencyTest, OfConcurrentDuplicatesExactlyOneRuns) {
  std::atomic<int> reserved{0}, waiting{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto r = claimIdempotencyKey(*store_, as(alice_, t0), req("race", R"({"same":true})"));
      if (r.ok() && r->claim == KeyClaim::reserved) ++reserved;
      else if (!r.ok() && r.error().code == "idempotency_key_in_progress") ++waiting;
      else ++other;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(reserved.load(), 1);
  EXPECT_EQ(waiting.load(), 7);
  EXPECT_EQ(other.load(), 0);
}

}  // namespace
}  // namespace chibo
