#pragma once
// An audit record: who changed what, when. Append-only by construction: the
// store offers no update or delete for it.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

struct FieldChange {
  std::string field;
  std::optional<std::string> before;  // none: the field did not exist (create)
  std::optional<std::string> after;   // none: the field was removed
};

struct AuditEntry {
  Id id = 0;
  DateTime at;
  std::optional<Id> actor_id;   // none: the system itself (demo load, migrations)
  std::string actor_username;
  std::string action;           // e.g. "member.create", "member.transfer"
  std::string target_type;      // e.g. "member", "org"
  Id target_id = 0;
  std::optional<Id> org_id;     // the org whose subtree may read this row
  std::string org_path;
  std::vector<FieldChange> changes;
};

// Adds a change when `before` and `after` differ. Used by use cases to build
// the diff of an update field by field.
inline void diffField(std::vector<FieldChange>& out, std::string field, const std::optional<std::string>& before,
                      const std::optional<std::string>& after) {
  if (before != after) out.push_back({std::move(field), before, after});
}

}  // namespace chibo
