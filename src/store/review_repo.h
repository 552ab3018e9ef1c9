#pragma once
// The review repository: year-end review rounds, each member's review with its
// steps, and the cells' classification (0019; QĐ 366-QĐ/TW, HD 43-HD/BTCTW).
//
// A narrow repository reached from a transaction (tx.review()). Reads see the
// transaction's snapshot; a write through a read transaction throws
// StoreError. Steps are append-only: an appeal adds a step and leaves the
// earlier ones as they were.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/review/level.h"
#include "domain/review/review_flow.h"
#include "store/store.h"

namespace chibo {

// One committee's review of its subtree for one year.
struct ReviewRoundRecord {
  Id id = 0;
  Id org_id = 0;
  std::string org_path;  // read only: the org's path
  int year = 0;
  DateTime opened_at;
  std::optional<Id> opened_by_user_id;
  std::string opened_by_username;
};

// One member's review in a round; the latest of each step's values.
struct MemberReviewRecord {
  Id id = 0;
  Id round_id = 0;
  Id member_id = 0;
  Id cell_id = 0;  // the cell the member was reviewed in
  ReviewStage stage = ReviewStage::open;
  std::string self_text;  // the self-assessment
  std::optional<ReviewLevel> self_level;
  std::optional<int> self_points;
  std::optional<DateTime> self_at;
  std::optional<ReviewLevel> cell_level;  // the level the cell voted
  std::optional<int> cell_points;
  int vote_for = 0, vote_against = 0, vote_abstain = 0, vote_eligible = 0;
  std::optional<DateTime> cell_at;
  std::optional<ReviewLevel> decided_level;
  std::optional<int> decided_points;
  std::optional<DateTime> decided_at;
  std::string decision_note;
  int version = 1;
};

// One step taken on a review, as it was taken.
struct ReviewStepRecord {
  Id id = 0;
  Id review_id = 0;
  ReviewStep step = ReviewStep::self_assess;
  std::optional<ReviewLevel> level;
  std::optional<int> points;
  std::string note;
  int vote_for = 0, vote_against = 0, vote_abstain = 0;
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

// The committee's classification of one cell in a round.
struct CellReviewRecord {
  Id round_id = 0;
  Id cell_id = 0;
  ReviewLevel level = ReviewLevel::done;
  int points = 0;
  std::string note;
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

class ReviewRepo {
 public:
  virtual ~ReviewRepo() = default;

  virtual std::optional<ReviewRoundRecord> round(Id id) = 0;
  virtual std::optional<ReviewRoundRecord> roundOf(Id org_id, int year) = 0;
  // Rounds of committees at or above `org_path` (the org itself and its ancestors), newest year first.
  virtual std::vector<ReviewRoundRecord> roundsOver(const std::string& org_path) = 0;
  // Rounds of committees in the subtree of `org_path`, newest year first.
  virtual std::vector<ReviewRoundRecord> roundsUnder(const std::string& org_path) = 0;
  virtual std::optional<MemberReviewRecord> review(Id id) = 0;
  virtual std::vector<MemberReviewRecord> reviewsOfRound(Id round_id) = 0;  // by cell id, member id
  virtual std::vector<MemberReviewRecord> reviewsOfMember(Id member_id) = 0;  // newest round first
  virtual std::vector<ReviewStepRecord> steps(Id review_id) = 0;             // oldest first
  virtual std::vector<CellReviewRecord> cellReviews(Id round_id) = 0;        // by cell id

  virtual Id insertRound(const ReviewRoundRecord& r) = 0;
  virtual Id insertReview(const MemberReviewRecord& r) = 0;
  virtual void updateReview(const MemberReviewRecord& r) = 0;  // caller bumps version
  virtual Id appendStep(const ReviewStepRecord& s) = 0;
  virtual void putCellReview(const CellReviewRecord& c) = 0;  // inserts or replaces (round, cell)
};

}  // namespace chibo
