-- Roster import: the citizen ID (số CCCD) that ward roster files carry and
-- members are matched by, and the file's note (ghi chú). Kept beside members
-- so the member row and its readers stay as they are.
CREATE TABLE member_identity (
  member_id INTEGER PRIMARY KEY REFERENCES members(id),
  citizen_id TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX member_identity_citizen ON member_identity(citizen_id) WHERE citizen_id <> '';
