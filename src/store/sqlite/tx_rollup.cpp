// Oversight (0004): per-meeting and per-cell-per-month aggregates, the
// monitors' observations and the calendar-feed secrets.
#include "store/sqlite/sqlite_tx.h"

#include <algorithm>
#include <cstring>

namespace chibo::sqlite {
namespace {

// The additive columns, in the same order in both aggregate tables, starting
// at column `o` of a result row.
void readCounts(const Stmt& s, int o, StatsCounts& c) {
  int i = o;
  c.meetings = s.i32(i++);
  c.monthly_held = s.i32(i++);
  c.monthly_on_time = s.i32(i++);
  c.thematic_held = s.i32(i++);
  c.duration_sum = s.i32(i++);
  c.duration_count = s.i32(i++);
  c.expected = s.i32(i++);
  c.present = s.i32(i++);
  c.excused = s.i32(i++);
  c.unexcused = s.i32(i++);
  c.speakers = s.i32(i++);
  c.young_present = s.i32(i++);
  c.young_speakers = s.i32(i++);
  c.new_present = s.i32(i++);
  c.new_speakers = s.i32(i++);
  c.resolutions = s.i32(i++);
  c.tasks_assigned = s.i32(i++);
  c.tasks_on_time = s.i32(i++);
  c.tasks_late = s.i32(i++);
  c.tasks_open = s.i32(i++);
  c.tasks_dropped = s.i32(i++);
  c.previous_tasks = s.i32(i++);
  c.previous_reviewed = s.i32(i++);
  c.monitor_present = s.i32(i++);
  c.grade_good = s.i32(i++);
  c.grade_fair = s.i32(i++);
  c.grade_average = s.i32(i++);
  c.grade_poor = s.i32(i++);
}

constexpr const char* kCountCols =
    "meetings, monthly_held, monthly_on_time, thematic_held, duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair, grade_average, grade_poor";

// Each count column through `fmt`, where "{}" stands for the name, joined by ", ".
std::string eachCount(std::string_view fmt) {
  std::string out;
  for (std::string_view rest = kCountCols; !rest.empty();) {
    auto comma = rest.find(", ");
    std::string col(rest.substr(0, comma)), piece(fmt);
    for (size_t at; (at = piece.find("{}")) != std::string::npos;) piece.replace(at, 2, col);
    out += (out.empty() ? "" : ", ") + piece;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return out;
}

// Rows of (id, ym[, path], counts...): `path` given when the query has no path column.
std::vector<CellMonthStats> readMonthRows(Stmt& st, const std::string* path) {
  std::vector<CellMonthStats> out;
  while (st.step()) {
    CellMonthStats c;
    c.cell_id = st.i64(0);
    c.ym = st.i32(1);
    c.cell_path = path ? *path : st.text(2);
    readCounts(st, path ? 2 : 3, c.counts);
    out.push_back(std::move(c));
  }
  return out;
}

// The ancestors of a cell: every id of its path but its own.
std::vector<Id> ancestorsOf(const std::string& cell_path) {
  auto ids = pathIds(cell_path);
  if (!ids.empty()) ids.pop_back();
  return ids;
}

MonitorObservation readObservation(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.boolean(2), s.text(3), s.instant(4), s.optI64(5)};
}

}  // namespace

std::optional<MeetingStats> SqliteTx::meetingStats(Id meeting_id) {
  // Flags of one meeting map onto the additive columns: counted -> meetings,
  // monthly (held) -> monthly_held, monthly and on time -> monthly_on_time.
  auto st = conn_.prepare(
      "SELECT meeting_id, cell_id, cell_path, ym, counted, duration_minutes, unmarked, grade, refreshed_at,"
      " counted, counted * monthly, counted * monthly * on_time, counted * thematic,"
      " COALESCE(duration_minutes, 0), duration_minutes IS NOT NULL,"
      " expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers,"
      " resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks,"
      " previous_reviewed, monitor_present,"
      " grade IS 'good', grade IS 'fair', grade IS 'average', grade IS 'poor'"
      " FROM meeting_stats WHERE meeting_id = ?1");
  st.bind(1, meeting_id);
  if (!st.step()) return std::nullopt;
  MeetingStats m;
  m.meeting_id = st.i64(0);
  m.cell_id = st.i64(1);
  m.cell_path = st.text(2);
  m.ym = st.i32(3);
  m.counted = st.boolean(4);
  if (!st.isNull(5)) m.duration_minutes = st.i32(5);
  m.unmarked = st.i32(6);
  if (!st.isNull(7)) m.grade = st.text(7);
  m.refreshed_at = st.instant(8);
  readCounts(st, 9, m.counts);
  return m;
}

std::vector<CellMonthStats> SqliteTx::cellMonthStats(const std::string& org_path, int from_ym, int to_ym) {
  auto st = conn_.prepare(
      "SELECT cell_id, ym, cell_path, meetings, monthly_held, monthly_on_time, thematic_held, duration_sum,"
      " duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers,"
      " new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open,"
      " tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair,"
      " grade_average, grade_poor"
      " FROM cell_month_stats WHERE cell_path >= ?1 AND cell_path < ?2 AND ym BETWEEN ?3 AND ?4"
      " ORDER BY cell_path, ym");
  st.bind(1, org_path).bind(2, pathUpperBound(org_path)).bind(3, from_ym).bind(4, to_ym);
  return readMonthRows(st, nullptr);
}

std::vector<CellMonthStats> SqliteTx::nodeMonthStats(const Org& node, int from_ym, int to_ym) {
  static const std::string sql = std::string("SELECT org_id, ym, ") + kCountCols +
                                 " FROM node_month_stats WHERE org_id = ?1 AND ym BETWEEN ?2 AND ?3 ORDER BY ym";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, node.id).bind(2, from_ym).bind(3, to_ym);
  return readMonthRows(st, &node.path);
}

std::vector<CellMonthStats> SqliteTx::archivedCellMonthStats(const std::string& org_path, int from_ym, int to_ym) {
  static const std::string sql =
      "SELECT c.cell_id, c.ym, c.cell_path, " + eachCount("c.{}") +
      " FROM orgs o JOIN cell_month_stats c ON c.cell_id = o.id"
      " WHERE o.kind = 'cell' AND o.archived = 1 AND o.path >= ?1 AND o.path < ?2 AND c.ym BETWEEN ?3 AND ?4";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_path).bind(2, pathUpperBound(org_path)).bind(3, from_ym).bind(4, to_ym);
  return readMonthRows(st, nullptr);
}

std::vector<CellMonthStats> SqliteTx::childCellMonthStats(Id parent_id, int from_ym, int to_ym) {
  static const std::string sql =
      "SELECT c.cell_id, c.ym, c.cell_path, " + eachCount("c.{}") +
      " FROM orgs o JOIN cell_month_stats c ON c.cell_id = o.id AND c.ym BETWEEN ?2 AND ?3"
      " WHERE o.parent_id = ?1 AND o.kind = 'cell' AND o.archived = 0";  // grouped by cell by the caller: no sort
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, parent_id).bind(2, from_ym).bind(3, to_ym);
  return readMonthRows(st, nullptr);
}

int SqliteTx::activeCellCount(const std::string& org_path) {
  auto st = conn_.prepare(
      "SELECT COUNT(*) FROM orgs WHERE kind = 'cell' AND archived = 0 AND path >= ?1 AND path < ?2");
  st.bind(1, org_path).bind(2, pathUpperBound(org_path));
  return st.step() ? st.i32(0) : 0;
}

std::pair<StatsCounts, std::string> SqliteTx::cellMonthRow(Id cell_id, int ym) {
  static const std::string sql =
      std::string("SELECT cell_path, ") + kCountCols + " FROM cell_month_stats WHERE cell_id = ?1 AND ym = ?2";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, cell_id).bind(2, ym);
  std::pair<StatsCounts, std::string> out;
  if (st.step()) {
    out.second = st.text(0);
    readCounts(st, 1, out.first);
  }
  return out;
}

void SqliteTx::addToNodes(const std::vector<Id>& node_ids, int ym, const StatsCounts& delta) {
  static const std::string sql = [] {
    std::string values;
    for (int i = 3; i < 3 + int(std::count(kCountCols, kCountCols + std::strlen(kCountCols), ',')) + 1; ++i)
      values += ", ?" + std::to_string(i);
    return std::string("INSERT INTO node_month_stats (org_id, ym, ") + kCountCols + ") VALUES (?1, ?2" + values +
           ") ON CONFLICT (org_id, ym) DO UPDATE SET " + eachCount("{} = {} + excluded.{}");
  }();
  for (Id node : node_ids) {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, node).bind(2, ym);
    int i = 3;
    StatsCounts d = delta;
    forEachCount(d, d, [&](int& x, int) { st.bind(i++, x); });
    st.run();
  }
}

std::optional<std::string> SqliteTx::aggregatesBuiltWith() {
  auto st = conn_.prepare("SELECT grader FROM aggregate_state WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

std::vector<std::pair<Id, TaskStatus>> SqliteTx::reviewOutcomesOfTasksOf(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT r.task_id, r.outcome FROM tasks t JOIN task_reviews r ON r.task_id = t.id"
      " WHERE t.meeting_id = ?1 ORDER BY r.task_id, r.at");
  st.bind(1, meeting_id);
  std::vector<std::pair<Id, TaskStatus>> out;
  while (st.step()) out.emplace_back(st.i64(0), taskStatusFromCode(st.text(1)).value_or(TaskStatus::done));
  return out;
}

std::vector<MonitorObservation> SqliteTx::observations(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT meeting_id, member_id, attended, note, at, by_user_id FROM monitor_observations"
      " WHERE meeting_id = ?1 ORDER BY member_id");
  st.bind(1, meeting_id);
  std::vector<MonitorObservation> out;
  while (st.step()) out.push_back(readObservation(st));
  return out;
}

std::optional<CalendarToken> SqliteTx::calendarToken(std::string_view token_hash) {
  auto st = conn_.prepare("SELECT user_id, token_hash, created_at FROM calendar_tokens WHERE token_hash = ?1");
  st.bind(1, token_hash);
  if (!st.step()) return std::nullopt;
  return CalendarToken{st.i64(0), st.text(1), st.instant(2)};
}

std::optional<CalendarToken> SqliteTx::calendarTokenOfUser(Id user_id) {
  auto st = conn_.prepare("SELECT user_id, token_hash, created_at FROM calendar_tokens WHERE user_id = ?1");
  st.bind(1, user_id);
  if (!st.step()) return std::nullopt;
  return CalendarToken{st.i64(0), st.text(1), st.instant(2)};
}

void SqliteTx::putMeetingStats(const MeetingStats& m) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT OR REPLACE INTO meeting_stats (meeting_id, cell_id, cell_path, ym, counted, monthly, thematic, on_time,"
      " duration_minutes, expected, present, excused, unexcused, unmarked, speakers, young_present, young_speakers,"
      " new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open,"
      " tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade, refreshed_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
      " ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)");
  const StatsCounts& c = m.counts;
  st.bind(1, m.meeting_id).bind(2, m.cell_id).bind(3, m.cell_path).bind(4, m.ym).bind(5, m.counted);
  st.bind(6, c.monthly_held > 0).bind(7, c.thematic_held > 0).bind(8, c.monthly_on_time > 0);
  st.bind(9, m.duration_minutes).bind(10, c.expected).bind(11, c.present).bind(12, c.excused);
  st.bind(13, c.unexcused).bind(14, m.unmarked).bind(15, c.speakers).bind(16, c.young_present);
  st.bind(17, c.young_speakers).bind(18, c.new_present).bind(19, c.new_speakers).bind(20, c.resolutions);
  st.bind(21, c.tasks_assigned).bind(22, c.tasks_on_time).bind(23, c.tasks_late).bind(24, c.tasks_open);
  st.bind(25, c.tasks_dropped).bind(26, c.previous_tasks).bind(27, c.previous_reviewed);
  st.bind(28, c.monitor_present).bind(29, m.grade).bind(30, m.refreshed_at).run();
}

void SqliteTx::deleteMeetingStats(Id meeting_id) {
  requireWritable();
  conn_.prepare("DELETE FROM meeting_stats WHERE meeting_id = ?1").bind(1, meeting_id).run();
}

void SqliteTx::refreshCellMonth(Id cell_id, int ym) {
  requireWritable();
  auto [before, before_path] = cellMonthRow(cell_id, ym);
  conn_.prepare("DELETE FROM cell_month_stats WHERE cell_id = ?1 AND ym = ?2").bind(1, cell_id).bind(2, ym).run();
  // GROUP BY yields no row when no counted meeting is left, so the row stays deleted.
  auto st = conn_.prepare(
      "INSERT INTO cell_month_stats (cell_id, ym, cell_path, meetings, monthly_held, monthly_on_time, thematic_held,"
      " duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present,"
      " young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late,"
      " tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair,"
      " grade_average, grade_poor)"
      " SELECT cell_id, ym, MAX(cell_path), COUNT(*), MAX(monthly), MAX(monthly * on_time), SUM(thematic),"
      " COALESCE(SUM(duration_minutes), 0), COUNT(duration_minutes), SUM(expected), SUM(present), SUM(excused),"
      " SUM(unexcused), SUM(speakers), SUM(young_present), SUM(young_speakers), SUM(new_present),"
      " SUM(new_speakers), SUM(resolutions), SUM(tasks_assigned), SUM(tasks_on_time), SUM(tasks_late),"
      " SUM(tasks_open), SUM(tasks_dropped), SUM(previous_tasks), SUM(previous_reviewed), SUM(monitor_present),"
      " SUM(grade IS 'good'), SUM(grade IS 'fair'), SUM(grade IS 'average'), SUM(grade IS 'poor')"
      " FROM meeting_stats WHERE cell_id = ?1 AND ym = ?2 AND counted = 1 GROUP BY cell_id, ym");
  st.bind(1, cell_id).bind(2, ym).run();
  auto [after, after_path] = cellMonthRow(cell_id, ym);
  StatsCounts delta = after;
  delta -= before;
  if (!delta.zero()) addToNodes(ancestorsOf(after_path.empty() ? before_path : after_path), ym, delta);
}

void SqliteTx::clearAggregates(const std::string& org_path) {
  requireWritable();
  // Nodes above the subtree keep everything else: take out exactly what is deleted below.
  static const std::string sums = "SELECT ym, " + eachCount("SUM({})") +
                                  " FROM cell_month_stats WHERE cell_path >= ?1 AND cell_path < ?2 GROUP BY ym";
  auto above = pathIds(org_path);
  if (!above.empty()) above.pop_back();
  if (!above.empty()) {
    std::vector<std::pair<int, StatsCounts>> removed;
    auto st = conn_.prepare(sums.c_str());
    st.bind(1, org_path).bind(2, pathUpperBound(org_path));
    while (st.step()) {
      StatsCounts c;
      readCounts(st, 1, c);
      StatsCounts minus;
      minus -= c;
      removed.push_back({st.i32(0), minus});
    }
    for (const auto& [ym, minus] : removed) addToNodes(above, ym, minus);
  }
  conn_.prepare("DELETE FROM node_month_stats WHERE org_id IN (SELECT id FROM orgs WHERE path >= ?1 AND path < ?2)")
      .bind(1, org_path)
      .bind(2, pathUpperBound(org_path))
      .run();
  conn_.prepare("DELETE FROM meeting_stats WHERE cell_path >= ?1 AND cell_path < ?2")
      .bind(1, org_path)
      .bind(2, pathUpperBound(org_path))
      .run();
  conn_.prepare("DELETE FROM cell_month_stats WHERE cell_path >= ?1 AND cell_path < ?2")
      .bind(1, org_path)
      .bind(2, pathUpperBound(org_path))
      .run();
}

void SqliteTx::markAggregatesBuilt(DateTime at, const std::string& grader) {
  requireWritable();
  conn_.prepare("INSERT OR REPLACE INTO aggregate_state (id, built_at, grader) VALUES (1, ?1, ?2)")
      .bind(1, at)
      .bind(2, grader)
      .run();
}

void SqliteTx::putObservation(const MonitorObservation& o) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT OR REPLACE INTO monitor_observations (meeting_id, member_id, attended, note, at, by_user_id)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind(1, o.meeting_id).bind(2, o.member_id).bind(3, o.attended).bind(4, o.note).bind(5, o.at);
  st.bind(6, o.by_user_id).run();
}

void SqliteTx::putCalendarToken(const CalendarToken& t) {
  requireWritable();
  auto st = conn_.prepare("INSERT OR REPLACE INTO calendar_tokens (user_id, token_hash, created_at) VALUES (?1, ?2, ?3)");
  st.bind(1, t.user_id).bind(2, t.token_hash).bind(3, t.created_at).run();
}

bool SqliteTx::deleteCalendarToken(Id user_id) {
  requireWritable();
  conn_.prepare("DELETE FROM calendar_tokens WHERE user_id = ?1").bind(1, user_id).run();
  return conn_.changes() > 0;
}

}  // namespace chibo::sqlite
