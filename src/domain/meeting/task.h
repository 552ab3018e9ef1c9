#pragma once
// A task (nhiệm vụ) the meeting assigns, and its follow-up: every task of one
// month's resolution is reviewed at the next meeting (R-RES-1).
//
// Design notes:
// - `late` is an outcome recorded at a review ("chậm, chưa xong"): the task is
//   still pending. Pending = open, late or carried_over; those go onto the next
//   meeting's agenda. done and dropped are closed.
// - "Reviewed" means a later meeting recorded an outcome: reviewed_in_meeting_id
//   is set. The status alone does not say which meeting looked at it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/result.h"

namespace chibo {

enum class TaskStatus {
  open,          // đang thực hiện
  done,          // hoàn thành
  late,          // chậm tiến độ (still pending)
  carried_over,  // chuyển sang kỳ sau
  dropped,       // không thực hiện nữa
};

struct ProgressNote {
  Date on;
  std::string text;
  std::optional<Id> by_member_id;
};

struct Task {
  Id id = 0;
  Id meeting_id = 0;  // the meeting that assigned it
  std::optional<Id> resolution_id;
  std::string description;
  std::vector<Id> assignee_member_ids;  // at least one
  std::optional<Date> deadline;
  TaskStatus status = TaskStatus::open;
  std::optional<Id> reviewed_in_meeting_id;  // the later meeting that recorded an outcome
  std::string result_note;
  std::vector<ProgressNote> notes;
};

std::string_view toCode(TaskStatus);
std::optional<TaskStatus> taskStatusFromCode(std::string_view);
std::string_view label(TaskStatus);  // "Đang thực hiện", "Hoàn thành", ...

// True for open, late and carried_over.
bool isPending(TaskStatus);

// Field errors under `prefix` (e.g. "tasks[2]."): description required,
// assignee_member_ids required (at least one) / duplicate, deadline required.
Status validateTask(const Task&, std::string_view prefix = "");

// Pending tasks, in input order: what the next meeting's agenda reviews.
std::vector<Task> tasksToCarry(const std::vector<Task>& tasks);

// Pending with a deadline strictly before `at`.
bool isOverdue(const Task&, Date at);
std::vector<Task> overdueTasks(const std::vector<Task>& tasks, Date at);

// Tasks no later meeting has reviewed yet (reviewed_in_meeting_id unset).
std::vector<Task> unreviewedTasks(const std::vector<Task>& tasks);

}  // namespace chibo
