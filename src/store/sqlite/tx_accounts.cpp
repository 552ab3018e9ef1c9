// Accounts, grants and server-side sessions.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
// Statements are cached by the address of their text (Conn::prepare), so
// every query below is one string literal, assembled by the preprocessor.
#define CHIBO_USER_SELECT                                                                                       \
  "SELECT u.id, u.username, u.display_name, u.password_hash, u.member_id, u.disabled, u.created_at,"            \
  " u.activated_at, u.last_login_at, u.activation_hash, u.activation_expires_at FROM users u "
#define CHIBO_SESSION_SELECT "SELECT token_hash, user_id, csrf_token, created_at, expires_at, address, rowid FROM sessions "

User readUser(const Stmt& s) {
  User u;
  u.id = s.i64(0);
  u.username = s.text(1);
  u.display_name = s.text(2);
  u.password_hash = s.text(3);
  u.member_id = s.optI64(4);
  u.disabled = s.boolean(5);
  u.created_at = s.optInstant(6);
  u.activated_at = s.optInstant(7);
  u.last_login_at = s.optInstant(8);
  if (!s.isNull(9)) u.activation_hash = s.text(9);
  u.activation_expires_at = s.optInstant(10);
  return u;
}

Session readSession(const Stmt& st) {
  Session s{st.text(0), st.i64(1), st.text(2), DateTime{st.i64(3)}, DateTime{st.i64(4)}};
  s.address = st.text(5);
  s.id = st.i64(6);
  return s;
}
}  // namespace

std::optional<User> SqliteTx::user(Id id) {
  auto st = conn_.prepare(CHIBO_USER_SELECT "WHERE u.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::optional<User> SqliteTx::userByUsername(std::string_view username) {
  auto st = conn_.prepare(CHIBO_USER_SELECT "WHERE u.username = ?1");
  st.bind(1, username);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::optional<User> SqliteTx::userByMember(Id member_id) {
  auto st = conn_.prepare(CHIBO_USER_SELECT "WHERE u.member_id = ?1 ORDER BY u.id LIMIT 1");
  st.bind(1, member_id);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::optional<User> SqliteTx::userByActivationHash(std::string_view hash) {
  auto st = conn_.prepare(CHIBO_USER_SELECT "WHERE u.activation_hash = ?1");
  st.bind(1, hash);
  if (!st.step()) return std::nullopt;
  return readUser(st);
}

std::vector<User> SqliteTx::accountsUnder(const std::string& org_path) {
  // Paths end in '/', so a prefix test is a subtree test; substr avoids LIKE's
  // wildcards. An account belongs where its member sits or where it has a grant.
  auto st = conn_.prepare(CHIBO_USER_SELECT "LEFT JOIN members m ON m.id = u.member_id LEFT JOIN orgs c ON c.id = m.cell_id"
      " WHERE substr(c.path, 1, length(?1)) = ?1 OR EXISTS (SELECT 1 FROM user_grants g JOIN orgs o ON o.id = g.org_id"
      " WHERE g.user_id = u.id AND substr(o.path, 1, length(?1)) = ?1) ORDER BY u.id");
  st.bind(1, org_path);
  std::vector<User> out;
  while (st.step()) out.push_back(readUser(st));
  return out;
}

std::vector<UserGrant> SqliteTx::grantsOf(Id user_id) {
  auto st = conn_.prepare("SELECT id, user_id, role, org_id, derived FROM user_grants WHERE user_id = ?1 ORDER BY id");
  st.bind(1, user_id);
  std::vector<UserGrant> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), userRoleFromCode(st.text(2)).value_or(UserRole::member), st.i64(3),
                   st.boolean(4)});
  return out;
}

std::optional<Session> SqliteTx::session(std::string_view token_hash) {
  auto st = conn_.prepare(CHIBO_SESSION_SELECT "WHERE token_hash = ?1");
  st.bind(1, token_hash);
  if (!st.step()) return std::nullopt;
  return readSession(st);
}

std::vector<Session> SqliteTx::sessionsOf(Id user_id) {
  auto st = conn_.prepare(CHIBO_SESSION_SELECT "WHERE user_id = ?1 ORDER BY created_at DESC, rowid DESC");
  st.bind(1, user_id);
  std::vector<Session> out;
  while (st.step()) out.push_back(readSession(st));
  return out;
}

Id SqliteTx::insertUser(const User& u) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO users (username, display_name, password_hash, member_id, disabled, created_at, activated_at,"
      " last_login_at, activation_hash, activation_expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, u.username).bind(2, u.display_name).bind(3, u.password_hash).bind(4, u.member_id).bind(5, u.disabled);
  st.bind(6, u.created_at).bind(7, u.activated_at).bind(8, u.last_login_at).bind(9, u.activation_hash);
  st.bind(10, u.activation_expires_at);
  st.run();
  return conn_.lastInsertId();
}

void SqliteTx::updateUser(const User& u) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE users SET display_name = ?1, password_hash = ?2, member_id = ?3, disabled = ?4, activated_at = ?5,"
      " last_login_at = ?6, activation_hash = ?7, activation_expires_at = ?8 WHERE id = ?9");
  st.bind(1, u.display_name).bind(2, u.password_hash).bind(3, u.member_id).bind(4, u.disabled);
  st.bind(5, u.activated_at).bind(6, u.last_login_at).bind(7, u.activation_hash).bind(8, u.activation_expires_at);
  st.bind(9, u.id).run();
}

Id SqliteTx::insertGrant(const UserGrant& g) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO user_grants (user_id, role, org_id, derived) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, g.user_id).bind(2, toCode(g.role)).bind(3, g.org_id).bind(4, g.derived).run();
  return conn_.lastInsertId();
}

void SqliteTx::replaceGrants(Id user_id, const std::vector<UserGrant>& grants) {
  requireWritable();
  conn_.prepare("DELETE FROM user_grants WHERE user_id = ?1").bind(1, user_id).run();
  for (auto g : grants) {
    g.user_id = user_id;
    insertGrant(g);
  }
}

void SqliteTx::insertSession(const Session& s) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, address)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind(1, s.token_hash).bind(2, s.user_id).bind(3, s.csrf_token).bind(4, s.created.unix_seconds);
  st.bind(5, s.expires.unix_seconds).bind(6, s.address).run();
}

void SqliteTx::deleteSession(std::string_view token_hash) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM sessions WHERE token_hash = ?1");
  st.bind(1, token_hash).run();
}

int SqliteTx::deleteSessionsOf(Id user_id, std::optional<Id> session_id) {
  requireWritable();
  auto st = session_id ? conn_.prepare("DELETE FROM sessions WHERE user_id = ?1 AND rowid = ?2")
                       : conn_.prepare("DELETE FROM sessions WHERE user_id = ?1");
  st.bind(1, user_id);
  if (session_id) st.bind(2, *session_id);
  st.run();
  return conn_.changes();
}

void SqliteTx::markLogin(Id user_id, DateTime at) {
  requireWritable();
  conn_.prepare("UPDATE users SET last_login_at = ?1 WHERE id = ?2").bind(1, at).bind(2, user_id).run();
}

void SqliteTx::deleteExpiredSessions(DateTime now) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM sessions WHERE expires_at < ?1");
  st.bind(1, now.unix_seconds).run();
}

}  // namespace chibo::sqlite
