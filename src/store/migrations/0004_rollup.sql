-- 0004: oversight up the tree (issue 5). Aggregates kept up to date in the
-- same transaction as the meeting writes, so a roll-up reads one row per cell
-- per month instead of the raw attendance; the monitor's own observations at a
-- cell's meeting; and the secret of each user's calendar feed.
-- Same conventions as 0001/0002: dates are day numbers, instants Unix seconds.

-- One row per meeting: its figures as the record stands. `counted` is 1 for a
-- held or finalized meeting of a cell; only those reach cell_month_stats.
-- cell_path is the cell's org path (scope prefix scans); `ym` is
-- period_year * 100 + period_month, the month the meeting counts for.
CREATE TABLE meeting_stats (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  cell_path TEXT NOT NULL,
  ym INTEGER NOT NULL,
  counted INTEGER NOT NULL DEFAULT 0,
  monthly INTEGER NOT NULL DEFAULT 0,          -- regular or combined (R-FREQ-1)
  thematic INTEGER NOT NULL DEFAULT 0,         -- thematic or combined (R-FREQ-2)
  on_time INTEGER NOT NULL DEFAULT 0,          -- held within the month it counts for
  duration_minutes INTEGER,
  expected INTEGER NOT NULL DEFAULT 0,         -- the denominator (R-ATT-1)
  present INTEGER NOT NULL DEFAULT 0,
  excused INTEGER NOT NULL DEFAULT 0,
  unexcused INTEGER NOT NULL DEFAULT 0,
  unmarked INTEGER NOT NULL DEFAULT 0,
  speakers INTEGER NOT NULL DEFAULT 0,         -- distinct members present who spoke
  young_present INTEGER NOT NULL DEFAULT 0,    -- present and under 35 on the day
  young_speakers INTEGER NOT NULL DEFAULT 0,
  new_present INTEGER NOT NULL DEFAULT 0,      -- present and admitted less than 2 years before
  new_speakers INTEGER NOT NULL DEFAULT 0,
  resolutions INTEGER NOT NULL DEFAULT 0,
  tasks_assigned INTEGER NOT NULL DEFAULT 0,
  tasks_on_time INTEGER NOT NULL DEFAULT 0,    -- done, never reviewed late or carried over
  tasks_late INTEGER NOT NULL DEFAULT 0,       -- late or carried over, or done after that
  tasks_open INTEGER NOT NULL DEFAULT 0,
  tasks_dropped INTEGER NOT NULL DEFAULT 0,
  previous_tasks INTEGER NOT NULL DEFAULT 0,   -- earlier tasks this meeting had to review (R-RES-1)
  previous_reviewed INTEGER NOT NULL DEFAULT 0,
  monitor_present INTEGER NOT NULL DEFAULT 0,  -- the upper-level monitor attended (§2.7)
  grade TEXT,                                  -- quality grade (issue 4) when scored: good|fair|average|poor
  refreshed_at INTEGER NOT NULL
);
CREATE INDEX meeting_stats_cell_month ON meeting_stats(cell_id, ym);

-- The sum of meeting_stats per cell and month (counted meetings only), with
-- the two R-FREQ-1 flags: a monthly meeting held, and held on time.
CREATE TABLE cell_month_stats (
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  ym INTEGER NOT NULL,
  cell_path TEXT NOT NULL,
  meetings INTEGER NOT NULL,
  monthly_held INTEGER NOT NULL,
  monthly_on_time INTEGER NOT NULL,
  thematic_held INTEGER NOT NULL,
  duration_sum INTEGER NOT NULL,
  duration_count INTEGER NOT NULL,
  expected INTEGER NOT NULL,
  present INTEGER NOT NULL,
  excused INTEGER NOT NULL,
  unexcused INTEGER NOT NULL,
  speakers INTEGER NOT NULL,
  young_present INTEGER NOT NULL,
  young_speakers INTEGER NOT NULL,
  new_present INTEGER NOT NULL,
  new_speakers INTEGER NOT NULL,
  resolutions INTEGER NOT NULL,
  tasks_assigned INTEGER NOT NULL,
  tasks_on_time INTEGER NOT NULL,
  tasks_late INTEGER NOT NULL,
  tasks_open INTEGER NOT NULL,
  tasks_dropped INTEGER NOT NULL,
  previous_tasks INTEGER NOT NULL,
  previous_reviewed INTEGER NOT NULL,
  monitor_present INTEGER NOT NULL,
  grade_good INTEGER NOT NULL,
  grade_fair INTEGER NOT NULL,
  grade_average INTEGER NOT NULL,
  grade_poor INTEGER NOT NULL,
  PRIMARY KEY (cell_id, ym)
) WITHOUT ROWID;
CREATE INDEX cell_month_stats_path ON cell_month_stats(cell_path, ym);

-- Whether the aggregates cover every meeting: a database migrated from 0003
-- (or filled by a bulk loader) has meetings but no rows above until the first
-- full rebuild, which sets this row.
CREATE TABLE aggregate_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  built_at INTEGER NOT NULL
);

-- What the upper-level committee member assigned to a cell recorded about one
-- of its meetings: whether they attended, and their observations. One row per
-- monitor per meeting, replaced on each save (the audit log keeps the history).
CREATE TABLE monitor_observations (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  attended INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  by_user_id INTEGER REFERENCES users(id),
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;
CREATE INDEX monitor_observations_member ON monitor_observations(member_id);

-- The secret of a user's calendar feed URL: only its SHA-256 is stored; a new
-- one replaces the old (one per user), deleting it revokes the feed.
CREATE TABLE calendar_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
