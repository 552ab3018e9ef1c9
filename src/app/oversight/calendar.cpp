// Calendar feed secrets and the meetings behind them.
#include "app/oversight/calendar.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "app/auth/session_auth.h"
#include "app/meetings/mine.h"
#include "app/principal.h"

namespace chibo {
namespace {

DateTime startOfDay(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }

// The caller's account as the audit row's subject, scoped to their first
// grant (or their own cell), like the log-in row.
void auditToken(WriteTx& tx, const Caller& c, const char* action, std::vector<FieldChange> changes) {
  AuditEntry e;
  e.at = c.now;
  e.actor_id = c.principal.user_id;
  e.actor_username = c.principal.username;
  e.action = action;
  e.target_type = "user";
  e.target_id = c.principal.user_id;
  if (!c.principal.grants.empty()) {
    e.org_id = c.principal.grants.front().org_id;
    e.org_path = c.principal.grants.front().org_path;
  } else if (c.principal.own_cell_path) {
    if (auto o = tx.orgByPath({*c.principal.own_cell_path}); !o.empty()) {
      e.org_id = o.front().id;
      e.org_path = o.front().path;
    }
  }
  e.changes = std::move(changes);
  tx.appendAudit(e);
}

}  // namespace

Result<CalendarIssued> issueCalendarToken(Store& store, const Caller& c) {
  if (!c.principal.user_id) return Error::forbidden();
  auto tx = store.write();
  auto before = tx->calendarTokenOfUser(c.principal.user_id);
  CalendarIssued out{randomToken(), c.now};
  tx->putCalendarToken({c.principal.user_id, sha256Hex(out.token), c.now});
  // The secret itself is never written anywhere but the response.
  auditToken(*tx, c, "calendar_token.create",
             {{"created_at", before ? std::optional<std::string>(before->created_at.iso()) : std::nullopt, c.now.iso()}});
  tx->commit();
  return out;
}

Result<bool> revokeCalendarToken(Store& store, const Caller& c) {
  if (!c.principal.user_id) return Error::forbidden();
  auto tx = store.write();
  auto before = tx->calendarTokenOfUser(c.principal.user_id);
  if (!before) return false;
  tx->deleteCalendarToken(c.principal.user_id);
  auditToken(*tx, c, "calendar_token.delete", {{"created_at", before->created_at.iso(), std::nullopt}});
  tx->commit();
  return true;
}

Result<CalendarFeed> calendarFeed(Store& store, const std::string& token, DateTime now) {
  if (token.size() != 64) return Error::notFound();
  Caller c;
  c.now = now;
  CalendarFeed feed;
  {
    auto tx = store.read();
    auto t = tx->calendarToken(sha256Hex(token));
    if (!t) return Error::notFound();
    auto p = loadPrincipal(*tx, t->user_id, now.date());
    if (!p) return Error::notFound();
    c.principal = std::move(*p);
    feed.username = c.principal.username;
  }
  const Date from = now.date().addDays(-180), to = now.date().addDays(400);
  std::set<Id> seen;
  auto mine = myMeetings(store, c, from, to);
  if (!mine) return mine.error();
  for (auto& m : *mine) {
    if (m.record.meeting.status == MeetingStatus::cancelled || !seen.insert(m.record.meeting.id).second) continue;
    feed.meetings.push_back({std::move(m.record), m.org_name, "member"});
  }
  {
    auto tx = store.read();
    for (const auto& path : c.principal.monitored_cell_paths)
      for (const auto& cell : tx->orgByPath({path}))
        for (auto& m : tx->meetingsOfOrg(cell.id, startOfDay(from), startOfDay(to.addDays(1)))) {
          if (m.meeting.status == MeetingStatus::cancelled || !seen.insert(m.meeting.id).second) continue;
          feed.meetings.push_back({std::move(m), cell.name, "monitor"});
        }
  }
  std::sort(feed.meetings.begin(), feed.meetings.end(), [](const CalendarMeeting& a, const CalendarMeeting& b) {
    return std::tie(a.record.meeting.planned_start, a.record.meeting.id) <
           std::tie(b.record.meeting.planned_start, b.record.meeting.id);
  });
  return feed;
}

}  // namespace chibo
