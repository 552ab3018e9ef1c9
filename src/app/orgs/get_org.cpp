#include "app/orgs/orgs.h"

#include <algorithm>
#include <unordered_map>

namespace chibo {

Result<OrgView> getOrg(Store& store, const Caller& c, Id id) {
  auto tx = store.read();
  auto o = tx->org(id);
  if (!o) return Error::notFound();
  Access a = orgAccess(c.principal, o->path);
  if (a == Access::none) return Error::notFound();
  OrgView v;
  v.org = *o;
  v.access = a;
  auto ids = pathIds(o->path);
  ids.pop_back();
  for (auto& anc : tx->orgsByIds(ids))
    if (orgAccess(c.principal, anc.path) != Access::none) v.ancestors.push_back(anc);
  v.terms = tx->terms(id);
  Date today = c.today();
  for (const auto& r : tx->rolesInOrg(id)) {
    if (!covers(r, today)) continue;
    auto m = tx->member(r.member_id);
    v.roles.push_back({r, m ? m->full_name : "", o->name});
  }
  if (a >= Access::read) {
    // Each place's members go to the child whose id follows this org's in the place's path: one
    // pass over the places, and one query for the grandchildren, however many children there
    // are (a ward has up to 250 cells).
    const size_t depth = ids.size() + 1;  // this org's ancestors and itself
    std::unordered_map<Id, int> per_child, grandchildren;
    for (auto& [p, k] : tx->memberCountsByPlace(o->path)) {
      v.member_count += k;
      auto place = pathIds(p);
      if (place.size() > depth) per_child[place[depth]] += k;
    }
    for (auto [child, n] : tx->grandchildCounts(id)) grandchildren[child] = n;
    for (auto& ch : tx->orgChildren(id)) v.children.push_back({ch, per_child[ch.id], grandchildren[ch.id]});
    for (const auto& m : tx->monitorsOfCell(id)) {
      if (!covers(m, today)) continue;
      auto mem = tx->member(m.member_id);
      v.monitors.push_back({m, mem ? mem->full_name : ""});
    }
  }
  return v;
}

Result<std::vector<Org>> listRootOrgs(Store& store, const Caller& c) {
  auto tx = store.read();
  return tx->orgByPath(visibleRoots(c.principal));
}

}  // namespace chibo
