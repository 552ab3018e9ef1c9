#include "app/notices/outbox_worker.h"

#include <chrono>
#include <map>

#include "app/audit_write.h"
#include "app/notices/notices.h"
#include "domain/notice/email_address.h"

namespace chibo {
namespace {

Caller systemCaller(DateTime now) {
  Caller c;
  c.principal.username = "system";
  c.principal.grants.push_back({UserRole::admin, 0, "/"});
  c.now = now;
  return c;
}

// The checklist's "notice sent" is the first delivery of the secretary's notice.
void stampMeetingNotice(WriteTx& tx, const OutboxMessage& m, DateTime at) {
  if (!m.meeting_id || m.notice_to.empty()) return;
  auto rec = tx.meeting(*m.meeting_id);
  if (!rec) return;
  bool monitor = m.notice_to == "monitor";
  auto& stamp = monitor ? rec->prep.notice_monitor_at : rec->prep.notice_members_at;
  if (stamp) return;
  stamp = at;
  tx.updateMeeting(*rec);
  if (auto org = tx.org(rec->meeting.org_id))
    writeAudit(tx, systemCaller(at), "meeting.preparation", "meeting", rec->meeting.id, *org,
               {{monitor ? "notice_monitor_at" : "notice_members_at", std::nullopt, at.iso()}});
}

}  // namespace

OutboxMetrics& outboxMetrics() {
  static OutboxMetrics m;
  return m;
}

OutboxWorker::OutboxWorker(Store& store, std::vector<std::unique_ptr<Channel>> channels, RetryPolicy retry)
    : store_(store), channels_(std::move(channels)), retry_(retry) {}

Channel* OutboxWorker::channel(const std::string& name) {
  for (auto& c : channels_)
    if (c->name() == name) return c.get();
  return nullptr;
}

int OutboxWorker::runOnce(DateTime now, int batch) {
  std::vector<OutboxMessage> due;
  {
    auto tx = store_.read();
    due = tx->dueOutbox(now, batch);
  }
  // Outcomes are stamped on the clock `now` started, moved on by the time sending took.
  const auto started = std::chrono::steady_clock::now();
  for (const auto& m : due) {
    Channel::Outcome r;
    if (auto* ch = channel(m.channel)) {
      try {
        r = ch->send(m);
      } catch (const std::exception& e) {
        r = {false, e.what(), false};
      }
    } else {
      r = {false, "no channel " + m.channel, false};
    }
    auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    record(m, r, DateTime{now.unix_seconds + took});
  }
  return int(due.size());
}

void OutboxWorker::record(const OutboxMessage& sent, const Channel::Outcome& r, DateTime now) {
  OutboxMessage m = sent;
  m.attempts += 1;
  auto& metrics = outboxMetrics();
  if (r.sent) {
    m.sent_at = now;
    m.last_error.clear();
    // The code is the key to an account: once delivered, the database keeps only its hash (0009).
    if (m.kind == toCode(NoticeKind::activation_code)) m.body = "";
    ++metrics.sent;
  } else {
    m.last_error = r.error.substr(0, 500);
    ++metrics.failed_attempts;
    auto wait = r.permanent ? std::nullopt : retryDelay(retry_, m.attempts);
    if (wait) {
      m.next_attempt_at = DateTime{now.unix_seconds + *wait};
    } else {
      m.failed_at = now;
      ++metrics.given_up;
    }
  }
  auto tx = store_.write();
  tx->updateOutbox(m);
  if (r.sent) stampMeetingNotice(*tx, m, now);
  tx->commit();
}

int runTaskReminders(Store& store, DateTime now, bool force) {
  const Date today = now.date();
  std::vector<Task> tasks;
  {
    auto r = store.read();
    if (!force && r->noticePassDay("task_reminders") == today) return 0;
    tasks = r->pendingTasksDueBetween(today.addDays(-7), today.addDays(3));
  }
  int written = 0;
  auto tx = store.write();
  for (const auto& t : tasks) {
    std::vector<Id> to;
    for (Id m : t.assignee_member_ids)
      if (auto u = tx->userByMember(m); u && !u->disabled) to.push_back(u->id);
    if (to.empty()) continue;
    TaskNoticeFacts f{t.id, t.meeting_id, t.description, *t.deadline};
    bool overdue = *t.deadline < today;
    auto text = overdue ? taskOverdueText(f, today) : taskDueSoonText(f, today);
    auto kind = overdue ? NoticeKind::task_overdue : NoticeKind::task_due_soon;
    written += deliverNotice(*tx, to, kind, text, std::string(toCode(kind)) + ":" + std::to_string(t.id), now).notices;
  }
  tx->setNoticePassDay("task_reminders", today, now);
  tx->commit();
  return written;
}

int runDigests(Store& store, DateTime now, int hour) {
  const Date today = now.date();
  int64_t local_seconds = ((now.unix_seconds + 7 * 3600) % 86400 + 86400) % 86400;
  if (local_seconds < int64_t(hour) * 3600) return 0;
  auto cfg = noticeConfig();
  if (store.read()->noticePassDay("digest") == today) return 0;  // the usual case: no writer's lock taken
  auto tx = store.write();
  if (tx->noticePassDay("digest") == today) return 0;
  std::map<Id, std::vector<NoticeRecord>> by_user;
  for (auto& n : tx->digestPendingNotices()) by_user[n.user_id].push_back(std::move(n));
  int queued = 0;
  for (auto& [uid, items] : by_user) {
    std::vector<Id> ids;
    for (const auto& n : items) ids.push_back(n.id);
    tx->clearDigestPending(ids);
    auto s = tx->notificationSettings(uid);
    auto u = tx->user(uid);
    // Someone who turned e-mail off since keeps the notices in the inbox only.
    if (!cfg.email || !u || u->disabled || !s || !s->email_enabled || !plausibleEmail(s->email)) continue;
    std::vector<DigestItem> list;
    for (const auto& n : items) list.push_back({n.subject, n.link});
    auto text = digestText(list, today, cfg.public_url);
    OutboxMessage m;
    m.user_id = uid;
    m.channel = "email";
    m.address = s->email;
    m.kind = std::string(toCode(NoticeKind::digest));
    m.subject = text.subject;
    m.body = emailBody(text, cfg.public_url);
    m.created_at = now;
    m.next_attempt_at = now;
    tx->insertOutbox(m);
    ++queued;
  }
  tx->setNoticePassDay("digest", today, now);
  tx->commit();
  return queued;
}

}  // namespace chibo
