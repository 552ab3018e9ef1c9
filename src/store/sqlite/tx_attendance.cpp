// What happens in the room: attendance marks and speeches.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
// Columns: member_id, status, reason_category, reason_text, marked_at, source.
AttendanceRecord readMark(const Stmt& s, int o) {
  AttendanceRecord r;
  r.mark.member_id = s.i64(o + 0);
  r.mark.status = attendanceStatusFromCode(s.text(o + 1)).value_or(AttendanceStatus::present);
  if (!s.isNull(o + 2)) r.mark.reason = absenceReasonFromCode(s.text(o + 2));
  r.mark.reason_text = s.text(o + 3);
  r.marked_at = s.instant(o + 4);
  r.source = s.text(o + 5);
  return r;
}

std::optional<std::string> reasonCode(const AttendanceMark& m) {
  return m.reason ? std::optional<std::string>(std::string(toCode(*m.reason))) : std::nullopt;
}
}  // namespace

std::vector<AttendanceRecord> SqliteTx::attendance(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT member_id, status, reason_category, reason_text, marked_at, source FROM attendance "
      "WHERE meeting_id = ?1 ORDER BY member_id");
  st.bind(1, meeting_id);
  std::vector<AttendanceRecord> out;
  while (st.step()) out.push_back(readMark(st, 0));
  return out;
}

std::vector<std::pair<Id, AttendanceRecord>> SqliteTx::attendanceOfMember(Id member_id) {
  auto st = conn_.prepare(
      "SELECT meeting_id, member_id, status, reason_category, reason_text, marked_at, source FROM attendance "
      "WHERE member_id = ?1 ORDER BY meeting_id");
  st.bind(1, member_id);
  std::vector<std::pair<Id, AttendanceRecord>> out;
  while (st.step()) out.emplace_back(st.i64(0), readMark(st, 1));
  return out;
}

void SqliteTx::replaceAttendance(Id meeting_id, const std::vector<AttendanceRecord>& rows) {
  requireWritable();
  conn_.prepare("DELETE FROM attendance WHERE meeting_id = ?1").bind(1, meeting_id).run();
  for (const auto& r : rows) upsertAttendance(meeting_id, r);
}

void SqliteTx::upsertAttendance(Id meeting_id, const AttendanceRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO attendance (meeting_id, member_id, status, reason_category, reason_text, marked_at, source) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = ?3, "
      "reason_category = ?4, reason_text = ?5, marked_at = ?6, source = ?7");
  st.bind(1, meeting_id).bind(2, r.mark.member_id).bind(3, toCode(r.mark.status)).bind(4, reasonCode(r.mark));
  st.bind(5, r.mark.reason_text).bind(6, r.marked_at).bind(7, r.source).run();
}

std::vector<Speech> SqliteTx::speeches(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, agenda_item_id, summary, duration_seconds FROM speeches WHERE meeting_id = ?1 "
      "ORDER BY id");
  st.bind(1, meeting_id);
  std::vector<Speech> out;
  while (st.step()) {
    Speech s;
    s.id = st.i64(0);
    s.member_id = st.i64(1);
    s.agenda_item_id = st.optI64(2);
    s.summary = st.text(3);
    if (!st.isNull(4)) s.duration_seconds = st.i32(4);
    out.push_back(std::move(s));
  }
  return out;
}

Id SqliteTx::insertSpeech(Id meeting_id, const Speech& s, DateTime at) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO speeches (meeting_id, member_id, agenda_item_id, summary, duration_seconds, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind(1, meeting_id).bind(2, s.member_id).bind(3, s.agenda_item_id).bind(4, s.summary);
  st.bind(5, s.duration_seconds).bind(6, at).run();
  return conn_.lastInsertId();
}

}  // namespace chibo::sqlite
