#pragma once
// Log-in lock-outs as staff see them: the list, and lifting one. An account's
// lock-out belongs to the organisations the account is granted in, so the
// administrators and committee staff of a subtree see and lift those; a
// lock-out of an address, or of a name with no account, only an administrator
// of a top-level organisation does.
#include <optional>
#include <string>
#include <vector>

#include "app/auth/throttle.h"
#include "app/context.h"
#include "domain/result.h"

namespace chibo {

struct LockoutView {
  ThrottleRecord record;
  std::optional<std::string> display_name;  // the account's, when there is one
};

// Lock-outs in force at `c.now` that the caller may lift, latest first.
// 403 forbidden for callers who are neither administrators nor committee staff.
Result<std::vector<LockoutView>> listLockouts(Store& store, const Caller& c);

// Lifts one; audited as auth.lockout_lift. 404 when it is not in force or not
// the caller's to see.
Status liftLockout(Store& store, LoginThrottle& throttle, const Caller& c, Id id);

}  // namespace chibo
