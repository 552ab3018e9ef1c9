// Accounts, grants and server-side sessions.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
User readUser(const Stmt& s) {
  User u;
  u.id = s.i64(0);
  u.username = s.text(1);
  u.display_name = s.text(2);
  u.password_hash = s.text(3);
  u.member_id = s.optI64(4);
  u.disabled = s.boolean(5);
  return u;
}
}  // namespace

std::optional<User> SqliteTx::user(Id id) {
  auto st = conn_.prepare(
      "SELECT id, username, display_name, password_hash, member_id, disabled FROM users WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::optional<User> SqliteTx::userByUsername(std::string_view username) {
  auto st = conn_.prepare(
      "SELECT id, username, display_name, password_hash, member_id, disabled FROM users WHERE username = ?1");
  st.bind(1, username);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::vector<UserGrant> SqliteTx::grantsOf(Id user_id) {
  auto st = conn_.prepare("SELECT id, user_id, role, org_id FROM user_grants WHERE user_id = ?1 ORDER BY id");
  st.bind(1, user_id);
  std::vector<UserGrant> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), userRoleFromCode(st.text(2)).value_or(UserRole::member), st.i64(3)});
  return out;
}

std::optional<Session> SqliteTx::session(std::string_view token_hash) {
  auto st = conn_.prepare(
      "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?1");
  st.bind(1, token_hash);
  if (!st.step()) return std::nullopt;
  return Session{st.text(0), st.i64(1), st.text(2), DateTime{st.i64(3)}, DateTime{st.i64(4)}};
}

Id SqliteTx::insertUser(const User& u) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO users (username, display_name, password_hash, member_id, disabled) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, u.username).bind(2, u.display_name).bind(3, u.password_hash).bind(4, u.member_id).bind(5, u.disabled);
  st.run();
  return conn_.lastInsertId();
}

void SqliteTx::updateUser(const User& u) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE users SET display_name = ?1, password_hash = ?2, member_id = ?3, disabled = ?4 WHERE id = ?5");
  st.bind(1, u.display_name).bind(2, u.password_hash).bind(3, u.member_id).bind(4, u.disabled).bind(5, u.id).run();
}

Id SqliteTx::insertGrant(const UserGrant& g) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO user_grants (user_id, role, org_id) VALUES (?1, ?2, ?3)");
  st.bind(1, g.user_id).bind(2, toCode(g.role)).bind(3, g.org_id).run();
  return conn_.lastInsertId();
}

void SqliteTx::insertSession(const Session& s) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, s.token_hash).bind(2, s.user_id).bind(3, s.csrf_token).bind(4, s.created.unix_seconds);
  st.bind(5, s.expires.unix_seconds).run();
}

void SqliteTx::deleteSession(std::string_view token_hash) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM sessions WHERE token_hash = ?1");
  st.bind(1, token_hash).run();
}

void SqliteTx::deleteExpiredSessions(DateTime now) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM sessions WHERE expires_at < ?1");
  st.bind(1, now.unix_seconds).run();
}

}  // namespace chibo::sqlite
