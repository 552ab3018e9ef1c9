-- A tổ đảng pilot attached to a cell (R-TOĐẢNG-1): from `from_month` to
-- `to_month` (inclusive, NULL = open), months as year * 100 + month (202603),
-- the cell's tổ đảng meetings of a month stand for its regular monthly meeting
-- (Hướng dẫn 03-HD/TW of 27/12/2022, pilot, and a local decision whose number
-- and date the committee types into `decision`). One row per cell: changing
-- the months updates it, detaching deletes it, and the audit log keeps both.
CREATE TABLE subgroup_pilots (
  id INTEGER PRIMARY KEY,
  cell_id INTEGER NOT NULL UNIQUE REFERENCES orgs(id),
  from_month INTEGER NOT NULL,
  to_month INTEGER,
  decision TEXT NOT NULL,
  by_user_id INTEGER REFERENCES users(id),
  by_username TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  CHECK (to_month IS NULL OR to_month >= from_month)
);
