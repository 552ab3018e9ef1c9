#include "app/audit_write.h"

namespace chibo {

void writeAudit(WriteTx& tx, const Caller& caller, std::string action, std::string target_type, Id target_id,
                const Org& scope_org, std::vector<FieldChange> changes) {
  AuditEntry e;
  e.at = caller.now;
  if (caller.principal.user_id) e.actor_id = caller.principal.user_id;
  e.actor_username = caller.principal.username;
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = target_id;
  e.org_id = scope_org.id;
  e.org_path = scope_org.path;
  e.changes = std::move(changes);
  tx.appendAudit(e);
}

std::optional<std::string> auditValue(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}
std::optional<std::string> auditValue(const std::optional<Id>& id) {
  return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
}

}  // namespace chibo
