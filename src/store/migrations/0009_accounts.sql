-- 0009: accounts managed by the ward. An account created for a member starts
-- without a password and with a one-time activation code; only the SHA-256 of
-- the code is kept (like session tokens), so neither the database nor the
-- audit log can hand it out again. Grants derived from the member's recorded
-- roles and monitor assignments are marked so they can be recomputed instead
-- of entered a second time by hand.
ALTER TABLE users ADD COLUMN created_at INTEGER;
ALTER TABLE users ADD COLUMN activated_at INTEGER;
ALTER TABLE users ADD COLUMN last_login_at INTEGER;
ALTER TABLE users ADD COLUMN activation_hash TEXT;
ALTER TABLE users ADD COLUMN activation_expires_at INTEGER;
CREATE UNIQUE INDEX users_activation ON users(activation_hash) WHERE activation_hash IS NOT NULL;
CREATE INDEX users_member ON users(member_id);

ALTER TABLE user_grants ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;

ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_user ON sessions(user_id);
