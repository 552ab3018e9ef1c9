// Idempotency keys (0015): remembered answers of writes, per account.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {

std::optional<IdempotencyRecord> SqliteTx::idempotencyRecord(Id user_id, std::string_view key) {
  auto st = conn_.prepare(
      "SELECT user_id, key, method, path, body_hash, status, content_type, response, created_at"
      " FROM idempotency_keys WHERE user_id = ?1 AND key = ?2");
  st.bind(1, user_id).bind(2, key);
  if (!st.step()) return std::nullopt;
  IdempotencyRecord r;
  r.user_id = st.i64(0);
  r.key = st.text(1);
  r.method = st.text(2);
  r.path = st.text(3);
  r.body_hash = st.text(4);
  r.status = st.i32(5);
  r.content_type = st.text(6);
  r.response = st.text(7);
  r.created_at = st.instant(8);
  return r;
}

bool SqliteTx::reserveIdempotencyKey(const IdempotencyRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO idempotency_keys (user_id, key, method, path, body_hash, status, content_type, response, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, 0, '', '', ?6) ON CONFLICT (user_id, key) DO NOTHING");
  st.bind(1, r.user_id).bind(2, r.key).bind(3, r.method).bind(4, r.path).bind(5, r.body_hash).bind(6, r.created_at);
  st.run();
  return conn_.changes() > 0;
}

void SqliteTx::completeIdempotencyKey(Id user_id, std::string_view key, int status, std::string_view content_type,
                                      std::string_view response) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE idempotency_keys SET status = ?3, content_type = ?4, response = ?5 WHERE user_id = ?1 AND key = ?2");
  st.bind(1, user_id).bind(2, key).bind(3, status).bind(4, content_type).bind(5, response).run();
}

void SqliteTx::deleteIdempotencyKey(Id user_id, std::string_view key) {
  requireWritable();
  conn_.prepare("DELETE FROM idempotency_keys WHERE user_id = ?1 AND key = ?2").bind(1, user_id).bind(2, key).run();
}

int SqliteTx::purgeIdempotencyKeys(DateTime before) {
  requireWritable();
  conn_.prepare("DELETE FROM idempotency_keys WHERE created_at < ?1").bind(1, before).run();
  return conn_.changes();
}

}  // namespace chibo::sqlite
