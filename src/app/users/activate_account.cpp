#include "app/audit_write.h"
#include "app/auth/password.h"
#include "app/auth/password_policy.h"
#include "app/users/account_names.h"
#include "app/users/account_scope.h"
#include "app/users/users.h"

namespace chibo {
namespace {
Error invalidCode() {
  return {ErrorKind::not_found, "invalid_code",
          "Mã kích hoạt không đúng, đã dùng hoặc đã hết hạn. Vui lòng liên hệ văn phòng đảng ủy để được cấp mã mới.",
          {}};
}

// The account a typed code opens, if the code is live.
std::optional<User> accountOfCode(ReadTx& tx, std::string_view code, DateTime now) {
  auto hash = activationHashOf(code);
  if (hash.empty()) return std::nullopt;
  auto u = tx.userByActivationHash(hash);
  if (!u || u->disabled || !u->activation_expires_at || *u->activation_expires_at < now) return std::nullopt;
  return u;
}
}  // namespace

Result<ActivationInfo> checkActivation(Store& store, std::string_view code, DateTime now) {
  auto tx = store.read();
  auto u = accountOfCode(*tx, code, now);
  if (!u) return invalidCode();
  return ActivationInfo{u->username, u->display_name, minPasswordLength(passwordKindOf(tx->grantsOf(u->id)))};
}

Result<User> activateAccount(Store& store, std::string_view code, std::string_view password, DateTime now) {
  std::optional<User> u;
  PasswordKind kind = PasswordKind::member;
  {
    auto tx = store.read();
    u = accountOfCode(*tx, code, now);
    if (!u) return invalidCode();
    kind = passwordKindOf(tx->grantsOf(u->id));
  }
  if (auto p = passwordPolicyProblem(password, kind, u->username); !p.empty())
    return Error::validation({{"password", "weak_password", p}});
  std::string hash = hashPassword(password);  // ~90 ms, outside the writer lock
  auto tx = store.write();
  auto fresh = accountOfCode(*tx, code, now);  // the code may have been used or reset meanwhile
  if (!fresh || fresh->id != u->id) return invalidCode();
  fresh->password_hash = hash;
  fresh->activated_at = now;
  fresh->activation_hash.reset();
  fresh->activation_expires_at.reset();
  tx->updateUser(*fresh);
  auto home = accountHome(*tx, *fresh);
  if (home) {
    Caller self{Principal{fresh->id, fresh->username, fresh->member_id, {}, {}, {}}, now};
    writeAudit(*tx, self, "account.activate", "user", fresh->id, *home,
               {{"password", std::string("chưa đặt"), std::string("đã đặt")}});
  }
  tx->commit();
  return *fresh;
}

}  // namespace chibo
