// Tasks, their assignees and progress notes, and the reviews later meetings record.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
constexpr const char* kTaskCols =
    "t.id, t.meeting_id, t.resolution_id, t.description, t.deadline_day, t.status, t.reviewed_in_meeting_id, "
    "t.result_note";

Task readTask(const Stmt& s) {
  Task t;
  t.id = s.i64(0);
  t.meeting_id = s.i64(1);
  t.resolution_id = s.optI64(2);
  t.description = s.text(3);
  t.deadline = s.optDate(4);
  t.status = taskStatusFromCode(s.text(5)).value_or(TaskStatus::open);
  t.reviewed_in_meeting_id = s.optI64(6);
  t.result_note = s.text(7);
  return t;
}

void writeAssignees(Conn& c, const Task& t) {
  c.prepare("DELETE FROM task_assignees WHERE task_id = ?1").bind(1, t.id).run();
  int pos = 0;
  for (Id m : t.assignee_member_ids) {
    auto st = c.prepare("INSERT INTO task_assignees (task_id, member_id, position) VALUES (?1, ?2, ?3)");
    st.bind(1, t.id).bind(2, m).bind(3, ++pos).run();
  }
}
}  // namespace

void SqliteTx::fillTasks(std::vector<Task>& tasks) {
  for (auto& t : tasks) {
    {
      auto st = conn_.prepare("SELECT member_id FROM task_assignees WHERE task_id = ?1 ORDER BY position");
      st.bind(1, t.id);
      while (st.step()) t.assignee_member_ids.push_back(st.i64(0));
    }
    auto st = conn_.prepare("SELECT day, text, by_member_id FROM task_progress WHERE task_id = ?1 ORDER BY id");
    st.bind(1, t.id);
    while (st.step()) t.notes.push_back({st.date(0), st.text(1), st.optI64(2)});
  }
}

std::optional<Task> SqliteTx::task(Id id) {
  static const std::string sql = std::string("SELECT ") + kTaskCols + " FROM tasks t WHERE t.id = ?1";
  std::vector<Task> out;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    out.push_back(readTask(st));
  }
  fillTasks(out);
  return out.front();
}

std::vector<Task> SqliteTx::tasksOfMeeting(Id meeting_id) {
  static const std::string sql = std::string("SELECT ") + kTaskCols + " FROM tasks t WHERE t.meeting_id = ?1 ORDER BY t.id";
  std::vector<Task> out;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, meeting_id);
    while (st.step()) out.push_back(readTask(st));
  }
  fillTasks(out);
  return out;
}

std::vector<Task> SqliteTx::pendingTasksBefore(Id org_id, DateTime before) {
  static const std::string sql = std::string("SELECT ") + kTaskCols +
                                 " FROM meetings m JOIN tasks t ON t.meeting_id = m.id"
                                 " WHERE m.org_id = ?1 AND m.planned_start < ?2"
                                 " AND t.status IN ('open', 'late', 'carried_over')"
                                 " ORDER BY m.planned_start, t.id";
  std::vector<Task> out;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, org_id).bind(2, before);
    while (st.step()) out.push_back(readTask(st));
  }
  fillTasks(out);
  return out;
}

std::vector<Task> SqliteTx::tasksOfMember(Id member_id) {
  static const std::string sql = std::string("SELECT ") + kTaskCols +
                                 " FROM task_assignees a JOIN tasks t ON t.id = a.task_id WHERE a.member_id = ?1"
                                 " ORDER BY t.deadline_day IS NULL, t.deadline_day, t.id";
  std::vector<Task> out;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, member_id);
    while (st.step()) out.push_back(readTask(st));
  }
  fillTasks(out);
  return out;
}

std::vector<TaskReview> SqliteTx::taskReviews(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT meeting_id, task_id, outcome, note, at, by_user_id FROM task_reviews WHERE meeting_id = ?1 "
      "ORDER BY task_id");
  st.bind(1, meeting_id);
  std::vector<TaskReview> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), taskStatusFromCode(st.text(2)).value_or(TaskStatus::done), st.text(3),
                   st.instant(4), st.optI64(5)});
  return out;
}

Id SqliteTx::insertTask(const Task& t) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO tasks (meeting_id, resolution_id, description, deadline_day, status, reviewed_in_meeting_id, "
      "result_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, t.meeting_id).bind(2, t.resolution_id).bind(3, t.description).bind(4, t.deadline);
  st.bind(5, toCode(t.status)).bind(6, t.reviewed_in_meeting_id).bind(7, t.result_note).run();
  Task copy = t;
  copy.id = conn_.lastInsertId();
  writeAssignees(conn_, copy);
  return copy.id;
}

void SqliteTx::updateTask(const Task& t) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE tasks SET resolution_id = ?1, description = ?2, deadline_day = ?3, status = ?4, "
      "reviewed_in_meeting_id = ?5, result_note = ?6, version = version + 1 WHERE id = ?7");
  st.bind(1, t.resolution_id).bind(2, t.description).bind(3, t.deadline).bind(4, toCode(t.status));
  st.bind(5, t.reviewed_in_meeting_id).bind(6, t.result_note).bind(7, t.id).run();
  writeAssignees(conn_, t);
}

void SqliteTx::insertProgressNote(Id task_id, const ProgressNote& n, DateTime at) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO task_progress (task_id, day, text, by_member_id, at) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, task_id).bind(2, n.on).bind(3, n.text).bind(4, n.by_member_id).bind(5, at).run();
}

void SqliteTx::upsertTaskReview(const TaskReview& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO task_reviews (meeting_id, task_id, outcome, note, at, by_user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (meeting_id, task_id) DO UPDATE SET outcome = ?3, note = ?4, at = ?5, by_user_id = ?6");
  st.bind(1, r.meeting_id).bind(2, r.task_id).bind(3, toCode(r.outcome)).bind(4, r.note).bind(5, r.at);
  st.bind(6, r.by_user_id).run();
}


// The daily reminder pass's tasks (0014), read through tasks_pending_deadline.
std::vector<Task> SqliteTx::pendingTasksDueBetween(Date from, Date to) {
  static const std::string sql = std::string("SELECT ") + kTaskCols +
                                 " FROM tasks t WHERE t.deadline_day IS NOT NULL AND t.deadline_day BETWEEN ?1 AND ?2"
                                 " AND t.status IN ('open', 'late', 'carried_over') ORDER BY t.deadline_day, t.id";
  std::vector<Task> out;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, from).bind(2, to);
    while (st.step()) out.push_back(readTask(st));
  }
  fillTasks(out);
  return out;
}
}  // namespace chibo::sqlite
