#include "app/audit_write.h"
#include "app/users/account_scope.h"
#include "app/users/users.h"

namespace chibo {

Result<User> setAccountDisabled(Store& store, const Caller& c, Id user_id, bool disabled) {
  auto tx = store.write();
  auto u = tx->user(user_id);
  if (u && u->id == c.principal.user_id)
    return Error::conflict("own_account", "Không thể khóa hoặc mở khóa tài khoản của chính mình.");
  if (!u || !mayManageAccount(*tx, c.principal, *u, true)) return Error::notFound();
  if (u->disabled == disabled) return *u;  // already so: nothing written, nothing audited
  auto home = accountHome(*tx, *u);
  if (!home) return Error::notFound();
  u->disabled = disabled;
  tx->updateUser(*u);
  int ended = disabled ? tx->deleteSessionsOf(u->id, std::nullopt) : 0;
  const std::string on = "Đang dùng", off = "Đã khóa";
  std::vector<FieldChange> changes{{"disabled", disabled ? on : off, disabled ? off : on}};
  if (disabled) changes.push_back({"sessions_ended", std::nullopt, std::to_string(ended)});
  writeAudit(*tx, c, disabled ? "account.disable" : "account.enable", "user", u->id, *home, changes);
  tx->commit();
  return *u;
}

}  // namespace chibo
