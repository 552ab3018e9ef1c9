-- 0003: rules as data, meeting-quality evaluations and early-warning
-- acknowledgements (issue 4). Same conventions as 0001/0002: dates are day
-- numbers, instants Unix seconds, enums their stable English codes.
--
-- The rule sets themselves are files (rules/*.json) loaded at server start;
-- the database only records which local set is attached to which org node,
-- and from when, so a meeting is judged by the rules in force on its date at
-- its place in the tree.

-- A local rule set (RuleOverride) attached to an org node; it applies to the
-- node's whole subtree from `from_day` to `to_day` (inclusive, NULL = open),
-- intersected with the file's own effective dates. One row per (org, rule):
-- changing the dates updates the row, and the audit log keeps the old values.
CREATE TABLE rule_attachments (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  rule_id TEXT NOT NULL,
  from_day INTEGER NOT NULL,
  to_day INTEGER,
  by_user_id INTEGER REFERENCES users(id),
  by_username TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  UNIQUE (org_id, rule_id)
);

-- The judgement points of one meeting, by evaluator: the cell's own
-- self-evaluation ("self") and the committee's ("committee") are both kept.
-- `points` is a JSON object {criterion code: points}; `rule_set_id` records
-- the rule set in force for the meeting when the points were entered.
CREATE TABLE meeting_evaluations (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  evaluator TEXT NOT NULL CHECK (evaluator IN ('self', 'committee')),
  points TEXT NOT NULL DEFAULT '{}',
  note TEXT NOT NULL DEFAULT '',
  rule_set_id TEXT NOT NULL DEFAULT '',
  by_user_id INTEGER REFERENCES users(id),
  by_username TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, evaluator)
) WITHOUT ROWID;

-- An acknowledged early warning. Warnings are computed, not stored; `key` is
-- the warning's stable key (code, subject and period, e.g.
-- "removal_watch:member:45:2027"), so an acknowledged warning stays
-- acknowledged however often it is recomputed, and an escalation (a new code)
-- is a new warning.
CREATE TABLE warning_acks (
  key TEXT PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  code TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  by_user_id INTEGER REFERENCES users(id),
  by_username TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX warning_acks_org ON warning_acks(org_id);
