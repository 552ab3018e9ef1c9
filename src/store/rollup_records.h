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
  StatsCounts& operator-=(const StatsCounts& o);
  bool zero() const;  // every column 0
};

// Applies f(mine, theirs) to every additive column, in table order.
template <class F>
void forEachCount(StatsCounts& a, const StatsCounts& b, F f) {
  f(a.meetings, b.meetings);
  f(a.monthly_held, b.monthly_held);
  f(a.monthly_on_time, b.monthly_on_time);
  f(a.thematic_held, b.thematic_held);
  f(a.duration_sum, b.duration_sum);
  f(a.duration_count, b.duration_count);
  f(a.expected, b.expected);
  f(a.present, b.present);
  f(a.excused, b.excused);
  f(a.unexcused, b.unexcused);
  f(a.speakers, b.speakers);
  f(a.young_present, b.young_present);
  f(a.young_speakers, b.young_speakers);
  f(a.new_present, b.new_present);
  f(a.new_speakers, b.new_speakers);
  f(a.resolutions, b.resolutions);
  f(a.tasks_assigned, b.tasks_assigned);
  f(a.tasks_on_time, b.tasks_on_time);
  f(a.tasks_late, b.tasks_late);
  f(a.tasks_open, b.tasks_open);
  f(a.tasks_dropped, b.tasks_dropped);
  f(a.previous_tasks, b.previous_tasks);
  f(a.previous_reviewed, b.previous_reviewed);
  f(a.monitor_present, b.monitor_present);
  f(a.grade_good, b.grade_good);
  f(a.grade_fair, b.grade_fair);
  f(a.grade_average, b.grade_average);
  f(a.grade_poor, b.grade_poor);
}

inline StatsCounts& StatsCounts::operator+=(const StatsCounts& o) {
  forEachCount(*this, o, [](int& x, int y) { x += y; });
  return *this;
}

inline StatsCounts& StatsCounts::operator-=(const StatsCounts& o) {
  forEachCount(*this, o, [](int& x, int y) { x -= y; });
  return *this;
}

inline bool StatsCounts::zero() const {
  bool all = true;
  forEachCount(const_cast<StatsCounts&>(*this), *this, [&](int& x, int) { all = all && x == 0; });
  return all;
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
