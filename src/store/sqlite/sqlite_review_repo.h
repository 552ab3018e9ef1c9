#pragma once
// SQLite implementation of ReviewRepo (0019), on the connection of its SqliteTx.
#include "store/review_repo.h"
#include "store/sqlite/sqlite_db.h"

namespace chibo::sqlite {

class SqliteReviewRepo final : public ReviewRepo {
 public:
  SqliteReviewRepo(Conn& conn, bool writable) : conn_(conn), writable_(writable) {}

  std::optional<ReviewRoundRecord> round(Id id) override;
  std::optional<ReviewRoundRecord> roundOf(Id org_id, int year) override;
  std::vector<ReviewRoundRecord> roundsOver(const std::string& org_path) override;
  std::vector<ReviewRoundRecord> roundsUnder(const std::string& org_path) override;
  std::optional<MemberReviewRecord> review(Id id) override;
  std::vector<MemberReviewRecord> reviewsOfRound(Id round_id) override;
  std::vector<MemberReviewRecord> reviewsOfMember(Id member_id) override;
  std::vector<ReviewStepRecord> steps(Id review_id) override;
  std::vector<CellReviewRecord> cellReviews(Id round_id) override;

  Id insertRound(const ReviewRoundRecord& r) override;
  Id insertReview(const MemberReviewRecord& r) override;
  void updateReview(const MemberReviewRecord& r) override;
  Id appendStep(const ReviewStepRecord& s) override;
  void putCellReview(const CellReviewRecord& c) override;

 private:
  void requireWritable() const {
    if (!writable_) throw StoreError("write attempted in a read-only transaction");
  }
  Conn& conn_;
  bool writable_;
};

}  // namespace chibo::sqlite
