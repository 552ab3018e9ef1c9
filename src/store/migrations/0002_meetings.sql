-- 0002: meetings end to end (issue 3): plan, prepare, hold, minute, resolve,
-- follow up. Same conventions as 0001: dates are day numbers, instants Unix
-- seconds, enums their stable English codes.

-- One row per meeting of a cell, sub-group or committee. The preparation
-- checklist (R-PREP-1..3) is 1:1 with the meeting, so it lives here as
-- timestamps: "in time" is judged later against the rules of the meeting date.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  planned_start INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  chair_member_id INTEGER REFERENCES members(id),
  secretary_member_id INTEGER REFERENCES members(id),
  guests TEXT NOT NULL DEFAULT '[]',
  started_at INTEGER,
  ended_at INTEGER,
  status TEXT NOT NULL DEFAULT 'planned',
  period_year INTEGER NOT NULL,
  period_month INTEGER NOT NULL,
  term_id INTEGER REFERENCES committee_terms(id),
  conclusion TEXT NOT NULL DEFAULT '',
  minutes_read_back_at INTEGER,
  locked_at INTEGER,
  locked_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  prep_chi_uy_meeting_at INTEGER,
  prep_content_preparer_id INTEGER REFERENCES members(id),
  prep_draft_resolution_at INTEGER,
  prep_notice_members_at INTEGER,
  prep_notice_monitor_at INTEGER,
  prep_documents_published_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX meetings_org_start ON meetings(org_id, planned_start);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  step_code TEXT NOT NULL DEFAULT '',
  phase TEXT NOT NULL,
  title TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  done_at INTEGER
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

-- One mark per member per meeting: the roll is replaced whole, a QR check-in
-- upserts one line.
CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  status TEXT NOT NULL,
  reason_category TEXT,
  reason_text TEXT NOT NULL DEFAULT '',
  marked_at INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT 'roll',
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;
CREATE INDEX attendance_member ON attendance(member_id);

CREATE TABLE speeches (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
  summary TEXT NOT NULL,
  duration_seconds INTEGER,
  at INTEGER NOT NULL
);
CREATE INDEX speeches_meeting ON speeches(meeting_id, id);

CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  doc_type TEXT NOT NULL,
  term_id INTEGER REFERENCES committee_terms(id),
  number INTEGER,
  symbol TEXT NOT NULL DEFAULT '',
  issued_day INTEGER,
  title TEXT NOT NULL,
  assessment TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL DEFAULT '',
  assignments TEXT NOT NULL DEFAULT '',
  self_assessment TEXT NOT NULL DEFAULT '',
  vote_for INTEGER,
  vote_against INTEGER,
  vote_abstain INTEGER,
  vote_eligible INTEGER,
  vote_rule TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX resolutions_meeting ON resolutions(meeting_id);
-- R-DOC-1: one number per (org, document type, committee term). The use case
-- computes the next number inside the single writer transaction; this index
-- is the backstop that turns any slip into an error instead of a duplicate.
CREATE UNIQUE INDEX resolutions_number
  ON resolutions(org_id, doc_type, COALESCE(term_id, 0), number) WHERE number IS NOT NULL;

CREATE TABLE resolution_targets (
  id INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  target_value REAL,
  actual_value REAL,
  achieved INTEGER,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX resolution_targets_resolution ON resolution_targets(resolution_id, position);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  resolution_id INTEGER REFERENCES resolutions(id),
  description TEXT NOT NULL,
  deadline_day INTEGER,
  status TEXT NOT NULL DEFAULT 'open',
  reviewed_in_meeting_id INTEGER REFERENCES meetings(id),
  result_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_meeting ON tasks(meeting_id);
CREATE INDEX tasks_resolution ON tasks(resolution_id);

CREATE TABLE task_assignees (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (task_id, member_id)
) WITHOUT ROWID;
CREATE INDEX task_assignees_member ON task_assignees(member_id);

CREATE TABLE task_progress (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  day INTEGER NOT NULL,
  text TEXT NOT NULL,
  by_member_id INTEGER REFERENCES members(id),
  at INTEGER NOT NULL
);
CREATE INDEX task_progress_task ON task_progress(task_id, id);

-- The outcome a later meeting recorded for a task (R-RES-1); a task carried
-- over several times has one row per meeting that looked at it.
CREATE TABLE task_reviews (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  outcome TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  by_user_id INTEGER,
  PRIMARY KEY (meeting_id, task_id)
) WITHOUT ROWID;
CREATE INDEX task_reviews_task ON task_reviews(task_id);

-- Every locked version of the minutes: the one locked at finalisation and one
-- per amendment, each with the full record as JSON and the fields it changed.
CREATE TABLE meeting_versions (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  changes TEXT NOT NULL DEFAULT '[]',
  snapshot TEXT NOT NULL,
  by_user_id INTEGER,
  by_username TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, version)
) WITHOUT ROWID;
CREATE TRIGGER meeting_versions_no_update BEFORE UPDATE ON meeting_versions
BEGIN SELECT RAISE(ABORT, 'meeting_versions is append-only'); END;
CREATE TRIGGER meeting_versions_no_delete BEFORE DELETE ON meeting_versions
BEGIN SELECT RAISE(ABORT, 'meeting_versions is append-only'); END;

-- Thematic topics per quarter. Rows on a committee are the topics it suggests
-- to its cells; a cell's row may name the suggestion it adopted.
CREATE TABLE thematic_plan (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  topic TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  suggestion_id INTEGER REFERENCES thematic_plan(id),
  preparer_member_id INTEGER REFERENCES members(id),
  approved_day INTEGER,
  meeting_id INTEGER REFERENCES meetings(id)
);
CREATE INDEX thematic_plan_org_year ON thematic_plan(org_id, year, quarter);

-- Finding a time: proposed slots and who can make each.
CREATE TABLE meeting_slots (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  start_at INTEGER NOT NULL,
  UNIQUE (meeting_id, start_at)
);
CREATE TABLE slot_marks (
  slot_id INTEGER NOT NULL REFERENCES meeting_slots(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  marked_at INTEGER NOT NULL,
  PRIMARY KEY (slot_id, member_id)
) WITHOUT ROWID;
CREATE INDEX slot_marks_member ON slot_marks(member_id);

-- Short-lived QR check-in tokens; only the SHA-256 is stored, like sessions.
CREATE TABLE checkin_tokens (
  token_hash TEXT PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id)
);
CREATE INDEX checkin_tokens_expiry ON checkin_tokens(expires_at);
