#include "domain/rules/member_warnings.h"

#include <algorithm>
#include <set>

#include "domain/meeting/enum_table.h"
#include "domain/rules/calendar.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<AttendanceOutcome>, 4> kOutcomes{{
    {AttendanceOutcome::attended, "attended", "Có mặt"},
    {AttendanceOutcome::excused, "excused", "Vắng có lý do"},
    {AttendanceOutcome::unexcused, "unexcused", "Vắng không có lý do"},
    {AttendanceOutcome::not_expected, "not_expected", "Không thuộc diện phải dự"},
}};

std::string monthList(const std::vector<unsigned>& months) {
  std::string s;
  for (unsigned m : months) s += (s.empty() ? "" : ", ") + std::to_string(m);
  return s;
}

Warning removalWarning(const MemberRules& rs, const MemberYear& y, const std::vector<unsigned>& months,
                       const std::string& what) {
  int n = static_cast<int>(months.size());
  bool due = n >= rs.removal_months.value;
  const Cited<int>& rule = due ? rs.removal_months : rs.removal_warn_months;
  std::string msg = "Đồng chí " + y.full_name + " " + what + " " + std::to_string(n) + " tháng trong năm " +
                    std::to_string(y.year) + " (tháng " + monthList(months) + ").";
  if (due)
    msg += " Chi bộ xem xét, đề nghị xóa tên theo quy định.";
  else
    msg += " Đến " + std::to_string(rs.removal_months.value) + " tháng chi bộ phải xem xét đề nghị xóa tên.";
  return {due ? "removal_proposal_due" : "removal_watch", due ? Severity::serious : Severity::warning,
          SubjectKind::member, y.member_id, msg, "R-ATT-4", rule.origin, rule.source};
}
}  // namespace

std::string_view toCode(AttendanceOutcome o) { return detail::enumCode(kOutcomes, o); }
std::optional<AttendanceOutcome> attendanceOutcomeFromCode(std::string_view c) {
  return detail::enumFromCode(kOutcomes, c);
}
std::string_view label(AttendanceOutcome o) { return detail::enumLabel(kOutcomes, o); }

int longestExcusedStreak(const MemberYear& y) {
  std::vector<MeetingOutcome> ms;
  for (const auto& m : y.meetings)
    if (m.date.year() == y.year && m.outcome != AttendanceOutcome::not_expected) ms.push_back(m);
  std::stable_sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  int best = 0, run = 0;
  for (const auto& m : ms) {
    run = m.outcome == AttendanceOutcome::excused ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

std::vector<unsigned> unexcusedMonths(const MemberYear& y) {
  std::set<unsigned> months;
  for (const auto& m : y.meetings)
    if (m.date.year() == y.year && m.outcome == AttendanceOutcome::unexcused) months.insert(m.date.month());
  return {months.begin(), months.end()};
}

std::vector<Warning> excusedStreakWarnings(const RuleSet& rs, const MemberYear& y) {
  if (y.exempt) return {};
  int streak = longestExcusedStreak(y);
  const auto& limit = rs.max_consecutive_excused;
  if (streak <= limit.value) return {};
  return {{"excused_streak", Severity::warning, SubjectKind::member, y.member_id,
           "Đồng chí " + y.full_name + " vắng sinh hoạt có lý do " + std::to_string(streak) +
               " lần liên tiếp trong năm " + std::to_string(y.year) + " (quá " + std::to_string(limit.value) +
               " lần).",
           "R-ATT-3", limit.origin, limit.source}};
}

std::vector<Warning> removalWatchWarnings(const MemberRules& rs, const MemberYear& y) {
  if (y.exempt) return {};
  std::vector<Warning> out;
  auto meetings = unexcusedMonths(y);
  if (static_cast<int>(meetings.size()) >= rs.removal_warn_months.value)
    out.push_back(removalWarning(rs, y, meetings, "bỏ sinh hoạt chi bộ không có lý do chính đáng"));
  std::set<unsigned> dues_set(y.unpaid_dues_months.begin(), y.unpaid_dues_months.end());
  std::vector<unsigned> dues(dues_set.begin(), dues_set.end());
  if (static_cast<int>(dues.size()) >= rs.removal_warn_months.value)
    out.push_back(removalWarning(rs, y, dues, "không đóng đảng phí không có lý do chính đáng"));
  return out;
}

Date probationEnd(const MemberRules& rs, const Probation& p) {
  return p.ceremony_date.addMonths(rs.probation_months.value);
}

Date probationReviewDeadline(const MemberRules& rs, const Probation& p, const HolidayCalendar& cal) {
  return addWorkingDays(probationEnd(rs, p), rs.probation_review_working_days.value, cal);
}

std::vector<Warning> probationWarnings(const MemberRules& rs, const Probation& p, Date at, const HolidayCalendar& cal) {
  if (p.decided) return {};
  Date end = probationEnd(rs, p);
  Date deadline = probationReviewDeadline(rs, p, cal);
  Date notice_from = end.addDays(-rs.probation_notice_days.value);
  if (at < notice_from) return {};
  const auto& months = rs.probation_months;
  const auto& days = rs.probation_review_working_days;
  if (at < end)
    return {{"probation_ending", Severity::info, SubjectKind::member, p.member_id,
             "Đồng chí " + p.full_name + " hết thời gian dự bị ngày " + end.vn() +
                 "; chuẩn bị hồ sơ xét công nhận đảng viên chính thức.",
             "R-DUBI-1", months.origin, months.source}};
  if (at <= deadline)
    return {{"probation_review_due", Severity::warning, SubjectKind::member, p.member_id,
             "Đồng chí " + p.full_name + " đã hết thời gian dự bị ngày " + end.vn() +
                 "; chi bộ phải xét công nhận chính thức chậm nhất ngày " + deadline.vn() + ".",
             "R-DUBI-1", days.origin, days.source}};
  return {{"probation_review_overdue", Severity::serious, SubjectKind::member, p.member_id,
           "Quá hạn xét công nhận đảng viên chính thức cho đồng chí " + p.full_name + " (hạn ngày " + deadline.vn() +
               ", " + std::to_string(days.value) + " ngày làm việc sau khi hết thời gian dự bị).",
           "R-DUBI-1", days.origin, days.source}};
}

std::vector<Warning> removalWatchWarnings(const RuleSet& rs, const MemberYear& y) {
  return removalWatchWarnings(memberRules(rs), y);
}
Date probationEnd(const RuleSet& rs, const Probation& p) { return probationEnd(memberRules(rs), p); }
Date probationReviewDeadline(const RuleSet& rs, const Probation& p, const HolidayCalendar& cal) {
  return probationReviewDeadline(memberRules(rs), p, cal);
}
std::vector<Warning> probationWarnings(const RuleSet& rs, const Probation& p, Date at, const HolidayCalendar& cal) {
  return probationWarnings(memberRules(rs), p, at, cal);
}

}  // namespace chibo
