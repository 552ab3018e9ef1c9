#pragma once
// Early warnings about an organisation's meetings and their follow-up:
// R-FREQ-1 (monthly meeting), R-FREQ-2 (thematic per quarter), R-DUR-1
// (duration), R-PREP-1/2 (documents and notices), R-RES-1 (tasks reviewed,
// tasks overdue).
//
// Contract shared by every function here: the caller passes the rule set in
// force for the org on the date the rule is judged at (the due day, the quarter
// end, the meeting date), resolved with resolveRuleSet(). Thresholds are never
// taken from anywhere else. Each function returns no warning when the rule is met.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/preparation.h"
#include "domain/meeting/task.h"
#include "domain/rules/rule_set.h"
#include "domain/rules/subgroup_pilot.h"
#include "domain/rules/warning.h"

namespace chibo {

// A meeting as the schedule checks see it.
struct MeetingOccurrence {
  Id id = 0;
  MeetingKind kind = MeetingKind::regular;
  MeetingStatus status = MeetingStatus::planned;
  int period_year = 0;
  unsigned period_month = 0;
};

// R-FREQ-1. Warns "monthly_meeting_missing" when `at` is after the due day of
// (year, month) — monthly_meeting_due_day, clamped to the month's end — and no
// regular or combined meeting for that period is held or finalized.
// `by_subgroups`, given only when a tổ đảng pilot covers the month
// (R-TOĐẢNG-1, subgroup_pilot.h): the month is also held when its tổ đảng
// meetings stand for the monthly meeting, and the message says how many met.
std::vector<Warning> monthlyMeetingWarnings(const RuleSet&, Id org_id, const std::vector<MeetingOccurrence>&,
                                            int year, unsigned month, Date at,
                                            const SubgroupMonth* by_subgroups = nullptr);

// R-FREQ-2. Warns "thematic_meeting_missing" when `at` is after the quarter's
// last day and fewer than thematic_per_quarter thematic or combined meetings
// with a period in that quarter were held. thematic_per_quarter = 0 disables it.
std::vector<Warning> thematicMeetingWarnings(const RuleSet&, Id org_id, const std::vector<MeetingOccurrence>&,
                                             int year, int quarter, Date at);

// R-DUR-1. Warns "meeting_too_short" when the meeting's duration is known and
// below minDurationFor(rs, kind, members_on_roll).
std::vector<Warning> durationWarnings(const RuleSet&, const Meeting&, int members_on_roll);

// R-PREP-1/2, for a meeting not cancelled, judged at `at`:
//   "documents_published_late"  posted after documentsDeadline();
//   "documents_not_published"   not posted and the deadline day has passed;
//   "members_not_notified"      no notice to members before the planned start, once it has passed;
//   "monitor_not_notified"      same for the upper-level monitor.
std::vector<Warning> preparationWarnings(const RuleSet&, const Meeting&, const PreparationChecklist&, DateTime at);

// R-RES-1. One "task_overdue" per pending task whose deadline is before `at`.
std::vector<Warning> overdueTaskWarnings(const RuleSet&, const std::vector<Task>&, Date at);

// A resolution and what happened to its tasks.
struct ResolutionFollowUp {
  Id resolution_id = 0;
  std::string number_text;  // "Số 03-NQ/CB", for the message
  std::vector<Task> tasks;
  std::optional<Date> next_meeting_date;  // the next regular meeting, once held
};

// R-RES-1. Warns "resolution_tasks_not_reviewed" when the next meeting has been
// held (next_meeting_date <= at) and some task of the resolution was not reviewed.
std::vector<Warning> resolutionReviewWarnings(const RuleSet&, const ResolutionFollowUp&, Date at);

}  // namespace chibo
