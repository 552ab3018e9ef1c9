#include "app/audit_write.h"
#include "app/auth/password.h"
#include "app/auth/password_policy.h"
#include "app/users/account_scope.h"
#include "app/users/users.h"

namespace chibo {

Status changeOwnPassword(Store& store, const Caller& c, std::string_view current, std::string_view next,
                         const std::string& keep_token_hash) {
  std::optional<User> u;
  PasswordKind kind = PasswordKind::member;
  {
    auto tx = store.read();
    u = tx->user(c.principal.user_id);
    if (!u) return Error::notFound();
    kind = passwordKindOf(tx->grantsOf(u->id));
  }
  Validator v;
  if (current.empty()) v.add("current_password", "required", "Vui lòng nhập mật khẩu hiện tại.");
  if (next.empty()) v.add("new_password", "required", "Vui lòng nhập mật khẩu mới.");
  if (!v.ok()) return v.error();
  if (current.size() > 256 || !u->hasPassword() || !verifyPassword(current, u->password_hash))
    return Error::validation({{"current_password", "wrong_password", "Mật khẩu hiện tại không đúng."}});
  if (auto p = passwordPolicyProblem(next, kind, u->username); !p.empty())
    return Error::validation({{"new_password", "weak_password", p}});
  if (next == current)
    return Error::validation({{"new_password", "unchanged", "Mật khẩu mới phải khác mật khẩu hiện tại."}});
  std::string hash = hashPassword(next);
  auto tx = store.write();
  auto fresh = tx->user(u->id);
  if (!fresh || fresh->password_hash != u->password_hash)
    return Error::conflict("stale", "Mật khẩu vừa được thay đổi ở nơi khác. Vui lòng thử lại.");
  fresh->password_hash = hash;
  tx->updateUser(*fresh);
  // Whoever else holds a session (a lost phone, a shared computer) is logged
  // out; the one that changed the password stays.
  int ended = 0;
  for (const auto& s : tx->sessionsOf(fresh->id))
    if (s.token_hash != keep_token_hash) ended += tx->deleteSessionsOf(fresh->id, s.id);
  if (auto home = accountHome(*tx, *fresh))
    writeAudit(*tx, c, "account.password", "user", fresh->id, *home,
               {{"password", std::string("đã đặt"), std::string("đã đổi")},
                {"sessions_ended", std::nullopt, std::to_string(ended)}});
  tx->commit();
  return okStatus();
}

}  // namespace chibo
