#include "app/oversight/subgroup_months.h"

#include <algorithm>

#include "app/meetings/meeting_access.h"

namespace chibo {
namespace {

// 00:00 of the first day of a month key, local time (Asia/Ho_Chi_Minh, UTC+7).
DateTime monthStart(int month) {
  Date d = *Date::fromYmd(month / 100, unsigned(month % 100), 1);
  return DateTime{int64_t(d.days()) * 86400 - 7 * 3600};
}

}  // namespace

std::vector<Org> subgroupsOf(ReadTx& tx, Id cell_id) {
  auto out = tx.orgChildren(cell_id);
  std::erase_if(out, [](const Org& o) { return o.kind != OrgKind::subgroup || o.archived; });
  std::sort(out.begin(), out.end(), [](const Org& a, const Org& b) { return a.id < b.id; });
  return out;
}

std::vector<SubgroupMeetingFacts> subgroupMeetingFacts(ReadTx& tx, const std::vector<Org>& subgroups, int from_month,
                                                       int to_month) {
  // A meeting may be held a little before or after the month it counts for.
  const Date lo = *Date::fromYmd(from_month / 100, unsigned(from_month % 100), 1);
  const Date hi = *Date::fromYmd(to_month / 100, unsigned(to_month % 100), 1);
  const Date first = lo.addMonths(-3), past = hi.addMonths(4);
  const DateTime from = monthStart(monthKey(first.year(), first.month()));
  const DateTime to = monthStart(monthKey(past.year(), past.month()));
  std::vector<SubgroupMeetingFacts> out;
  for (const auto& sg : subgroups)
    for (const auto& rec : tx.meetingsOfOrg(sg.id, from, to)) {
      const Meeting& m = rec.meeting;
      const int key = monthKey(m.period_year, m.period_month);
      if (key < from_month || key > to_month) continue;
      SubgroupMeetingFacts f;
      f.meeting_id = m.id;
      f.subgroup_id = sg.id;
      f.kind = m.kind;
      f.status = m.status;
      f.period_year = m.period_year;
      f.period_month = m.period_month;
      const Date day = meetingDate(rec);
      f.held_in_period = day.year() == m.period_year && day.month() == m.period_month;
      out.push_back(f);
    }
  return out;
}

std::optional<SubgroupMonth> pilotMonthOf(ReadTx& tx, Id cell_id, int year, unsigned month) {
  auto pilot = tx.subgroupPilot(cell_id);
  const int key = monthKey(year, month);
  if (!pilot || !pilotCovers(*pilot, key)) return std::nullopt;
  auto subgroups = subgroupsOf(tx, cell_id);
  std::vector<Id> ids;
  for (const auto& s : subgroups) ids.push_back(s.id);
  return judgeSubgroupMonth(ids, subgroupMeetingFacts(tx, subgroups, key, key), year, month);
}

}  // namespace chibo
