#include <algorithm>

#include "app/audit_write.h"
#include "app/users/account_scope.h"
#include "app/users/derived_grants.h"
#include "app/users/users.h"

namespace chibo {
namespace {
std::string describe(ReadTx& tx, const std::vector<UserGrant>& grants) {
  std::string out;
  for (const auto& g : grants) {
    auto o = tx.org(g.org_id);
    out += (out.empty() ? "" : "; ") + std::string(label(g.role)) + " — " + (o ? o->name : "?");
  }
  return out;
}
}  // namespace

Result<std::vector<UserGrant>> setAccountGrants(Store& store, const Caller& c, Id user_id,
                                                const std::vector<UserGrant>& given) {
  if (given.size() > 20)
    return Error::validation({{"grants", "too_many", "Một tài khoản có tối đa 20 quyền."}});
  auto tx = store.write();
  auto u = tx->user(user_id);
  if (u && u->id == c.principal.user_id)
    return Error::conflict("own_account", "Không thể tự thay đổi quyền của chính mình.");
  if (!u || !mayManageAccount(*tx, c.principal, *u, true)) return Error::notFound();
  auto home = accountHome(*tx, *u);
  if (!home) return Error::notFound();
  std::vector<UserGrant> next;
  if (u->member_id)
    for (auto g : deriveGrants(*tx, *u->member_id, c.today()))
      if (auto o = tx->org(g.org_id); o && mayGrant(c.principal, g.role, o->path)) next.push_back(g);
  Validator v;
  for (size_t i = 0; i < given.size(); ++i) {
    auto o = tx->org(given[i].org_id);
    std::string field = "grants[" + std::to_string(i) + "]";
    if (!o || !isStaffOver(c.principal, o->path)) {
      v.add(field + ".org_id", "not_found", "Không tìm thấy tổ chức.");
      continue;
    }
    if (!mayGrant(c.principal, given[i].role, o->path)) {
      v.add(field + ".role", "exceeds_own", "Không thể cấp quyền cao hơn quyền của chính mình.");
      continue;
    }
    bool dup = std::any_of(next.begin(), next.end(), [&](const UserGrant& g) {
      return g.role == given[i].role && g.org_id == given[i].org_id;
    });
    if (!dup) next.push_back({0, u->id, given[i].role, o->id, false});
  }
  if (!v.ok()) return v.error();
  if (next.empty())
    return Error::validation({{"grants", "required", "Tài khoản cần ít nhất một quyền."}});
  auto before = tx->grantsOf(u->id);
  std::string was = describe(*tx, before), now = describe(*tx, next);
  tx->replaceGrants(u->id, next);
  if (was != now)
    writeAudit(*tx, c, "account.grants", "user", u->id, *home, {{"grants", was, now}});
  auto out = tx->grantsOf(u->id);
  tx->commit();
  return out;
}

}  // namespace chibo
