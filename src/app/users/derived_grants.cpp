#include "app/users/derived_grants.h"

#include <algorithm>

#include "domain/roster.h"

namespace chibo {

std::vector<UserGrant> deriveGrants(ReadTx& tx, Id member_id, Date today) {
  std::vector<UserGrant> out;
  auto add = [&](UserRole role, Id org_id) {
    bool dup = std::any_of(out.begin(), out.end(), [&](const UserGrant& g) { return g.role == role && g.org_id == org_id; });
    if (!dup) out.push_back({0, 0, role, org_id, true});
  };
  for (const auto& r : tx.rolesOfMember(member_id)) {
    if (!covers(r, today) || r.role == MemberRole::subgroup_leader) continue;
    if (auto o = tx.org(r.org_id); o && o->kind == OrgKind::cell) add(UserRole::cell, o->id);
  }
  for (const auto& a : tx.assignmentsOfMember(member_id)) {
    if (!covers(a, today)) continue;
    if (auto cell = tx.org(a.cell_id); cell && cell->parent_id) add(UserRole::monitor, *cell->parent_id);
  }
  if (auto place = placementOn(tx.cellPeriods(member_id), today)) {
    bool has_cell = std::any_of(out.begin(), out.end(), [&](const UserGrant& g) {
      return g.role == UserRole::cell && g.org_id == place->cell_id;
    });
    if (!has_cell) add(UserRole::member, place->cell_id);
  }
  return out;
}

}  // namespace chibo
