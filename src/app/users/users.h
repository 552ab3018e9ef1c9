#pragma once
// Accounts, created by the administrator (CLI `chibo user add`).
#include <optional>
#include <string>

#include "app/context.h"
#include "domain/result.h"

namespace chibo {

struct NewUser {
  std::string username;
  std::string password;
  std::string display_name;
  UserRole role = UserRole::member;
  std::optional<Id> org_id;
  std::optional<Id> member_id;
};

// Validates and creates the account with one grant. The caller is the system
// (CLI) or an administrator over org_id. Hashes the password (~90 ms).
Result<User> createUser(Store& store, const Caller& c, const NewUser& in);

}  // namespace chibo
