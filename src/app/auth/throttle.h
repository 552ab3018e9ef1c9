#pragma once
// Log-in throttling per account and per address, in memory: a sliding window
// of recent failures. Kept out of the database so a password-guessing storm
// costs no writes. Thread-safe.
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace chibo {

class LoginThrottle {
 public:
  struct Limits {
    int per_account = 5;    // failures per account per window
    int per_address = 20;   // failures per client address per window
    std::chrono::seconds window{15 * 60};
  };
  LoginThrottle() = default;
  explicit LoginThrottle(Limits l) : limits_(l) {}

  // Seconds to wait before another attempt is allowed, 0 when allowed now.
  int retryAfter(const std::string& account, const std::string& address, std::chrono::steady_clock::time_point now);
  void recordFailure(const std::string& account, const std::string& address,
                     std::chrono::steady_clock::time_point now);
  // A success clears the account's failures (not the address's).
  void recordSuccess(const std::string& account);

 private:
  using Q = std::deque<std::chrono::steady_clock::time_point>;
  int waitFor(Q& q, int limit, std::chrono::steady_clock::time_point now);
  Limits limits_;
  std::mutex mu_;
  std::map<std::string, Q> by_account_, by_address_;
};

}  // namespace chibo
