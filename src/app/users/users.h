#pragma once
// Accounts: the first administrator from the command line (createUser), the
// rest by the people who run the ward (member accounts with one-time
// activation codes), and what every user does with their own account.
// Every write is audited; activation codes and passwords never reach the
// audit log or an answer after the one that created them.
#include <optional>
#include <string>
#include <vector>

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
// (CLI) or an administrator over org_id. The password follows the policy of
// the role (12 characters for staff, 10 for members). Hashes it (~90 ms).
Result<User> createUser(Store& store, const Caller& c, const NewUser& in);

struct AccountConfig {
  int activation_days = 14;  // how long a new activation code stays valid
};

// An account with the activation code just issued for it (the only time the
// code exists outside the member's sheet).
struct IssuedAccount {
  User user;
  std::string activation_code;
  std::string member_name;
  Id cell_id = 0;
  std::string cell_name;
  bool code_mailed = false;  // reminders and notices: the code was queued to the e-mail given
};

// One account for member `member_id`, with grants derived from the roster.
// not_found outside the caller's scope; conflict has_account when the member
// already has one. Caller: staff over the member's cell or its committee.
Result<IssuedAccount> createMemberAccount(Store& store, const Caller& c, Id member_id, const AccountConfig& cfg);
// The same with the member's e-mail address (reminders and notices): kept as their notification
// address with e-mail on, and the activation code is mailed there when an SMTP server is
// configured. 422 invalid_email for an address that cannot be one; "" is none.
Result<IssuedAccount> createMemberAccount(Store& store, const Caller& c, Id member_id, const AccountConfig& cfg,
                                          const std::string& email);

// An account for every member on the roll of `org_id`'s subtree today who has
// none, in one transaction; by cell, then by name.
Result<std::vector<IssuedAccount>> createAccountsForOrg(Store& store, const Caller& c, Id org_id,
                                                        const AccountConfig& cfg);

// A new activation code for the account; its password and every session end.
Result<IssuedAccount> resetAccount(Store& store, const Caller& c, Id user_id, const AccountConfig& cfg);

// Disables or re-enables the account; disabling ends its sessions. Staff only.
Result<User> setAccountDisabled(Store& store, const Caller& c, Id user_id, bool disabled);

// Replaces the grants staff give by hand (`given`; derived = false) and
// recomputes the derived ones from the member's roles. Grants in `given` that
// derivation already yields are dropped, not stored twice. Staff only.
Result<std::vector<UserGrant>> setAccountGrants(Store& store, const Caller& c, Id user_id,
                                                const std::vector<UserGrant>& given);

enum class AccountStatus { pending, expired, active, disabled };
std::string_view toCode(AccountStatus);

struct AccountRow {
  User user;
  AccountStatus status = AccountStatus::active;
  std::vector<UserGrant> grants;
  std::optional<std::string> member_name;
  std::optional<Id> cell_id;
  std::string cell_name;
};

struct AccountFilter {
  enum class Show { all, never_activated, inactive, disabled } show = Show::all;
  int days = 30;       // inactive: no log-in for this many days (or never)
  std::string query;   // part of the username or the member's name, diacritics ignored
};

struct AccountList {
  std::vector<AccountRow> items;
  int64_t total = 0;
};

// Accounts under `org_id` (its members' and its nodes' grants).
Result<AccountList> listAccounts(Store& store, const Caller& c, Id org_id, const AccountFilter& f, Page page);

struct MemberWithoutAccount {
  Id member_id = 0;
  std::string full_name;
  Id cell_id = 0;
  std::string cell_name;
};
// Members on the roll under `org_id` today who have no account.
Result<std::vector<MemberWithoutAccount>> membersWithoutAccount(Store& store, const Caller& c, Id org_id);

// What the activation page shows before the member chooses a password.
struct ActivationInfo {
  std::string username;
  std::string display_name;
  size_t min_length = 10;
};
// invalid_code (404) for an unknown, used or expired code.
Result<ActivationInfo> checkActivation(Store& store, std::string_view code, DateTime now);

// Sets the first password (policy by the account's grants) and consumes the
// code. Hashes the password (~90 ms): call from a worker.
Result<User> activateAccount(Store& store, std::string_view code, std::string_view password, DateTime now);

// Needs the current password; ends the caller's other sessions. ~180 ms.
Status changeOwnPassword(Store& store, const Caller& c, std::string_view current, std::string_view next,
                         const std::string& keep_token_hash);

std::vector<Session> mySessions(Store& store, const Caller& c);
// not_found when the session is not the caller's.
Status endMySession(Store& store, const Caller& c, Id session_id);

// Lines of an activation sheet: codes the caller just received, checked
// against the stored hashes so the sheet only ever shows live codes.
struct SheetLine {
  std::string member_name;
  std::string username;
  std::string code;
  std::string cell_name;
  DateTime expires;
};
struct PrintedCode {
  Id user_id = 0;
  std::string code;
};
// `codes` empty: issues new codes for every account under `org_id` that has
// not been activated (old sheets stop working), and prints those.
Result<std::vector<SheetLine>> activationSheetLines(Store& store, const Caller& c, Id org_id,
                                                    const std::vector<PrintedCode>& codes, const AccountConfig& cfg);

}  // namespace chibo
