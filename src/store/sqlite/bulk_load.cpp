// The bulk loader (store/bulk.h): one transaction, prepared statements bound
// with SQLITE_STATIC (the caller's values outlive each step), no journal and
// no fsync while the new file is built, secondary indexes rebuilt at the end.
#include <chrono>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "store/bulk.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_tx.h"

namespace chibo {
namespace sqlite {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

void removeFileSet(const std::string& p) {
  std::error_code ec;
  for (auto suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p + suffix, ec);
}

// One prepared INSERT. Text is bound SQLITE_STATIC: every insert steps before
// the caller's strings go away.
class Ins {
 public:
  Ins() = default;
  Ins(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("bulk prepare: ") + sqlite3_errmsg(db) + " [" + sql + "]");
  }
  Ins(const Ins&) = delete;
  Ins& operator=(const Ins&) = delete;
  Ins(Ins&& o) noexcept : db_(o.db_), s_(std::exchange(o.s_, nullptr)) {}
  Ins& operator=(Ins&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(s_, o.s_);
    return *this;
  }
  ~Ins() { sqlite3_finalize(s_); }

  Ins& i(int k, int64_t v) { return check(sqlite3_bind_int64(s_, k, v)); }
  Ins& t(int k, std::string_view v) { return check(sqlite3_bind_text(s_, k, v.data(), int(v.size()), SQLITE_STATIC)); }
  Ins& null(int k) { return check(sqlite3_bind_null(s_, k)); }
  Ins& oi(int k, std::optional<int64_t> v) { return v ? i(k, *v) : null(k); }
  Ins& od(int k, std::optional<Date> v) { return v ? i(k, v->days()) : null(k); }
  Ins& ot(int k, std::optional<DateTime> v) { return v ? i(k, v->unix_seconds) : null(k); }
  Ins& idOrNull(int k, Id v) { return v > 0 ? i(k, v) : null(k); }

  void run() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    if (rc != SQLITE_DONE) throw StoreError(std::string("bulk insert: ") + sqlite3_errmsg(db_) + " [" + sqlite3_sql(s_) + "]");
  }
  void finalize() {
    sqlite3_finalize(s_);
    s_ = nullptr;
  }

 private:
  Ins& check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(std::string("bulk bind: ") + sqlite3_errmsg(db_));
    return *this;
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

class SqliteBulkLoader final : public BulkLoader {
 public:
  explicit SqliteBulkLoader(const BulkOptions& o) : opts_(o), part_(o.path + ".part") {
    if (fs::exists(o.path)) throw StoreError("bulk load: " + o.path + " already exists");
    removeFileSet(part_);
    if (auto parent = fs::path(o.path).parent_path(); !parent.empty()) fs::create_directories(parent);
    // The schema exactly as a server would create it: every migration, in order.
    openSqliteStore({part_, true, 1}).reset();
    conn_ = std::make_unique<Conn>(part_, false);
    conn_->exec("PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" +
                std::to_string(std::max(2, o.cache_mib) * 1024));
    {
      // Secondary indexes: kept as the migrations wrote them, rebuilt in finish().
      Stmt st = conn_->prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
      while (st.step()) indexes_.emplace_back(st.text(0), st.text(1));
    }
    for (auto& [name, sql] : indexes_) conn_->exec("DROP INDEX \"" + name + "\"");
    conn_->exec("BEGIN");
    sqlite3* db = conn_->raw();
    org_ = Ins(db,
               "INSERT INTO orgs (id, parent_id, path, name, code, kind, level, cell_type, grassroots, address, "
               "archived, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    term_ = Ins(db, "INSERT INTO committee_terms (id, org_id, name, start_day, end_day) VALUES (?1, ?2, ?3, ?4, ?5)");
    member_ = Ins(db,
                  "INSERT INTO members (id, full_name, birth_day, gender, phone, card_no, admission_decision_day, "
                  "admission_ceremony_day, official_day, workplace, serving, cell_id, subgroup_id, version) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    cell_period_ = Ins(db,
                       "INSERT INTO cell_periods (id, member_id, cell_id, subgroup_id, place_id, from_day, to_day, "
                       "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    status_ = Ins(db,
                  "INSERT INTO status_periods (id, member_id, kind, from_day, to_day, note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    role_ = Ins(db,
                "INSERT INTO role_periods (id, member_id, org_id, role, from_day, to_day) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    monitor_ = Ins(db,
                   "INSERT INTO monitor_assignments (id, member_id, cell_id, from_day, to_day) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    user_ = Ins(db,
                "INSERT INTO users (id, username, display_name, password_hash, member_id, disabled) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    grant_ = Ins(db, "INSERT INTO user_grants (id, user_id, role, org_id) VALUES (?1, ?2, ?3, ?4)");
    audit_ = Ins(db,
                 "INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, org_id, "
                 "org_path, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    meeting_ = Ins(db,
                   "INSERT INTO meetings (id, org_id, kind, topic, planned_start, place, chair_member_id, "
                   "secretary_member_id, guests, started_at, ended_at, status, period_year, period_month, term_id, "
                   "conclusion, minutes_read_back_at, locked_at, locked_by, version, prep_chi_uy_meeting_at, "
                   "prep_content_preparer_id, prep_draft_resolution_at, prep_notice_members_at, "
                   "prep_notice_monitor_at, prep_documents_published_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                   "?6, ?7, ?8, '[]', ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
                   "?24, ?25, ?26)");
    agenda_ = Ins(db,
                  "INSERT INTO agenda_items (meeting_id, position, step_code, phase, title, required, notes, "
                  "done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    stats_ = Ins(db,
                 "INSERT INTO meeting_stats (meeting_id, cell_id, cell_path, ym, counted, monthly, thematic, on_time,"
                 " duration_minutes, expected, present, excused, unexcused, unmarked, speakers, young_present,"
                 " young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late,"
                 " tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade, refreshed_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
                 " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)");
    attendance_ = Ins(db,
                      "INSERT INTO attendance (meeting_id, member_id, status, reason_category, reason_text, "
                      "marked_at, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'roll')");
    t0_ = Clock::now();
  }

  ~SqliteBulkLoader() override {
    if (!finished_) {
      closeAll();
      removeFileSet(part_);
    }
  }

  void org(const Org& o) override {
    org_.i(1, o.id).oi(2, o.parent_id).t(3, o.path).t(4, o.name).t(5, o.code).t(6, toCode(o.kind));
    org_.t(7, toCode(o.level)).t(8, toCode(o.cell_type)).i(9, o.grassroots).t(10, o.address).i(11, o.archived);
    org_.i(12, o.version).run();
    ++rows_;
  }
  void term(const CommitteeTerm& t) override {
    term_.idOrNull(1, t.id).i(2, t.org_id).t(3, t.name).i(4, t.start.days()).od(5, t.end).run();
    ++rows_;
  }
  void member(const Member& m) override {
    member_.i(1, m.id).t(2, m.full_name).od(3, m.birth_date).t(4, toCode(m.gender)).t(5, m.phone).t(6, m.card_no);
    member_.od(7, m.admission_decision_date).od(8, m.admission_ceremony_date).od(9, m.official_date);
    member_.t(10, m.workplace).i(11, m.serving).oi(12, m.cell_id).oi(13, m.subgroup_id).i(14, m.version).run();
    ++rows_;
  }
  void cellPeriod(const CellPeriod& p) override {
    cell_period_.idOrNull(1, p.id).i(2, p.member_id).i(3, p.cell_id).oi(4, p.subgroup_id);
    cell_period_.i(5, p.subgroup_id.value_or(p.cell_id)).i(6, p.from.days()).od(7, p.to).t(8, p.note).run();
    ++rows_;
  }
  void statusPeriod(const StatusPeriod& p) override {
    status_.idOrNull(1, p.id).i(2, p.member_id).t(3, toCode(p.kind)).i(4, p.from.days()).od(5, p.to).t(6, p.note);
    status_.run();
    ++rows_;
  }
  void role(const RolePeriod& r) override {
    role_.idOrNull(1, r.id).i(2, r.member_id).i(3, r.org_id).t(4, toCode(r.role)).i(5, r.from.days()).od(6, r.to);
    role_.run();
    ++rows_;
  }
  void monitor(const MonitorAssignment& a) override {
    monitor_.idOrNull(1, a.id).i(2, a.member_id).i(3, a.cell_id).i(4, a.from.days()).od(5, a.to).run();
    ++rows_;
  }
  void user(const User& u) override {
    user_.i(1, u.id).t(2, u.username).t(3, u.display_name).t(4, u.password_hash).oi(5, u.member_id);
    user_.i(6, u.disabled).run();
    ++rows_;
  }
  void grant(const UserGrant& g) override {
    grant_.idOrNull(1, g.id).i(2, g.user_id).t(3, toCode(g.role)).i(4, g.org_id).run();
    ++rows_;
  }
  void audit(const AuditEntry& e) override {
    std::string changes = encodeChanges(e.changes);
    audit_.i(1, e.at.unix_seconds).oi(2, e.actor_id).t(3, e.actor_username).t(4, e.action).t(5, e.target_type);
    audit_.i(6, e.target_id).oi(7, e.org_id).t(8, e.org_path).t(9, changes).run();
    ++rows_;
  }
  void meeting(const MeetingRecord& r) override {
    const Meeting& m = r.meeting;
    auto& s = meeting_;
    s.i(1, m.id).i(2, m.org_id).t(3, toCode(m.kind)).t(4, m.topic).i(5, m.planned_start.unix_seconds).t(6, m.place);
    s.oi(7, m.chair_member_id).oi(8, m.secretary_member_id).ot(9, m.started_at).ot(10, m.ended_at);
    s.t(11, toCode(m.status)).i(12, m.period_year).i(13, m.period_month).oi(14, r.term_id).t(15, r.conclusion);
    s.ot(16, r.minutes_read_back_at).ot(17, r.locked_at).oi(18, r.locked_by_user_id).i(19, m.version);
    s.ot(20, r.prep.chi_uy_meeting_at).oi(21, r.prep.content_preparer_member_id).ot(22, r.draft_resolution_at);
    s.ot(23, r.prep.notice_members_at).ot(24, r.prep.notice_monitor_at).ot(25, r.prep.documents_published_at);
    s.i(26, r.created_at.unix_seconds).run();
    ++rows_;
  }
  void agendaItem(Id meeting_id, const AgendaItem& a) override {
    std::optional<DateTime> done_at;
    if (a.done) done_at = a.done_at;
    agenda_.i(1, meeting_id).i(2, a.position).t(3, a.step_code).t(4, toCode(a.phase)).t(5, a.title);
    agenda_.i(6, a.required).t(7, a.notes).ot(8, done_at).run();
    ++rows_;
  }
  void attendance(Id meeting_id, Id member_id, AttendanceStatus status, std::optional<AbsenceReason> reason,
                  std::string_view reason_text, DateTime marked_at) override {
    attendance_.i(1, meeting_id).i(2, member_id).t(3, toCode(status));
    if (reason) attendance_.t(4, toCode(*reason)); else attendance_.null(4);
    attendance_.t(5, reason_text).i(6, marked_at.unix_seconds).run();
    ++rows_;
  }

  void meetingStats(const MeetingStats& m) override {
    const StatsCounts& c = m.counts;
    auto& s = stats_;
    s.i(1, m.meeting_id).i(2, m.cell_id).t(3, m.cell_path).i(4, m.ym).i(5, m.counted).i(6, c.monthly_held > 0);
    s.i(7, c.thematic_held > 0).i(8, c.monthly_on_time > 0).oi(9, m.duration_minutes).i(10, c.expected);
    s.i(11, c.present).i(12, c.excused).i(13, c.unexcused).i(14, m.unmarked).i(15, c.speakers);
    s.i(16, c.young_present).i(17, c.young_speakers).i(18, c.new_present).i(19, c.new_speakers);
    s.i(20, c.resolutions).i(21, c.tasks_assigned).i(22, c.tasks_on_time).i(23, c.tasks_late).i(24, c.tasks_open);
    s.i(25, c.tasks_dropped).i(26, c.previous_tasks).i(27, c.previous_reviewed).i(28, c.monitor_present);
    if (m.grade) s.t(29, *m.grade); else s.null(29);
    s.i(30, m.refreshed_at.unix_seconds).run();
    ++rows_;
    if (m.refreshed_at.unix_seconds > stats_at_) stats_at_ = m.refreshed_at.unix_seconds;
    ++stats_rows_;
  }

  int64_t rows() const override { return rows_; }

  BulkStats finish() override {
    BulkStats st;
    st.rows = rows_;
    try {
      finalizeStatements();
      if (stats_rows_ > 0) {
        // Issue 5's cell-month sums, exactly as SqliteTx::refreshCellMonth computes one (src/store/sqlite/
        // tx_rollup.cpp), for every cell and month at once; then the aggregates are marked built.
        auto ta = Clock::now();
        conn_->exec(
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
            " FROM meeting_stats WHERE counted = 1 GROUP BY cell_id, ym");
        // Committee rows (0007): every cell-month summed into each of its ancestors.
        conn_->exec(
            "WITH RECURSIVE anc(cell_id, ancestor_id) AS ("
            " SELECT id, parent_id FROM orgs WHERE kind = 'cell' AND parent_id IS NOT NULL"
            " UNION ALL SELECT anc.cell_id, o.parent_id FROM anc JOIN orgs o ON o.id = anc.ancestor_id"
            " WHERE o.parent_id IS NOT NULL)"
            " INSERT OR REPLACE INTO node_month_stats (org_id, ym, meetings, monthly_held, monthly_on_time, thematic_held, duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair, grade_average, grade_poor)"
            " SELECT a.ancestor_id, c.ym, SUM(c.meetings), SUM(c.monthly_held), SUM(c.monthly_on_time), SUM(c.thematic_held), SUM(c.duration_sum), SUM(c.duration_count), SUM(c.expected), SUM(c.present), SUM(c.excused), SUM(c.unexcused), SUM(c.speakers), SUM(c.young_present), SUM(c.young_speakers), SUM(c.new_present), SUM(c.new_speakers), SUM(c.resolutions), SUM(c.tasks_assigned), SUM(c.tasks_on_time), SUM(c.tasks_late), SUM(c.tasks_open), SUM(c.tasks_dropped), SUM(c.previous_tasks), SUM(c.previous_reviewed), SUM(c.monitor_present), SUM(c.grade_good), SUM(c.grade_fair), SUM(c.grade_average), SUM(c.grade_poor)"
            " FROM cell_month_stats c JOIN anc a ON a.cell_id = c.cell_id GROUP BY a.ancestor_id, c.ym");
        // The generator grades its meetings itself: "generated" tells the server to keep those grades
        // rather than re-score millions of synthetic meetings (ensureAggregates).
        conn_->exec("INSERT OR REPLACE INTO aggregate_state (id, built_at, grader) VALUES (1, " +
                    std::to_string(stats_at_) + ", 'generated')");
        st.aggregate_seconds = secondsSince(ta);
      }
      conn_->exec("COMMIT");
      st.load_seconds = secondsSince(t0_) - st.aggregate_seconds;
      auto t1 = Clock::now();
      conn_->exec("BEGIN");
      for (auto& [name, sql] : indexes_) conn_->exec(sql);
      conn_->exec("COMMIT");
      st.index_seconds = secondsSince(t1);
      if (opts_.check_foreign_keys) {
        auto t2 = Clock::now();
        Stmt fk = conn_->prepare("PRAGMA foreign_key_check");
        if (fk.step())
          throw StoreError("bulk load: foreign key violation in " + fk.text(0) + " rowid " + std::to_string(fk.i64(1)) +
                           " -> " + fk.text(2));
        st.check_seconds = secondsSince(t2);
      }
      conn_.reset();  // releases the exclusive lock
      {
        Conn c(part_, false);
        c.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
      }  // last connection closed: WAL checkpointed and removed
      fs::rename(part_, opts_.path);
      st.file_bytes = static_cast<int64_t>(fs::file_size(opts_.path));
      finished_ = true;
    } catch (...) {
      closeAll();
      removeFileSet(part_);
      finished_ = true;
      throw;
    }
    return st;
  }

 private:
  void finalizeStatements() {
    for (Ins* s : {&org_, &term_, &member_, &cell_period_, &status_, &role_, &monitor_, &user_, &grant_, &audit_,
                   &meeting_, &agenda_, &attendance_, &stats_})
      s->finalize();
  }
  void closeAll() {
    finalizeStatements();
    conn_.reset();
  }

  BulkOptions opts_;
  std::string part_;
  std::unique_ptr<Conn> conn_;
  std::vector<std::pair<std::string, std::string>> indexes_;
  Ins org_, term_, member_, cell_period_, status_, role_, monitor_, user_, grant_, audit_, meeting_, agenda_,
      attendance_, stats_;
  int64_t rows_ = 0;
  int64_t stats_rows_ = 0;
  int64_t stats_at_ = 0;
  bool finished_ = false;
  Clock::time_point t0_;
};

}  // namespace
}  // namespace sqlite

std::unique_ptr<BulkLoader> openBulkLoad(const BulkOptions& opts) {
  return std::make_unique<sqlite::SqliteBulkLoader>(opts);
}

}  // namespace chibo
