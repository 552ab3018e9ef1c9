#pragma once
// Reading the audit log of an org's subtree.
#include <map>
#include <string>

#include "app/context.h"
#include "domain/result.h"

namespace chibo {

struct AuditPage {
  std::vector<AuditEntry> items;
  int64_t total = 0;
  std::map<Id, std::string> names;  // full name of every member the changes name (see audit_labels.h)
};

// The audit rows of an org's subtree, newest first. Only administrators and
// committee staff over that org may read them; others get not_found.
Result<AuditPage> listAudit(Store& store, const Caller& c, Id org_id, std::optional<std::string> target_type,
                            std::optional<Id> target_id, Page page);

}  // namespace chibo
