-- 0008: the log-in throttle, shared by every server on the database. One row
-- per key: an account name as typed (kind 'account', existing or not, so a
-- lock-out does not reveal whether the account exists) or a client address
-- (kind 'address'). Counters are a sliding window made of the current fixed
-- window and the previous one; a lock-out lasts base * 2^(lockouts - 1).
-- Instants are Unix seconds.
CREATE TABLE login_throttle (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('account', 'address')),
  subject TEXT NOT NULL,              -- lower-cased user name, or the address
  user_id INTEGER REFERENCES users(id),  -- the account's, when it exists: staff scope
  window_start INTEGER NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,       -- in the current window, reserved slots included
  prev_failures INTEGER NOT NULL DEFAULT 0,  -- in the window before it
  locked_until INTEGER NOT NULL DEFAULT 0,   -- 0: not locked
  lockouts INTEGER NOT NULL DEFAULT 0,       -- consecutive lock-outs: the back-off exponent
  updated_at INTEGER NOT NULL,
  UNIQUE (kind, subject)
);
CREATE INDEX login_throttle_locked ON login_throttle(locked_until);
CREATE INDEX login_throttle_updated ON login_throttle(updated_at);
