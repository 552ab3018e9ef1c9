#include "app/audit/list_audit.h"

#include "app/audit/audit_labels.h"

namespace chibo {

Result<AuditPage> listAudit(Store& store, const Caller& c, Id org_id, std::optional<std::string> target_type,
                            std::optional<Id> target_id, Page page) {
  auto tx = store.read();
  auto o = tx->org(org_id);
  if (!o) return Error::notFound();
  bool allowed = false;
  for (const auto& g : c.principal.grants)
    if ((g.role == UserRole::admin || g.role == UserRole::committee) && inSubtree(o->path, g.org_path)) allowed = true;
  if (!allowed) return orgAccess(c.principal, o->path) == Access::none ? Error::notFound() : Error::forbidden();
  AuditQuery q{o->path, std::move(target_type), target_id, page.limit, page.offset};
  AuditPage out{tx->audit(q), tx->auditCount(q), {}};
  for (const auto& e : out.items)
    for (const auto& ch : e.changes) auditMemberIds(ch, out.names);
  for (auto& [id, name] : out.names)
    if (auto m = tx->member(id)) name = m->full_name;
  return out;
}

}  // namespace chibo
