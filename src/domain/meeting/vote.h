#pragma once
// A show-of-hands vote (biểu quyết) and whether it passed (R-RES-2).
//
// Design notes:
// - `eligible` is the denominator the rule counts against: those present and
//   entitled to vote for majority_present, all voting members on the roll for
//   the two *_roll rules. The server computes it from the roll on the meeting
//   day (mayVote, eligibleFor) and refuses a different number: a smaller roll
//   would pass "two thirds of the roll" with fewer votes.
// - Entitled: on the roll, not exempt (Điều lệ: exempt members take no part in
//   the cell's work), official; probationary members only when the rule set
//   says so (Điều lệ Điều 3: a probationary member has every right except
//   voting, standing and electing). Incoming temporary members vote in their
//   own cell, not here (chưa có văn bản xác nhận; the conservative reading).
// - Thresholds: Điều lệ Điều 10 requires "hơn một nửa" for a resolution;
//   admission-type decisions need "ít nhất hai phần ba" of official members.
//   The 2/3 rule is therefore "at least", the others "more than".
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/meeting/attendance.h"
#include "domain/roster.h"

namespace chibo {

enum class VoteRule {
  majority_present,     // more than half of those present and eligible
  more_than_half_roll,  // more than half of all voting members on the roll
  two_thirds_roll,      // at least two thirds of all voting members on the roll
};

struct Vote {
  int votes_for = 0;  // tán thành
  int against = 0;    // không tán thành
  int abstain = 0;    // ý kiến khác / không biểu quyết
  int eligible = 0;   // see the note above
  VoteRule rule = VoteRule::majority_present;
};

struct VoteOutcome {
  bool passed = false;
  int needed = 0;           // the fewest votes_for that pass under the rule
  double for_percent = 0;   // votes_for / eligible * 100
  std::string line;         // "với 18/20 đồng chí tán thành (90%)"
  std::string detail;       // "tán thành 18, không tán thành 1, ý kiến khác 1"
};

std::string_view toCode(VoteRule);
std::optional<VoteRule> voteRuleFromCode(std::string_view);
std::string_view label(VoteRule);  // Vietnamese description of the threshold

// Field errors: votes_for/against/abstain "negative"; eligible "required" when
// < 1; votes_for "exceeds_eligible" when for + against + abstain > eligible.
Status validateVote(const Vote&);

// The fewest votes in favour that pass `rule` out of `eligible`.
int votesNeeded(VoteRule rule, int eligible);

// True when a member in state `st` counts as a voter (see the note above).
bool mayVote(const MemberState& st, bool probationary_votes);

// The voters of a meeting: on its roll (mayVote), and of them those marked
// present, late or leaving early. roll_taken: any mark at all.
struct Voters {
  int on_roll = 0;
  int present = 0;
  bool roll_taken = false;
};
Voters countVoters(const std::vector<RosterEntry>& roll, const std::vector<AttendanceMark>& marks,
                   bool probationary_votes);

// The `eligible` a vote under `rule` counts against: voters present for
// majority_present, voters on the roll for the *_roll rules.
int eligibleFor(VoteRule rule, int voters_on_roll, int voters_present);

// Decides a vote. Call validateVote first: an invalid vote is reported as not passed.
VoteOutcome decideVote(const Vote&);

}  // namespace chibo
