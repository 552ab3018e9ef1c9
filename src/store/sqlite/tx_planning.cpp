// Planning ahead and checking in: the thematic plan, slot polls and QR tokens.
#include <algorithm>

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
constexpr const char* kPlanCols =
    "id, org_id, year, quarter, topic, source, suggestion_id, preparer_member_id, approved_day, meeting_id";

ThematicPlanRecord readPlan(const Stmt& s) {
  ThematicPlanRecord r;
  ThematicPlanEntry& e = r.entry;
  e.id = s.i64(0);
  e.org_id = s.i64(1);
  e.year = s.i32(2);
  e.quarter = s.i32(3);
  e.topic = s.text(4);
  e.source = s.text(5);
  r.suggestion_id = s.optI64(6);
  e.preparer_member_id = s.optI64(7);
  e.approved_by_chi_uy_on = s.optDate(8);
  e.meeting_id = s.optI64(9);
  return r;
}
}  // namespace

std::vector<ThematicPlanRecord> SqliteTx::thematicPlan(Id org_id, int year) {
  static const std::string sql =
      std::string("SELECT ") + kPlanCols + " FROM thematic_plan WHERE org_id = ?1 AND year = ?2 ORDER BY quarter, id";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_id).bind(2, year);
  std::vector<ThematicPlanRecord> out;
  while (st.step()) out.push_back(readPlan(st));
  return out;
}

std::optional<ThematicPlanRecord> SqliteTx::thematicEntry(Id id) {
  static const std::string sql = std::string("SELECT ") + kPlanCols + " FROM thematic_plan WHERE id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readPlan(st);
}

Id SqliteTx::insertThematicEntry(const ThematicPlanRecord& r) {
  requireWritable();
  const auto& e = r.entry;
  auto st = conn_.prepare(
      "INSERT INTO thematic_plan (org_id, year, quarter, topic, source, suggestion_id, preparer_member_id, "
      "approved_day, meeting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, e.org_id).bind(2, e.year).bind(3, e.quarter).bind(4, e.topic).bind(5, e.source).bind(6, r.suggestion_id);
  st.bind(7, e.preparer_member_id).bind(8, e.approved_by_chi_uy_on).bind(9, e.meeting_id).run();
  return conn_.lastInsertId();
}

void SqliteTx::updateThematicEntry(const ThematicPlanRecord& r) {
  requireWritable();
  const auto& e = r.entry;
  auto st = conn_.prepare(
      "UPDATE thematic_plan SET year = ?1, quarter = ?2, topic = ?3, source = ?4, suggestion_id = ?5, "
      "preparer_member_id = ?6, approved_day = ?7, meeting_id = ?8 WHERE id = ?9");
  st.bind(1, e.year).bind(2, e.quarter).bind(3, e.topic).bind(4, e.source).bind(5, r.suggestion_id);
  st.bind(6, e.preparer_member_id).bind(7, e.approved_by_chi_uy_on).bind(8, e.meeting_id).bind(9, e.id).run();
}

std::vector<MeetingSlot> SqliteTx::slots(Id meeting_id) {
  auto st = conn_.prepare("SELECT id, meeting_id, start_at FROM meeting_slots WHERE meeting_id = ?1 ORDER BY start_at");
  st.bind(1, meeting_id);
  std::vector<MeetingSlot> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1), st.instant(2)});
  return out;
}

std::vector<SlotMark> SqliteTx::slotMarks(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT k.slot_id, k.member_id FROM meeting_slots s JOIN slot_marks k ON k.slot_id = s.id "
      "WHERE s.meeting_id = ?1 ORDER BY k.slot_id, k.member_id");
  st.bind(1, meeting_id);
  std::vector<SlotMark> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1)});
  return out;
}

Id SqliteTx::insertSlot(const MeetingSlot& s) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO meeting_slots (meeting_id, start_at) VALUES (?1, ?2)");
  st.bind(1, s.meeting_id).bind(2, s.start).run();
  return conn_.lastInsertId();
}

void SqliteTx::replaceSlotMarks(Id meeting_id, Id member_id, const std::vector<Id>& slot_ids, DateTime at) {
  requireWritable();
  auto del = conn_.prepare(
      "DELETE FROM slot_marks WHERE member_id = ?1 AND slot_id IN (SELECT id FROM meeting_slots WHERE meeting_id = ?2)");
  del.bind(1, member_id).bind(2, meeting_id).run();
  auto own = slots(meeting_id);
  for (Id sid : slot_ids) {
    // Only this meeting's slots: a foreign slot id is ignored rather than linked.
    if (std::none_of(own.begin(), own.end(), [&](const MeetingSlot& s) { return s.id == sid; })) continue;
    auto st = conn_.prepare("INSERT OR IGNORE INTO slot_marks (slot_id, member_id, marked_at) VALUES (?1, ?2, ?3)");
    st.bind(1, sid).bind(2, member_id).bind(3, at).run();
  }
}

std::optional<CheckinToken> SqliteTx::checkinToken(std::string_view token_hash) {
  auto st = conn_.prepare(
      "SELECT token_hash, meeting_id, expires_at, created_at, created_by FROM checkin_tokens WHERE token_hash = ?1");
  st.bind(1, token_hash);
  if (!st.step()) return std::nullopt;
  return CheckinToken{st.text(0), st.i64(1), st.instant(2), st.instant(3), st.optI64(4)};
}

void SqliteTx::insertCheckinToken(const CheckinToken& t) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO checkin_tokens (token_hash, meeting_id, expires_at, created_at, created_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, t.token_hash).bind(2, t.meeting_id).bind(3, t.expires_at).bind(4, t.created_at);
  st.bind(5, t.created_by_user_id).run();
}

void SqliteTx::deleteExpiredCheckinTokens(DateTime now) {
  requireWritable();
  conn_.prepare("DELETE FROM checkin_tokens WHERE expires_at <= ?1").bind(1, now).run();
}

}  // namespace chibo::sqlite
