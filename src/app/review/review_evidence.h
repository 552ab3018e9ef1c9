#pragma once
// Gathers the year's record of a member, or of a cell, from the store into the
// domain's counters (domain/review/evidence.h, classification.h).
#include "domain/review/classification.h"
#include "store/store.h"

namespace chibo {

// The member's record in `year`: attendance at their cell's meetings held that
// year, the tasks assigned to them at meetings of that year, their speeches,
// the dues months the cell recorded for them, and the warnings about them
// raised that year and not resolved.
YearEvidence memberYearEvidence(ReadTx& tx, Id member_id, const Org& cell, int year);

// The tasks the cell's meetings of `year` assigned that fell due by its end
// (a deadline still ahead is the next year's to judge), as they stand then;
// `members_not_done` is left to the caller (it comes from the round).
CollectiveFacts cellYearFacts(ReadTx& tx, const Org& cell, int year);

}  // namespace chibo
