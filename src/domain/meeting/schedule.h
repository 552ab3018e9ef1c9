#pragma once
// Planning ahead: the thematic plan for the year (kế hoạch sinh hoạt chuyên
// đề, one topic per quarter at least, R-FREQ-2) and polls for a time most
// members can attend (residential cells often meet in the evening, CT 50).
//
// Design notes:
// - A poll proposes slots; each member answers with the slots they can make.
//   The best slot is the one the most distinct members can attend; ties go to
//   the earliest slot, so the answer is stable and the meeting is not pushed late.
// - Answers naming a slot that was not proposed are ignored, not errors: the
//   poll may have been edited after people answered.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/result.h"

namespace chibo {

struct ThematicPlanEntry {
  Id id = 0;
  Id org_id = 0;
  int year = 0;
  int quarter = 0;  // 1..4
  std::string topic;
  std::string source;  // e.g. "Chuyên đề năm 2026 của Ban Tuyên giáo Trung ương"
  std::optional<Id> preparer_member_id;
  std::optional<Date> approved_by_chi_uy_on;
  std::optional<Id> meeting_id;  // set once the topic has been held
};

// Field errors: topic required, quarter out_of_range, year out_of_range.
Status validateThematicPlanEntry(const ThematicPlanEntry&);

struct SlotAvailability {
  Id member_id = 0;
  std::vector<DateTime> can_attend;
};

struct SlotPoll {
  Id id = 0;
  Id org_id = 0;
  std::vector<DateTime> slots;
  std::vector<SlotAvailability> answers;
};

struct SlotChoice {
  DateTime slot;
  int count = 0;                 // distinct members who can attend
  std::vector<Id> member_ids;    // ascending
};

// How many distinct members can attend each proposed slot, in slot order.
std::vector<SlotChoice> tallySlots(const SlotPoll&);

// The slot most members can attend, earliest on a tie; none when no slot was proposed.
std::optional<SlotChoice> bestSlot(const SlotPoll&);

}  // namespace chibo
