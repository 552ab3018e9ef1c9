#pragma once
// Roles held in an org (bí thư, phó bí thư, cấp ủy viên, tổ trưởng) and the
// assignment of committee members to monitor cells.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/orgs/orgs.h"
#include "domain/result.h"

namespace chibo {

struct RoleFields {
  std::optional<Id> member_id;
  std::optional<std::string> role, from, to;
};
Result<RoleView> assignRole(Store& store, const Caller& c, Id org_id, const RoleFields& in);
Result<RoleView> endRole(Store& store, const Caller& c, Id role_id, const RoleFields& in);

struct MonitorCandidate {
  Id member_id = 0;
  std::string full_name;
  Org org;
  MemberRole role = MemberRole::committee_member;
};
Result<std::vector<MonitorCandidate>> monitorCandidates(Store& store, const Caller& c, Id cell_id);

struct MonitorFields {
  std::optional<Id> member_id;
  std::optional<std::string> from, to;
};
Result<MonitorView> assignMonitor(Store& store, const Caller& c, Id cell_id, const MonitorFields& in);
Result<MonitorView> endMonitor(Store& store, const Caller& c, Id assignment_id, const MonitorFields& in);

}  // namespace chibo
