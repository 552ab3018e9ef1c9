// Reminders and notices: the caller's inbox and notification settings, and the
// secretary's "send the notice" on a meeting.
#include "app/notices/notices.h"
#include "http/api.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

json::object noticeJson(const NoticeRecord& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"subject", n.subject},
          {"body", n.body},
          {"link", n.link},
          {"created_at", n.created_at.iso()},
          {"read_at", n.read_at ? json::value(n.read_at->iso()) : json::value(nullptr)}};
}

json::object settingsJson(const NotificationView& v) {
  return {{"email", v.settings.email},
          {"email_enabled", v.settings.email_enabled},
          {"digest", v.settings.digest},
          {"smtp_configured", v.smtp_configured}};
}

Reply inbox(Api& api, Call& c) {
  auto unread = c.query("unread");
  if (unread && *unread != "true" && *unread != "false" && *unread != "1" && *unread != "0")
    return errorReply(Error::validation({{"unread", "invalid_choice", "Bộ lọc tin chưa đọc không hợp lệ."}}));
  bool only_unread = unread && (*unread == "true" || *unread == "1");
  auto r = listInbox(api.store(), c.caller, only_unread, c.page());
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& n : r->items) items.push_back(noticeJson(n));
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", r->total}, {"unread", r->unread}});
}

Reply readOne(Api& api, Call& c) {
  auto r = markInboxRead(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  return jsonReply(200, json::object{{"unread", *r}});
}

Reply readAll(Api& api, Call& c) {
  auto r = markInboxAllRead(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  return jsonReply(200, json::object{{"unread", *r}});
}

Reply getSettings(Api& api, Call& c) {
  auto r = getNotificationSettings(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  return jsonReply(200, settingsJson(*r));
}

Reply putSettings(Api& api, Call& c) {
  BodyReader b(c.body);
  NotificationInput in;
  in.email = b.str("email");
  in.email_enabled = b.boolean("email_enabled");
  in.digest = b.boolean("digest");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = putNotificationSettings(api.store(), c.caller, in);
  if (!r) return errorReply(r.error());
  return jsonReply(200, settingsJson(*r));
}

Reply sendNotice(Api& api, Call& c) {
  std::string to;
  if (auto it = c.body.find("to"); it != c.body.end() && it->value().is_string()) to = std::string(it->value().as_string());
  auto r = sendMeetingNotice(api.store(), c.caller, c.pathId("id"), to);
  if (!r) return errorReply(r.error());
  return jsonReply(200, json::object{{"queued", *r}});
}

}  // namespace

void addNoticeRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/me/inbox", true, false, inbox});
  out.push_back({"POST", "/api/v1/me/inbox/read-all", true, false, readAll});
  out.push_back({"POST", "/api/v1/me/inbox/{id}/read", true, false, readOne});
  out.push_back({"GET", "/api/v1/me/notifications", true, false, getSettings});
  out.push_back({"PUT", "/api/v1/me/notifications", true, false, putSettings});
  out.push_back({"POST", "/api/v1/meetings/{id}/notices", true, false, sendNotice});
}

}  // namespace chibo::http
