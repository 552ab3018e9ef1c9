// Kept early warnings (0011): the records a write or the daily pass raised,
// read by subtree through the partial indexes of open records, and their
// counts per node (warning_counts) kept by putWarningRecord.
#include "domain/org.h"
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

int rankOf(Severity s) { return s == Severity::serious ? 2 : s == Severity::warning ? 1 : 0; }

WarningRecord readRecord(const Stmt& s) {
  WarningRecord r;
  r.key = s.text(0);
  r.id = s.i64(1);
  r.org_id = s.i64(2);
  r.org_path = s.text(3);
  r.warning.code = s.text(4);
  r.warning.severity = severityFromCode(s.text(5)).value_or(Severity::warning);
  r.warning.subject_kind = subjectKindFromCode(s.text(6)).value_or(SubjectKind::org);
  r.warning.subject_id = s.i64(7);
  r.subject_name = s.text(8);
  r.warning.message = s.text(9);
  r.warning.rule = s.text(10);
  r.warning.rule_set_id = s.text(11);
  r.warning.source = s.text(12);
  r.since = s.date(13);
  r.raised_at = s.instant(14);
  r.acknowledged = s.boolean(15);
  r.resolved_at = s.optInstant(16);
  r.resolution = s.isNull(17) ? "" : s.text(17);
  return r;
}

#define CHIBO_WARNING_COLUMNS                                                                            \
  "key, id, org_id, org_path, code, severity, subject_kind, subject_id, subject_name, message, rule, "  \
  "rule_set_id, source, since, raised_at, acknowledged, resolved_at, resolution"
// Statements are cached by the address of their text, so each variant is its own literal. The open
// list repeats the partial index's condition (acknowledged = 0) so the planner reads that index.
#define CHIBO_WARNING_FILTER " AND (?3 IS NULL OR code = ?3) AND (?4 IS NULL OR severity = ?4)"
// A small subtree (a cell, a ward): its range of the path index, sorted. A large one: the list
// index read in order, other nodes' rows skipped.
constexpr const char* kListOpen = "SELECT " CHIBO_WARNING_COLUMNS
    " FROM warning_records INDEXED BY warning_records_open WHERE resolved_at IS NULL AND acknowledged = 0 AND "
    "org_path >= ?1 AND org_path < ?2" CHIBO_WARNING_FILTER " ORDER BY rank DESC, since DESC, key LIMIT ?5 OFFSET ?6";
constexpr const char* kListOpenLarge = "SELECT " CHIBO_WARNING_COLUMNS
    " FROM warning_records INDEXED BY warning_records_order WHERE resolved_at IS NULL AND acknowledged = 0 AND "
    "org_path >= ?1 AND org_path < ?2" CHIBO_WARNING_FILTER " ORDER BY rank DESC, since DESC, key LIMIT ?5 OFFSET ?6";
// Above this many open records a subtree is read in list order (measured in bench/: sorting a
// few thousand rows costs less than a millisecond; a province's hundreds of thousands, seconds).
constexpr int64_t kLargeSubtree = 5000;
constexpr const char* kListAll = "SELECT " CHIBO_WARNING_COLUMNS
    " FROM warning_records WHERE resolved_at IS NULL AND org_path >= ?1 AND org_path < ?2"
    CHIBO_WARNING_FILTER " ORDER BY rank DESC, since DESC, key LIMIT ?5 OFFSET ?6";
constexpr const char* kCountOpen =
    "SELECT count(*) FROM warning_records WHERE resolved_at IS NULL AND acknowledged = 0 AND org_path >= ?1 AND "
    "org_path < ?2" CHIBO_WARNING_FILTER;
constexpr const char* kCountAll =
    "SELECT count(*) FROM warning_records WHERE resolved_at IS NULL AND org_path >= ?1 AND org_path < ?2"
    CHIBO_WARNING_FILTER;

// The node id a path ends with ("/1/5/23/" -> 23), 0 for "/".
Id lastId(const std::string& path) {
  auto ids = pathIds(path);
  return ids.empty() ? 0 : ids.back();
}

void bindQuery(Stmt& st, const WarningRecordQuery& q) {
  st.bind(1, q.org_path).bind(2, pathUpperBound(q.org_path)).bind(3, q.code);
  if (q.severity) st.bind(4, toCode(*q.severity));
  else st.bindNull(4);
}

}  // namespace

std::vector<WarningRecord> SqliteTx::warningRecordsOfOrg(Id org_id) {
  auto st = conn_.prepare("SELECT " CHIBO_WARNING_COLUMNS
                          " FROM warning_records WHERE org_id = ?1 AND resolved_at IS NULL ORDER BY key");
  st.bind(1, org_id);
  std::vector<WarningRecord> out;
  while (st.step()) out.push_back(readRecord(st));
  return out;
}

std::vector<WarningRecord> SqliteTx::warningRecords(const WarningRecordQuery& q) {
  const char* sql = kListAll;
  if (!q.include_acknowledged) {
    WarningRecordQuery all_open;
    all_open.org_path = q.org_path;
    sql = warningRecordCount(all_open) > kLargeSubtree ? kListOpenLarge : kListOpen;
  }
  auto st = conn_.prepare(sql);
  bindQuery(st, q);
  st.bind(5, q.limit).bind(6, q.offset);
  std::vector<WarningRecord> out;
  while (st.step()) out.push_back(readRecord(st));
  return out;
}

int64_t SqliteTx::warningRecordCount(const WarningRecordQuery& q) {
  if (!q.code && !q.include_acknowledged && lastId(q.org_path) != 0) {
    auto c = conn_.prepare(
        "SELECT coalesce(sum(n), 0) FROM warning_counts WHERE org_id = ?1 AND (?2 IS NULL OR severity = ?2)");
    c.bind(1, lastId(q.org_path));
    if (q.severity) c.bind(2, toCode(*q.severity));
    else c.bindNull(2);
    return c.step() ? c.i64(0) : 0;
  }
  auto st = conn_.prepare(q.include_acknowledged ? kCountAll : kCountOpen);
  bindQuery(st, q);
  return st.step() ? st.i64(0) : 0;
}

std::optional<WarningRecord> SqliteTx::warningRecordById(int64_t id) {
  auto st = conn_.prepare("SELECT " CHIBO_WARNING_COLUMNS " FROM warning_records WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readRecord(st);
}

std::optional<Date> SqliteTx::warningPassDay() {
  auto st = conn_.prepare("SELECT day FROM warning_pass_state WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return st.date(0);
}

void SqliteTx::putWarningRecord(const WarningRecord& r) {
  requireWritable();
  // The open state before and after, applied to every node on each path.
  auto add = [&](const std::string& path, const std::string& severity, int delta) {
    for (Id id : pathIds(path)) {
      auto c = conn_.prepare(
          "INSERT INTO warning_counts (org_id, severity, n) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (org_id, severity) DO UPDATE SET n = n + excluded.n");
      c.bind(1, id).bind(2, severity).bind(3, delta).run();
    }
  };
  std::optional<std::pair<std::string, std::string>> before;
  {
    auto old = conn_.prepare(
        "SELECT org_path, severity FROM warning_records WHERE key = ?1 AND resolved_at IS NULL AND acknowledged = 0");
    old.bind(1, r.key);
    if (old.step()) before = {old.text(0), old.text(1)};
  }
  if (before) add(before->first, before->second, -1);
  if (!r.resolved_at && !r.acknowledged) add(r.org_path, std::string(toCode(r.warning.severity)), +1);
  auto st = conn_.prepare(
      "INSERT OR REPLACE INTO warning_records (key, id, org_id, org_path, code, severity, rank, subject_kind, "
      "subject_id, subject_name, message, rule, rule_set_id, source, since, raised_at, acknowledged, resolved_at, "
      "resolution) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
  st.bind(1, r.key).bind(2, r.id).bind(3, r.org_id).bind(4, r.org_path).bind(5, r.warning.code);
  st.bind(6, toCode(r.warning.severity)).bind(7, rankOf(r.warning.severity));
  st.bind(8, toCode(r.warning.subject_kind)).bind(9, r.warning.subject_id).bind(10, r.subject_name);
  st.bind(11, r.warning.message).bind(12, r.warning.rule).bind(13, r.warning.rule_set_id);
  st.bind(14, r.warning.source).bind(15, r.since).bind(16, r.raised_at).bind(17, r.acknowledged);
  st.bind(18, r.resolved_at);
  if (r.resolution.empty()) st.bindNull(19);
  else st.bind(19, r.resolution);
  st.run();
}

void SqliteTx::setWarningPassDay(Date day, DateTime at) {
  requireWritable();
  auto st = conn_.prepare("INSERT OR REPLACE INTO warning_pass_state (id, day, at) VALUES (1, ?1, ?2)");
  st.bind(1, day).bind(2, at).run();
}

}  // namespace chibo::sqlite
