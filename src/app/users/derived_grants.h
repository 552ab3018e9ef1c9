#pragma once
// Grants that follow from what the roster already records, so staff never
// enter the same fact twice: a cell's bí thư, phó bí thư or chi ủy viên gets
// the cell grant; a committee member assigned to follow cells gets the
// monitor grant of the committee above them; every placed member gets the
// member grant of their cell (unless the cell grant already covers it).
#include <vector>

#include "domain/account.h"
#include "domain/date.h"
#include "store/store.h"

namespace chibo {

// The grants (derived = true, user_id 0) member `member_id` holds on `today`.
std::vector<UserGrant> deriveGrants(ReadTx& tx, Id member_id, Date today);

}  // namespace chibo
