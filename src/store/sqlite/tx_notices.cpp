// Reminders and notices (0014): settings, the inbox, the outbox and the daily passes' days.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

#define CHIBO_NOTICE_COLUMNS \
  "id, user_id, kind, subject, body, link, dedupe_key, meeting_id, notice_to, digest_pending, created_at, read_at"

NoticeRecord readNotice(const Stmt& s) {
  NoticeRecord n;
  n.id = s.i64(0);
  n.user_id = s.i64(1);
  n.kind = s.text(2);
  n.subject = s.text(3);
  n.body = s.text(4);
  n.link = s.text(5);
  n.dedupe_key = s.text(6);
  n.meeting_id = s.optI64(7);
  n.notice_to = s.text(8);
  n.digest_pending = s.boolean(9);
  n.created_at = s.instant(10);
  n.read_at = s.optInstant(11);
  return n;
}

#define CHIBO_OUTBOX_COLUMNS                                                                              \
  "id, notice_id, user_id, channel, address, kind, subject, body, meeting_id, notice_to, created_at, " \
  "attempts, next_attempt_at, sent_at, failed_at, last_error"

OutboxMessage readOutbox(const Stmt& s) {
  OutboxMessage m;
  m.id = s.i64(0);
  m.notice_id = s.optI64(1);
  m.user_id = s.i64(2);
  m.channel = s.text(3);
  m.address = s.text(4);
  m.kind = s.text(5);
  m.subject = s.text(6);
  m.body = s.text(7);
  m.meeting_id = s.optI64(8);
  m.notice_to = s.text(9);
  m.created_at = s.instant(10);
  m.attempts = s.i32(11);
  m.next_attempt_at = s.instant(12);
  m.sent_at = s.optInstant(13);
  m.failed_at = s.optInstant(14);
  m.last_error = s.text(15);
  return m;
}

}  // namespace

std::optional<NotificationSettings> SqliteTx::notificationSettings(Id user_id) {
  auto st = conn_.prepare(
      "SELECT user_id, email, email_enabled, digest, updated_at FROM notification_settings WHERE user_id = ?1");
  st.bind(1, user_id);
  if (!st.step()) return std::nullopt;
  return NotificationSettings{st.i64(0), st.text(1), st.boolean(2), st.boolean(3), st.instant(4)};
}

std::vector<NoticeRecord> SqliteTx::inbox(Id user_id, bool unread_only, int limit, int offset) {
  std::vector<NoticeRecord> out;
  auto st = conn_.prepare(unread_only ? "SELECT " CHIBO_NOTICE_COLUMNS
                                        " FROM notices WHERE user_id = ?1 AND read_at IS NULL"
                                        " ORDER BY id DESC LIMIT ?2 OFFSET ?3"
                                      : "SELECT " CHIBO_NOTICE_COLUMNS
                                        " FROM notices WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3");
  st.bind(1, user_id).bind(2, limit).bind(3, offset);
  while (st.step()) out.push_back(readNotice(st));
  return out;
}

int64_t SqliteTx::inboxCount(Id user_id, bool unread_only) {
  auto st = conn_.prepare(unread_only ? "SELECT count(*) FROM notices WHERE user_id = ?1 AND read_at IS NULL"
                                      : "SELECT count(*) FROM notices WHERE user_id = ?1");
  st.bind(1, user_id);
  st.step();
  return st.i64(0);
}

std::vector<OutboxMessage> SqliteTx::dueOutbox(DateTime now, int limit) {
  std::vector<OutboxMessage> out;
  auto st = conn_.prepare("SELECT " CHIBO_OUTBOX_COLUMNS
                          " FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?1"
                          " ORDER BY next_attempt_at, id LIMIT ?2");
  st.bind(1, now).bind(2, limit);
  while (st.step()) out.push_back(readOutbox(st));
  return out;
}

OutboxCounts SqliteTx::outboxCounts() {
  auto st = conn_.prepare(
      "SELECT coalesce(sum(sent_at IS NULL AND failed_at IS NULL), 0), coalesce(sum(sent_at IS NOT NULL), 0),"
      " coalesce(sum(failed_at IS NOT NULL), 0) FROM outbox");
  st.step();
  return {st.i64(0), st.i64(1), st.i64(2)};
}

std::vector<NoticeRecord> SqliteTx::digestPendingNotices() {
  std::vector<NoticeRecord> out;
  auto st = conn_.prepare("SELECT " CHIBO_NOTICE_COLUMNS
                          " FROM notices INDEXED BY notices_digest WHERE digest_pending = 1 ORDER BY user_id, id");
  while (st.step()) out.push_back(readNotice(st));
  return out;
}

std::optional<Date> SqliteTx::noticePassDay(std::string_view name) {
  auto st = conn_.prepare("SELECT day FROM notice_pass_state WHERE name = ?1");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return st.date(0);
}

void SqliteTx::putNotificationSettings(const NotificationSettings& s) {
  requireWritable();
  conn_.prepare(
           "INSERT OR REPLACE INTO notification_settings (user_id, email, email_enabled, digest, updated_at)"
           " VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, s.user_id)
      .bind(2, s.email)
      .bind(3, s.email_enabled)
      .bind(4, s.digest)
      .bind(5, s.updated_at.value_or(DateTime{}))
      .run();
}

std::optional<Id> SqliteTx::insertNotice(const NoticeRecord& n) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO notices (user_id, kind, subject, body, link, dedupe_key, meeting_id, notice_to,"
      " digest_pending, created_at, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  st.bind(1, n.user_id)
      .bind(2, n.kind)
      .bind(3, n.subject)
      .bind(4, n.body)
      .bind(5, n.link)
      .bind(6, n.dedupe_key)
      .bind(7, n.meeting_id)
      .bind(8, n.notice_to)
      .bind(9, n.digest_pending)
      .bind(10, n.created_at)
      .bind(11, n.read_at)
      .run();
  if (conn_.changes() == 0) return std::nullopt;
  return conn_.lastInsertId();
}

bool SqliteTx::markNoticeRead(Id user_id, Id notice_id, DateTime at) {
  requireWritable();
  {
    auto st = conn_.prepare("SELECT 1 FROM notices WHERE id = ?1 AND user_id = ?2");
    st.bind(1, notice_id).bind(2, user_id);
    if (!st.step()) return false;
  }
  conn_.prepare("UPDATE notices SET read_at = ?3 WHERE id = ?1 AND user_id = ?2 AND read_at IS NULL")
      .bind(1, notice_id)
      .bind(2, user_id)
      .bind(3, at)
      .run();
  return true;
}

int SqliteTx::markAllNoticesRead(Id user_id, DateTime at) {
  requireWritable();
  conn_.prepare("UPDATE notices SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL")
      .bind(1, user_id)
      .bind(2, at)
      .run();
  return conn_.changes();
}

void SqliteTx::clearDigestPending(const std::vector<Id>& notice_ids) {
  requireWritable();
  for (Id id : notice_ids) conn_.prepare("UPDATE notices SET digest_pending = 0 WHERE id = ?1").bind(1, id).run();
}

Id SqliteTx::insertOutbox(const OutboxMessage& m) {
  requireWritable();
  conn_.prepare(
           "INSERT INTO outbox (notice_id, user_id, channel, address, kind, subject, body, meeting_id, notice_to,"
           " created_at, attempts, next_attempt_at, sent_at, failed_at, last_error)"
           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
      .bind(1, m.notice_id)
      .bind(2, m.user_id)
      .bind(3, m.channel)
      .bind(4, m.address)
      .bind(5, m.kind)
      .bind(6, m.subject)
      .bind(7, m.body)
      .bind(8, m.meeting_id)
      .bind(9, m.notice_to)
      .bind(10, m.created_at)
      .bind(11, m.attempts)
      .bind(12, m.next_attempt_at)
      .bind(13, m.sent_at)
      .bind(14, m.failed_at)
      .bind(15, m.last_error)
      .run();
  return conn_.lastInsertId();
}

void SqliteTx::updateOutbox(const OutboxMessage& m) {
  requireWritable();
  conn_.prepare(
           "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, sent_at = ?4, failed_at = ?5, last_error = ?6,"
           " body = ?7 WHERE id = ?1")
      .bind(1, m.id)
      .bind(2, m.attempts)
      .bind(3, m.next_attempt_at)
      .bind(4, m.sent_at)
      .bind(5, m.failed_at)
      .bind(6, m.last_error)
      .bind(7, m.body)
      .run();
}

void SqliteTx::setNoticePassDay(std::string_view name, Date day, DateTime at) {
  requireWritable();
  conn_.prepare("INSERT OR REPLACE INTO notice_pass_state (name, day, at) VALUES (?1, ?2, ?3)")
      .bind(1, name)
      .bind(2, day)
      .bind(3, at)
      .run();
}

}  // namespace chibo::sqlite
