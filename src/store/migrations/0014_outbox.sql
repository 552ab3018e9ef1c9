-- 0014: reminders and notices. A write that makes a notice due (a meeting
-- planned or moved, its documents posted, the secretary's notice, a warning
-- raised) inserts, in its own transaction, one inbox row per person and one
-- outbox row per message a channel must carry (the transactional outbox): the
-- notice exists exactly when the write does. A worker in `chibo serve` hands
-- due outbox rows to their channel and marks them sent right after the
-- channel took them; failures wait longer each time (next_attempt_at) and are
-- given up after the last attempt (failed_at, last_error kept).

-- Each person's choice: an e-mail address (accounts had none), whether to be
-- mailed, and one daily digest instead of single messages.
CREATE TABLE notification_settings (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  email TEXT NOT NULL DEFAULT '',
  email_enabled INTEGER NOT NULL DEFAULT 0,
  digest INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);

-- The in-app inbox. dedupe_key is unique per person, so a daily pass run twice
-- (a restart, two passes racing a midnight) writes a reminder once.
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  dedupe_key TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings(id),
  notice_to TEXT NOT NULL DEFAULT '',
  digest_pending INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE UNIQUE INDEX notices_dedupe ON notices(user_id, dedupe_key);
CREATE INDEX notices_inbox ON notices(user_id, id);
CREATE INDEX notices_unread ON notices(user_id) WHERE read_at IS NULL;
CREATE INDEX notices_digest ON notices(user_id, id) WHERE digest_pending = 1;

-- Messages for a channel. The activation code's body is blanked once sent:
-- only its hash is kept anywhere else (0009).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  notice_id INTEGER REFERENCES notices(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  channel TEXT NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings(id),
  notice_to TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  failed_at INTEGER,
  last_error TEXT NOT NULL DEFAULT ''
);
-- What the worker claims: the due rows, oldest first.
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- The local days the daily passes (task reminders, digests) last ran.
CREATE TABLE notice_pass_state (
  name TEXT PRIMARY KEY,
  day INTEGER NOT NULL,
  at INTEGER NOT NULL
);

-- The daily pass's tasks: pending ones by deadline (due in three days, overdue).
CREATE INDEX tasks_pending_deadline ON tasks(deadline_day)
  WHERE deadline_day IS NOT NULL AND status IN ('open', 'late', 'carried_over');
