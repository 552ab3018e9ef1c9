// Resolutions (nghị quyết, kết luận) with their votes, targets and numbers.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
constexpr const char* kCols =
    "id, meeting_id, org_id, doc_type, number, symbol, issued_day, title, assessment, direction, assignments, "
    "self_assessment, vote_for, vote_against, vote_abstain, vote_eligible, vote_rule, version";

Resolution readResolution(const Stmt& s) {
  Resolution r;
  r.id = s.i64(0);
  r.meeting_id = s.i64(1);
  r.org_id = s.i64(2);
  r.doc_type = docTypeFromCode(s.text(3)).value_or(DocType::resolution);
  if (!s.isNull(4)) r.number = s.i32(4);
  r.symbol = s.text(5);
  r.issued_on = s.optDate(6);
  r.title = s.text(7);
  r.sections = {s.text(8), s.text(9), s.text(10), s.text(11)};
  if (!s.isNull(15)) {
    Vote v;
    v.votes_for = s.i32(12);
    v.against = s.i32(13);
    v.abstain = s.i32(14);
    v.eligible = s.i32(15);
    v.rule = voteRuleFromCode(s.text(16)).value_or(VoteRule::majority_present);
    r.vote = v;
  }
  r.version = s.i32(17);
  return r;
}

// Binds ?1..?17 for the columns after id; the vote columns are all null without a vote.
void bindResolution(Stmt& st, const Resolution& r) {
  st.bind(1, r.meeting_id).bind(2, r.org_id).bind(3, toCode(r.doc_type)).bind(4, r.number).bind(5, r.symbol);
  st.bind(6, r.issued_on).bind(7, r.title).bind(8, r.sections.assessment).bind(9, r.sections.direction);
  st.bind(10, r.sections.assignments).bind(11, r.sections.self_assessment);
  if (r.vote) {
    st.bind(12, r.vote->votes_for).bind(13, r.vote->against).bind(14, r.vote->abstain).bind(15, r.vote->eligible);
    st.bind(16, toCode(r.vote->rule));
  } else {
    for (int i = 12; i <= 16; ++i) st.bindNull(i);
  }
  st.bind(17, r.version);
}
}  // namespace

void SqliteTx::writeTargets(const Resolution& r) {
  conn_.prepare("DELETE FROM resolution_targets WHERE resolution_id = ?1").bind(1, r.id).run();
  int pos = 0;
  for (const auto& t : r.targets) {
    auto st = conn_.prepare(
        "INSERT INTO resolution_targets (resolution_id, position, description, unit, target_value, actual_value, "
        "achieved, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(1, r.id).bind(2, ++pos).bind(3, t.description).bind(4, t.unit).bind(5, t.target_value);
    st.bind(6, t.actual_value).bind(7, t.achieved).bind(8, t.note).run();
  }
}

std::optional<Resolution> SqliteTx::resolution(Id id) {
  std::optional<Resolution> r;
  {
    static const std::string sql = std::string("SELECT ") + kCols + " FROM resolutions WHERE id = ?1";
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    r = readResolution(st);
  }
  auto st = conn_.prepare(
      "SELECT id, description, unit, target_value, actual_value, achieved, note FROM resolution_targets "
      "WHERE resolution_id = ?1 ORDER BY position, id");
  st.bind(1, id);
  while (st.step()) {
    Target t;
    t.id = st.i64(0);
    t.description = st.text(1);
    t.unit = st.text(2);
    if (!st.isNull(3)) t.target_value = st.f64(3);
    if (!st.isNull(4)) t.actual_value = st.f64(4);
    if (!st.isNull(5)) t.achieved = st.boolean(5);
    t.note = st.text(6);
    r->targets.push_back(std::move(t));
  }
  return r;
}

std::vector<Resolution> SqliteTx::resolutionsOfMeeting(Id meeting_id) {
  std::vector<Id> ids;
  {
    auto st = conn_.prepare("SELECT id FROM resolutions WHERE meeting_id = ?1 ORDER BY id");
    st.bind(1, meeting_id);
    while (st.step()) ids.push_back(st.i64(0));
  }
  std::vector<Resolution> out;
  for (Id id : ids)
    if (auto r = resolution(id)) out.push_back(std::move(*r));
  return out;
}

std::vector<int> SqliteTx::resolutionNumbers(Id org_id, DocType type, std::optional<Id> term_id) {
  // Same expression as the unique index, so the index answers it.
  auto st = conn_.prepare(
      "SELECT number FROM resolutions WHERE org_id = ?1 AND doc_type = ?2 AND COALESCE(term_id, 0) = ?3 "
      "AND number IS NOT NULL ORDER BY number");
  st.bind(1, org_id).bind(2, toCode(type)).bind(3, term_id.value_or(0));
  std::vector<int> out;
  while (st.step()) out.push_back(st.i32(0));
  return out;
}

Id SqliteTx::insertResolution(const Resolution& r, std::optional<Id> term_id) {
  requireWritable();
  static const std::string sql = std::string("INSERT INTO resolutions (") + (kCols + 4) +
                                 ", term_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                 " ?15, ?16, ?17, ?18)";
  auto st = conn_.prepare(sql.c_str());
  bindResolution(st, r);
  st.bind(18, term_id).run();
  Resolution copy = r;
  copy.id = conn_.lastInsertId();
  writeTargets(copy);
  return copy.id;
}

void SqliteTx::updateResolution(const Resolution& r) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE resolutions SET meeting_id = ?1, org_id = ?2, doc_type = ?3, number = ?4, symbol = ?5, issued_day = ?6, "
      "title = ?7, assessment = ?8, direction = ?9, assignments = ?10, self_assessment = ?11, vote_for = ?12, "
      "vote_against = ?13, vote_abstain = ?14, vote_eligible = ?15, vote_rule = ?16, version = ?17 WHERE id = ?18");
  bindResolution(st, r);
  st.bind(18, r.id).run();
  writeTargets(r);
}

}  // namespace chibo::sqlite
