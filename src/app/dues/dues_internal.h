#pragma once
// Shared by the dues use cases: resolving scope and months.
#include "app/dues/dues.h"

namespace chibo::dues_detail {

// The cell for a sheet: 404 unknown or out of scope, 403 below `need`, 422 not a cell.
Result<Org> cellFor(ReadTx& tx, const Caller& c, Id cell_id, Access need);

// "YYYY-MM" (default the current month): 422 month invalid or in the future.
Result<int> monthOf(const std::optional<std::string>& month, Date today);

// A member and the cell that scopes them (current placement, else the last one):
// 404 unknown or out of scope, 403 below `need`.
struct MemberTarget {
  Member member;
  Org cell;
  Access access = Access::none;
};
Result<MemberTarget> memberFor(ReadTx& tx, const Caller& c, Id member_id, Access need);

// The member's dues view for `year`, read through `tx` (no scope check).
MemberDuesView memberDuesView(ReadTx& tx, const RuleCatalog& cat, const MemberTarget& t, int year, Date today);

}  // namespace chibo::dues_detail
