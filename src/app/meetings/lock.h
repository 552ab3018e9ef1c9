#pragma once
// Locking the minutes (issue 3 §5) and changing them afterwards only through
// amendments with a reason, keeping every version.
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/live.h"
#include "app/meetings/meetings.h"

namespace chibo {

// Runs the completeness check (domain/meeting/completeness.h). While anything
// is missing: 422 with code "incomplete" and one field error per missing item
// (field, check code, Vietnamese message), nothing written. Otherwise the
// meeting becomes finalized, the minutes are locked (locked_at/by), undated
// resolutions are dated on the meeting day, and version 1..n is stored whole
// in the history.
Result<MeetingView> finalizeMeeting(Store& store, const Caller& c, Id id);

struct AmendmentFields {
  std::optional<std::string> reason;
  std::optional<int> version;  // the version the client read; stale -> 409 stale_version
  MeetingFields meeting;       // the same fields PATCH takes (kind and status excluded)
  std::optional<std::vector<AttendanceItemInput>> attendance;  // a corrected whole roll
};
// A change to locked minutes: needs a reason (422 reason required) and at
// least one real change; bumps the version, stores the new version whole with
// the diff and the reason, and audits it. 409 not_finalized before locking.
Result<MeetingView> amendMeeting(Store& store, const Caller& c, Id id, const AmendmentFields& in);

// Every locked version, oldest first. Needs the same access as the meeting.
Result<std::vector<MeetingVersion>> meetingHistory(Store& store, const Caller& c, Id id);

// The whole record as JSON text, the form versions are kept in.
std::string meetingSnapshot(const MeetingView& v);

}  // namespace chibo
