-- 0018: the new-member pipeline (phát triển đảng viên, Điều lệ Điều 4–5): each
-- person from the cell's list of outstanding non-members (quần chúng ưu tú)
-- to official member, every stage dated, with the people involved and the
-- documents of the dossier. Same conventions as 0001: instants are Unix
-- seconds, days whole days since 1970-01-01 (as members.birth_day), enums their stable English codes.
CREATE TABLE admission_candidates (
  id INTEGER PRIMARY KEY,
  cell_id INTEGER NOT NULL REFERENCES orgs(id),
  full_name TEXT NOT NULL,            -- NFC
  birth_day INTEGER NOT NULL,         -- the age check (R-KN-2) needs it
  gender TEXT NOT NULL DEFAULT 'other',
  phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,                -- domain/admission/stage.h: the last recorded stage
  stage_day INTEGER NOT NULL,
  route TEXT,                         -- two_members | youth_union, from the introduction
  youth_union_resolution TEXT NOT NULL DEFAULT '',
  member_id INTEGER REFERENCES members(id),  -- set at the ceremony (the roster record)
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX admission_candidates_cell ON admission_candidates(cell_id, stage);
CREATE INDEX admission_candidates_member ON admission_candidates(member_id);

-- One row per recorded stage: the dossier's dated history. Refusals keep
-- their reason in `note`.
CREATE TABLE admission_stages (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES admission_candidates(id),
  stage TEXT NOT NULL,
  day INTEGER NOT NULL,               -- the stage's own date (certificate, vote, decision, ceremony)
  reference TEXT NOT NULL DEFAULT '', -- certificate, resolution or decision number
  note TEXT NOT NULL DEFAULT '',
  received_on INTEGER,                   -- decisions: the day the cell received it (R-KN-1 counts from it)
  votes_for INTEGER,
  votes_total INTEGER,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX admission_stages_candidate ON admission_stages(candidate_id, id);

-- The members involved: the helper assigned while on the list and during
-- probation (helper), and the introducers with the day they declare having
-- worked together since (R-KN-2).
CREATE TABLE admission_people (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES admission_candidates(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  role TEXT NOT NULL CHECK (role IN ('introducer', 'helper')),
  since INTEGER NOT NULL,
  UNIQUE (candidate_id, member_id, role)
);

-- Documents of the dossier. The bytes live in the database as for meeting
-- attachments (0005), under the same limits (app/attachments); attachments
-- there belong to meetings, so the dossier keeps its own rows instead of
-- changing that table.
CREATE TABLE admission_documents (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES admission_candidates(id),
  stage TEXT NOT NULL,                -- the stage the document belongs to
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  uploaded_by INTEGER REFERENCES users(id),
  uploaded_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX admission_documents_candidate ON admission_documents(candidate_id, uploaded_at);
