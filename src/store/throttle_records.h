#pragma once
// Rows of the shared log-in throttle (0008): one per account name or client
// address. The rules that read and write them live in app/auth/throttle.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/ids.h"

namespace chibo {

struct ThrottleRecord {
  Id id = 0;
  std::string kind;              // "account" or "address"
  std::string subject;           // lower-cased user name, or the address
  std::optional<Id> user_id;     // the account's, when one has this name
  int64_t window_start = 0;      // Unix seconds
  int failures = 0;              // current window, reserved attempts included
  int prev_failures = 0;         // the window before
  int64_t locked_until = 0;      // Unix seconds; 0 or past: not locked
  int lockouts = 0;              // consecutive lock-outs (back-off exponent)
  int64_t updated_at = 0;
};

}  // namespace chibo
