#pragma once
// Year-end review and classification (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): a
// committee opens a round for its subtree and year; each member on a cell's
// roll (exempt members excepted, R-ATT-5) gets a review prefilled with the
// year's evidence; the member assesses themself, the cell votes a level, the
// committee decides (the xuất sắc quota checked on the round), and an appeal
// adds a decision without erasing the steps before it. The committee also
// classifies each cell.
//
// Scope: a round is seen by whoever reads its committee or one of its cells;
// a review by its member and whoever reads the member's cell. Self-assessment
// is the member's own; the cell's vote needs write access to the cell; the
// decision, the appeal and a cell's classification need a committee or admin
// grant over the round's committee.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "domain/result.h"
#include "domain/review/classification.h"
#include "store/review_repo.h"

namespace chibo {

struct ReviewLine {  // one member's review, as listed in a round
  MemberReviewRecord review;
  std::string member_name;
  std::string cell_name;
  bool may_view = false;
};

struct CellReviewLine {
  Org cell;
  int members = 0;
  int by_stage[4] = {0, 0, 0, 0};   // indexed by ReviewStage
  int by_level[4] = {0, 0, 0, 0};   // decided levels, indexed by ReviewLevel
  std::optional<CellReviewRecord> classification;
  CollectiveFacts facts;
};

struct ReviewRoundView {
  ReviewRoundRecord round;
  std::string org_name;
  const ReviewRules* rules = nullptr;
  std::vector<CellReviewLine> cells;  // the cells the caller can read
  std::vector<ReviewLine> reviews;    // the reviews the caller can see, by cell then Vietnamese name
  int by_level[4] = {0, 0, 0, 0};     // decided, over the whole round
  int not_decided = 0;
  QuotaCheck quota;                   // on decided levels, else the cell's vote
  bool may_decide = false;
};

struct MemberReviewView {
  MemberReviewRecord review;
  ReviewRoundRecord round;
  std::string member_name;
  Org cell;
  YearEvidence evidence;
  std::vector<ReviewStepRecord> steps;
  const ReviewRules* rules = nullptr;
  int voters = 0;  // the cell's voting members today, when the caller may record its vote
  bool may_self_assess = false;
  bool may_vote = false;
  bool may_decide = false;
};

// What a step carries. Unset fields are errors where the step needs them.
struct ReviewStepInput {
  std::optional<std::string> level;  // a ReviewLevel code
  std::optional<int> points;         // 0..100
  std::optional<std::string> note;   // self-assessment text, or the decision's note
  std::optional<int> vote_for, vote_against, vote_abstain;
  std::optional<int> version;        // the review's version the caller saw
};

// `year` is validated after scope (none: 422 required).
Result<ReviewRoundView> openReviewRound(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                       std::optional<int> year);
Result<std::vector<ReviewRoundRecord>> listReviewRounds(Store& store, const Caller& c, Id org_id);
Result<ReviewRoundView> getReviewRound(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id);
Result<MemberReviewView> getMemberReview(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id);
Result<MemberReviewView> takeReviewStep(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id,
                                        ReviewStep step, const ReviewStepInput& in);
Result<ReviewRoundView> classifyCell(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id, Id cell_id,
                                     const ReviewStepInput& in);

}  // namespace chibo

#include "export/review_papers.h"

namespace chibo {

struct ReviewPapers {
  PartyDocument doc;
  XlsxBook book;           // the result list only
  std::string file_stem;   // Vietnamese, no extension
};

// A member's review form (bản kiểm điểm), for whoever may see the review.
Result<ReviewPapers> reviewFormPapers(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id);
// A round's result list: the ward's table (every review the caller may see, the cells' levels), or
// one cell's summary list with `cell_id` (404 for a cell outside the round or the caller's view).
Result<ReviewPapers> reviewResultPapers(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id,
                                        std::optional<Id> cell_id);

}  // namespace chibo
