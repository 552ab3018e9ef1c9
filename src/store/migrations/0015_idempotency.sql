-- Answers to writes sent with an Idempotency-Key header, per account, so a write
-- repeated by a client that did not see the first answer (the offline queue of
-- live mode resending after a dropped connection) is applied once. A row is
-- reserved (status 0) before the write runs and completed with the answer after
-- it; rows older than the retention (7 days by default) are purged on insert.
-- A refused write wrote nothing and keeps no row, so it may be sent again.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  body_hash TEXT NOT NULL,     -- SHA-256 (hex) of the request body as sent
  status INTEGER NOT NULL,     -- 0 while the write runs, then the answer's status
  content_type TEXT NOT NULL DEFAULT '',
  response TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
