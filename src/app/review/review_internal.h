#pragma once
// Shared by the review use cases: who decides, which rules, the views.
#include "app/review/review.h"

namespace chibo::review {

// A committee or admin grant at or above `org_path`: the committee decides levels.
bool mayDecide(const Principal& p, std::string_view org_path);
// The rules of the reviewed year (in force on its last day), or a Vietnamese refusal.
Result<const ReviewRules*> rulesFor(const RuleCatalog& cat, int year);
// The member review `id` with its round and cell if the caller may see it; not found otherwise.
struct ReviewCtx {
  MemberReviewRecord review;
  ReviewRoundRecord round;
  Org cell;
  Member member;
};
Result<ReviewCtx> loadReview(ReadTx& tx, const Caller& c, Id review_id);
MemberReviewView memberView(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const ReviewCtx& ctx);
Result<ReviewRoundView> roundView(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const ReviewRoundRecord& round);
// The cell's voting members on `day` (R-RES-2: official members on the roll, not exempt).
int cellVoters(ReadTx& tx, const Org& cell, Date day);
// The level a review stands at in the round's picture: decided, else the cell's vote.
std::optional<ReviewLevel> currentLevel(const MemberReviewRecord& r);

}  // namespace chibo::review
