#pragma once
// Reading what a tổ đảng pilot judges (domain/rules/subgroup_pilot.h) from the
// store: the cell's tổ đảng and their meetings. Used by the roll-up aggregates
// and the warnings, so both count a month the same way.
#include <optional>
#include <vector>

#include "app/context.h"
#include "domain/rules/subgroup_pilot.h"

namespace chibo {

// The cell's tổ đảng that are not archived, by id.
std::vector<Org> subgroupsOf(ReadTx& tx, Id cell_id);

// The meetings of `subgroups` whose period lies in [from_month, to_month]
// (month keys), as the pilot judges them (attendance left at 0).
std::vector<SubgroupMeetingFacts> subgroupMeetingFacts(ReadTx& tx, const std::vector<Org>& subgroups, int from_month,
                                                       int to_month);

// The month judged under the cell's pilot, read through `tx`; none when no
// pilot covers it (then a tổ đảng meeting does not stand for the cell's).
std::optional<SubgroupMonth> pilotMonthOf(ReadTx& tx, Id cell_id, int year, unsigned month);

}  // namespace chibo
