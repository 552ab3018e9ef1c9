#include "app/users/account_scope.h"

#include "domain/org.h"

namespace chibo {

int roleRank(UserRole role) {
  switch (role) {
    case UserRole::admin: return 4;
    case UserRole::committee: return 3;
    case UserRole::cell:
    case UserRole::monitor: return 2;
    case UserRole::member: return 1;
  }
  return 0;
}

bool isStaffOver(const Principal& p, std::string_view org_path) {
  for (const auto& g : p.grants)
    if ((g.role == UserRole::admin || g.role == UserRole::committee) && inSubtree(org_path, g.org_path)) return true;
  return false;
}

bool mayGrant(const Principal& p, UserRole role, std::string_view org_path) {
  for (const auto& g : p.grants) {
    bool staff = g.role == UserRole::admin || g.role == UserRole::committee;
    if (staff && inSubtree(org_path, g.org_path) && roleRank(g.role) >= roleRank(role)) return true;
    if (g.role == UserRole::cell && role == UserRole::member && org_path == g.org_path) return true;
  }
  return false;
}

bool mayManageAccountsAt(const Principal& p, std::string_view org_path) {
  if (isStaffOver(p, org_path)) return true;
  for (const auto& g : p.grants)
    if (g.role == UserRole::cell && g.org_path == org_path) return true;
  return false;
}

std::optional<std::string> accountCellPath(ReadTx& tx, const User& u) {
  if (!u.member_id) return std::nullopt;
  auto m = tx.member(*u.member_id);
  if (!m || !m->cell_id) return std::nullopt;
  auto cell = tx.org(*m->cell_id);
  if (!cell) return std::nullopt;
  return cell->path;
}

bool mayManageAccount(ReadTx& tx, const Principal& p, const User& u, bool staff_only) {
  if (u.id == p.user_id) return false;
  bool any = false;
  auto cell = accountCellPath(tx, u);
  if (cell) {
    if (staff_only ? !isStaffOver(p, *cell) : !mayManageAccountsAt(p, *cell)) return false;
    any = true;
  }
  for (const auto& g : tx.grantsOf(u.id)) {
    auto o = tx.org(g.org_id);
    if (!o || !mayGrant(p, g.role, o->path)) return false;
    if (staff_only && !isStaffOver(p, o->path)) return false;
    any = true;
  }
  return any;
}

std::optional<Org> accountHome(ReadTx& tx, const User& u) {
  if (u.member_id)
    if (auto m = tx.member(*u.member_id); m && m->cell_id)
      if (auto o = tx.org(*m->cell_id)) return o;
  for (const auto& g : tx.grantsOf(u.id))
    if (auto o = tx.org(g.org_id)) return o;
  return std::nullopt;
}

PasswordKind passwordKindOf(const std::vector<UserGrant>& grants) {
  for (const auto& g : grants)
    if (g.role != UserRole::member) return PasswordKind::staff;
  return PasswordKind::member;
}

Status checkAccountScope(Store& store, const Caller& c, Id user_id, bool staff_only) {
  auto tx = store.read();
  auto u = tx->user(user_id);
  if (u && u->id == c.principal.user_id) return okStatus();  // the use case answers 409 own_account
  if (!u || !mayManageAccount(*tx, c.principal, *u, staff_only)) return Error::notFound();
  return okStatus();
}

}  // namespace chibo
