#pragma once
// The papers of the year-end review (HD 43-HD/BTCTW, in the layout of HD 36):
// a member's review form (bản kiểm điểm, the sections of Mẫu 2A/2B/2C as far as
// the sources show them: the year's results, the self-assessment, the level the
// member proposes, the cell's opinion and the committee's decision), and a
// round's result list (a cell's summary list, or the ward's result table).
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"
#include "export/xlsx_builder.h"

namespace chibo {

struct ReviewFormInput {
  DocumentHeading heading;
  int year = 0;
  std::string member_name;
  std::string cell_name;
  std::vector<std::pair<std::string, std::string>> results;  // label, value: the year's record
  std::string self_text;
  std::string self_level;  // "Hoàn thành tốt nhiệm vụ (85 điểm)"; empty = not yet
  std::string cell_opinion;  // "Hoàn thành tốt nhiệm vụ (85 điểm), tán thành 18/20"; empty = not yet
  std::string decision;      // "Hoàn thành nhiệm vụ (65 điểm)"; empty = not yet
  std::vector<std::string> history;  // appeals and earlier decisions, one line each
};

// "BẢN KIỂM ĐIỂM" titled "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm <year>".
// Validation: year outside 1930..9999, no member name.
Result<PartyDocument> buildReviewForm(const ReviewFormInput& in);

struct ReviewResultRow {
  std::string member_name;
  std::string cell_name;
  std::string self_level;     // short forms: "HTTNV"; empty when not given
  std::string cell_level;
  std::string decided_level;
  std::optional<int> points;  // the decided points
};

struct ReviewResultInput {
  DocumentHeading heading;
  int year = 0;
  std::string scope_name;  // "Chi bộ Khu phố 1" or "Đảng ủy phường Tân Định"
  std::vector<ReviewResultRow> rows;  // in the order to print
  std::vector<std::pair<std::string, int>> totals;  // level name, count (decided), in level order
  int not_decided = 0;
  std::vector<std::pair<std::string, std::string>> cells;  // cell name, its level; the ward's table only
  std::vector<Signature> signatures;
};

// "DANH SÁCH" titled "Kết quả xếp loại chất lượng đảng viên năm <year>" with a table
// STT | Họ và tên | Chi bộ | Tự xếp loại | Chi bộ đề nghị | Cấp ủy quyết định | Điểm, the counts per
// level, and the cells' classification when given.
Result<PartyDocument> buildReviewResults(const ReviewResultInput& in);
// The same as a workbook: a sheet of members and, when given, a sheet of cells.
XlsxBook reviewResultsBook(const ReviewResultInput& in);

}  // namespace chibo
