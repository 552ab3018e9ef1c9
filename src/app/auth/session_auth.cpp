#include "app/auth/session_auth.h"

#include <sodium.h>

#include <cstdio>

#include "app/auth/password.h"
#include "app/principal.h"

namespace chibo {

std::string sha256Hex(const std::string& s) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  char hex[2 * sizeof h + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

std::string randomToken() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium init failed");
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, b, sizeof b);
  return hex;
}

namespace {

Error throttled(int wait) {
  return Error{ErrorKind::rate_limited, "rate_limited",
               "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string((wait + 59) / 60) +
                   " phút.",
               {{"retry_after", "retry_after", std::to_string(wait)}}};
}

// The audit row of a lock-out: under the account's organisation when the name
// belongs to an account (so staff of that subtree see it), else under none.
void auditLockout(WriteTx& tx, const ThrottleRecord& r, const std::string& address, DateTime now) {
  AuditEntry e;
  e.at = now;
  e.action = "auth.lockout";
  e.target_type = r.kind == "account" ? "user" : "address";
  e.target_id = r.user_id.value_or(0);
  if (r.user_id) {
    for (const auto& g : tx.grantsOf(*r.user_id))
      if (auto o = tx.org(g.org_id)) {
        e.org_id = o->id;
        e.org_path = o->path;
        break;
      }
  }
  e.changes.push_back({r.kind == "account" ? "username" : "client_address", std::nullopt, r.subject});
  e.changes.push_back({"locked_until", std::nullopt, DateTime{r.locked_until}.iso()});
  e.changes.push_back({"lockouts", std::nullopt, std::to_string(r.lockouts)});
  if (r.kind == "account") e.changes.push_back({"client_address", std::nullopt, address});
  tx.appendAudit(e);
}

}  // namespace

Result<LoginAdmission> admitLogin(Store& store, LoginThrottle& throttle, const std::string& username,
                                  const std::string& address, DateTime now) {
  LoginAdmission a;
  a.account = throttleAccountKey(username);
  if (int wait = throttle.knownWait(a.account, address, now.unix_seconds); wait > 0) return throttled(wait);
  // Admission before hashing, atomic with every other server's: the slot is
  // taken before the expensive work, so parallel guesses cannot overrun it.
  auto tx = store.write();
  a.user = tx->userByUsername(username);
  std::vector<ThrottleRecord> locked;
  int wait = throttle.admit(*tx, a.account, a.user ? std::optional<Id>(a.user->id) : std::nullopt, address,
                            now.unix_seconds, &locked);
  for (const auto& r : locked) auditLockout(*tx, r, address, now);
  if (wait == 0 || !locked.empty()) tx->commit();
  if (wait > 0) return throttled(wait);
  return a;
}

Result<LoginOk> login(Store& store, LoginThrottle& throttle, const std::string& username,
                      const std::string& password, const std::string& address, DateTime now,
                      const SessionConfig& cfg) {
  auto a = admitLogin(store, throttle, username, address, now);
  if (!a) return a.error();
  return completeLogin(store, throttle, *a, password, address, now, cfg);
}

Result<LoginOk> completeLogin(Store& store, LoginThrottle& throttle, const LoginAdmission& a,
                              const std::string& password, const std::string& address, DateTime now,
                              const SessionConfig& cfg) {
  const std::optional<User>& user = a.user;
  const std::string& account = a.account;
  // An account still waiting for activation has no password: spend the same
  // time as for an unknown user and refuse.
  bool ok = user && !user->disabled && user->hasPassword() ? verifyPassword(password, user->password_hash)
                                    : (verifyPassword(password, decoyHash()), false);
  if (!ok) return Error{ErrorKind::unauthenticated, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.", {}};
  LoginOk out;
  out.token = randomToken();
  out.csrf_token = randomToken();
  out.user = *user;
  {
    auto tx = store.write();
    auto p = loadPrincipal(*tx, user->id, now.date());
    if (!p) return Error{ErrorKind::unauthenticated, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.", {}};
    out.principal = *p;
    throttle.succeeded(*tx, account, address, now.unix_seconds);
    tx->deleteExpiredSessions(now);
    tx->insertSession({sha256Hex(out.token), user->id, out.csrf_token, now,
                       DateTime{now.unix_seconds + int64_t(cfg.lifetime_hours) * 3600}, address});
    tx->markLogin(user->id, now);
    AuditEntry e;
    e.at = now;
    e.actor_id = user->id;
    e.actor_username = user->username;
    e.action = "auth.login";
    e.target_type = "user";
    e.target_id = user->id;
    if (!p->grants.empty()) {
      e.org_id = p->grants.front().org_id;
      e.org_path = p->grants.front().org_path;
    }
    e.changes.push_back({"client_address", std::nullopt, address});
    tx->appendAudit(e);
    tx->commit();
  }
  return out;
}

std::optional<ResolvedSession> resolveSession(Store& store, const std::string& token, DateTime now) {
  if (token.size() != 64) return std::nullopt;
  auto tx = store.read();
  auto h = sha256Hex(token);
  auto s = tx->session(h);
  if (!s || s->expires < now) return std::nullopt;
  auto p = loadPrincipal(*tx, s->user_id, now.date());
  if (!p) return std::nullopt;
  return ResolvedSession{std::move(*p), s->csrf_token, h};
}

void logout(Store& store, const std::string& token_hash) {
  auto tx = store.write();
  tx->deleteSession(token_hash);
  tx->commit();
}

}  // namespace chibo
