// The shared log-in throttle (0008): one row per account name or address.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

#define THROTTLE_COLUMNS \
  "id, kind, subject, user_id, window_start, failures, prev_failures, locked_until, lockouts, updated_at"

ThrottleRecord readThrottle(const Stmt& s) {
  ThrottleRecord r;
  r.id = s.i64(0);
  r.kind = s.text(1);
  r.subject = s.text(2);
  r.user_id = s.optI64(3);
  r.window_start = s.i64(4);
  r.failures = int(s.i64(5));
  r.prev_failures = int(s.i64(6));
  r.locked_until = s.i64(7);
  r.lockouts = int(s.i64(8));
  r.updated_at = s.i64(9);
  return r;
}

}  // namespace

std::optional<ThrottleRecord> SqliteTx::throttleRecord(std::string_view kind, std::string_view subject) {
  auto st = conn_.prepare("SELECT " THROTTLE_COLUMNS " FROM login_throttle WHERE kind = ?1 AND subject = ?2");
  st.bind(1, kind).bind(2, subject);
  if (!st.step()) return std::nullopt;
  return readThrottle(st);
}

std::optional<ThrottleRecord> SqliteTx::throttleRecordById(Id id) {
  auto st = conn_.prepare("SELECT " THROTTLE_COLUMNS " FROM login_throttle WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readThrottle(st);
}

std::vector<ThrottleRecord> SqliteTx::lockedThrottleRecords(int64_t now, int limit) {
  auto st = conn_.prepare("SELECT " THROTTLE_COLUMNS
                          " FROM login_throttle WHERE locked_until > ?1 ORDER BY locked_until DESC, id LIMIT ?2");
  st.bind(1, now).bind(2, limit);
  std::vector<ThrottleRecord> out;
  while (st.step()) out.push_back(readThrottle(st));
  return out;
}

Id SqliteTx::putThrottleRecord(const ThrottleRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO login_throttle (kind, subject, user_id, window_start, failures, prev_failures, locked_until, "
      "lockouts, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (kind, subject) DO UPDATE SET user_id = excluded.user_id, window_start = excluded.window_start, "
      "failures = excluded.failures, prev_failures = excluded.prev_failures, locked_until = excluded.locked_until, "
      "lockouts = excluded.lockouts, updated_at = excluded.updated_at RETURNING id");
  st.bind(1, r.kind).bind(2, r.subject).bind(3, r.user_id).bind(4, r.window_start).bind(5, r.failures);
  st.bind(6, r.prev_failures).bind(7, r.locked_until).bind(8, r.lockouts).bind(9, r.updated_at);
  if (!st.step()) conn_.fail("putThrottleRecord");
  Id id = st.i64(0);
  while (st.step()) {
  }
  return id;
}

void SqliteTx::deleteThrottleRecord(Id id) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM login_throttle WHERE id = ?1");
  st.bind(1, id);
  st.run();
}

int SqliteTx::pruneThrottleRecords(int64_t now, int64_t idle_before) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM login_throttle WHERE locked_until <= ?1 AND updated_at < ?2");
  st.bind(1, now).bind(2, idle_before);
  st.run();
  return conn_.changes();
}

}  // namespace chibo::sqlite
