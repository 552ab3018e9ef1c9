// The person's inbox and notification settings, and the secretary's "send the
// notice" action.
#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/notices/notices.h"
#include "app/users/account_scope.h"
#include "domain/notice/email_address.h"

namespace chibo {

Result<InboxPage> listInbox(Store& store, const Caller& c, bool unread_only, Page page) {
  auto tx = store.read();
  InboxPage out;
  out.items = tx->inbox(c.principal.user_id, unread_only, page.limit, page.offset);
  out.total = tx->inboxCount(c.principal.user_id, unread_only);
  out.unread = unread_only ? out.total : tx->inboxCount(c.principal.user_id, true);
  return out;
}

// Reading one's own inbox is not audited (nothing anyone else sees changes); the settings are.
Result<int64_t> markInboxRead(Store& store, const Caller& c, Id notice_id) {
  auto tx = store.write();
  if (!tx->markNoticeRead(c.principal.user_id, notice_id, c.now)) return Error::notFound();
  auto unread = tx->inboxCount(c.principal.user_id, true);
  tx->commit();
  return unread;
}

Result<int64_t> markInboxAllRead(Store& store, const Caller& c) {
  auto tx = store.write();
  tx->markAllNoticesRead(c.principal.user_id, c.now);
  tx->commit();
  return int64_t(0);
}

Result<NotificationView> getNotificationSettings(Store& store, const Caller& c) {
  auto tx = store.read();
  NotificationView v;
  v.settings = tx->notificationSettings(c.principal.user_id).value_or(NotificationSettings{c.principal.user_id});
  v.smtp_configured = noticeConfig().email;
  return v;
}

Result<NotificationView> putNotificationSettings(Store& store, const Caller& c, const NotificationInput& in) {
  auto tx = store.write();
  auto u = tx->user(c.principal.user_id);
  if (!u) return Error::notFound();
  NotificationSettings before = tx->notificationSettings(u->id).value_or(NotificationSettings{u->id});
  NotificationSettings s = before;
  if (in.email) {
    if (in.email->size() > 320) {
      const char* msg = "Địa chỉ thư điện tử quá dài.";
      return Error{ErrorKind::validation, "invalid_email", msg, {{"email", "invalid_email", msg}}};
    }
    std::string e = normalEmail(*in.email);
    if (!e.empty() && !plausibleEmail(e)) {
      const char* msg = "Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn).";
      return Error{ErrorKind::validation, "invalid_email", msg, {{"email", "invalid_email", msg}}};
    }
    s.email = e;
  }
  if (in.email_enabled) s.email_enabled = *in.email_enabled;
  if (in.digest) s.digest = *in.digest;
  if (s.email_enabled && s.email.empty()) {
    const char* msg = "Muốn nhận thư điện tử, đồng chí cần nhập địa chỉ thư.";
    return Error{ErrorKind::validation, "email_required", msg, {{"email", "email_required", msg}}};
  }
  std::vector<FieldChange> ch;
  diffField(ch, "email", before.email, s.email);
  diffField(ch, "email_enabled", auditValue(before.email_enabled), auditValue(s.email_enabled));
  diffField(ch, "digest", auditValue(before.digest), auditValue(s.digest));
  if (!ch.empty()) {
    s.updated_at = c.now;
    tx->putNotificationSettings(s);
    if (auto home = accountHome(*tx, *u)) writeAudit(*tx, c, "account.notifications", "user", u->id, *home, std::move(ch));
    tx->commit();
  }
  return NotificationView{s, noticeConfig().email};
}

Result<int> sendMeetingNotice(Store& store, const Caller& c, Id meeting_id, const std::string& to) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "gửi thông báo"); !st.ok()) return st.error();
  if (ctx->rec.meeting.status != MeetingStatus::planned)
    return Error::conflict("meeting_held", "Cuộc họp đã diễn ra, không gửi thông báo được nữa.");
  if (to != "members" && to != "monitor")
    return Error::validation({{"to", "invalid_choice", "Chọn gửi cho đảng viên hoặc cho cấp ủy viên phụ trách."}});
  bool monitor = to == "monitor";
  const auto& rec = ctx->rec;
  auto recipients = monitor ? meetingMonitorAccounts(*tx, rec, ctx->org) : meetingMemberAccounts(*tx, rec, ctx->org);
  auto sent = deliverNotice(*tx, recipients, NoticeKind::meeting_notice, meetingNoticeText(meetingFacts(rec, ctx->org), monitor),
                            "meeting_notice:" + std::to_string(meeting_id) + ":" + to + ":" +
                                std::to_string(c.now.unix_seconds),
                            c.now, meeting_id, to);
  if (sent.notices == 0) return 0;
  std::vector<FieldChange> ch{{"notice", std::nullopt,
                               std::string(monitor ? "cấp ủy viên phụ trách" : "đảng viên") + ": " +
                                   std::to_string(sent.notices) + " người"}};
  // With nobody to mail now, the inbox is the channel and the notice reached it with this write.
  if (sent.emails == 0) {
    MeetingRecord next = rec;
    auto& stamp = monitor ? next.prep.notice_monitor_at : next.prep.notice_members_at;
    if (!stamp) {
      stamp = c.now;
      ch.push_back({monitor ? "notice_monitor_at" : "notice_members_at", std::nullopt, c.now.iso()});
      tx->updateMeeting(next);
    }
  }
  writeAudit(*tx, c, "meeting.notice", "meeting", meeting_id, ctx->org, std::move(ch));
  tx->commit();
  return sent.notices;
}

}  // namespace chibo
