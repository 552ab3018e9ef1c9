// The monthly briefing of the ward (issue 5 §4): the XLSX opened by
// LibreOffice agrees with the dashboard to the unit, cell by cell and in
// total, with the Vietnamese names intact; the PDF reads back in Vietnamese.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class DocumentsBriefingTest : public OversightTest {
 protected:
  static std::string monthParam(Date first) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", first.year(), first.month());
    return buf;
  }
};

TEST_F(DocumentsBriefingTest, XlsxAgreesWithTheDashboardToTheUnit) {
  if (!have("soffice")) GTEST_SKIP() << "LibreOffice (soffice) is not installed: cannot open the XLSX with a real reader";
  auto c = as("canbo.phuong");
  auto [first, last] = lastMonth();
  auto dash = c.get(rollupPath(ward_, first, last));
  ASSERT_EQ(dash.status, 200) << dash.raw;
  auto file = rawGet(&c, "/api/v1/orgs/" + std::to_string(ward_) + "/reports/briefing.xlsx?month=" + monthParam(first));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto cd = file.header("Content-Disposition");
  EXPECT_NE(cd.find("attachment; filename=\"bao-cao-giao-ban-"), std::string::npos) << cd;
  EXPECT_NE(percentDecoded(cd).find("filename*=UTF-8''Báo cáo giao ban"), std::string::npos) << cd;
  auto rows = xlsxRows(file.body);
  ASSERT_GT(rows.size(), 20u) << "LibreOffice could not convert the workbook";
  // The title row, then the header row.
  EXPECT_NE(rows[0][0].find("Đảng ủy phường Tân Định"), std::string::npos) << rows[0][0];
  size_t h = 0;
  while (h < rows.size() && (rows[h].size() < 2 || rows[h][1] != "Chi bộ")) ++h;
  ASSERT_LT(h, rows.size()) << "no header row";
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[h].size(); ++i) col[rows[h][i]] = i;
  const std::vector<std::pair<std::string, std::string>> keys{
      {"Phải sinh hoạt", "meetings_due"},     {"Đã sinh hoạt", "meetings_held"},
      {"Đúng kỳ", "meetings_on_time"},         {"Số cuộc họp", "meetings_total"},
      {"Đảng viên phải dự", "expected"},       {"Có mặt", "present"},
      {"Vắng không lý do", "unexcused_absences"}, {"Số người phát biểu", "speakers"},
      {"Nghị quyết", "resolutions"},           {"Nhiệm vụ đúng hạn", "tasks_on_time"},
      {"Nhiệm vụ chậm", "tasks_late"},         {"Nhiệm vụ đang thực hiện", "tasks_open"},
      {"Cấp ủy viên dự", "monitor_attended"}};
  for (const auto& [header, key] : keys) ASSERT_TRUE(col.count(header)) << header;
  std::map<std::string, json::object> cells;
  for (auto& ch : dash.obj().at("children").as_array())
    cells[std::string(ch.as_object().at("name").as_string())] = ch.as_object();
  size_t matched = 0;
  bool total_seen = false;
  for (size_t r = h + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < col.size()) continue;
    const json::object* fig = nullptr;
    if (row[1] == "Tổng cộng") {
      fig = &dash.obj();
      total_seen = true;
    } else if (auto it = cells.find(row[1]); it != cells.end()) {
      fig = &it->second;
      ++matched;
    } else {
      ADD_FAILURE() << "row names no cell of the dashboard: " << row[1];
      continue;
    }
    for (const auto& [header, key] : keys)
      EXPECT_EQ(row[col[header]], std::to_string(num(*fig, key))) << row[1] << " / " << header;
  }
  EXPECT_EQ(matched, cells.size());
  EXPECT_TRUE(total_seen);
}

TEST_F(DocumentsBriefingTest, PdfReadsBackInVietnameseWithTheTotals) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto c = as("canbo.phuong");
  auto [first, last] = lastMonth();
  auto dash = c.get(rollupPath(ward_, first, last)).obj();
  auto file = rawGet(&c, "/api/v1/orgs/" + std::to_string(ward_) + "/reports/briefing.pdf?month=" + monthParam(first));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/pdf");
  auto text = pdfText(file.body);
  std::string period = "tháng " + std::to_string(first.month()) + "/" + std::to_string(first.year());
  for (std::string s : {std::string("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string("ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH"), std::string("BÁO CÁO"),
                        "Kết quả sinh hoạt chi bộ " + period, std::string("Tổng cộng"), std::string("Tốt nhất:"),
                        std::string("Cần quan tâm:")})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  std::string sentence = "Đảng viên dự họp " + std::to_string(num(dash, "present")) + "/" +
                         std::to_string(num(dash, "expected")) + " lượt";
  EXPECT_NE(text.find(sentence), std::string::npos) << sentence;
  std::string held = std::to_string(num(dash, "meetings_held")) + "/" + std::to_string(num(dash, "meetings_due")) +
                     " chi bộ phải sinh hoạt";
  EXPECT_NE(text.find(held), std::string::npos) << held;
}

TEST_F(DocumentsBriefingTest, OnlyReadersOfTheCommitteeGetItsBriefing) {
  auto c = as("canbo.phuong");
  std::string q = "/reports/briefing.xlsx?month=2026-01";
  EXPECT_EQ(rawGet(&c, "/api/v1/orgs/" + std::to_string(ward_) + "/reports/briefing.xlsx?month=2026-13").status, 422);
  auto monitor = as("giamsat.phuong");
  EXPECT_EQ(rawGet(&monitor, "/api/v1/orgs/" + std::to_string(ward_) + q).status, 404);
  auto sec = as("bithu.kp1");
  EXPECT_EQ(rawGet(&sec, "/api/v1/orgs/" + std::to_string(ward_) + q).status, 404);
  auto cell = c.get("/api/v1/orgs/" + std::to_string(kp1_) + q);
  EXPECT_EQ(cell.status, 422);
  EXPECT_EQ(cell.code(), "not_a_committee");
}

}  // namespace chibo::testing
