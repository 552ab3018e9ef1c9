#include "export/xlsx_builder.h"

#include <gtest/gtest.h>

#include "export/zip_writer.h"
#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

using test::TempDir;

XlsxBook sampleBook() {
  XlsxBook b;
  b.title = "Báo cáo sinh hoạt chi bộ tháng 3/2026";
  b.author = "Đảng ủy phường Tân Định";
  XlsxSheet s;
  s.name = "Chuyên cần tháng 3";
  s.title = "Tỷ lệ đảng viên dự sinh hoạt — tháng 3/2026";
  s.header = {"STT", "Chi bộ", "Ngày họp", "Phải dự", "Có mặt", "Tỷ lệ"};
  s.column_widths = {6, 28, 12, 10, 10, 10};
  s.rows = {
      {int64_t{1}, std::string("Chi bộ Khu phố 1"), *Date::fromYmd(2026, 3, 5), int64_t{20}, int64_t{18}, XlsxPercent{0.9}},
      {int64_t{2}, std::string("Chi bộ Khu phố Đông Hưng Thuận"), *Date::fromYmd(2026, 3, 12), int64_t{19},
       int64_t{17}, XlsxPercent{17.0 / 19}},
      {int64_t{3}, std::string("Chi bộ Trường THCS Lê Quý Đôn"), std::monostate{}, int64_t{0}, int64_t{0}, 2.5},
  };
  b.sheets.push_back(s);
  XlsxSheet t;
  t.name = "Nhiệm vụ";
  t.header = {"Nhiệm vụ", "Người thực hiện"};
  t.rows = {{std::string("Vận động quỹ vì người nghèo"), std::string("Đồng chí Nguyễn Thị Ước")}};
  b.sheets.push_back(t);
  return b;
}

TEST(XlsxBuilder, WritesAZipWithTheSheetsAndUtf8Strings) {
  auto x = buildXlsx(sampleBook());
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->substr(0, 2), "PK");
  auto wb = unzipEntry(*x, "xl/workbook.xml");
  ASSERT_TRUE(wb.ok());
  EXPECT_NE(wb->find("name=\"Chuyên cần tháng 3\""), std::string::npos);
  EXPECT_NE(wb->find("name=\"Nhiệm vụ\""), std::string::npos);
  auto strings = unzipEntry(*x, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings.ok());
  EXPECT_NE(strings->find("Chi bộ Khu phố Đông Hưng Thuận"), std::string::npos);
  auto sheet1 = unzipEntry(*x, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet1.ok());
  EXPECT_NE(sheet1->find("<pane ySplit=\"3\""), std::string::npos) << "header row (row 3) frozen";
  EXPECT_NE(sheet1->find("<mergeCell ref=\"A1:F1\"/>"), std::string::npos);
  auto styles = unzipEntry(*x, "xl/styles.xml");
  EXPECT_NE(styles->find("dd/mm/yyyy"), std::string::npos);
  EXPECT_NE(styles->find("0.0%"), std::string::npos);
  EXPECT_NE(unzipEntry(*x, "docProps/core.xml")->find("Báo cáo sinh hoạt chi bộ tháng 3/2026"), std::string::npos);
}

TEST(XlsxBuilder, LeavesNoTemporaryFileBehind) {
  auto before = test::run("ls " + std::filesystem::temp_directory_path().string() + " | grep -c chibo-xlsx-");
  auto x = buildXlsx(sampleBook());
  ASSERT_TRUE(x.ok());
  auto after = test::run("ls " + std::filesystem::temp_directory_path().string() + " | grep -c chibo-xlsx-");
  EXPECT_EQ(before, after);
}

TEST(XlsxBuilder, RejectsBadAndDuplicateSheetNames) {
  XlsxBook b;
  b.sheets.resize(4);
  b.sheets[0].name = "Tháng 3/2026";                               // '/' not allowed
  b.sheets[1].name = std::string(32, 'a');                         // too long
  b.sheets[2].name = "Nhiệm vụ";
  b.sheets[3].name = "NHIỆM VỤ";                                    // same ignoring case
  auto x = buildXlsx(b);
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().kind, ErrorKind::validation);
  const auto& fe = x.error().field_errors;
  ASSERT_EQ(fe.size(), 3u);
  EXPECT_EQ(fe[0].field, "sheets[0].name");
  EXPECT_EQ(fe[1].field, "sheets[1].name");
  EXPECT_EQ(fe[2].field, "sheets[3].name");
  EXPECT_EQ(fe[2].code, "duplicate");
  // 31 Vietnamese characters are fine even though they are more than 31 bytes.
  XlsxBook ok;
  ok.sheets.push_back({"Đảng viên chuyển sinh hoạt đến ", "", {}, {}, {}});
  EXPECT_TRUE(buildXlsx(ok).ok());
  EXPECT_FALSE(buildXlsx(XlsxBook{}).ok());
}

TEST(XlsxBuilder, OneColumnSheetWithTitle) {
  XlsxBook b;
  b.sheets.push_back({"Danh sách", "Danh sách đảng viên", {"Họ và tên"}, {{std::string("Lê Thị Ơn")}}, {30}});
  EXPECT_TRUE(buildXlsx(b).ok());
}

TEST(XlsxBuilder, LibreOfficeReadsNumbersDatesAndVietnamese) {
  CHIBO_REQUIRE_SOFFICE();
  TempDir dir;
  auto x = buildXlsx(sampleBook());
  ASSERT_TRUE(x.ok());
  test::writeFile(dir.file("report.xlsx"), *x);
  // UTF-8 (76), comma-separated, formatted as shown, every sheet to its own file (-1).
  std::string filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
  test::sofficeConvert(dir.file("report.xlsx"), filter, "csv", dir.path.string());
  std::string csv = test::readFile(dir.file("report-Chuyên cần tháng 3.csv"));
  ASSERT_FALSE(csv.empty()) << "soffice produced no CSV for the first sheet";
  EXPECT_NE(csv.find("Tỷ lệ đảng viên dự sinh hoạt — tháng 3/2026"), std::string::npos) << csv;
  EXPECT_NE(csv.find("STT,Chi bộ,Ngày họp,Phải dự,Có mặt,Tỷ lệ"), std::string::npos) << csv;
  EXPECT_NE(csv.find("1,Chi bộ Khu phố 1,05/03/2026,20,18,90.0%"), std::string::npos) << csv;
  EXPECT_NE(csv.find("2,Chi bộ Khu phố Đông Hưng Thuận,12/03/2026,19,17,89.5%"), std::string::npos) << csv;
  EXPECT_NE(csv.find("3,Chi bộ Trường THCS Lê Quý Đôn,,0,0,2.5"), std::string::npos) << csv;
  std::string tasks = test::readFile(dir.file("report-Nhiệm vụ.csv"));
  EXPECT_NE(tasks.find("Vận động quỹ vì người nghèo,Đồng chí Nguyễn Thị Ước"), std::string::npos) << tasks;
}

}  // namespace
}  // namespace chibo
