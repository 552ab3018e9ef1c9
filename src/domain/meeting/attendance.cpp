#include "domain/meeting/attendance.h"

#include <map>
#include <set>

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<AttendanceStatus>, 5> kStatuses{{
    {AttendanceStatus::present, "present", "Có mặt"},
    {AttendanceStatus::late, "late", "Đến muộn"},
    {AttendanceStatus::left_early, "left_early", "Về sớm"},
    {AttendanceStatus::absent_excused, "absent_excused", "Vắng có lý do"},
    {AttendanceStatus::absent_unexcused, "absent_unexcused", "Vắng không có lý do"},
}};
constexpr std::array<EnumRow<AbsenceReason>, 6> kReasons{{
    {AbsenceReason::illness, "illness", "Ốm đau"},
    {AbsenceReason::work, "work", "Công tác"},
    {AbsenceReason::family, "family", "Việc gia đình"},
    {AbsenceReason::travel, "travel", "Đi xa"},
    {AbsenceReason::study, "study", "Học tập"},
    {AbsenceReason::other, "other", "Lý do khác"},
}};
constexpr std::array<EnumRow<ExclusionReason>, 4> kExclusions{{
    {ExclusionReason::exempt, "exempt", "Miễn công tác và sinh hoạt đảng"},
    {ExclusionReason::temp_exempt, "temp_exempt", "Tạm miễn sinh hoạt"},
    {ExclusionReason::away, "away", "Sinh hoạt tạm thời nơi khác"},
    {ExclusionReason::special_duty, "special_duty", "Làm nhiệm vụ đặc biệt"},
}};

std::string itemPath(size_t i, const char* field) { return "items[" + std::to_string(i) + "]." + field; }

// Why an on-roll member is outside the denominator; exemption wins over the rest
// because it is the reason shown in the minutes.
ExclusionReason whyExcluded(const MemberState& s) {
  if (s.exempt) return ExclusionReason::exempt;
  if (s.temp_exempt) return ExclusionReason::temp_exempt;
  if (s.away) return ExclusionReason::away;
  return ExclusionReason::special_duty;
}
}  // namespace

std::string_view toCode(AttendanceStatus s) { return detail::enumCode(kStatuses, s); }
std::string_view toCode(AbsenceReason r) { return detail::enumCode(kReasons, r); }
std::string_view toCode(ExclusionReason r) { return detail::enumCode(kExclusions, r); }
std::optional<AttendanceStatus> attendanceStatusFromCode(std::string_view c) {
  return detail::enumFromCode(kStatuses, c);
}
std::optional<AbsenceReason> absenceReasonFromCode(std::string_view c) { return detail::enumFromCode(kReasons, c); }
std::optional<ExclusionReason> exclusionReasonFromCode(std::string_view c) {
  return detail::enumFromCode(kExclusions, c);
}
std::string_view label(AttendanceStatus s) { return detail::enumLabel(kStatuses, s); }
std::string_view label(AbsenceReason r) { return detail::enumLabel(kReasons, r); }
std::string_view label(ExclusionReason r) { return detail::enumLabel(kExclusions, r); }

bool isPresent(AttendanceStatus s) {
  return s == AttendanceStatus::present || s == AttendanceStatus::late || s == AttendanceStatus::left_early;
}

Result<std::vector<AttendanceMark>> validateMarks(const std::vector<RosterEntry>& roster,
                                                  const std::vector<AttendanceMarkInput>& items) {
  std::map<Id, const RosterEntry*> byId;
  for (const auto& e : roster)
    if (e.state.on_roll) byId[e.member.id] = &e;

  Validator v;
  std::set<Id> seen;
  std::vector<AttendanceMark> out;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& in = items[i];
    auto it = byId.find(in.member_id);
    if (it == byId.end()) {
      v.add(itemPath(i, "member_id"), "not_on_roll", "Đảng viên không có tên trong danh sách chi bộ vào ngày họp.");
      continue;
    }
    if (!seen.insert(in.member_id).second) {
      v.add(itemPath(i, "member_id"), "duplicate", "Đảng viên này đã được điểm danh.");
      continue;
    }
    auto status = attendanceStatusFromCode(in.status);
    if (!status) {
      v.add(itemPath(i, "status"), "invalid_choice", "Trạng thái điểm danh không hợp lệ.");
      continue;
    }
    const MemberState& st = it->second->state;
    if (!st.countsForAttendance() && !isPresent(*status)) {
      v.add(itemPath(i, "status"), "excluded_member",
            "Đảng viên thuộc diện " + std::string(label(whyExcluded(st))) +
                " không tính vào số phải dự họp nên không ghi vắng.");
      continue;
    }
    AttendanceMark m{in.member_id, *status, std::nullopt, {}};
    if (*status == AttendanceStatus::absent_excused) {
      if (in.reason.empty()) {
        v.add(itemPath(i, "reason"), "required", "Vắng có lý do phải ghi rõ lý do.");
        continue;
      }
      auto reason = absenceReasonFromCode(in.reason);
      if (!reason) {
        v.add(itemPath(i, "reason"), "invalid_choice", "Lý do vắng không hợp lệ.");
        continue;
      }
      if (*reason == AbsenceReason::other && in.reason_text.empty()) {
        v.add(itemPath(i, "reason_text"), "required", "Lý do khác phải ghi cụ thể.");
        continue;
      }
      m.reason = reason;
      m.reason_text = in.reason_text;
    }
    out.push_back(std::move(m));
  }
  if (!v.ok()) return v.error();
  return out;
}

AttendanceSummary summarizeAttendance(const std::vector<RosterEntry>& roster,
                                      const std::vector<AttendanceMark>& marks) {
  std::map<Id, const AttendanceMark*> byMember;
  for (const auto& m : marks) byMember.emplace(m.member_id, &m);

  AttendanceSummary s;
  s.roll = countRoster(roster);
  for (const auto& e : roster) {
    if (!e.state.on_roll) continue;
    auto found = byMember.find(e.member.id);
    const AttendanceMark* mark = found == byMember.end() ? nullptr : found->second;
    if (!e.state.countsForAttendance()) {
      s.excluded.push_back({e.member.id, e.member.full_name, whyExcluded(e.state), mark && isPresent(mark->status)});
      continue;
    }
    ++s.expected;
    if (!mark) {
      ++s.unmarked;
      s.unmarked_ids.push_back(e.member.id);
      continue;
    }
    switch (mark->status) {
      case AttendanceStatus::late: ++s.late; [[fallthrough]];
      case AttendanceStatus::present:
        ++s.present;
        s.present_ids.push_back(e.member.id);
        break;
      case AttendanceStatus::left_early:
        ++s.left_early;
        ++s.present;
        s.present_ids.push_back(e.member.id);
        break;
      case AttendanceStatus::absent_excused:
        ++s.excused;
        s.excused_list.push_back({e.member.id, e.member.full_name, mark->reason, mark->reason_text});
        break;
      case AttendanceStatus::absent_unexcused:
        ++s.unexcused;
        s.unexcused_list.push_back({e.member.id, e.member.full_name, std::nullopt, {}});
        break;
    }
  }
  s.rate_percent = s.expected > 0 ? 100.0 * s.present / s.expected : 0.0;
  return s;
}

}  // namespace chibo
