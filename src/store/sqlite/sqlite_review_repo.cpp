// Year-end review rounds, member reviews, their steps and cell classifications (0019).
#include "store/sqlite/sqlite_review_repo.h"

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

constexpr const char* kRoundCols =
    "r.id, r.org_id, o.path, r.year, r.opened_at, r.opened_by_user_id, r.opened_by_username";

ReviewRoundRecord readRound(const Stmt& st) {
  ReviewRoundRecord r;
  r.id = st.i64(0);
  r.org_id = st.i64(1);
  r.org_path = st.text(2);
  r.year = st.i32(3);
  r.opened_at = st.instant(4);
  r.opened_by_user_id = st.optI64(5);
  r.opened_by_username = st.text(6);
  return r;
}

std::vector<ReviewRoundRecord> readRounds(Stmt& st) {
  std::vector<ReviewRoundRecord> out;
  while (st.step()) out.push_back(readRound(st));
  return out;
}

std::optional<ReviewLevel> optLevel(const Stmt& st, int c) {
  return st.isNull(c) ? std::nullopt : reviewLevelFromCode(st.text(c));
}
std::optional<int> optInt(const Stmt& st, int c) {
  return st.isNull(c) ? std::nullopt : std::optional<int>(st.i32(c));
}
std::optional<std::string> levelCode(const std::optional<ReviewLevel>& l) {
  return l ? std::optional<std::string>(std::string(toCode(*l))) : std::nullopt;
}

constexpr const char* kReviewCols =
    "id, round_id, member_id, cell_id, stage, self_text, self_level, self_points, self_at, cell_level, cell_points,"
    " vote_for, vote_against, vote_abstain, vote_eligible, cell_at, decided_level, decided_points, decided_at,"
    " decision_note, version";

MemberReviewRecord readReview(const Stmt& st) {
  MemberReviewRecord r;
  r.id = st.i64(0);
  r.round_id = st.i64(1);
  r.member_id = st.i64(2);
  r.cell_id = st.i64(3);
  r.stage = reviewStageFromCode(st.text(4)).value_or(ReviewStage::open);
  r.self_text = st.text(5);
  r.self_level = optLevel(st, 6);
  r.self_points = optInt(st, 7);
  r.self_at = st.optInstant(8);
  r.cell_level = optLevel(st, 9);
  r.cell_points = optInt(st, 10);
  r.vote_for = st.i32(11);
  r.vote_against = st.i32(12);
  r.vote_abstain = st.i32(13);
  r.vote_eligible = st.i32(14);
  r.cell_at = st.optInstant(15);
  r.decided_level = optLevel(st, 16);
  r.decided_points = optInt(st, 17);
  r.decided_at = st.optInstant(18);
  r.decision_note = st.text(19);
  r.version = st.i32(20);
  return r;
}

std::vector<MemberReviewRecord> readReviews(Stmt& st) {
  std::vector<MemberReviewRecord> out;
  while (st.step()) out.push_back(readReview(st));
  return out;
}

}  // namespace

std::optional<ReviewRoundRecord> SqliteReviewRepo::round(Id id) {
  static const std::string sql =
      std::string("SELECT ") + kRoundCols + " FROM review_rounds r JOIN orgs o ON o.id = r.org_id WHERE r.id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readRound(st);
}

std::optional<ReviewRoundRecord> SqliteReviewRepo::roundOf(Id org_id, int year) {
  static const std::string sql = std::string("SELECT ") + kRoundCols +
                                 " FROM review_rounds r JOIN orgs o ON o.id = r.org_id"
                                 " WHERE r.org_id = ?1 AND r.year = ?2";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_id).bind(2, year);
  if (!st.step()) return std::nullopt;
  return readRound(st);
}

std::vector<ReviewRoundRecord> SqliteReviewRepo::roundsOver(const std::string& org_path) {
  // An ancestor's path is a prefix of the org's path.
  static const std::string sql = std::string("SELECT ") + kRoundCols +
                                 " FROM review_rounds r JOIN orgs o ON o.id = r.org_id"
                                 " WHERE substr(?1, 1, length(o.path)) = o.path ORDER BY r.year DESC, r.id DESC";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_path);
  return readRounds(st);
}

std::vector<ReviewRoundRecord> SqliteReviewRepo::roundsUnder(const std::string& org_path) {
  static const std::string sql = std::string("SELECT ") + kRoundCols +
                                 " FROM review_rounds r JOIN orgs o ON o.id = r.org_id"
                                 " WHERE o.path >= ?1 AND o.path < ?2 ORDER BY r.year DESC, r.id DESC";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_path).bind(2, pathUpperBound(org_path));
  return readRounds(st);
}

std::optional<MemberReviewRecord> SqliteReviewRepo::review(Id id) {
  static const std::string sql = std::string("SELECT ") + kReviewCols + " FROM member_reviews WHERE id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readReview(st);
}

std::vector<MemberReviewRecord> SqliteReviewRepo::reviewsOfRound(Id round_id) {
  static const std::string sql =
      std::string("SELECT ") + kReviewCols + " FROM member_reviews WHERE round_id = ?1 ORDER BY cell_id, member_id";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, round_id);
  return readReviews(st);
}

std::vector<MemberReviewRecord> SqliteReviewRepo::reviewsOfMember(Id member_id) {
  static const std::string sql =
      std::string("SELECT ") + kReviewCols + " FROM member_reviews WHERE member_id = ?1 ORDER BY round_id DESC";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, member_id);
  return readReviews(st);
}

std::vector<ReviewStepRecord> SqliteReviewRepo::steps(Id review_id) {
  auto st = conn_.prepare(
      "SELECT id, review_id, step, level, points, note, vote_for, vote_against, vote_abstain, by_user_id,"
      " by_username, at FROM member_review_steps WHERE review_id = ?1 ORDER BY id");
  st.bind(1, review_id);
  std::vector<ReviewStepRecord> out;
  while (st.step()) {
    ReviewStepRecord s;
    s.id = st.i64(0);
    s.review_id = st.i64(1);
    s.step = reviewStepFromCode(st.text(2)).value_or(ReviewStep::self_assess);
    s.level = optLevel(st, 3);
    s.points = optInt(st, 4);
    s.note = st.text(5);
    s.vote_for = st.i32(6);
    s.vote_against = st.i32(7);
    s.vote_abstain = st.i32(8);
    s.by_user_id = st.optI64(9);
    s.by_username = st.text(10);
    s.at = st.instant(11);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<CellReviewRecord> SqliteReviewRepo::cellReviews(Id round_id) {
  auto st = conn_.prepare(
      "SELECT round_id, cell_id, level, points, note, by_user_id, by_username, at FROM cell_reviews"
      " WHERE round_id = ?1 ORDER BY cell_id");
  st.bind(1, round_id);
  std::vector<CellReviewRecord> out;
  while (st.step()) {
    CellReviewRecord c;
    c.round_id = st.i64(0);
    c.cell_id = st.i64(1);
    c.level = reviewLevelFromCode(st.text(2)).value_or(ReviewLevel::done);
    c.points = st.i32(3);
    c.note = st.text(4);
    c.by_user_id = st.optI64(5);
    c.by_username = st.text(6);
    c.at = st.instant(7);
    out.push_back(std::move(c));
  }
  return out;
}

Id SqliteReviewRepo::insertRound(const ReviewRoundRecord& r) {
  requireWritable();
  conn_.prepare(
          "INSERT INTO review_rounds (org_id, year, opened_at, opened_by_user_id, opened_by_username)"
          " VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, r.org_id)
      .bind(2, r.year)
      .bind(3, r.opened_at)
      .bind(4, r.opened_by_user_id)
      .bind(5, r.opened_by_username)
      .run();
  return conn_.lastInsertId();
}

Id SqliteReviewRepo::insertReview(const MemberReviewRecord& r) {
  requireWritable();
  conn_.prepare("INSERT INTO member_reviews (round_id, member_id, cell_id, stage) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, r.round_id)
      .bind(2, r.member_id)
      .bind(3, r.cell_id)
      .bind(4, toCode(r.stage))
      .run();
  Id id = conn_.lastInsertId();
  MemberReviewRecord copy = r;
  copy.id = id;
  updateReview(copy);
  return id;
}

void SqliteReviewRepo::updateReview(const MemberReviewRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE member_reviews SET stage = ?2, self_text = ?3, self_level = ?4, self_points = ?5, self_at = ?6,"
      " cell_level = ?7, cell_points = ?8, vote_for = ?9, vote_against = ?10, vote_abstain = ?11,"
      " vote_eligible = ?12, cell_at = ?13, decided_level = ?14, decided_points = ?15, decided_at = ?16,"
      " decision_note = ?17, version = ?18 WHERE id = ?1");
  st.bind(1, r.id).bind(2, toCode(r.stage)).bind(3, r.self_text).bind(4, levelCode(r.self_level));
  st.bind(5, r.self_points).bind(6, r.self_at).bind(7, levelCode(r.cell_level)).bind(8, r.cell_points);
  st.bind(9, r.vote_for).bind(10, r.vote_against).bind(11, r.vote_abstain).bind(12, r.vote_eligible);
  st.bind(13, r.cell_at).bind(14, levelCode(r.decided_level)).bind(15, r.decided_points).bind(16, r.decided_at);
  st.bind(17, r.decision_note).bind(18, r.version).run();
}

Id SqliteReviewRepo::appendStep(const ReviewStepRecord& s) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO member_review_steps (review_id, step, level, points, note, vote_for, vote_against, vote_abstain,"
      " by_user_id, by_username, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  st.bind(1, s.review_id).bind(2, toCode(s.step)).bind(3, levelCode(s.level)).bind(4, s.points).bind(5, s.note);
  st.bind(6, s.vote_for).bind(7, s.vote_against).bind(8, s.vote_abstain).bind(9, s.by_user_id);
  st.bind(10, s.by_username).bind(11, s.at).run();
  return conn_.lastInsertId();
}

void SqliteReviewRepo::putCellReview(const CellReviewRecord& c) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO cell_reviews (round_id, cell_id, level, points, note, by_user_id, by_username, at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (round_id, cell_id) DO UPDATE SET level = excluded.level,"
      " points = excluded.points, note = excluded.note, by_user_id = excluded.by_user_id,"
      " by_username = excluded.by_username, at = excluded.at");
  st.bind(1, c.round_id).bind(2, c.cell_id).bind(3, toCode(c.level)).bind(4, c.points).bind(5, c.note);
  st.bind(6, c.by_user_id).bind(7, c.by_username).bind(8, c.at).run();
}

}  // namespace chibo::sqlite
