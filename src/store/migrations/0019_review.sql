-- Year-end review and classification (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): a round per
-- committee and year, one review per member with the latest value of each step,
-- the append-only steps (an appeal never erases what came before), and the
-- committee's classification of each cell.
CREATE TABLE review_rounds (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  year INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  opened_by_user_id INTEGER,
  opened_by_username TEXT NOT NULL,
  UNIQUE (org_id, year)
);

CREATE TABLE member_reviews (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES review_rounds(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  stage TEXT NOT NULL CHECK (stage IN ('open', 'self_assessed', 'cell_voted', 'decided')),
  self_text TEXT NOT NULL DEFAULT '',
  self_level TEXT,
  self_points INTEGER,
  self_at INTEGER,
  cell_level TEXT,
  cell_points INTEGER,
  vote_for INTEGER NOT NULL DEFAULT 0,
  vote_against INTEGER NOT NULL DEFAULT 0,
  vote_abstain INTEGER NOT NULL DEFAULT 0,
  vote_eligible INTEGER NOT NULL DEFAULT 0,
  cell_at INTEGER,
  decided_level TEXT,
  decided_points INTEGER,
  decided_at INTEGER,
  decision_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (round_id, member_id)
);
CREATE INDEX member_reviews_member ON member_reviews(member_id);

CREATE TABLE member_review_steps (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES member_reviews(id),
  step TEXT NOT NULL,
  level TEXT,
  points INTEGER,
  note TEXT NOT NULL DEFAULT '',
  vote_for INTEGER NOT NULL DEFAULT 0,
  vote_against INTEGER NOT NULL DEFAULT 0,
  vote_abstain INTEGER NOT NULL DEFAULT 0,
  by_user_id INTEGER,
  by_username TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX member_review_steps_review ON member_review_steps(review_id, id);

CREATE TABLE cell_reviews (
  round_id INTEGER NOT NULL REFERENCES review_rounds(id),
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  level TEXT NOT NULL,
  points INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  by_user_id INTEGER,
  by_username TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (round_id, cell_id)
);
