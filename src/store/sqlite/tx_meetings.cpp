// Meetings with their preparation checklist, agendas and locked versions.
// Guests and version diffs are JSON text columns: their shape is a list that
// is always read and written whole.
#include <boost/json.hpp>

#include <algorithm>

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
namespace json = boost::json;

constexpr const char* kMeetingCols =
    "id, org_id, kind, topic, planned_start, place, chair_member_id, secretary_member_id, guests, started_at, "
    "ended_at, status, period_year, period_month, term_id, conclusion, minutes_read_back_at, locked_at, locked_by, "
    "version, prep_chi_uy_meeting_at, prep_content_preparer_id, prep_draft_resolution_at, prep_notice_members_at, "
    "prep_notice_monitor_at, prep_documents_published_at, created_at, from_paper_book";

std::string encodeGuests(const std::vector<Guest>& guests) {
  json::array a;
  for (const auto& g : guests) {
    json::object o{{"name", g.name}, {"position", g.position}, {"upper_monitor", g.upper_monitor}};
    o["member_id"] = g.member_id ? json::value(*g.member_id) : json::value(nullptr);
    a.push_back(std::move(o));
  }
  return json::serialize(a);
}

std::vector<Guest> decodeGuests(const std::string& text) {
  std::vector<Guest> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    if (!e.is_object()) continue;
    const auto& o = e.as_object();
    Guest g;
    if (auto p = o.if_contains("name"); p && p->is_string()) g.name = std::string(p->as_string());
    if (auto p = o.if_contains("position"); p && p->is_string()) g.position = std::string(p->as_string());
    if (auto p = o.if_contains("member_id"); p && p->is_int64()) g.member_id = p->as_int64();
    if (auto p = o.if_contains("upper_monitor"); p && p->is_bool()) g.upper_monitor = p->as_bool();
    out.push_back(std::move(g));
  }
  return out;
}

MeetingRecord readMeeting(const Stmt& s) {
  MeetingRecord r;
  Meeting& m = r.meeting;
  m.id = s.i64(0);
  m.org_id = s.i64(1);
  m.kind = meetingKindFromCode(s.text(2)).value_or(MeetingKind::regular);
  m.topic = s.text(3);
  m.planned_start = s.instant(4);
  m.place = s.text(5);
  m.chair_member_id = s.optI64(6);
  m.secretary_member_id = s.optI64(7);
  m.guests = decodeGuests(s.text(8));
  m.started_at = s.optInstant(9);
  m.ended_at = s.optInstant(10);
  m.status = meetingStatusFromCode(s.text(11)).value_or(MeetingStatus::planned);
  m.period_year = s.i32(12);
  m.period_month = static_cast<unsigned>(s.i32(13));
  r.term_id = s.optI64(14);
  r.conclusion = s.text(15);
  r.minutes_read_back_at = s.optInstant(16);
  r.locked_at = s.optInstant(17);
  r.locked_by_user_id = s.optI64(18);
  m.version = s.i32(19);
  r.prep.chi_uy_meeting_at = s.optInstant(20);
  r.prep.content_preparer_member_id = s.optI64(21);
  r.draft_resolution_at = s.optInstant(22);
  r.prep.draft_resolution_attached = r.draft_resolution_at.has_value();
  r.prep.notice_members_at = s.optInstant(23);
  r.prep.notice_monitor_at = s.optInstant(24);
  r.prep.documents_published_at = s.optInstant(25);
  r.created_at = s.instant(26);
  m.from_paper_book = s.i32(27) != 0;
  return r;
}

// Binds every column but id, in kMeetingCols order, from ?1; returns the next free index.
int bindMeeting(Stmt& st, const MeetingRecord& r) {
  const Meeting& m = r.meeting;
  st.bind(1, m.org_id).bind(2, toCode(m.kind)).bind(3, m.topic).bind(4, m.planned_start).bind(5, m.place);
  st.bind(6, m.chair_member_id).bind(7, m.secretary_member_id).bind(8, encodeGuests(m.guests));
  st.bind(9, m.started_at).bind(10, m.ended_at).bind(11, toCode(m.status)).bind(12, m.period_year);
  st.bind(13, static_cast<int>(m.period_month)).bind(14, r.term_id).bind(15, r.conclusion);
  st.bind(16, r.minutes_read_back_at).bind(17, r.locked_at).bind(18, r.locked_by_user_id).bind(19, m.version);
  st.bind(20, r.prep.chi_uy_meeting_at).bind(21, r.prep.content_preparer_member_id).bind(22, r.draft_resolution_at);
  st.bind(23, r.prep.notice_members_at).bind(24, r.prep.notice_monitor_at);
  st.bind(25, r.prep.documents_published_at).bind(26, r.created_at).bind(27, m.from_paper_book ? 1 : 0);
  return 28;
}

AgendaItem readAgenda(const Stmt& s) {
  AgendaItem a;
  a.id = s.i64(0);
  a.position = s.i32(1);
  a.step_code = s.text(2);
  a.phase = agendaPhaseFromCode(s.text(3)).value_or(AgendaPhase::conduct);
  a.title = s.text(4);
  a.required = s.boolean(5);
  a.notes = s.text(6);
  a.done_at = s.optInstant(7);
  a.done = a.done_at.has_value();
  return a;
}
}  // namespace

std::optional<MeetingRecord> SqliteTx::meeting(Id id) {
  static const std::string sql = std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readMeeting(st);
}

std::vector<MeetingRecord> SqliteTx::meetingsOfOrg(Id org_id, std::optional<DateTime> from,
                                                   std::optional<DateTime> to) {
  static const std::string sql = std::string("SELECT ") + kMeetingCols +
                                 " FROM meetings WHERE org_id = ?1 AND (?2 IS NULL OR planned_start >= ?2)"
                                 " AND (?3 IS NULL OR planned_start < ?3) ORDER BY planned_start, id";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_id).bind(2, from).bind(3, to);
  std::vector<MeetingRecord> out;
  while (st.step()) out.push_back(readMeeting(st));
  return out;
}

Id SqliteTx::insertMeeting(const MeetingRecord& r) {
  requireWritable();
  static const std::string sql = std::string("INSERT INTO meetings (") + (kMeetingCols + 4) +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                 " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)";
  auto st = conn_.prepare(sql.c_str());
  bindMeeting(st, r);
  st.run();
  return conn_.lastInsertId();
}

void SqliteTx::updateMeeting(const MeetingRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE meetings SET org_id = ?1, kind = ?2, topic = ?3, planned_start = ?4, place = ?5, chair_member_id = ?6, "
      "secretary_member_id = ?7, guests = ?8, started_at = ?9, ended_at = ?10, status = ?11, period_year = ?12, "
      "period_month = ?13, term_id = ?14, conclusion = ?15, minutes_read_back_at = ?16, locked_at = ?17, "
      "locked_by = ?18, version = ?19, prep_chi_uy_meeting_at = ?20, prep_content_preparer_id = ?21, "
      "prep_draft_resolution_at = ?22, prep_notice_members_at = ?23, prep_notice_monitor_at = ?24, "
      "prep_documents_published_at = ?25, created_at = ?26, from_paper_book = ?27 WHERE id = ?28");
  int next = bindMeeting(st, r);
  st.bind(next, r.meeting.id).run();
}

std::vector<AgendaItem> SqliteTx::agenda(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT id, position, step_code, phase, title, required, notes, done_at FROM agenda_items "
      "WHERE meeting_id = ?1 ORDER BY position, id");
  st.bind(1, meeting_id);
  std::vector<AgendaItem> out;
  while (st.step()) out.push_back(readAgenda(st));
  return out;
}

void SqliteTx::replaceAgenda(Id meeting_id, const std::vector<AgendaItem>& items) {
  requireWritable();
  std::vector<Id> keep;
  for (const auto& a : items)
    if (a.id) keep.push_back(a.id);
  for (const auto& old : agenda(meeting_id)) {
    if (std::find(keep.begin(), keep.end(), old.id) != keep.end()) continue;
    auto del = conn_.prepare("DELETE FROM agenda_items WHERE id = ?1 AND meeting_id = ?2");
    del.bind(1, old.id).bind(2, meeting_id).run();
  }
  for (const auto& a : items) {
    // The use case stamps done_at when an item is ticked; an unticked item has none.
    std::optional<DateTime> done_at;
    if (a.done) done_at = a.done_at;
    if (a.id) {
      auto st = conn_.prepare(
          "UPDATE agenda_items SET position = ?1, step_code = ?2, phase = ?3, title = ?4, required = ?5, notes = ?6, "
          "done_at = ?7 WHERE id = ?8 AND meeting_id = ?9");
      st.bind(1, a.position).bind(2, a.step_code).bind(3, toCode(a.phase)).bind(4, a.title).bind(5, a.required);
      st.bind(6, a.notes).bind(7, done_at).bind(8, a.id).bind(9, meeting_id).run();
    } else {
      auto st = conn_.prepare(
          "INSERT INTO agenda_items (meeting_id, position, step_code, phase, title, required, notes, done_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      st.bind(1, meeting_id).bind(2, a.position).bind(3, a.step_code).bind(4, toCode(a.phase)).bind(5, a.title);
      st.bind(6, a.required).bind(7, a.notes).bind(8, done_at).run();
    }
  }
}

std::vector<MeetingVersion> SqliteTx::meetingVersions(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT meeting_id, version, kind, reason, changes, snapshot, by_user_id, by_username, at FROM meeting_versions "
      "WHERE meeting_id = ?1 ORDER BY version");
  st.bind(1, meeting_id);
  std::vector<MeetingVersion> out;
  while (st.step())
    out.push_back({st.i64(0), st.i32(1), st.text(2), st.text(3), decodeChanges(st.text(4)), st.text(5), st.optI64(6),
                   st.text(7), st.instant(8)});
  return out;
}

void SqliteTx::insertMeetingVersion(const MeetingVersion& v) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO meeting_versions (meeting_id, version, kind, reason, changes, snapshot, by_user_id, by_username, at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, v.meeting_id).bind(2, v.version).bind(3, v.kind).bind(4, v.reason).bind(5, encodeChanges(v.changes));
  st.bind(6, v.snapshot).bind(7, v.by_user_id).bind(8, v.by_username).bind(9, v.at).run();
}

}  // namespace chibo::sqlite
