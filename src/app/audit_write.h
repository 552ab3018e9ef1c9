#pragma once
// Appends the audit row for a write, inside the same transaction as the write
// itself: either both land or neither does.
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo {

void writeAudit(WriteTx& tx, const Caller& caller, std::string action, std::string target_type, Id target_id,
                const Org& scope_org, std::vector<FieldChange> changes);

// Formatting helpers for diffs: dates as ISO, absent as none.
std::optional<std::string> auditValue(const std::optional<Date>& d);
std::optional<std::string> auditValue(const std::optional<Id>& id);
inline std::optional<std::string> auditValue(const std::string& s) { return s; }
inline std::optional<std::string> auditValue(bool b) { return std::string(b ? "true" : "false"); }

}  // namespace chibo
