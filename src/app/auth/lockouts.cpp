#include "app/auth/lockouts.h"

#include <algorithm>

#include "app/audit_write.h"

namespace chibo {
namespace {

bool isStaff(const Grant& g) { return g.role == UserRole::admin || g.role == UserRole::committee; }

// An administrator whose organisation has no parent: the path holds one id.
bool isTopAdmin(const Grant& g) {
  return g.role == UserRole::admin && std::count(g.org_path.begin(), g.org_path.end(), '/') == 2;
}

// The organisation under which the caller may handle `r`, if any.
std::optional<Org> scopeOf(ReadTx& tx, const Principal& p, const ThrottleRecord& r) {
  if (r.kind == "account" && r.user_id) {
    for (const auto& ug : tx.grantsOf(*r.user_id)) {
      auto o = tx.org(ug.org_id);
      if (!o) continue;
      for (const auto& g : p.grants)
        if (isStaff(g) && o->path.rfind(g.org_path, 0) == 0) return o;
    }
  }
  for (const auto& g : p.grants)
    if (isTopAdmin(g)) return tx.org(g.org_id);
  return std::nullopt;
}

}  // namespace

Result<std::vector<LockoutView>> listLockouts(Store& store, const Caller& c) {
  if (std::none_of(c.principal.grants.begin(), c.principal.grants.end(), isStaff)) return Error::forbidden();
  auto tx = store.read();
  std::vector<LockoutView> out;
  // Lock-outs in force are few (each one needs a limit's worth of failures);
  // 1000 bounds the answer even under a spray from many addresses.
  for (auto& r : tx->lockedThrottleRecords(c.now.unix_seconds, 1000)) {
    if (!scopeOf(*tx, c.principal, r)) continue;
    LockoutView v{r, std::nullopt};
    if (r.user_id)
      if (auto u = tx->user(*r.user_id)) v.display_name = u->display_name;
    out.push_back(std::move(v));
  }
  return out;
}

Status liftLockout(Store& store, LoginThrottle& throttle, const Caller& c, Id id) {
  if (std::none_of(c.principal.grants.begin(), c.principal.grants.end(), isStaff)) return Error::notFound();
  auto tx = store.write();
  auto r = tx->throttleRecordById(id);
  if (!r || r->locked_until <= c.now.unix_seconds) return Error::notFound();
  auto scope = scopeOf(*tx, c.principal, *r);
  if (!scope) return Error::notFound();
  throttle.lift(*tx, *r);
  writeAudit(*tx, c, "auth.lockout_lift", r->kind == "account" ? "user" : "address", r->user_id.value_or(0), *scope,
             {{r->kind == "account" ? "username" : "client_address", r->subject, std::nullopt},
              {"locked_until", DateTime{r->locked_until}.iso(), std::nullopt}});
  tx->commit();
  return okStatus();
}

}  // namespace chibo
