// The floor for bench/run: the SQL behind each read scenario, run directly on
// the same database file with the SQLite C API, no HTTP, no JSON, no use case.
//
// Each "op" runs exactly the statements the server runs for one request, in
// the same two read transactions (session + principal, then the use case),
// with the same connection settings (WAL, cache_size=-20000, query_only). Rows
// are stepped and their columns read, not turned into structs. The statement
// texts are copied from src/store/sqlite/tx_*.cpp: if those change, change
// these (bench/README.md says so).
//
// Build: g++ -O2 -std=c++20 bench/rawsql.cpp -lsqlite3 -o rawsql (bench/run does it)
// Usage: rawsql DB SECONDS TOKEN_HASH SCENARIO IDS...
//   SCENARIO: org_detail | roster | member | meeting | meeting_list
//   IDS: org / member / meeting ids to rotate over (as the wrk script does)
//   Writes: roll | roll_group<N>, IDS = MEETING MEMBER... : the whole roll
//   replaced (DELETE + one upsert per member + one audit row) with
//   synchronous=FULL; roll commits each, roll_group<N> commits every N rolls
//   at once (what group commit would do), reported as rolls/s.
// Prints: "<scenario> <ops/s> <ops> <seconds>"
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace {

sqlite3* db = nullptr;
std::map<const char*, sqlite3_stmt*> cache;
int64_t sink = 0;  // keeps the column reads alive (printed to stderr at the end)

[[noreturn]] void die(const std::string& m) {
  std::fprintf(stderr, "rawsql: %s: %s\n", m.c_str(), db ? sqlite3_errmsg(db) : "");
  std::exit(1);
}

void exec(const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) die(sql);
}

sqlite3_stmt* stmt(const char* sql) {
  auto it = cache.find(sql);
  if (it != cache.end()) return it->second;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) die(sql);
  cache.emplace(sql, s);
  return s;
}

// Binds, steps every row reading every column, resets. Returns the rows; `cb`
// sees each row before the next step.
template <typename Bind, typename Row>
int run(const char* sql, Bind bind, Row cb) {
  sqlite3_stmt* s = stmt(sql);
  bind(s);
  int rows = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    int n = sqlite3_column_count(s);
    for (int c = 0; c < n; ++c) {
      if (sqlite3_column_type(s, c) == SQLITE_TEXT) sink += sqlite3_column_bytes(s, c), sink += *sqlite3_column_text(s, c);
      else sink += sqlite3_column_int64(s, c);
    }
    cb(s);
    ++rows;
  }
  if (rc != SQLITE_DONE) die(sqlite3_sql(s));
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return rows;
}
auto noRow = [](sqlite3_stmt*) {};
auto byId(int64_t id) {
  return [id](sqlite3_stmt* s) { sqlite3_bind_int64(s, 1, id); };
}
auto byText(const std::string& t) {
  return [&t](sqlite3_stmt* s) { sqlite3_bind_text(s, 1, t.data(), int(t.size()), SQLITE_TRANSIENT); };
}

const char* kOrg =
    "SELECT id, parent_id, path, name, code, kind, level, cell_type, grassroots, address, archived, version FROM orgs "
    "WHERE id = ?1";
const char* kMember =
    "SELECT m.id, m.full_name, m.birth_day, m.gender, m.phone, m.card_no, m.admission_decision_day, "
    "m.admission_ceremony_day, m.official_day, m.workplace, m.serving, m.cell_id, m.subgroup_id, m.version FROM "
    "members m WHERE m.id = ?1";
const char* kCellPeriods =
    "SELECT id, member_id, cell_id, subgroup_id, from_day, to_day, note FROM cell_periods WHERE member_id = ?1 ORDER "
    "BY from_day, id";
const char* kStatusPeriods =
    "SELECT id, member_id, kind, from_day, to_day, note FROM status_periods WHERE member_id = ?1 ORDER BY from_day, id";
const char* kRolesOfMember =
    "SELECT id, member_id, org_id, role, from_day, to_day FROM role_periods WHERE member_id = ?1 ORDER BY from_day "
    "DESC, id DESC";
const char* kRolesInOrg =
    "SELECT id, member_id, org_id, role, from_day, to_day FROM role_periods WHERE org_id = ?1 ORDER BY from_day DESC, "
    "id DESC";
const char* kMonitorsOfCell =
    "SELECT id, member_id, cell_id, from_day, to_day FROM monitor_assignments WHERE cell_id = ?1 ORDER BY from_day "
    "DESC, id DESC";
const char* kTerms =
    "SELECT id, org_id, name, start_day, end_day FROM committee_terms WHERE org_id = ?1 ORDER BY start_day";
const char* kChildren =
    "SELECT id, parent_id, path, name, code, kind, level, cell_type, grassroots, address, archived, version FROM orgs "
    "WHERE parent_id = ?1 ORDER BY kind, code, name";
// The server's statements (tx_members.cpp memberCountsByPlace, tx_orgs.cpp grandchildCounts).
const char* kCounts =
    "SELECT o.path, COUNT(*) FROM orgs o CROSS JOIN cell_periods cp ON cp.place_id = o.id AND cp.to_day IS NULL"
    " WHERE o.path >= ?1 AND o.path < ?2 GROUP BY o.path";
const char* kGrandchildren =
    "SELECT g.parent_id, COUNT(*) FROM orgs c JOIN orgs g ON g.parent_id = c.id WHERE c.parent_id = ?1"
    " GROUP BY g.parent_id";
const char* kRosterCandidates =
    "SELECT m.id, m.full_name, m.birth_day, m.gender, m.phone, m.card_no, m.admission_decision_day, "
    "m.admission_ceremony_day, m.official_day, m.workplace, m.serving, m.cell_id, m.subgroup_id, m.version, cp.id, "
    "cp.member_id, cp.cell_id, cp.subgroup_id, cp.from_day, cp.to_day, cp.note FROM orgs o JOIN cell_periods cp ON "
    "cp.place_id = o.id JOIN members m ON m.id = cp.member_id WHERE o.path >= ?1 AND o.path < ?2 AND (?3 IS NULL OR "
    "(cp.from_day <= ?3 AND (cp.to_day IS NULL OR cp.to_day >= ?3))) ORDER BY m.id, cp.from_day DESC";
const char* kRosterStatuses =
    "SELECT sp.id, sp.member_id, sp.kind, sp.from_day, sp.to_day, sp.note FROM orgs o JOIN cell_periods cp ON "
    "cp.place_id = o.id JOIN status_periods sp ON sp.member_id = cp.member_id WHERE o.path >= ?1 AND o.path < ?2 AND "
    "(?3 IS NULL OR (cp.from_day <= ?3 AND (cp.to_day IS NULL OR cp.to_day >= ?3))) ORDER BY sp.from_day, sp.id";
const char* kSession =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?1";
const char* kUser = "SELECT id, username, display_name, password_hash, member_id, disabled FROM users WHERE id = ?1";
const char* kGrants = "SELECT id, user_id, role, org_id FROM user_grants WHERE user_id = ?1 ORDER BY id";
const char* kMeetingCols =
    "id, org_id, kind, topic, planned_start, place, chair_member_id, secretary_member_id, guests, started_at, "
    "ended_at, status, period_year, period_month, term_id, conclusion, minutes_read_back_at, locked_at, locked_by, "
    "version, prep_chi_uy_meeting_at, prep_content_preparer_id, prep_draft_resolution_at, prep_notice_members_at, "
    "prep_notice_monitor_at, prep_documents_published_at, created_at";
std::string meetingSql = std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE id = ?1";
std::string meetingsOfOrgSql = std::string("SELECT ") + kMeetingCols +
                               " FROM meetings WHERE org_id = ?1 AND (?2 IS NULL OR planned_start >= ?2)"
                               " AND (?3 IS NULL OR planned_start < ?3) ORDER BY planned_start, id";
const char* kAgenda =
    "SELECT id, position, step_code, phase, title, required, notes, done_at FROM agenda_items WHERE meeting_id = ?1 "
    "ORDER BY position, id";
const char* kAttendance =
    "SELECT member_id, status, reason_category, reason_text, marked_at, source FROM attendance WHERE meeting_id = ?1 "
    "ORDER BY member_id";
const char* kSpeeches =
    "SELECT id, member_id, agenda_item_id, summary, duration_seconds FROM speeches WHERE meeting_id = ?1 ORDER BY id";
const char* kResolutionIds = "SELECT id FROM resolutions WHERE meeting_id = ?1 ORDER BY id";
const char* kTasksOfMeeting =
    "SELECT t.id, t.meeting_id, t.resolution_id, t.description, t.deadline_day, t.status, t.reviewed_in_meeting_id, "
    "t.result_note FROM tasks t WHERE t.meeting_id = ?1 ORDER BY t.id";
const char* kTaskReviews =
    "SELECT meeting_id, task_id, outcome, note, at, by_user_id FROM task_reviews WHERE meeting_id = ?1 ORDER BY task_id";
const char* kSlots = "SELECT id, meeting_id, start_at FROM meeting_slots WHERE meeting_id = ?1 ORDER BY start_at";
const char* kSlotMarks =
    "SELECT k.slot_id, k.member_id FROM meeting_slots s JOIN slot_marks k ON k.slot_id = s.id WHERE s.meeting_id = ?1 "
    "ORDER BY k.slot_id, k.member_id";

std::string upper(std::string p) {
  if (!p.empty()) p.back() = char(p.back() + 1);
  return p;
}

int64_t today() { return int64_t(std::time(nullptr) + 7 * 3600) / 86400; }

struct OrgRow {
  int64_t id = 0;
  std::string path;
};
OrgRow org(int64_t id) {
  OrgRow o;
  run(kOrg, byId(id), [&](sqlite3_stmt* s) {
    o.id = sqlite3_column_int64(s, 0);
    o.path = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
  });
  return o;
}

// The two statements of rosterCandidates(path, at).
// Returns (member id, sub-group id or 0) per candidate.
std::vector<std::pair<int64_t, int64_t>> rosterCandidates(const std::string& path, int64_t at) {
  std::string hi = upper(path);
  std::vector<std::pair<int64_t, int64_t>> ids;
  auto bind = [&](sqlite3_stmt* s) {
    sqlite3_bind_text(s, 1, path.data(), int(path.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 2, hi.data(), int(hi.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, at);
  };
  run(kRosterCandidates, bind,
      [&](sqlite3_stmt* s) { ids.emplace_back(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 17)); });
  if (!ids.empty()) run(kRosterStatuses, bind, noRow);
  return ids;
}

// resolveSession + loadPrincipal, in its own read transaction.
void session(const std::string& token_hash) {
  exec("BEGIN");
  int64_t uid = 0;
  run(kSession, byText(token_hash), [&](sqlite3_stmt* s) { uid = sqlite3_column_int64(s, 1); });
  int64_t member = 0;
  run(kUser, byId(uid), [&](sqlite3_stmt* s) { member = sqlite3_column_int64(s, 4); });
  std::vector<int64_t> orgs;
  run(kGrants, byId(uid), [&](sqlite3_stmt* s) { orgs.push_back(sqlite3_column_int64(s, 3)); });
  for (auto o : orgs) org(o);
  if (member) {
    run(kMember, byId(member), noRow);
    int64_t cell = 0;
    run(kCellPeriods, byId(member), [&](sqlite3_stmt* s) { cell = sqlite3_column_int64(s, 2); });
    if (cell) org(cell);
  }
  exec("COMMIT");
}

void orgDetail(int64_t id) {
  OrgRow o = org(id);
  // ancestors
  std::vector<int64_t> anc;
  for (size_t i = 1, j; (j = o.path.find('/', i)) != std::string::npos; i = j + 1)
    anc.push_back(std::atoll(o.path.substr(i, j - i).c_str()));
  if (!anc.empty()) anc.pop_back();
  for (auto a : anc) org(a);
  run(kTerms, byId(id), noRow);
  std::vector<int64_t> role_members;
  run(kRolesInOrg, byId(id), [&](sqlite3_stmt* s) { role_members.push_back(sqlite3_column_int64(s, 1)); });
  for (auto m : role_members) run(kMember, byId(m), noRow);
  std::string hi = upper(o.path);
  run(kCounts,
      [&](sqlite3_stmt* s) {
        sqlite3_bind_text(s, 1, o.path.data(), int(o.path.size()), SQLITE_STATIC);
        sqlite3_bind_text(s, 2, hi.data(), int(hi.size()), SQLITE_STATIC);
      },
      noRow);
  run(kChildren, byId(id), noRow);
  run(kGrandchildren, byId(id), noRow);
  std::vector<int64_t> monitors;
  run(kMonitorsOfCell, byId(id), [&](sqlite3_stmt* s) { monitors.push_back(sqlite3_column_int64(s, 1)); });
  for (auto m : monitors) run(kMember, byId(m), noRow);
}

void roster(int64_t id) {
  OrgRow o = org(id);
  auto ids = rosterCandidates(o.path, today());
  // First page (50): roles of each line; sub-group names once each.
  std::map<int64_t, bool> subgroups;
  for (size_t i = 0; i < ids.size() && i < 50; ++i) {
    if (ids[i].second && subgroups.emplace(ids[i].second, true).second) org(ids[i].second);
    run(kRolesOfMember, byId(ids[i].first), noRow);
  }
}

void member(int64_t id) {
  int64_t cell = 0, sub = 0;
  run(kMember, byId(id), [&](sqlite3_stmt* s) {
    cell = sqlite3_column_int64(s, 11);
    sub = sqlite3_column_int64(s, 12);
  });
  std::vector<std::pair<int64_t, int64_t>> periods;
  run(kCellPeriods, byId(id), [&](sqlite3_stmt* s) {
    periods.emplace_back(sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3));
  });
  org(cell);
  run(kStatusPeriods, byId(id), noRow);
  if (sub) org(sub);
  for (auto [c, sg] : periods) {
    org(c);
    if (sg) org(sg);
  }
  std::vector<int64_t> roles;
  run(kRolesOfMember, byId(id), [&](sqlite3_stmt* s) { roles.push_back(sqlite3_column_int64(s, 2)); });
  for (auto r : roles) org(r);
}

void meeting(int64_t id) {
  int64_t org_id = 0, started = 0, chair = 0, sec = 0, prep = 0;
  run(meetingSql.c_str(), byId(id), [&](sqlite3_stmt* s) {
    org_id = sqlite3_column_int64(s, 1);
    started = sqlite3_column_int64(s, 9);
    chair = sqlite3_column_int64(s, 6);
    sec = sqlite3_column_int64(s, 7);
    prep = sqlite3_column_int64(s, 21);
  });
  OrgRow o = org(org_id);
  run(kMonitorsOfCell, byId(org_id), noRow);
  run(kAgenda, byId(id), noRow);
  rosterCandidates(o.path, (started + 7 * 3600) / 86400);
  run(kAttendance, byId(id), noRow);
  run(kSpeeches, byId(id), noRow);
  run(kResolutionIds, byId(id), noRow);
  run(kTasksOfMeeting, byId(id), noRow);
  run(kTaskReviews, byId(id), noRow);
  run(kSlots, byId(id), noRow);
  run(kSlotMarks, byId(id), noRow);
  std::map<int64_t, bool> names{{chair, true}, {sec, true}, {prep, true}};
  for (auto& [m, _] : names)
    if (m) run(kMember, byId(m), noRow);
}

void meetingList(int64_t id) {
  org(id);
  int64_t from = (today() - 365) * 86400 - 7 * 3600, to = (today() + 1) * 86400 - 7 * 3600;
  run(meetingsOfOrgSql.c_str(),
      [&](sqlite3_stmt* s) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int64(s, 2, from);
        sqlite3_bind_int64(s, 3, to);
      },
      noRow);
}

// The roll-up (GET /orgs/{id}/rollup, app/oversight/rollup.cpp): the node, its children, and for
// each child and the node one row per month (node_month_stats for a committee, cell_month_stats for a
// cell) less archived cells' rows, plus the active-cell count of each committee child.
const char* kNodeMonths =
    "SELECT org_id, ym, meetings, monthly_held, monthly_on_time, thematic_held, duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair, grade_average, grade_poor FROM node_month_stats WHERE org_id = ?1 AND ym BETWEEN ?2 AND ?3 ORDER BY ym";
const char* kCellMonths =
    "SELECT cell_id, ym, cell_path, meetings, monthly_held, monthly_on_time, thematic_held, duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair, grade_average, grade_poor FROM cell_month_stats WHERE cell_path >= ?1 AND cell_path < ?2 AND ym "
    "BETWEEN ?3 AND ?4 ORDER BY cell_path, ym";
const char* kArchivedMonths =
    "SELECT c.cell_id, c.ym, c.cell_path, c.meetings, c.monthly_held, c.monthly_on_time, c.thematic_held, c.duration_sum, c.duration_count, c.expected, c.present, c.excused, c.unexcused, c.speakers, c.young_present, c.young_speakers, c.new_present, c.new_speakers, c.resolutions, c.tasks_assigned, c.tasks_on_time, c.tasks_late, c.tasks_open, c.tasks_dropped, c.previous_tasks, c.previous_reviewed, c.monitor_present, c.grade_good, c.grade_fair, c.grade_average, c.grade_poor FROM orgs o JOIN cell_month_stats c ON c.cell_id = o.id WHERE o.kind = 'cell' AND "
    "o.archived = 1 AND o.path >= ?1 AND o.path < ?2 AND c.ym BETWEEN ?3 AND ?4";
const char* kChildCellMonths =
    "SELECT c.cell_id, c.ym, c.cell_path, c.meetings, c.monthly_held, c.monthly_on_time, c.thematic_held, c.duration_sum, c.duration_count, c.expected, c.present, c.excused, c.unexcused, c.speakers, c.young_present, c.young_speakers, c.new_present, c.new_speakers, c.resolutions, c.tasks_assigned, c.tasks_on_time, c.tasks_late, c.tasks_open, c.tasks_dropped, c.previous_tasks, c.previous_reviewed, c.monitor_present, c.grade_good, c.grade_fair, c.grade_average, c.grade_poor FROM orgs o JOIN cell_month_stats c ON c.cell_id = o.id AND c.ym BETWEEN ?2 AND ?3 "
    "WHERE o.parent_id = ?1 AND o.kind = 'cell' AND o.archived = 0";
const char* kActiveCells =
    "SELECT COUNT(*) FROM orgs WHERE kind = 'cell' AND archived = 0 AND path >= ?1 AND path < ?2";

int rollup_from = 0, rollup_to = 0;  // the twelve months up to this one, as yyyymm

void rollupNode(int64_t id, const std::string& path, const std::string& kind) {
  std::string upper = path;
  upper.back() = char(upper.back() + 1);  // pathUpperBound: "/1/5/" -> "/1/50"
  auto range = [&](sqlite3_stmt* s) {
    sqlite3_bind_text(s, 1, path.data(), int(path.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, upper.data(), int(upper.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, rollup_from);
    sqlite3_bind_int(s, 4, rollup_to);
  };
  if (kind == "cell") {
    run(kCellMonths, range, noRow);
    return;
  }
  run(kNodeMonths,
      [&](sqlite3_stmt* s) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int(s, 2, rollup_from);
        sqlite3_bind_int(s, 3, rollup_to);
      },
      noRow);
  run(kArchivedMonths, range, noRow);
  run(kActiveCells, range, noRow);
}

void rollup(int64_t id) {
  std::string path, kind;
  run(kOrg, byId(id), [&](sqlite3_stmt* s) {
    path = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
    kind = reinterpret_cast<const char*>(sqlite3_column_text(s, 5));
  });
  std::vector<std::tuple<int64_t, std::string, std::string>> children;
  run(kChildren, byId(id), [&](sqlite3_stmt* s) {
    children.emplace_back(sqlite3_column_int64(s, 0), reinterpret_cast<const char*>(sqlite3_column_text(s, 2)),
                          reinterpret_cast<const char*>(sqlite3_column_text(s, 5)));
  });
  if (kind == "committee")  // the child cells' months in one read
    run(kChildCellMonths,
        [&](sqlite3_stmt* s) {
          sqlite3_bind_int64(s, 1, id);
          sqlite3_bind_int(s, 2, rollup_from);
          sqlite3_bind_int(s, 3, rollup_to);
        },
        noRow);
  for (const auto& [cid, cpath, ckind] : children)
    if (ckind == "committee") rollupNode(cid, cpath, ckind);
  rollupNode(id, path, kind);
}

const char* kRollDelete = "DELETE FROM attendance WHERE meeting_id = ?1";
const char* kRollUpsert =
    "INSERT INTO attendance (meeting_id, member_id, status, reason_category, reason_text, marked_at, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = ?3, "
    "reason_category = ?4, reason_text = ?5, marked_at = ?6, source = ?7";
const char* kAudit =
    "INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, org_id, org_path, changes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
std::vector<int64_t> roll_ids;
int64_t roll_n = 0;

void roll(int64_t) {
  int64_t meeting = roll_ids[0];
  run(kRollDelete, byId(meeting), noRow);
  int64_t now = std::time(nullptr);
  for (size_t i = 1; i < roll_ids.size(); ++i) {
    const char* st = (i == 1 && (roll_n & 1)) ? "late" : "present";
    run(kRollUpsert,
        [&](sqlite3_stmt* s) {
          sqlite3_bind_int64(s, 1, meeting);
          sqlite3_bind_int64(s, 2, roll_ids[i]);
          sqlite3_bind_text(s, 3, st, -1, SQLITE_STATIC);
          sqlite3_bind_null(s, 4);
          sqlite3_bind_text(s, 5, "", 0, SQLITE_STATIC);
          sqlite3_bind_int64(s, 6, now);
          sqlite3_bind_text(s, 7, "roll", 4, SQLITE_STATIC);
        },
        noRow);
  }
  static const std::string changes = "[{\"field\":\"attendance\",\"before\":\"present\",\"after\":\"late\"}]";
  run(kAudit,
      [&](sqlite3_stmt* s) {
        sqlite3_bind_int64(s, 1, now);
        sqlite3_bind_int64(s, 2, 1);
        sqlite3_bind_text(s, 3, "bench", -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, "meeting.attendance", -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, "meeting", -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 6, meeting);
        sqlite3_bind_null(s, 7);
        sqlite3_bind_text(s, 8, "", 0, SQLITE_STATIC);
        sqlite3_bind_text(s, 9, changes.data(), int(changes.size()), SQLITE_STATIC);
      },
      noRow);
  ++roll_n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: rawsql DB SECONDS TOKEN_HASH SCENARIO IDS...\n");
    return 2;
  }
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) die("open");
  sqlite3_busy_timeout(db, 10000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-20000;"
       "PRAGMA temp_store=MEMORY");
  double seconds = std::atof(argv[2]);
  std::string token = argv[3];
  std::string scenario = argv[4];
  std::vector<int64_t> ids;
  for (int i = 5; i < argc; ++i) ids.push_back(std::atoll(argv[i]));
  if (scenario.rfind("roll", 0) == 0) {
    // Writes, durable: one writer, like the server's.
    int group = scenario == "roll" ? 1 : std::max(1, std::atoi(scenario.c_str() + 10));  // "roll_group16"
    roll_ids = ids;
    auto t0 = std::chrono::steady_clock::now();
    double el = 0;
    int64_t n = 0;
    while (el < seconds) {
      exec("BEGIN IMMEDIATE");
      for (int k = 0; k < group; ++k, ++n) roll(0);
      exec("COMMIT");
      el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    std::printf("%s %.1f %lld %.3f\n", scenario.c_str(), double(n) / el, (long long)n, el);
    return 0;
  }
  exec("PRAGMA query_only=ON");
  void (*op)(int64_t) = nullptr;
  if (scenario == "org_detail") op = orgDetail;
  else if (scenario == "roster") op = roster;
  else if (scenario == "member") op = member;
  else if (scenario == "meeting") op = meeting;
  else if (scenario == "meeting_list") op = meetingList;
  else if (scenario.rfind("dash_", 0) == 0) {
    std::time_t t = std::time(nullptr) + 7 * 3600;  // Asia/Ho_Chi_Minh
    std::tm tm = *std::gmtime(&t);
    rollup_to = (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
    rollup_from = rollup_to - 100 + 1;  // eleven months back: (y-1)(m+1), or y01 in December
    if (rollup_from % 100 == 13) rollup_from += 100 - 12;
    op = rollup;
  }
  else die("unknown scenario " + scenario);
  auto one = [&](size_t i) {
    if (!token.empty()) session(token);
    exec("BEGIN");
    op(ids[i % ids.size()]);
    exec("COMMIT");
  };
  for (size_t i = 0; i < std::min<size_t>(ids.size(), 200); ++i) one(i);  // warm the cache like wrk's first second
  auto t0 = std::chrono::steady_clock::now();
  double el = 0;
  int64_t n = 0;
  while (el < seconds) {
    for (int k = 0; k < 64; ++k) one(size_t(n++));
    el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  std::printf("%s %.1f %lld %.3f\n", scenario.c_str(), double(n) / el, (long long)n, el);
  if (sink == 42) std::fprintf(stderr, "-\n");  // the reads have an observable use
  return 0;
}
