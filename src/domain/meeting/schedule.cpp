#include "domain/meeting/schedule.h"

#include <algorithm>
#include <set>

namespace chibo {

Status validateThematicPlanEntry(const ThematicPlanEntry& e) {
  Validator v;
  if (e.topic.empty()) v.add("topic", "required", "Chưa ghi tên chuyên đề.");
  if (e.quarter < 1 || e.quarter > 4) v.add("quarter", "out_of_range", "Quý phải từ 1 đến 4.");
  if (e.year < 1930 || e.year > 2200) v.add("year", "out_of_range", "Năm không hợp lệ.");
  if (!v.ok()) return v.error();
  return okStatus();
}

std::vector<SlotChoice> tallySlots(const SlotPoll& poll) {
  std::vector<SlotChoice> out;
  for (const auto& slot : poll.slots) {
    std::set<Id> ids;
    for (const auto& a : poll.answers)
      if (std::find(a.can_attend.begin(), a.can_attend.end(), slot) != a.can_attend.end()) ids.insert(a.member_id);
    out.push_back({slot, static_cast<int>(ids.size()), {ids.begin(), ids.end()}});
  }
  return out;
}

std::optional<SlotChoice> bestSlot(const SlotPoll& poll) {
  std::optional<SlotChoice> best;
  for (auto& c : tallySlots(poll))
    if (!best || c.count > best->count || (c.count == best->count && c.slot < best->slot)) best = std::move(c);
  return best;
}

}  // namespace chibo
