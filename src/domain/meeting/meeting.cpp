#include "domain/meeting/meeting.h"

#include <set>

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<MeetingKind>, 6> kKinds{{
    {MeetingKind::regular, "regular", "Sinh hoạt thường kỳ"},
    {MeetingKind::thematic, "thematic", "Sinh hoạt chuyên đề"},
    {MeetingKind::combined, "combined", "Sinh hoạt thường kỳ kết hợp chuyên đề"},
    {MeetingKind::extraordinary, "extraordinary", "Sinh hoạt bất thường"},
    {MeetingKind::subgroup, "subgroup", "Sinh hoạt tổ đảng"},
    {MeetingKind::committee_meeting, "committee_meeting", "Họp cấp ủy"},
}};
constexpr std::array<EnumRow<MeetingStatus>, 4> kStatuses{{
    {MeetingStatus::planned, "planned", "Dự kiến"},
    {MeetingStatus::held, "held", "Đã tổ chức"},
    {MeetingStatus::finalized, "finalized", "Đã khóa biên bản"},
    {MeetingStatus::cancelled, "cancelled", "Đã hủy"},
}};
}  // namespace

std::string_view toCode(MeetingKind k) { return detail::enumCode(kKinds, k); }
std::string_view toCode(MeetingStatus s) { return detail::enumCode(kStatuses, s); }
std::optional<MeetingKind> meetingKindFromCode(std::string_view c) { return detail::enumFromCode(kKinds, c); }
std::optional<MeetingStatus> meetingStatusFromCode(std::string_view c) { return detail::enumFromCode(kStatuses, c); }
std::string_view label(MeetingKind k) { return detail::enumLabel(kKinds, k); }
std::string_view label(MeetingStatus s) { return detail::enumLabel(kStatuses, s); }

bool hasTopic(MeetingKind k) { return k == MeetingKind::thematic || k == MeetingKind::combined; }
bool countsAsMonthly(MeetingKind k) { return k == MeetingKind::regular || k == MeetingKind::combined; }
bool countsAsThematic(MeetingKind k) { return k == MeetingKind::thematic || k == MeetingKind::combined; }

std::optional<int> durationMinutes(const Meeting& m) {
  if (!m.started_at || !m.ended_at || *m.ended_at < *m.started_at) return std::nullopt;
  return static_cast<int>((m.ended_at->unix_seconds - m.started_at->unix_seconds) / 60);
}

Status validateMeeting(const Meeting& m) {
  Validator v;
  if (m.org_id <= 0) v.add("org_id", "required", "Chưa chọn tổ chức đảng.");
  if (hasTopic(m.kind) && m.topic.empty())
    v.add("topic", "required", "Sinh hoạt chuyên đề phải có tên chuyên đề.");
  if (m.period_month < 1 || m.period_month > 12)
    v.add("period_month", "out_of_range", "Tháng phải từ 1 đến 12.");
  if (m.period_year < 1930 || m.period_year > 2200)
    v.add("period_year", "out_of_range", "Năm không hợp lệ.");
  if (m.chair_member_id && m.secretary_member_id && *m.chair_member_id == *m.secretary_member_id)
    v.add("secretary_member_id", "same_as_chair", "Thư ký không được trùng với người chủ trì.");
  if (m.started_at && m.ended_at && *m.ended_at < *m.started_at)
    v.add("ended_at", "before_start", "Giờ kết thúc phải sau giờ bắt đầu.");
  if (m.ended_at && !m.started_at) v.add("started_at", "required", "Chưa ghi giờ bắt đầu.");
  if (!v.ok()) return v.error();
  return okStatus();
}

bool mayTransition(MeetingStatus from, MeetingStatus to) {
  switch (from) {
    case MeetingStatus::planned: return to == MeetingStatus::held || to == MeetingStatus::cancelled;
    case MeetingStatus::held: return to == MeetingStatus::finalized;
    case MeetingStatus::finalized:
    case MeetingStatus::cancelled: return false;
  }
  return false;
}

Status validateAmendment(const Meeting& m, const Amendment& a) {
  if (m.status != MeetingStatus::finalized)
    return Error::conflict("not_finalized", "Chỉ sửa đổi biên bản đã khóa; biên bản chưa khóa thì sửa trực tiếp.");
  if (a.version != m.version + 1)
    return Error::conflict("stale_version", "Biên bản đã được người khác sửa; hãy tải lại.");
  if (a.reason.empty()) {
    Validator v;
    v.add("reason", "required", "Phải nêu lý do sửa đổi biên bản.");
    return v.error();
  }
  return okStatus();
}

int distinctSpeakers(const std::vector<Speech>& speeches) {
  std::set<Id> ids;
  for (const auto& s : speeches) ids.insert(s.member_id);
  return static_cast<int>(ids.size());
}

}  // namespace chibo
