#include "app/auth/throttle.h"

#include <gtest/gtest.h>

namespace chibo {

using namespace std::chrono_literals;

TEST(ThrottleTest, AccountLimitOpensAgainAfterTheWindow) {
  LoginThrottle t({3, 100, 60s});
  auto t0 = std::chrono::steady_clock::time_point{} + 1000s;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.retryAfter("a", "ip", t0), 0);
    t.recordFailure("a", "ip", t0);
  }
  EXPECT_GT(t.retryAfter("a", "ip", t0), 0);
  EXPECT_EQ(t.retryAfter("b", "ip", t0), 0) << "other accounts are not affected";
  EXPECT_GT(t.retryAfter("a", "ip", t0 + 59s), 0);
  EXPECT_EQ(t.retryAfter("a", "ip", t0 + 60s), 0);
}

TEST(ThrottleTest, AddressLimitCoversManyAccounts) {
  LoginThrottle t({100, 3, 60s});
  auto t0 = std::chrono::steady_clock::time_point{} + 1000s;
  t.recordFailure("a", "1.2.3.4", t0);
  t.recordFailure("b", "1.2.3.4", t0);
  t.recordFailure("c", "1.2.3.4", t0);
  EXPECT_GT(t.retryAfter("d", "1.2.3.4", t0), 0);
  EXPECT_EQ(t.retryAfter("d", "5.6.7.8", t0), 0);
}

TEST(ThrottleTest, SuccessClearsTheAccountCounter) {
  LoginThrottle t({2, 100, 60s});
  auto t0 = std::chrono::steady_clock::time_point{} + 1000s;
  t.recordFailure("a", "ip", t0);
  t.recordSuccess("a");
  t.recordFailure("a", "ip", t0);
  EXPECT_EQ(t.retryAfter("a", "ip", t0), 0);
}

}  // namespace chibo
