#pragma once
// A per-user calendar feed (issue 5 §6): the meetings of the caller's own
// cells and of the cells they follow as a monitor, published at a secret URL
// that a phone calendar subscribes to without a session. The secret is shown
// once; only its SHA-256 is stored; issuing a new one replaces the old, and
// revoking it makes the URL answer 404.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo {

struct CalendarIssued {
  std::string token;  // 64 hex characters; goes in the URL
  DateTime created_at;
};

// Issues (or replaces) the caller's feed secret. Audited ("calendar_token.create").
Result<CalendarIssued> issueCalendarToken(Store& store, const Caller& c);
// Revokes it; true when there was one (audited "calendar_token.delete"), false when none.
Result<bool> revokeCalendarToken(Store& store, const Caller& c);

// One meeting in a feed, with what an event needs.
struct CalendarMeeting {
  MeetingRecord record;
  std::string org_name;
  std::string role;  // "member" (their own cell) or "monitor" (a cell they follow)
};

struct CalendarFeed {
  std::string username;
  std::vector<CalendarMeeting> meetings;  // oldest first, cancelled ones left out
};

// The feed behind `token` (no session): meetings planned from 180 days before
// `now` to 400 days after. not_found for an unknown or revoked token and for a
// disabled account.
Result<CalendarFeed> calendarFeed(Store& store, const std::string& token, DateTime now);

}  // namespace chibo
