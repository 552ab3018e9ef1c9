#include "app/auth/throttle.h"

namespace chibo {

int LoginThrottle::waitFor(Q& q, int limit, std::chrono::steady_clock::time_point now) {
  while (!q.empty() && now - q.front() >= limits_.window) q.pop_front();
  if (int(q.size()) < limit) return 0;
  auto until = q.front() + limits_.window;
  return int(std::chrono::duration_cast<std::chrono::seconds>(until - now).count()) + 1;
}

int LoginThrottle::retryAfter(const std::string& account, const std::string& address,
                              std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  int a = waitFor(by_account_[account], limits_.per_account, now);
  int b = waitFor(by_address_[address], limits_.per_address, now);
  return a > b ? a : b;
}

void LoginThrottle::recordFailure(const std::string& account, const std::string& address,
                                  std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
  // Bound memory under a spray of random usernames.
  if (by_account_.size() > 100000) by_account_.clear();
  if (by_address_.size() > 100000) by_address_.clear();
}

void LoginThrottle::recordSuccess(const std::string& account) {
  std::lock_guard g(mu_);
  by_account_.erase(account);
}

}  // namespace chibo
