#include "domain/rules/subgroup_pilot.h"

#include <algorithm>
#include <set>

namespace chibo {

bool pilotCovers(const SubgroupPilot& p, int month) {
  return p.from_month <= month && (!p.to_month || month <= *p.to_month);
}

bool standsForMonthly(MeetingKind k) { return k == MeetingKind::subgroup || countsAsMonthly(k); }

SubgroupMonth judgeSubgroupMonth(const std::vector<Id>& subgroup_ids, const std::vector<SubgroupMeetingFacts>& meetings,
                                 int year, unsigned month) {
  SubgroupMonth out;
  out.subgroups = int(subgroup_ids.size());
  const std::set<Id> ours(subgroup_ids.begin(), subgroup_ids.end());
  std::set<Id> met, met_in_period;
  for (const auto& m : meetings) {
    if (!ours.count(m.subgroup_id) || !standsForMonthly(m.kind)) continue;
    if (m.status != MeetingStatus::held && m.status != MeetingStatus::finalized) continue;
    if (m.period_year != year || m.period_month != month) continue;
    met.insert(m.subgroup_id);
    if (m.held_in_period) met_in_period.insert(m.subgroup_id);
    ++out.meetings;
    out.expected += m.expected;
    out.present += m.present;
    out.excused += m.excused;
    out.unexcused += m.unexcused;
    out.meeting_ids.push_back(m.meeting_id);
  }
  out.met = int(met.size());
  for (Id s : subgroup_ids)
    if (!met.count(s)) out.missing.push_back(s);
  out.held = out.subgroups > 0 && out.missing.empty();
  out.on_time = out.held && std::all_of(subgroup_ids.begin(), subgroup_ids.end(),
                                        [&](Id s) { return met_in_period.count(s) > 0; });
  return out;
}

std::string monthKeyText(int month) { return std::to_string(month % 100) + "/" + std::to_string(month / 100); }

}  // namespace chibo
