-- 0005: files attached to a meeting (issue 3, §2 Prepare): the draft
-- resolution and the documents members read before the meeting. The bytes live
-- in the database itself (one file to back up); the upload limit (10 MiB,
-- app/attachments/attachments.h) keeps rows sane. Same conventions as 0001:
-- instants are Unix seconds, enums their stable English codes.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  file_name TEXT NOT NULL,          -- NFC, sanitised (no path, no control characters)
  content_type TEXT NOT NULL,       -- from the detected type, never the one the browser sent
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,             -- lower-case hex of the bytes
  data BLOB NOT NULL,
  kind TEXT NOT NULL DEFAULT 'document',  -- draft_resolution | document | other
  uploaded_by INTEGER REFERENCES users(id),
  uploaded_at INTEGER NOT NULL,
  deleted_at INTEGER                -- soft delete: the row and its audit trail stay
);
CREATE INDEX attachments_meeting ON attachments(meeting_id, uploaded_at);
