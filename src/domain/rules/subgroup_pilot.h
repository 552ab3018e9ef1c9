#pragma once
// Tổ đảng pilots (R-TOĐẢNG-1). In a large cell split into tổ đảng, a committee
// may let the tổ đảng meetings of a month stand for the cell's regular monthly
// meeting, as piloted by Hướng dẫn 03-HD/TW of 27/12/2022 ("sinh hoạt đảng
// theo tổ đảng ở chi bộ đông đảng viên") and a local decision. Without such a
// pilot attached to the cell for the month, a tổ đảng meeting never replaces
// the chi bộ meeting.
//
// Under the pilot, for one month (the period a meeting counts for):
// - the month counts as held when every tổ đảng of the cell held a meeting for
//   it (a sinh hoạt tổ đảng, or a regular or combined one of the tổ); the
//   cell's own regular or combined meeting still counts as well;
// - it counts as held on time when, in addition, each tổ đảng's meeting was
//   held within that month;
// - attendance is the sum over the tổ đảng meetings of the month;
// - the thematic meeting (R-FREQ-2) stays at cell level: a tổ đảng meeting
//   never counts as thematic.
// Pure: no I/O. The months are year * 100 + month (202603), as the roll-up's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/meeting/meeting.h"

namespace chibo {

// The pilot's legal basis, shown with every pilot; the local decision is the
// committee's own text (SubgroupPilot::decision).
inline constexpr std::string_view kSubgroupPilotBasis =
    "Hướng dẫn 03-HD/TW ngày 27/12/2022 của Ban Bí thư (thí điểm sinh hoạt đảng theo tổ đảng ở chi bộ đông đảng "
    "viên)";
// The first month a pilot may cover: the month Hướng dẫn 03-HD/TW was issued.
inline constexpr int kSubgroupPilotFirstMonth = 202212;

// A pilot attached to one cell for the months [from_month, to_month] (to_month
// inclusive; none = open).
struct SubgroupPilot {
  Id id = 0;
  Id cell_id = 0;
  std::string cell_path;  // read from the org; ignored on write
  int from_month = 0;     // 202603
  std::optional<int> to_month;
  std::string decision;   // the local decision's number and date, as the committee typed it
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

// year * 100 + month.
constexpr int monthKey(int year, unsigned month) { return year * 100 + int(month); }
// Whether `month` (202603) is in a well-formed month key (1..12).
constexpr bool validMonthKey(int m) { return m % 100 >= 1 && m % 100 <= 12 && m / 100 >= 1900 && m / 100 <= 2200; }

// Whether the pilot covers the month.
bool pilotCovers(const SubgroupPilot& p, int month);

// True for the kinds of a tổ đảng's meeting that stand for its share of the
// monthly meeting under a pilot: sinh hoạt tổ đảng, regular, combined.
bool standsForMonthly(MeetingKind k);

// One meeting of a tổ đảng, as the pilot judges it.
struct SubgroupMeetingFacts {
  Id meeting_id = 0;
  Id subgroup_id = 0;
  MeetingKind kind = MeetingKind::subgroup;
  MeetingStatus status = MeetingStatus::planned;
  int period_year = 0;
  unsigned period_month = 0;
  bool held_in_period = false;  // the day it was held lies in its period month
  int expected = 0, present = 0, excused = 0, unexcused = 0;
};

// What the tổ đảng meetings of one month add up to.
struct SubgroupMonth {
  int subgroups = 0;              // tổ đảng of the cell
  int met = 0;                    // those that held a meeting for the month
  bool held = false;              // every tổ đảng met (and there is at least one)
  bool on_time = false;           // held, and every tổ đảng's meeting within the month
  int meetings = 0;               // held tổ đảng meetings counted
  int expected = 0, present = 0, excused = 0, unexcused = 0;  // summed over them
  std::vector<Id> missing;        // tổ đảng that did not meet, in the order given
  std::vector<Id> meeting_ids;    // the meetings counted
};

// Judges (year, month) from the cell's tổ đảng `subgroup_ids` and their
// meetings (any period: those of other months are ignored, as are meetings of
// other orgs, cancelled or planned ones, and thematic or extraordinary ones).
SubgroupMonth judgeSubgroupMonth(const std::vector<Id>& subgroup_ids, const std::vector<SubgroupMeetingFacts>& meetings,
                                 int year, unsigned month);

// "3/2026" for 202603.
std::string monthKeyText(int month);

}  // namespace chibo
