#pragma once
// Planning ahead (issue 3 §1): the thematic plan and finding a time.
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/meetings.h"

namespace chibo {

struct ThematicPlanView {
  Org org;
  int year = 0;
  Access access = Access::none;
  std::vector<ThematicPlanRecord> items;        // this org's entries
  std::vector<ThematicPlanRecord> suggestions;  // entries of the committees above it (định hướng)
  std::vector<int> quarters_without_topic;      // 1..4 with no entry of this org
};
// Needs basic access to the org.
Result<ThematicPlanView> getThematicPlan(Store& store, const Caller& c, Id org_id, int year);

struct ThematicFields {
  std::optional<int> year, quarter;
  std::optional<std::string> topic, source, approved_on;
  std::optional<Id> suggestion_id, preparer_member_id, meeting_id;
};
// Adds a topic for a quarter. On a committee it is a suggestion for the cells
// below; on a cell it is the cell's plan, optionally adopting a suggestion of a
// committee above it (the topic is copied when none is given). 201.
Result<ThematicPlanRecord> addThematicEntry(Store& store, const Caller& c, Id org_id, const ThematicFields& in);

// The secretary proposes times (ISO instants); duplicates of a proposed slot
// are ignored. Only while the meeting is planned.
Result<MeetingView> proposeSlots(Store& store, const Caller& c, Id meeting_id, const std::vector<std::string>& starts);

// A member marks the proposed slots they can attend (the whole set: slots not
// listed are unmarked). `member_id` defaults to the caller's own member; the
// cell committee may answer for a member (a phone reply, say).
Result<MeetingView> markAvailability(Store& store, const Caller& c, Id meeting_id, std::optional<Id> member_id,
                                     const std::vector<Id>& slot_ids);

}  // namespace chibo
