#include "export/task_list.h"

#include <algorithm>

#include "export/text.h"

namespace chibo {

Result<PartyDocument> buildTaskList(const TaskListInput& in) {
  Validator v;
  if (in.year < 1930 || in.year > 9999) v.add("year", "out_of_range", "Năm không hợp lệ.");
  for (size_t i = 0; i < in.tasks.size(); ++i)
    if (trimAscii(in.tasks[i].task).empty())
      v.add("tasks[" + std::to_string(i) + "].task", "required", "Chưa ghi nội dung nhiệm vụ.");
  if (!v.ok()) return v.error();

  std::vector<TaskRow> tasks = in.tasks;
  std::stable_sort(tasks.begin(), tasks.end(), [](const TaskRow& a, const TaskRow& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();  // dated first
    return a.due && *a.due < *b.due;
  });

  PartyDocument d = startDocument(in.heading, "DANH SÁCH", "Nhiệm vụ năm " + std::to_string(in.year));
  Table t;
  t.header = {"STT", "Nội dung nhiệm vụ", "Người thực hiện", "Thời hạn", "Căn cứ", "Kết quả"};
  t.widths = {0.9, 3.8, 2.0, 1.4, 1.4, 1.5};
  t.align = {Align::centre, Align::left, Align::left, Align::centre, Align::centre, Align::centre};
  // Status counts in order of first appearance, so the summary follows the table.
  std::vector<std::pair<std::string, int>> byStatus;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& r = tasks[i];
    t.rows.push_back({std::to_string(i + 1), r.task, r.assignee, r.due ? r.due->vn() : "Thường xuyên", r.source,
                      r.status});
    std::string s = r.status.empty() ? "chưa đánh giá" : r.status;
    auto it = std::find_if(byStatus.begin(), byStatus.end(), [&](const auto& p) { return p.first == s; });
    if (it == byStatus.end()) byStatus.push_back({s, 1});
    else ++it->second;
  }
  d.body.push_back(t);
  std::string summary = "Tổng số: " + std::to_string(tasks.size()) + " nhiệm vụ";
  for (const auto& [status, n] : byStatus) summary += "; " + status + ": " + std::to_string(n);
  d.body.push_back(plainParagraph(summary + "."));
  d.signatures = in.signatures;
  return d;
}

}  // namespace chibo
