-- 0011: early warnings kept as records. A warning is raised when a write (or
-- the daily pass, for what the calendar alone brings: a month's due day, the
-- end of a probation) finds a rule broken, and it stays listed until it is
-- acknowledged or the record that caused it is corrected (the missing meeting
-- entered, an absence re-marked). A later change of a member's standing
-- (exemption, transfer) stops new counting but does not erase what was
-- raised: Điều lệ Điều 8(1) leaves the removal proposal to the chi bộ, so a
-- raised flag is for people to close, not for the calendar.
--
-- `key` is the stable key of warning_acks (code, subject, period); `id` its
-- 53-bit hash used in URLs. `org_path` is the owning node's path, so a
-- subtree's open warnings are one range of the partial index below and a
-- ward's, a province's or the nation's count is an indexed count.
-- `rank` orders the list: 2 serious, 1 warning, 0 info.
CREATE TABLE warning_records (
  key TEXT PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  org_path TEXT NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'serious')),
  rank INTEGER NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  subject_name TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL DEFAULT '',
  rule_set_id TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  since INTEGER NOT NULL,
  raised_at INTEGER NOT NULL,
  acknowledged INTEGER NOT NULL DEFAULT 0,
  resolved_at INTEGER,
  resolution TEXT CHECK (resolution IN ('corrected', 'superseded'))
);
-- The open list of a subtree (not resolved, not acknowledged), most serious first.
CREATE INDEX warning_records_open ON warning_records(org_path, rank, since)
  WHERE resolved_at IS NULL AND acknowledged = 0;
-- The open list in its order, for a large subtree (a province, the nation): read in order and
-- filtered by path, rather than sorting hundreds of thousands of rows for one page.
CREATE INDEX warning_records_order ON warning_records(rank DESC, since DESC, key)
  WHERE resolved_at IS NULL AND acknowledged = 0;
-- The same with acknowledged ones (?include_acknowledged=1).
CREATE INDEX warning_records_unresolved ON warning_records(org_path) WHERE resolved_at IS NULL;
-- Every record of one node, for the reconciliation after a write.
CREATE INDEX warning_records_org ON warning_records(org_id);

-- Open (neither resolved nor acknowledged) records per node and severity, the
-- node's whole subtree counted: every change of a record's open state adds or
-- takes one from each node on its path, in the same transaction, as the
-- roll-up's node_month_stats are kept. A dashboard's counts read a few rows
-- per node instead of counting records.
CREATE TABLE warning_counts (
  org_id INTEGER NOT NULL,
  severity TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (org_id, severity)
) WITHOUT ROWID;

-- The day the last daily pass judged (local day number), so a restart the
-- same day does not repeat it.
CREATE TABLE warning_pass_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  day INTEGER NOT NULL,
  at INTEGER NOT NULL
);
