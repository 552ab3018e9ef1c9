// The synthetic data sets (chibo demo --scale) and the bulk loader they use:
// deterministic, the counts they promise, and a file a server can open.
#include "app/scale/scale.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/oversight/aggregates.h"
#include "domain/roster.h"
#include "store/store.h"

namespace chibo {
namespace {

namespace fs = std::filesystem;
const Date kToday = *Date::fromYmd(2026, 11, 22);
const std::string kHash = "$argon2id$fixed-for-tests";

// 2 wards x 3 cells, 60 members, 4 months of meetings, agenda for the last 2.
scale::ScaleSpec tiny() { return {"tiny", 1, 2, 3, 60, 4, 2}; }

class ScaleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chibo-scale-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string build(const std::string& name, const scale::ScaleSpec& spec, uint64_t seed,
                    scale::ScaleSummary* sum = nullptr, BulkStats* stats = nullptr) {
    std::string path = (dir_ / name).string();
    auto loader = openBulkLoad({path, true, 16});
    auto s = scale::generate(*loader, spec, seed, kToday, kHash);
    auto st = loader->finish();
    if (sum) *sum = s;
    if (stats) *stats = st;
    return path;
  }

  // Every row of every table, in primary-key order, as text.
  static std::string dump(const std::string& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::vector<std::string> tables;
    query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name",
          [&](sqlite3_stmt* s) { tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))); });
    std::ostringstream out;
    for (auto& t : tables) {
      out << "## " << t << "\n";
      query(db, ("SELECT * FROM \"" + t + "\" ORDER BY 1, 2").c_str(), [&](sqlite3_stmt* s) {
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
          auto v = sqlite3_column_text(s, c);
          out << (v ? reinterpret_cast<const char*>(v) : "NULL") << "|";
        }
        out << "\n";
      });
    }
    sqlite3_close(db);
    return out.str();
  }

  template <typename F>
  static void query(sqlite3* db, const char* sql, F f) {
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
    while (sqlite3_step(s) == SQLITE_ROW) f(s);
    sqlite3_finalize(s);
  }
  static int64_t scalar(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    int64_t v = -1;
    query(db, sql.c_str(), [&](sqlite3_stmt* s) { v = sqlite3_column_int64(s, 0); });
    sqlite3_close(db);
    return v;
  }
  static std::string text(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string v;
    query(db, sql.c_str(), [&](sqlite3_stmt* s) { v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0)); });
    sqlite3_close(db);
    return v;
  }

  fs::path dir_;
};

TEST_F(ScaleTest, SameSeedSameBytesOtherSeedOtherData) {
  std::string a = build("a.db", tiny(), 7), b = build("b.db", tiny(), 7), c = build("c.db", tiny(), 8);
  std::string da = dump(a);
  EXPECT_GT(da.size(), 10000u);
  EXPECT_EQ(da, dump(b));
  EXPECT_NE(da, dump(c));
}

TEST_F(ScaleTest, TinyScaleHasTheCountsItPromises) {
  scale::ScaleSummary s;
  BulkStats st;
  std::string p = build("t.db", tiny(), 7, &s, &st);
  EXPECT_EQ(s.wards, 2);
  EXPECT_EQ(s.cells, 6);
  EXPECT_EQ(s.members, 60);
  EXPECT_EQ(s.meetings, 6 * 4);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM members"), 60);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM orgs WHERE kind = 'cell'"), 6);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM orgs WHERE level = 'ward'"), 2);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM meetings"), 24);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM attendance"), s.attendance_rows);
  EXPECT_EQ(st.rows, s.rows);
  // Every member has exactly one open placement, in a cell of the data set, and a unique card.
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM cell_periods WHERE to_day IS NULL"), 60);
  EXPECT_EQ(scalar(p, "SELECT COUNT(DISTINCT card_no) FROM members"), 60);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM members m JOIN orgs o ON o.id = m.cell_id WHERE o.kind = 'cell'"), 60);
  // Past meetings are finalised with a roll; the current month's is being held, without one yet.
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM meetings WHERE status = 'held'"), 6);
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
                      "WHERE m.status = 'held'"), 0);
  EXPECT_GT(s.attendance_rows, 60 * 3 * 8 / 10);
  EXPECT_LE(s.attendance_rows, 60 * 3);
  // Agenda only for the last two months: 6 cells x 2 meetings, each with a template.
  EXPECT_EQ(scalar(p, "SELECT COUNT(DISTINCT meeting_id) FROM agenda_items"), 12);
  // One committee and one cell account per ward, one per province, the admin.
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM users"), 1 + 1 + 2 * 2);
  EXPECT_EQ(s.accounts_total, 6);
  EXPECT_EQ(text(p, "SELECT password_hash FROM users WHERE username = 'canbo.w2'"), kHash);
}

TEST_F(ScaleTest, FinishedFileIsAnOrdinaryChiboDatabase) {
  scale::ScaleSummary s;
  std::string p = build("t.db", tiny(), 7, &s);
  EXPECT_FALSE(fs::exists(p + ".part"));
  EXPECT_FALSE(fs::exists(p + "-wal"));
  EXPECT_EQ(text(p, "PRAGMA journal_mode"), "wal");
  // The secondary indexes the migrations define are all back.
  std::string fresh = (dir_ / "fresh.db").string();
  openSqliteStore({fresh, true, 1}).reset();
  std::string idx = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)";
  EXPECT_EQ(text(p, idx), text(fresh, idx));
  EXPECT_EQ(scalar(p, "PRAGMA foreign_key_check"), -1);  // no rows
  // The server's store opens it, and the roster of a ward counts its members the domain's way.
  auto store = openSqliteStore({p, false, 1});
  auto tx = store->read();
  auto ward = tx->org(s.first_ward_id);
  ASSERT_TRUE(ward);
  EXPECT_EQ(ward->level, OrgLevel::ward);
  int on_roll = 0;
  for (auto& c : tx->rosterCandidates(ward->path, kToday)) on_roll += stateOn(c.member, c.statuses, kToday).on_roll;
  int64_t placed = scalar(p, "SELECT COUNT(*) FROM members m JOIN orgs o ON o.id = m.cell_id WHERE o.parent_id = " +
                                 std::to_string(s.first_ward_id));
  EXPECT_GT(placed, 10);
  EXPECT_EQ(on_roll, placed);
  EXPECT_TRUE(tx->userByUsername("canbo.w1"));
}

// The loader writes issue 5's aggregates itself (a rebuild of 10 M meetings
// would take hours); they must be exactly what a rebuild from the raw rows gives.
TEST_F(ScaleTest, AggregatesEqualARebuildFromTheRawRows) {
  scale::ScaleSpec spec = tiny();
  spec.cells_per_ward = 4;
  spec.members = 320;  // some cells of 40+ with tổ đảng, a few exempt and away members
  spec.months = 30;    // long enough for members admitted within the history ("new")
  std::string p = build("agg.db", spec, 11);
  const std::string statsSql =
      "SELECT group_concat(x, char(10)) FROM (SELECT meeting_id || '|' || cell_id || '|' || cell_path || '|' || ym || '|' || "
      "counted || '|' || monthly || '|' || thematic || '|' || on_time || '|' || IFNULL(duration_minutes, '-') || '|' || "
      "expected || '|' || present || '|' || excused || '|' || unexcused || '|' || unmarked || '|' || speakers || '|' || "
      "young_present || '|' || new_present || '|' || tasks_assigned || '|' || previous_tasks || '|' || "
      "monitor_present || '|' || IFNULL(grade, '-') AS x FROM meeting_stats ORDER BY meeting_id)";
  const std::string monthSql =
      "SELECT group_concat(x, char(10)) FROM (SELECT cell_id || '|' || ym || '|' || cell_path || '|' || meetings || '|' || "
      "monthly_held || '|' || monthly_on_time || '|' || thematic_held || '|' || duration_sum || '|' || duration_count || "
      "'|' || expected || '|' || present || '|' || excused || '|' || unexcused || '|' || young_present || '|' || "
      "new_present || '|' || previous_tasks AS x FROM cell_month_stats ORDER BY cell_id, ym)";
  // Committee rows (0007): the loader sums them in SQL, the server keeps them by deltas.
  const std::string nodeSql =
      "SELECT group_concat(x, char(10)) FROM (SELECT org_id || '|' || ym || '|' || meetings || '|' || monthly_held || "
      "'|' || duration_sum || '|' || expected || '|' || present || '|' || unexcused || '|' || previous_tasks AS x "
      "FROM node_month_stats WHERE meetings <> 0 OR expected <> 0 ORDER BY org_id, ym)";
  std::string stats = text(p, statsSql), months = text(p, monthSql), nodes = text(p, nodeSql);
  EXPECT_GT(scalar(p, "SELECT COUNT(*) FROM node_month_stats"), 0);
  EXPECT_EQ(scalar(p, "SELECT SUM(present) FROM node_month_stats WHERE org_id = (SELECT id FROM orgs WHERE parent_id IS NULL)"),
            scalar(p, "SELECT SUM(present) FROM cell_month_stats"));
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM meeting_stats"), scalar(p, "SELECT COUNT(*) FROM meetings"));
  EXPECT_EQ(scalar(p, "SELECT COUNT(*) FROM aggregate_state"), 1);
  EXPECT_GT(scalar(p, "SELECT COUNT(*) FROM orgs WHERE kind = 'subgroup'"), 0);
  EXPECT_GT(scalar(p, "SELECT COUNT(*) FROM status_periods WHERE kind IN ('exempt', 'temp_out')"), 0);
  EXPECT_GT(scalar(p, "SELECT SUM(young_present) FROM meeting_stats"), 0);
  EXPECT_GT(scalar(p, "SELECT SUM(new_present) FROM meeting_stats"), 0);
  {
    auto store = openSqliteStore({p, false, 1});
    auto tx = store->write();
    rebuildAggregates(*tx, std::nullopt, DateTime{int64_t(kToday.days()) * 86400});
    tx->commit();
  }
  EXPECT_EQ(text(p, statsSql), stats);
  EXPECT_EQ(text(p, monthSql), months);
  EXPECT_EQ(text(p, nodeSql), nodes);
}

TEST_F(ScaleTest, RefusesAnExistingFileAndLeavesNothingWhenAbandoned) {
  std::string p = (dir_ / "x.db").string();
  { std::ofstream(p) << "x"; }
  EXPECT_THROW(openBulkLoad({p, true, 16}), StoreError);
  std::string q = (dir_ / "y.db").string();
  {
    auto loader = openBulkLoad({q, true, 16});
    EXPECT_TRUE(fs::exists(q + ".part"));
  }  // destroyed without finish()
  EXPECT_FALSE(fs::exists(q + ".part"));
  EXPECT_FALSE(fs::exists(q));
}

TEST_F(ScaleTest, NamedScalesMatchTheIssue) {
  auto w = scale::specByName("ward"), p = scale::specByName("province"), n = scale::specByName("national");
  ASSERT_TRUE(w && p && n);
  EXPECT_EQ(w->members, 640);
  EXPECT_EQ(p->members, 250000);
  EXPECT_EQ(p->wards_per_province, 60);
  EXPECT_EQ(n->members, 5600000);
  int64_t cells = int64_t(n->provinces) * n->wards_per_province * n->cells_per_ward;
  EXPECT_NEAR(double(cells), 300000.0, 3000.0);
  EXPECT_EQ(n->months, 36);
  EXPECT_FALSE(scale::specByName("city"));
}

}  // namespace
}  // namespace chibo
