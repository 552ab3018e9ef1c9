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

// A log-in attempt the throttle has let through: one slot of the account's
// and the address's limits is reserved for it.
struct LoginAdmission {
  std::string account;      // the throttle's key for the name typed
  std::optional<User> user; // the account, when one has this name
};

// The first half of a log-in, cheap enough for an I/O thread: refuses from
// memory when this server knows of a lock-out, else one short write
// transaction reserves a slot (atomic across threads and servers) or starts a
// lock-out (audited as auth.lockout). Error: rate_limited, with the seconds to
// wait in the field error "retry_after".
Result<LoginAdmission> admitLogin(Store& store, LoginThrottle& throttle, const std::string& username,
                                  const std::string& address, DateTime now);

// The second half: verifies the password (argon2id, ~90 ms: call from a
// worker, not an I/O thread) and opens the session. Error: bad_credentials
// (the reserved slot stays a failure). Unknown users cost the same time as
// known ones.
Result<LoginOk> completeLogin(Store& store, LoginThrottle& throttle, const LoginAdmission& admission,
                              const std::string& password, const std::string& address, DateTime now,
                              const SessionConfig& cfg = {});

// Both halves in one call.
Result<LoginOk> login(Store& store, LoginThrottle& throttle, const std::string& username,
                      const std::string& password, const std::string& address, DateTime now,
                      const SessionConfig& cfg = {});

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
