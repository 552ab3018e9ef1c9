#include "app/orgs/orgs.h"

#include <algorithm>

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
    std::vector<std::pair<std::string, int>> counts;  // (path of the place, members placed there)
    for (auto [org_id, n] : tx->memberCountsByOrg(o->path))
      if (auto sub = tx->org(org_id)) counts.emplace_back(sub->path, n);
    for (auto& ch : tx->orgChildren(id)) {
      int n = 0;
      for (auto& [p, k] : counts)
        if (inSubtree(p, ch.path)) n += k;
      v.children.push_back({ch, n, int(tx->orgChildren(ch.id).size())});
    }
    for (auto& [p, k] : counts) v.member_count += k;
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
