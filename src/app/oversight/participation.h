#pragma once
// Member participation over time (issue 5 §3): for each member, attendance,
// contributions and tasks across the meetings of a period, so a secretary sees
// who has not spoken for N meetings.
//
// Who sees what: the figures (counts) are for anyone who may read the member
// record or the cell (the cell committee, the committee above, the cell's
// monitor, the member themself). What was said (speech summaries) is shown
// only to the cell committee (a "cell" grant covering the cell) and to the
// member themself: higher levels see counts, not content.
//
// Only held or finalized meetings of the member's cells count (sub-group and
// committee meetings are not cell meetings). "Silent for" is the number of
// meetings the member attended, most recent first, since they last spoke;
// absences neither break nor extend it.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo {

// What happened to one member at one meeting.
enum class ParticipationOutcome { present, late, left_early, absent_excused, absent_unexcused, unmarked, not_expected };
std::string_view toCode(ParticipationOutcome);

struct ParticipationTally {
  int meetings = 0;       // held meetings of the member's cell while on its roll
  int expected = 0;       // of those, where the member counted for attendance
  int attended = 0;       // present, late or left early (expected or not)
  int attended_expected = 0;  // of those, when expected: the attendance rate's numerator
  int excused = 0;
  int unexcused = 0;
  int unmarked = 0;
  int spoke_at = 0;       // meetings where the member spoke
  int speeches = 0;
  int silent_for = 0;     // attended meetings since the member last spoke
  std::optional<Date> last_spoke_on;
  int tasks_assigned = 0; // tasks assigned at those meetings
  int tasks_done = 0;
  int tasks_late = 0;     // status late or carried over
  int tasks_open = 0;
  int tasks_overdue = 0;  // pending with a deadline before today
};

struct ParticipationMeeting {
  Id meeting_id = 0;
  Id org_id = 0;
  std::string org_name;
  MeetingKind kind = MeetingKind::regular;
  MeetingStatus status = MeetingStatus::held;
  DateTime start;
  ParticipationOutcome outcome = ParticipationOutcome::unmarked;
  std::optional<AbsenceReason> reason;
  int speeches = 0;
  std::vector<std::string> summaries;  // only when content is visible
};

struct ParticipationTask {
  Task task;
  bool overdue = false;
  Id org_id = 0;
  DateTime meeting_start;
};

struct MemberParticipation {
  Member member;
  Date from, to;
  bool content_visible = false;
  ParticipationTally tally;
  std::vector<ParticipationMeeting> meetings;  // newest first
  std::vector<ParticipationTask> tasks;        // assigned to the member at meetings in the period
};

// Needs read access to the member record (memberAccess); others 404.
// Defaults: to today, from twelve months before. Field error to "date_order".
Result<MemberParticipation> memberParticipation(Store& store, const Caller& c, Id member_id,
                                                std::optional<Date> from, std::optional<Date> to);

struct ParticipationLine {
  Id member_id = 0;
  std::string full_name;
  bool on_roll_today = false;
  ParticipationTally tally;
};

struct OrgParticipation {
  Org org;
  Date from, to;
  int meetings = 0;  // held meetings of the cell in the period
  std::optional<int> silent_for_at_least;  // the filter applied, if any
  std::vector<ParticipationLine> members;  // sorted by name (Vietnamese order)
};

// The members of a cell with their tallies over the period: everyone on the
// roll of any of its held meetings in the period, plus the roll today. Needs
// read access to the cell; 422 not_a_cell for committees and sub-groups.
// `silent_for_at_least` keeps only members silent for at least that many meetings.
Result<OrgParticipation> orgParticipation(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                                          std::optional<Date> to, std::optional<int> silent_for_at_least);

}  // namespace chibo
