#pragma once
// Who may manage which accounts. Ward staff (committee) and administrators
// manage accounts in their subtree; a cell's committee (chi ủy) may create and
// re-issue member accounts of its own cell. Nobody grants more than they hold:
// a grant of role R at node N needs a management grant at or above N whose
// role ranks at least R.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth/password_policy.h"
#include "app/context.h"
#include "domain/account.h"
#include "domain/scope.h"
#include "store/store.h"

namespace chibo {

// admin 4 > committee 3 > cell 2 = monitor 2 > member 1.
int roleRank(UserRole role);

// May the caller give `role` at the node with path `org_path`?
bool mayGrant(const Principal& p, UserRole role, std::string_view org_path);

// May the caller list accounts, create member accounts and print activation
// sheets under `org_path` (staff over it, or the committee of that very cell)?
bool mayManageAccountsAt(const Principal& p, std::string_view org_path);

// Staff (administrator or ward staff) over `org_path`.
bool isStaffOver(const Principal& p, std::string_view org_path);

// The path of the member's current cell, if the account belongs to a placed member.
std::optional<std::string> accountCellPath(ReadTx& tx, const User& u);

// May the caller act on account `u`: every grant it holds must be one the
// caller could give, and its member's cell must be one the caller manages.
// `staff_only` (disable, change grants) further needs staff over all of it.
// The caller's own account is never manageable this way.
bool mayManageAccount(ReadTx& tx, const Principal& p, const User& u, bool staff_only);

// Scope before validation for routes that read a body first: 404 unless the caller may act on
// account `user_id` (as mayManageAccount), so an outsider learns nothing from a field error.
Status checkAccountScope(Store& store, const Caller& c, Id user_id, bool staff_only);

// The org an account's audit rows are filed under: the member's cell, else
// the first grant's node.
std::optional<Org> accountHome(ReadTx& tx, const User& u);

// staff when any grant is more than member.
PasswordKind passwordKindOf(const std::vector<UserGrant>& grants);

}  // namespace chibo
