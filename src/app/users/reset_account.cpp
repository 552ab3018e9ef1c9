#include "app/audit_write.h"
#include "app/users/account_issue.h"
#include "app/users/account_scope.h"

namespace chibo {

Result<IssuedAccount> resetAccount(Store& store, const Caller& c, Id user_id, const AccountConfig& cfg) {
  auto tx = store.write();
  auto u = tx->user(user_id);
  if (!u || !mayManageAccount(*tx, c.principal, *u, false)) return Error::notFound();
  auto home = accountHome(*tx, *u);
  if (!home) return Error::notFound();
  // The old password stops working at once: whoever knew it (or stole it)
  // is out, and the member starts again from the new code.
  u->password_hash.clear();
  u->activated_at.reset();
  std::string code = putActivationCode(*u, c.now, cfg);
  tx->updateUser(*u);
  int ended = tx->deleteSessionsOf(u->id, std::nullopt);
  writeAudit(*tx, c, "account.reset", "user", u->id, *home,
             {{"password", std::string("đã đặt"), std::string("chờ kích hoạt lại")},
              {"sessions_ended", std::nullopt, std::to_string(ended)},
              {"activation_expires", std::nullopt, u->activation_expires_at->vn()}});
  std::string member_name;
  if (u->member_id)
    if (auto m = tx->member(*u->member_id)) member_name = m->full_name;
  tx->commit();
  return IssuedAccount{*u, code, member_name, home->id, home->name};
}

}  // namespace chibo
