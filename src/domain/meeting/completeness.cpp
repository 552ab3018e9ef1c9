#include "domain/meeting/completeness.h"

#include <algorithm>
#include <set>

namespace chibo {
namespace {
bool applies(const std::vector<std::string>& checks, const char* code) {
  return std::find(checks.begin(), checks.end(), code) != checks.end();
}
std::string at(const char* list, size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]" + (*field ? "." : "") + field;
}
}  // namespace

std::vector<std::string> requiredChecks(MeetingKind k) {
  std::vector<std::string> c{"chair", "secretary", "start_time", "end_time", "attendance", "absence_reason"};
  switch (k) {
    case MeetingKind::regular:
    case MeetingKind::combined:
      c.insert(c.end(), {"previous_tasks", "speeches", "resolution", "vote", "tasks"});
      break;
    case MeetingKind::extraordinary:
    case MeetingKind::committee_meeting:
      c.insert(c.end(), {"speeches", "resolution", "vote", "tasks"});
      break;
    case MeetingKind::thematic:
    case MeetingKind::subgroup:
      c.insert(c.end(), {"speeches", "tasks"});
      break;
  }
  c.push_back("minutes_read_back");
  return c;
}

CompletenessReport checkCompleteness(const MinutesRecord& r) {
  const auto checks = requiredChecks(r.meeting.kind);
  const Meeting& m = r.meeting;
  std::vector<MissingItem> out;
  auto miss = [&](const char* code, std::string field, std::string msg) {
    out.push_back({code, std::move(field), std::move(msg)});
  };

  if (!m.chair_member_id) miss("chair", "chair_member_id", "Chưa ghi người chủ trì.");
  if (!m.secretary_member_id) miss("secretary", "secretary_member_id", "Chưa ghi thư ký.");
  if (!m.started_at) miss("start_time", "started_at", "Chưa ghi giờ bắt đầu.");
  if (!m.ended_at) miss("end_time", "ended_at", "Chưa ghi giờ kết thúc.");
  if (r.attendance.unmarked > 0)
    miss("attendance", "attendance",
         "Còn " + std::to_string(r.attendance.unmarked) + " đảng viên chưa được điểm danh.");
  for (size_t i = 0; i < r.attendance.excused_list.size(); ++i) {
    const auto& a = r.attendance.excused_list[i];
    if (!a.reason) miss("absence_reason", at("attendance.excused", i, "reason"),
                        "Đồng chí " + a.full_name + " vắng có lý do nhưng chưa ghi lý do.");
  }

  if (applies(checks, "previous_tasks")) {
    for (size_t i = 0; i < r.previous_tasks.size(); ++i) {
      const auto& t = r.previous_tasks[i];
      if (!t.reviewed_in_meeting_id || *t.reviewed_in_meeting_id != m.id)
        miss("previous_tasks", at("previous_tasks", i, ""),
             "Chưa đánh giá kết quả nhiệm vụ kỳ trước: " + t.description + ".");
    }
  }
  if (applies(checks, "speeches") && r.speeches.empty())
    miss("speeches", "speeches", "Chưa ghi ý kiến phát biểu nào.");
  if (applies(checks, "resolution") && !r.resolution)
    miss("resolution", "resolution", "Chưa có nghị quyết (kết luận) của kỳ họp.");
  if (applies(checks, "vote") && r.resolution && !r.resolution->vote)
    miss("vote", "resolution.vote", "Chưa ghi kết quả biểu quyết nghị quyết.");
  if (applies(checks, "vote") && r.resolution && r.resolution->vote && !validateVote(*r.resolution->vote).ok())
    miss("vote", "resolution.vote", "Kết quả biểu quyết không hợp lệ.");

  if (applies(checks, "tasks")) {
    // A monthly resolution must assign at least one task; other kinds may assign none.
    bool must_assign = r.meeting.kind == MeetingKind::regular || r.meeting.kind == MeetingKind::combined;
    if (must_assign && r.new_tasks.empty())
      miss("tasks", "new_tasks", "Chưa phân công nhiệm vụ nào.");
    for (size_t i = 0; i < r.new_tasks.size(); ++i) {
      const auto& t = r.new_tasks[i];
      if (t.assignee_member_ids.empty())
        miss("tasks", at("new_tasks", i, "assignee_member_ids"),
             "Nhiệm vụ \"" + t.description + "\" chưa giao cho đảng viên nào.");
      if (!t.deadline)
        miss("tasks", at("new_tasks", i, "deadline"), "Nhiệm vụ \"" + t.description + "\" chưa có thời hạn.");
    }
  }
  if (!r.minutes_read_back)
    miss("minutes_read_back", "minutes_read_back", "Thư ký chưa đọc lại biên bản trước khi bế mạc.");

  CompletenessReport rep;
  rep.checks = static_cast<int>(checks.size());
  std::set<std::string> failed;
  for (const auto& i : out) failed.insert(i.code);
  rep.failed_checks = static_cast<int>(failed.size());
  rep.missing = std::move(out);
  return rep;
}

}  // namespace chibo
