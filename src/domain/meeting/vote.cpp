#include "domain/meeting/vote.h"

#include "domain/meeting/enum_table.h"
#include "domain/meeting/vn_format.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<VoteRule>, 3> kRules{{
    {VoteRule::majority_present, "majority_present", "Quá một nửa số đảng viên có mặt có quyền biểu quyết"},
    {VoteRule::more_than_half_roll, "more_than_half_roll", "Quá một nửa tổng số đảng viên có quyền biểu quyết"},
    {VoteRule::two_thirds_roll, "two_thirds_roll", "Ít nhất hai phần ba tổng số đảng viên có quyền biểu quyết"},
}};
}  // namespace

std::string_view toCode(VoteRule r) { return detail::enumCode(kRules, r); }
std::optional<VoteRule> voteRuleFromCode(std::string_view c) { return detail::enumFromCode(kRules, c); }
std::string_view label(VoteRule r) { return detail::enumLabel(kRules, r); }

Status validateVote(const Vote& v) {
  Validator val;
  if (v.votes_for < 0) val.add("votes_for", "negative", "Số phiếu không được âm.");
  if (v.against < 0) val.add("against", "negative", "Số phiếu không được âm.");
  if (v.abstain < 0) val.add("abstain", "negative", "Số phiếu không được âm.");
  if (v.eligible < 1) val.add("eligible", "required", "Chưa có số đảng viên có quyền biểu quyết.");
  if (val.ok() && v.votes_for + v.against + v.abstain > v.eligible)
    val.add("votes_for", "exceeds_eligible",
            "Tổng số tán thành, không tán thành và ý kiến khác vượt quá số đảng viên có quyền biểu quyết.");
  if (!val.ok()) return val.error();
  return okStatus();
}

int votesNeeded(VoteRule rule, int eligible) {
  if (eligible < 1) return 1;
  switch (rule) {
    case VoteRule::majority_present:
    case VoteRule::more_than_half_roll: return eligible / 2 + 1;
    case VoteRule::two_thirds_roll: return (2 * eligible + 2) / 3;  // ceil(2n/3)
  }
  return eligible;
}

VoteOutcome decideVote(const Vote& v) {
  VoteOutcome o;
  o.needed = votesNeeded(v.rule, v.eligible);
  bool valid = validateVote(v).ok();
  o.passed = valid && v.votes_for >= o.needed;
  o.for_percent = v.eligible > 0 ? 100.0 * v.votes_for / v.eligible : 0.0;
  o.line = "với " + std::to_string(v.votes_for) + "/" + std::to_string(v.eligible) + " đồng chí tán thành (" +
           vnPercent(o.for_percent) + ")";
  o.detail = "tán thành " + std::to_string(v.votes_for) + ", không tán thành " + std::to_string(v.against) +
             ", ý kiến khác " + std::to_string(v.abstain);
  return o;
}

bool mayVote(const MemberState& st, bool probationary_votes) {
  if (!st.on_roll || st.exempt || st.temp_exempt || st.incoming) return false;
  return st.standing == StatusKind::official || probationary_votes;
}

Voters countVoters(const std::vector<RosterEntry>& roll, const std::vector<AttendanceMark>& marks,
                   bool probationary_votes) {
  Voters out;
  out.roll_taken = !marks.empty();
  for (const auto& e : roll) {
    if (!mayVote(e.state, probationary_votes)) continue;
    ++out.on_roll;
    for (const auto& m : marks)
      if (m.member_id == e.member.id && (m.status == AttendanceStatus::present || m.status == AttendanceStatus::late ||
                                         m.status == AttendanceStatus::left_early)) {
        ++out.present;
        break;
      }
  }
  return out;
}

int eligibleFor(VoteRule rule, int voters_on_roll, int voters_present) {
  return rule == VoteRule::majority_present ? voters_present : voters_on_roll;
}

}  // namespace chibo
