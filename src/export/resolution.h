#pragma once
// The monthly nghị quyết of a cell, in the Cẩm Lệ structure of domain.md §2.6:
// opening paragraph; I. Đánh giá kết quả (task table against the previous
// resolution); II. Phương hướng nhiệm vụ; III. Phân công và tổ chức thực hiện;
// IV. Tự đánh giá chất lượng; the vote line; Nơi nhận; T/M CHI ỦY – BÍ THƯ.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo {

// One task of the previous resolution and what became of it.
struct PreviousTaskLine {
  std::string task;    // as the previous resolution worded it
  std::string result;  // what was done
  std::string status;  // "Hoàn thành", "Chưa hoàn thành", "Đang thực hiện"
};

// One task assigned by this resolution.
struct Assignment {
  std::string task;
  std::string assignee;     // "Đồng chí Trần Thị Bình" or "Chi ủy"
  std::optional<Date> due;  // none = "Thường xuyên" (ongoing)
};

struct ResolutionInput {
  DocumentHeading heading;  // number like "Số 01-NQ/CB"
  std::string period;       // "tháng 3/2026": the title reads "Lãnh đạo thực hiện nhiệm vụ " + period

  // Opening paragraph.
  DateTime start;
  std::optional<DateTime> end;
  std::string place;
  int expected = 0;  // đảng viên phải dự
  int present = 0;
  std::string chair;      // name
  std::string secretary;  // name
  std::string dues_status;  // optional

  // I. Đánh giá kết quả.
  std::string previous_resolution;  // "Nghị quyết số 12-NQ/CB ngày 05/02/2026"; optional
  std::vector<PreviousTaskLine> previous_tasks;
  std::vector<std::string> strengths;   // ưu điểm
  std::vector<std::string> weaknesses;  // hạn chế, nguyên nhân

  // II and III.
  std::vector<std::string> directions;
  std::vector<Assignment> assignments;

  // IV. e.g. "Tốt" / "Khá" / "Trung bình" / "Kém" (scale is set locally, §2.8).
  std::string quality_rating;
  std::string quality_note;  // optional, e.g. the score

  VoteTally vote;
  std::vector<std::string> recipients;  // empty = defaultResolutionRecipients()
  Signature signer{"T/M CHI ỦY", "BÍ THƯ", ""};
};

// The usual Nơi nhận of a monthly resolution (domain.md §2.6).
std::vector<std::string> defaultResolutionRecipients();

// The resolution as a PartyDocument (doc_type "NGHỊ QUYẾT"). The vote line
// reads "Nghị quyết được Chi bộ biểu quyết thông qua với 18/20 đồng chí tán
// thành (90%), ...". Validation errors: period, chair, secretary or signer name
// missing; present outside 0..expected; an empty task; impossible vote numbers.
Result<PartyDocument> buildResolution(const ResolutionInput& in);

}  // namespace chibo
