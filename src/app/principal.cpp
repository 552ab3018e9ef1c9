#include "app/principal.h"

#include "domain/roster.h"

namespace chibo {

std::optional<Principal> loadPrincipal(ReadTx& tx, Id user_id, Date today) {
  auto u = tx.user(user_id);
  if (!u || u->disabled) return std::nullopt;
  Principal p;
  p.user_id = u->id;
  p.username = u->username;
  p.member_id = u->member_id;
  bool monitors = false;
  for (const auto& g : tx.grantsOf(u->id)) {
    auto o = tx.org(g.org_id);
    if (!o) continue;
    p.grants.push_back({g.role, g.org_id, o->path});
    monitors |= g.role == UserRole::monitor;
  }
  if (u->member_id) {
    auto m = tx.member(*u->member_id);
    if (m) {
      if (auto place = placementOn(tx.cellPeriods(m->id), today)) {
        if (auto cell = tx.org(place->cell_id)) p.own_cell_path = cell->path;
      }
    }
    if (monitors) {
      for (const auto& a : tx.assignmentsOfMember(*u->member_id))
        if (covers(a, today))
          if (auto cell = tx.org(a.cell_id)) p.monitored_cell_paths.push_back(cell->path);
    }
  }
  return p;
}

}  // namespace chibo
