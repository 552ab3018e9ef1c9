#include "domain/meeting/task.h"

#include <set>

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<TaskStatus>, 5> kStatuses{{
    {TaskStatus::open, "open", "Đang thực hiện"},
    {TaskStatus::done, "done", "Hoàn thành"},
    {TaskStatus::late, "late", "Chậm tiến độ"},
    {TaskStatus::carried_over, "carried_over", "Chuyển sang kỳ sau"},
    {TaskStatus::dropped, "dropped", "Không thực hiện"},
}};
}  // namespace

std::string_view toCode(TaskStatus s) { return detail::enumCode(kStatuses, s); }
std::optional<TaskStatus> taskStatusFromCode(std::string_view c) { return detail::enumFromCode(kStatuses, c); }
std::string_view label(TaskStatus s) { return detail::enumLabel(kStatuses, s); }

bool isPending(TaskStatus s) {
  return s == TaskStatus::open || s == TaskStatus::late || s == TaskStatus::carried_over;
}

Status validateTask(const Task& t, std::string_view prefix) {
  std::string p(prefix);
  Validator v;
  if (t.description.empty()) v.add(p + "description", "required", "Chưa ghi nội dung nhiệm vụ.");
  if (t.assignee_member_ids.empty()) {
    v.add(p + "assignee_member_ids", "required", "Nhiệm vụ phải giao cho ít nhất một đảng viên.");
  } else {
    std::set<Id> ids(t.assignee_member_ids.begin(), t.assignee_member_ids.end());
    if (ids.size() != t.assignee_member_ids.size())
      v.add(p + "assignee_member_ids", "duplicate", "Một đảng viên được ghi hai lần.");
  }
  if (!t.deadline) v.add(p + "deadline", "required", "Nhiệm vụ phải có thời hạn hoàn thành.");
  if (!v.ok()) return v.error();
  return okStatus();
}

std::vector<Task> tasksToCarry(const std::vector<Task>& tasks) {
  std::vector<Task> out;
  for (const auto& t : tasks)
    if (isPending(t.status)) out.push_back(t);
  return out;
}

bool isOverdue(const Task& t, Date at) { return isPending(t.status) && t.deadline && *t.deadline < at; }

std::vector<Task> overdueTasks(const std::vector<Task>& tasks, Date at) {
  std::vector<Task> out;
  for (const auto& t : tasks)
    if (isOverdue(t, at)) out.push_back(t);
  return out;
}

std::vector<Task> unreviewedTasks(const std::vector<Task>& tasks) {
  std::vector<Task> out;
  for (const auto& t : tasks)
    if (!t.reviewed_in_meeting_id) out.push_back(t);
  return out;
}

}  // namespace chibo
