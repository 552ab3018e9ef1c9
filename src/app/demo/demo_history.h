#pragma once
// Internal to the demo: the pieces of the meeting history (demo_meetings.cpp)
// that are data rather than logic — the Vietnamese wording of speeches, tasks,
// targets, topics and notes — and the roll of a cell on a past date, computed
// from the world the same way the server computes it from the store.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"
#include "domain/meeting/attendance.h"
#include "domain/meeting/task.h"
#include "domain/roster.h"

namespace chibo::demo {

struct TargetDraft {
  std::string description;
  std::string unit;
  double target = 0;
};

std::string speechSummary(Rng& rng, bool agency);
std::string taskDescription(Rng& rng, bool agency);
TargetDraft targetDraft(Rng& rng, bool agency);
// The ward's suggested thematic topic for a quarter (định hướng chuyên đề).
std::string wardTopic(int year, int quarter);
// A topic a cell chose for itself instead of the suggestion.
std::string ownTopic(Rng& rng, bool agency);
// Free text for an excused absence; required for AbsenceReason::other.
std::string absenceText(Rng& rng, AbsenceReason why);
std::string reviewNote(Rng& rng, TaskStatus outcome);
std::string conclusionText(Rng& rng, bool agency);
// Where a cell meets: the khu phố's cultural house, or the agency's meeting room.
std::string placeOf(const DemoCell& c, const Org& org);

// Who may be on a cell's roll at some date within the history: every member
// with a placement in the cell, with their status periods ready for stateOn,
// in roll order.
struct RollSource {
  MemberIx ix = 0;
  std::string sort_key;                // vietnameseNameSortKey of the name, computed once
  std::vector<CellPeriod> placements;  // in this cell only
  std::vector<StatusPeriod> statuses;
};
std::vector<RollSource> rollSources(const DemoWorld& w, OrgIx cell);
// The roll on `at`, sorted the Vietnamese way as the server sorts it.
std::vector<RosterEntry> rollOn(const DemoWorld& w, const std::vector<RollSource>& sources, Date at);

// How a member attends: most come nine times in ten; a few drift away (from
// `drift_from` on, they come less and less, and mostly without a reason).
struct Habit {
  int present_percent = 93;
  std::optional<Date> drift_from;
};

// One cell's history as it is being written.
struct HistoryCell {
  const DemoCell* cell = nullptr;
  Org org;
  std::vector<CommitteeTerm> terms;
  std::vector<RollSource> sources;
  std::map<Id, Habit> habits;    // by member id; absent = the default habit
  std::vector<Task> pending;     // assigned, not yet closed by a review
  std::map<Id, int> issued;      // resolutions numbered so far per term id (0: no term)
};

// A meeting on a cell's calendar.
struct CalendarEntry {
  MeetingKind kind = MeetingKind::regular;
  DateTime start;
  std::string topic;
  std::optional<Id> suggestion_id;  // the ward's topic it adopts
  int year = 0, quarter = 0;        // for thematic and combined meetings: the plan entry
};

// Writes a meeting that took place with everything its minutes hold, and
// locks it (version 1 in the history) when `lock`. Throws std::logic_error if
// the record would fail the completeness check: the demo must show what a
// well-kept book looks like.
void writeHeldMeeting(WriteTx& tx, const DemoWorld& w, HistoryCell& h, Rng& rng, const CalendarEntry& e, bool lock);

// 00:00 of a local day, and a local time on it (Asia/Ho_Chi_Minh).
inline DateTime localTime(Date d, int hour, int minute) {
  return DateTime{int64_t(d.days()) * 86400 + hour * 3600 + minute * 60 - 7 * 3600};
}

}  // namespace chibo::demo
