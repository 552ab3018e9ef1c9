#pragma once
// Who is on a cell's roll on a given date, and in what state. This is the one
// place that decides the attendance denominator (R-ATT-1, HD 12/2018 criterion 1).
#include <optional>
#include <vector>

#include "domain/member.h"

namespace chibo {

// A member's state on one date, folded from their status periods.
struct MemberState {
  bool on_roll = false;       // a cell period covers the date and no terminal status does
  StatusKind standing = StatusKind::official;  // official or probationary
  bool exempt = false;        // miễn công tác và sinh hoạt
  bool temp_exempt = false;   // tạm miễn
  bool away = false;          // sinh hoạt tạm thời đi
  bool incoming = false;      // sinh hoạt tạm thời đến
  bool special_duty = false;  // armed forces on special duty
  std::optional<StatusKind> terminal;  // why the member left the roll, if they did

  // Counted in the attendance denominator: on the roll, not exempt (either kind),
  // not away, not on special duty. Incoming temporary members are counted.
  bool countsForAttendance() const { return on_roll && !exempt && !temp_exempt && !away && !special_duty; }
};

// Folds `statuses` (any order) at `at`. The standing comes from an official or
// probationary period when one covers the date, else from the member's dates
// (official_date, then ceremony date), else official.
MemberState stateOn(const Member& m, const std::vector<StatusPeriod>& statuses, Date at);

// The cell period covering `at`, if any.
std::optional<CellPeriod> placementOn(const std::vector<CellPeriod>& periods, Date at);

// A roster line: the member, where they sit and their state.
struct RosterEntry {
  Member member;
  CellPeriod placement;
  MemberState state;
};

struct RosterCounts {
  int on_roll = 0;
  int official = 0;
  int probationary = 0;
  int exempt = 0;   // both kinds of exemption
  int away = 0;
  int incoming = 0;
  int special_duty = 0;
  int expected = 0;  // the attendance denominator
};
RosterCounts countRoster(const std::vector<RosterEntry>& roster);

// Periods must not overlap for the same member: returns the index of the first
// period of `existing` that overlaps [from, to], if any.
template <typename P>
std::optional<size_t> firstOverlap(const std::vector<P>& existing, Date from, std::optional<Date> to) {
  for (size_t i = 0; i < existing.size(); ++i) {
    const auto& p = existing[i];
    bool before = to && *to < p.from;
    bool after = p.to && *p.to < from;
    if (!before && !after) return i;
  }
  return std::nullopt;
}

}  // namespace chibo
