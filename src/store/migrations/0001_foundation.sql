-- 0001: organisation tree, members with dated periods, accounts, sessions, audit.
-- Dates are stored as day numbers since 1970-01-01 (INTEGER) and instants as
-- Unix seconds: portable to PostgreSQL and cheap to compare.

CREATE TABLE orgs (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES orgs(id),
  path TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  level TEXT NOT NULL DEFAULT 'none',
  cell_type TEXT NOT NULL DEFAULT 'none',
  grassroots INTEGER NOT NULL DEFAULT 0,
  address TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX orgs_parent ON orgs(parent_id);

CREATE TABLE committee_terms (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER
);
CREATE INDEX committee_terms_org ON committee_terms(org_id);

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  birth_day INTEGER,
  gender TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  card_no TEXT NOT NULL DEFAULT '',
  admission_decision_day INTEGER,
  admission_ceremony_day INTEGER,
  official_day INTEGER,
  workplace TEXT NOT NULL DEFAULT '',
  serving INTEGER NOT NULL DEFAULT 0,
  cell_id INTEGER REFERENCES orgs(id),
  subgroup_id INTEGER REFERENCES orgs(id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX members_card_no ON members(card_no) WHERE card_no <> '';
CREATE INDEX members_cell ON members(cell_id);

-- place_id is the sub-group when there is one, else the cell: the roster of any
-- node is then one range scan over orgs.path.
CREATE TABLE cell_periods (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  subgroup_id INTEGER REFERENCES orgs(id),
  place_id INTEGER NOT NULL REFERENCES orgs(id),
  from_day INTEGER NOT NULL,
  to_day INTEGER,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cell_periods_member ON cell_periods(member_id);
CREATE INDEX cell_periods_place ON cell_periods(place_id, from_day);

CREATE TABLE status_periods (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL,
  from_day INTEGER NOT NULL,
  to_day INTEGER,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX status_periods_member ON status_periods(member_id);

CREATE TABLE role_periods (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  role TEXT NOT NULL,
  from_day INTEGER NOT NULL,
  to_day INTEGER
);
CREATE INDEX role_periods_org ON role_periods(org_id);
CREATE INDEX role_periods_member ON role_periods(member_id);

CREATE TABLE monitor_assignments (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  from_day INTEGER NOT NULL,
  to_day INTEGER
);
CREATE INDEX monitor_assignments_cell ON monitor_assignments(cell_id);
CREATE INDEX monitor_assignments_member ON monitor_assignments(member_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  member_id INTEGER REFERENCES members(id),
  disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE user_grants (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  org_id INTEGER NOT NULL REFERENCES orgs(id)
);
CREATE INDEX user_grants_user ON user_grants(user_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor_username TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  org_id INTEGER,
  org_path TEXT NOT NULL DEFAULT '',
  changes TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_log_path ON audit_log(org_path, id);
CREATE INDEX audit_log_target ON audit_log(target_type, target_id);

-- The audit log is append-only even for someone with the database file and
-- this schema: updates and deletes abort.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
