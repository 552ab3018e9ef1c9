#pragma once
// Builds the Principal of an account from its grants, its member record and
// the monitor assignments active today.
#include <optional>

#include "domain/account.h"
#include "domain/scope.h"
#include "store/store.h"

namespace chibo {

// None when the user does not exist or is disabled.
std::optional<Principal> loadPrincipal(ReadTx& tx, Id user_id, Date today);

}  // namespace chibo
