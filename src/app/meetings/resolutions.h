#pragma once
// Resolutions (issue 3 §4): the document a meeting adopts, its vote, its
// targets, and the tasks it assigns with their follow-up (§6).
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/meetings.h"

namespace chibo {

struct TargetInput {
  std::optional<std::string> description, unit, note;
  std::optional<double> target_value, actual_value;
  std::optional<bool> achieved;
};

struct VoteInput {
  std::optional<int> votes_for, against, abstain, eligible;
  std::optional<std::string> rule;  // a VoteRule code; default majority_present
};

struct ResolutionFields {
  std::optional<std::string> doc_type;  // resolution (default) or conclusion
  std::optional<std::string> title, assessment, direction, assignments, self_assessment, issued_on;
  std::optional<std::vector<TargetInput>> targets;  // replaces all targets when sent
  std::optional<VoteInput> vote;
  // Only for entering an existing paper record: the number it bears. It must
  // be the next one of the sequence (409 duplicate_number, 422 number_gap).
  // Without it the next number is issued.
  std::optional<int> number;
};

// Adopts a resolution at a meeting that is not locked. The number is computed
// inside the (single, serialised) writer transaction from the numbers already
// issued for (org, type, committee term on the meeting date), so concurrent
// requests get 01, 02, ... without gaps; a unique index backs it. 201.
Result<ResolutionView> createResolution(Store& store, const Caller& c, Id meeting_id, const ResolutionFields& in);
// Edits title, sections, targets or vote (the number never changes).
Result<ResolutionView> updateResolution(Store& store, const Caller& c, Id id, const ResolutionFields& in);
// Records or replaces the vote; the outcome follows the stated rule.
Result<ResolutionView> recordVote(Store& store, const Caller& c, Id id, const VoteInput& in);

struct TaskFields {
  std::optional<std::string> description, deadline, status, result_note, progress_note;
  std::optional<std::vector<Id>> assignee_member_ids;
};

// A task with one or more assignees (on the roll on the meeting date) and a
// deadline (required). The resolution's meeting must not be locked. 201.
Result<TaskView> createTask(Store& store, const Caller& c, Id resolution_id, const TaskFields& in);
// The cell committee may change anything; an assignee may change the status
// and add a progress note (forbidden otherwise). Tasks outlive their meeting,
// so this works after the minutes are locked.
Result<TaskView> updateTask(Store& store, const Caller& c, Id task_id, const TaskFields& in);

}  // namespace chibo
