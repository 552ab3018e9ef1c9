#include "domain/roster.h"

namespace chibo {

MemberState stateOn(const Member& m, const std::vector<StatusPeriod>& statuses, Date at) {
  MemberState s;
  s.on_roll = true;
  std::optional<StatusKind> standing;
  for (const auto& p : statuses) {
    if (!covers(p, at)) continue;
    switch (p.kind) {
      case StatusKind::official:
      case StatusKind::probationary: standing = p.kind; break;
      case StatusKind::exempt: s.exempt = true; break;
      case StatusKind::temp_exempt: s.temp_exempt = true; break;
      case StatusKind::temp_in: s.incoming = true; break;
      case StatusKind::temp_out: s.away = true; break;
      case StatusKind::special_duty: s.special_duty = true; break;
      default:
        if (isTerminal(p.kind)) s.terminal = p.kind;
    }
  }
  // Terminal statuses are open-ended facts: one that began before `at` still holds.
  for (const auto& p : statuses)
    if (isTerminal(p.kind) && p.from <= at && (!p.to || at <= *p.to)) s.terminal = p.kind;
  if (s.terminal) s.on_roll = false;
  if (standing) {
    s.standing = *standing;
  } else if (m.official_date && *m.official_date <= at) {
    s.standing = StatusKind::official;
  } else if (m.admission_ceremony_date && *m.admission_ceremony_date <= at) {
    s.standing = StatusKind::probationary;
  } else {
    s.standing = StatusKind::official;
  }
  return s;
}

std::optional<CellPeriod> placementOn(const std::vector<CellPeriod>& periods, Date at) {
  for (const auto& p : periods)
    if (covers(p, at)) return p;
  return std::nullopt;
}

RosterCounts countRoster(const std::vector<RosterEntry>& roster) {
  RosterCounts c;
  for (const auto& e : roster) {
    const auto& s = e.state;
    if (!s.on_roll) continue;
    ++c.on_roll;
    if (s.standing == StatusKind::probationary) ++c.probationary; else ++c.official;
    if (s.exempt || s.temp_exempt) ++c.exempt;
    if (s.away) ++c.away;
    if (s.incoming) ++c.incoming;
    if (s.special_duty) ++c.special_duty;
    if (s.countsForAttendance()) ++c.expected;
  }
  return c;
}

}  // namespace chibo
