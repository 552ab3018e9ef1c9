-- Party dues (đảng phí), Quy định 01-QĐ/TW ngày 03/02/2026 (R-FEE-1, R-ATT-4 b).
-- Months are year * 100 + month. Amounts are whole đồng.

-- Each member's dues basis over time: one row holds from its month until the next row.
CREATE TABLE dues_bases (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL CHECK (kind IN ('salary', 'pension', 'other')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  from_ym INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, from_ym)
);

-- Exemptions (percent 100) and reductions (the rule file's percents), whole months.
CREATE TABLE dues_reliefs (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL CHECK (kind IN ('reduction', 'exemption')),
  percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
  from_ym INTEGER NOT NULL,
  to_ym INTEGER,
  decision TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_reliefs_member ON dues_reliefs(member_id, from_ym);

-- One row per member and month at most: paid (cash or the national portal) or
-- not paid with a good reason recorded (excused). No row: not paid.
CREATE TABLE dues_payments (
  member_id INTEGER NOT NULL REFERENCES members(id),
  ym INTEGER NOT NULL,
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  status TEXT NOT NULL CHECK (status IN ('paid', 'excused')),
  channel TEXT CHECK (channel IN ('cash', 'portal')),
  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  reference TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (member_id, ym)
);
CREATE INDEX dues_payments_cell ON dues_payments(cell_id, ym);

-- A cell's month of dues, kept with every dues write (like cell_month_stats):
-- the roll-up sums these rows, never the payments.
CREATE TABLE dues_month_stats (
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  ym INTEGER NOT NULL,
  cell_path TEXT NOT NULL,
  members_due INTEGER NOT NULL,      -- members owing this month
  members_paid INTEGER NOT NULL,
  members_excused INTEGER NOT NULL,  -- not paid, with a good reason
  amount_due INTEGER NOT NULL,       -- đồng, of the members with a recorded basis
  amount_collected INTEGER NOT NULL, -- đồng paid (cash and portal)
  amount_cash INTEGER NOT NULL,      -- đồng paid in cash to the cell
  PRIMARY KEY (cell_id, ym)
);
CREATE INDEX dues_month_stats_path ON dues_month_stats(cell_path, ym);
