#pragma once
// Rows of the oversight tables (0004_rollup.sql): the figures of one meeting,
// their sum per cell and month, a monitor's observations at a meeting and the
// hash of a user's calendar-feed secret.
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

// The additive figures shared by a meeting and a cell-month. Rates are never
// stored: a roll-up divides sums, so a ward's figures equal the sum of its cells'.
struct StatsCounts {
  int meetings = 0;         // counted meetings (held or finalized, of a cell)
  int monthly_held = 0;     // cell-months with a regular or combined meeting held (0/1 per cell-month)
  int monthly_on_time = 0;  // ... held within the month it counts for
  int thematic_held = 0;    // thematic or combined meetings held
  int duration_sum = 0;     // minutes, over meetings with both start and end
  int duration_count = 0;
  int expected = 0;
  int present = 0;
  int excused = 0;
  int unexcused = 0;
  int speakers = 0;
  int young_present = 0;
  int young_speakers = 0;
  int new_present = 0;
  int new_speakers = 0;
  int resolutions = 0;
  int tasks_assigned = 0;
  int tasks_on_time = 0;
  int tasks_late = 0;
  int tasks_open = 0;
  int tasks_dropped = 0;
  int previous_tasks = 0;
  int previous_reviewed = 0;
  int monitor_present = 0;
  int grade_good = 0;  // meetings by quality grade (issue 4), when scored
  int grade_fair = 0;
  int grade_average = 0;
  int grade_poor = 0;

  StatsCounts& operator+=(const StatsCounts& o);
};

inline StatsCounts& StatsCounts::operator+=(const StatsCounts& o) {
  meetings += o.meetings;
  monthly_held += o.monthly_held;
  monthly_on_time += o.monthly_on_time;
  thematic_held += o.thematic_held;
  duration_sum += o.duration_sum;
  duration_count += o.duration_count;
  expected += o.expected;
  present += o.present;
  excused += o.excused;
  unexcused += o.unexcused;
  speakers += o.speakers;
  young_present += o.young_present;
  young_speakers += o.young_speakers;
  new_present += o.new_present;
  new_speakers += o.new_speakers;
  resolutions += o.resolutions;
  tasks_assigned += o.tasks_assigned;
  tasks_on_time += o.tasks_on_time;
  tasks_late += o.tasks_late;
  tasks_open += o.tasks_open;
  tasks_dropped += o.tasks_dropped;
  previous_tasks += o.previous_tasks;
  previous_reviewed += o.previous_reviewed;
  monitor_present += o.monitor_present;
  grade_good += o.grade_good;
  grade_fair += o.grade_fair;
  grade_average += o.grade_average;
  grade_poor += o.grade_poor;
  return *this;
}

// Year and month as one comparable number: 2026 * 100 + 3.
inline int yearMonth(int year, unsigned month) { return year * 100 + int(month); }

// One meeting's figures. For a single meeting `meetings` is 1 when counted,
// monthly_held/monthly_on_time/thematic_held are 0/1 flags.
struct MeetingStats {
  Id meeting_id = 0;
  Id cell_id = 0;         // the meeting's cell (a sub-group's meeting: its cell)
  std::string cell_path;
  int ym = 0;             // the period the meeting counts for
  bool counted = false;   // held or finalized meeting of a cell
  std::optional<int> duration_minutes;
  int unmarked = 0;
  std::optional<std::string> grade;  // "good", "fair", "average", "poor" when scored
  StatsCounts counts;
  DateTime refreshed_at;
};

// The sum of the counted meetings of one cell in one month.
struct CellMonthStats {
  Id cell_id = 0;
  int ym = 0;
  std::string cell_path;
  StatsCounts counts;
};

struct MonitorObservation {
  Id meeting_id = 0;
  Id member_id = 0;  // the monitor
  bool attended = false;
  std::string note;
  DateTime at;
  std::optional<Id> by_user_id;
};

struct CalendarToken {
  Id user_id = 0;
  std::string token_hash;  // SHA-256 hex of the secret in the feed URL
  DateTime created_at;
};

}  // namespace chibo
