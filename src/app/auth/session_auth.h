#pragma once
// Log-in, log-out and session lookup. Sessions live in the database (they
// survive restarts); the cookie holds a random token and the database only its
// SHA-256, so a stolen database file does not hand out live sessions.
#include <optional>
#include <string>

#include "app/auth/throttle.h"
#include "app/context.h"
#include "domain/result.h"

namespace chibo {

struct LoginOk {
  std::string token;       // goes in the cookie
  std::string csrf_token;  // goes to the client in the body
  Principal principal;
  User user;
};

struct SessionConfig {
  int lifetime_hours = 12;
};

// Verifies the password (argon2id, ~90 ms: call from a worker, not an I/O
// thread), after the throttle has admitted the attempt (a write transaction:
// the slot is reserved before hashing; a lock-out is audited as auth.lockout).
// Errors: rate_limited (with retry seconds in the field error "retry_after"),
// bad_credentials. Unknown users cost the same time as known ones.
Result<LoginOk> login(Store& store, LoginThrottle& throttle, const std::string& username,
                      const std::string& password, const std::string& address, DateTime now,
                      const SessionConfig& cfg = {});

// Memory only, for an I/O thread before the attempt is queued for hashing:
// the seconds to wait when this server already knows the account or address
// is locked out, else 0 (login() then asks the database).
int loginWaitFromMemory(LoginThrottle& throttle, const std::string& username, const std::string& address,
                        DateTime now);

struct ResolvedSession {
  Principal principal;
  std::string csrf_token;
  std::string token_hash;
};

// The session for a cookie token, if it exists and has not expired.
std::optional<ResolvedSession> resolveSession(Store& store, const std::string& token, DateTime now);

void logout(Store& store, const std::string& token_hash);

std::string sha256Hex(const std::string& s);
std::string randomToken();  // 32 random bytes, hex

}  // namespace chibo
