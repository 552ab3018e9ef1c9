#pragma once
// Attaching a tổ đảng pilot to a cell (R-TOĐẢNG-1, domain/rules/subgroup_pilot.h):
// reading it, attaching or re-dating it, and detaching it. Committee staff and
// administrators over the cell change it, as they attach local rule sets;
// anyone who may read the cell reads it.
//
// Attaching, changing and detaching each rebuild the cell's roll-up
// aggregates and reconcile its kept warnings in the same transaction as the
// write and its audit row, so the months the pilot covers (or covered) are
// judged anew at once.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/rules/subgroup_pilot.h"

namespace chibo {

struct SubgroupPilotView {
  Org cell;
  std::optional<SubgroupPilot> pilot;
  std::vector<Org> subgroups;  // the cell's tổ đảng, not archived
  bool may_change = false;     // the caller may attach, change or detach
};

// 404 when the caller may not read the org.
Result<SubgroupPilotView> getSubgroupPilot(Store& store, const Caller& c, Id org_id);

struct SubgroupPilotFields {
  std::optional<std::string> from;      // "YYYY-MM", required
  std::optional<std::string> to;        // "YYYY-MM", absent or "" = open
  std::optional<std::string> decision;  // required, at most 300 characters
};
// Attaches (or re-dates) the cell's pilot. 404 out of scope, 403 without
// committee or admin rights over the cell. 422: code not_a_cell (a committee or
// a tổ đảng), no_subgroups (the cell has no tổ đảng), or field errors from
// required / invalid_month / before_basis (earlier than 12/2022), to
// invalid_month / month_order, decision required / too_long.
Result<SubgroupPilotView> attachSubgroupPilot(Store& store, const Caller& c, Id org_id, const SubgroupPilotFields& in);

// Detaches the cell's pilot. 404 out of scope, 403 as above, 409 no_subgroup_pilot when none is attached.
Status detachSubgroupPilot(Store& store, const Caller& c, Id org_id);

}  // namespace chibo
