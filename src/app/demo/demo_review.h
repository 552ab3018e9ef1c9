#pragma once
// The demo ward's finished year-end review of last year (QĐ 366-QĐ/TW): every
// member on the roll reviewed through the four steps, levels drawn from the
// member's own record under the rules in force, the xuất sắc quota kept, and
// every cell classified on its record.
#include "domain/review/review_rules.h"
#include "store/store.h"

namespace chibo {

// Writes the round of `today`'s previous year for the committee `ward_id` through `tx` (the
// caller commits). Deterministic for the same data and `today`. Returns the reviews written.
int loadDemoReview(WriteTx& tx, const ReviewRules& rules, Id ward_id, Date today);

}  // namespace chibo
