#pragma once
// The year's tasks of a cell (danh sách nhiệm vụ năm), gathered from the
// monthly resolutions, for the year-end review and the annual evaluation.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo {

struct TaskRow {
  std::string task;
  std::string assignee;
  std::optional<Date> due;  // none = ongoing ("Thường xuyên")
  std::string source;       // the resolution that set it, e.g. "NQ 03-NQ/CB"; optional
  std::string status;       // "Hoàn thành", "Chưa hoàn thành", ...; optional
};

struct TaskListInput {
  DocumentHeading heading;
  int year = 0;
  std::vector<TaskRow> tasks;
  std::vector<Signature> signatures;  // usually {"T/M CHI ỦY", "BÍ THƯ", name}
};

// A "DANH SÁCH" titled "Nhiệm vụ năm <year>": tasks sorted by due date (stable;
// ongoing tasks last) in a table STT | Nội dung nhiệm vụ | Người thực hiện |
// Thời hạn | Căn cứ | Kết quả, then a count per status in order of first
// appearance. Validation errors: year outside 1930..9999, a task without text.
Result<PartyDocument> buildTaskList(const TaskListInput& in);

}  // namespace chibo
