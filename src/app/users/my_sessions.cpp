#include "app/audit_write.h"
#include "app/users/account_scope.h"
#include "app/users/users.h"

namespace chibo {

std::vector<Session> mySessions(Store& store, const Caller& c) {
  auto tx = store.read();
  std::vector<Session> out;
  for (auto& s : tx->sessionsOf(c.principal.user_id))
    if (s.expires >= c.now) out.push_back(std::move(s));
  return out;
}

Status endMySession(Store& store, const Caller& c, Id session_id) {
  auto tx = store.write();
  int ended = tx->deleteSessionsOf(c.principal.user_id, session_id);
  if (ended == 0) return Error::notFound();
  if (auto u = tx->user(c.principal.user_id))
    if (auto home = accountHome(*tx, *u))
      writeAudit(*tx, c, "account.session_end", "user", u->id, *home,
                 {{"session", std::to_string(session_id), std::nullopt}});
  tx->commit();
  return okStatus();
}

}  // namespace chibo
