#pragma once
// The monitor's desk (issue 5 §2): the upper-level committee member assigned
// to follow cells (đảng ủy viên phụ trách, domain.md §2.7) sees those cells —
// next meeting, the last one with its figures and score, overdue tasks,
// members at risk — and records their own attendance and observations at a
// cell's meeting.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/oversight/rollup.h"
#include "app/rules/rule_loader.h"
#include "domain/rules/score.h"
#include "domain/rules/warning.h"

namespace chibo {

struct DeskWarning {
  Warning warning;
  std::string key;
  std::string subject_name;
};

struct DeskCell {
  Org cell;
  MonitorAssignment assignment;
  std::optional<MeetingRecord> next_meeting;  // the next planned meeting, or one in progress
  std::optional<MeetingRecord> last_meeting;  // the latest held or finalized one
  std::optional<MeetingStats> last_stats;     // its figures
  std::optional<Score> last_score;            // issue 4's score, when the rules are loaded
  std::optional<MonitorObservation> my_observation;  // what the caller recorded at the last meeting
  std::vector<Task> overdue_tasks;            // pending tasks of the cell past their deadline
  std::vector<DeskWarning> members_at_risk;   // open warnings about members (R-ATT-3, R-ATT-4, R-DUBI-1)
  RollupFigures year;                         // this calendar year so far
};

struct Desk {
  std::vector<DeskCell> cells;       // the cells assigned to the caller today, in tree order
  std::map<Id, std::string> names;   // member names the desk mentions
  bool rules_loaded = false;         // false: no score and no warnings (the server has no rule catalog)
};

// The caller's desk. Accounts that follow no cell get an empty list (200).
// `rules` may be null; then scores and warnings are left out.
Result<Desk> myDesk(Store& store, const Caller& c, const RuleCatalog* rules);

struct ObservationFields {
  std::optional<bool> attended;
  std::optional<std::string> note;
};

struct ObservationView {
  MonitorObservation observation;
  std::string full_name;
};

// Records (or replaces) the caller's own attendance and observations at a
// held or finalized meeting of a cell they are assigned to follow (on the
// meeting date or today). 404 when the meeting is out of the caller's scope;
// 403 when they see it but do not follow the cell; 409 not_held (planned),
// meeting_cancelled. Field errors: attended required; note too_long (4000).
// Audited ("meeting.observation"); the meeting's figures count the monitor
// as present when `attended`.
Result<ObservationView> recordObservation(Store& store, const Caller& c, Id meeting_id, const ObservationFields& in);

// Every monitor's observations at a meeting. Needs read access to the cell
// (members of the cell: forbidden).
Result<std::vector<ObservationView>> listObservations(Store& store, const Caller& c, Id meeting_id);

}  // namespace chibo
