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
};

struct UserGrant {
  Id id = 0;
  Id user_id = 0;
  UserRole role = UserRole::member;
  Id org_id = 0;
};

struct Session {
  std::string token_hash;  // SHA-256 of the cookie value, hex; the raw token is never stored
  Id user_id = 0;
  std::string csrf_token;
  DateTime created;
  DateTime expires;
};

}  // namespace chibo
