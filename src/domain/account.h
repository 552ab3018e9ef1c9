#pragma once
// Log-in accounts and their grants. A grant binds a UserRole to an org node.
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/scope.h"

namespace chibo {

struct User {
  Id id = 0;
  std::string username;       // lower-case ASCII, e.g. "bithu.kp1"
  std::string display_name;
  std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
  std::optional<Id> member_id;
  bool disabled = false;
  std::optional<DateTime> created_at;
  std::optional<DateTime> activated_at;   // set when the member chose a password
  std::optional<DateTime> last_login_at;
  // SHA-256 (hex) of the one-time activation code, while one is outstanding;
  // the code itself is shown once to the staff who created it and never stored.
  std::optional<std::string> activation_hash;
  std::optional<DateTime> activation_expires_at;
  // An account waiting for activation has no password: login refuses it.
  bool hasPassword() const { return !password_hash.empty(); }
};

struct UserGrant {
  Id id = 0;
  Id user_id = 0;
  UserRole role = UserRole::member;
  Id org_id = 0;
  // Recomputed from the member's roles and monitor assignments, not entered by
  // staff (the same fact is never entered twice).
  bool derived = false;
};

struct Session {
  std::string token_hash;  // SHA-256 of the cookie value, hex; the raw token is never stored
  Id user_id = 0;
  std::string csrf_token;
  DateTime created;
  DateTime expires;
  std::string address;  // client address at log-in, shown in "my sessions"
  Id id = 0;            // row id: how the owner names a session to end it
};

}  // namespace chibo
