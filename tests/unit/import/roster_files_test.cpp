// The fixtures LibreOffice made (tests/fixtures/roster/make_fixtures.py): the
// same six-row ward roster as .xlsx, .xls, TCVN3 .xls, VNI/Windows-1258/UTF-8
// CSV. Every one must read to the same table.
#include <gtest/gtest.h>

#include "import/cell_values.h"
#include "import/roster_table.h"
#include "unit/import/fixture_files.h"

using namespace chibo;
using namespace chibo::import;

namespace {

const std::vector<std::string> kNames = {"Trần Thị Ánh Tuyết", "Lê Văn Bảy", "Nguyễn Hoàng Phúc", "Phạm Thị Thu Hà",
                                         "Võ Minh Tâm"};

std::string col(const RosterTable& t, const RawRow& r, RosterField f) {
  for (size_t i = 0; i < t.mapping.size(); ++i)
    if (t.mapping[i] == f) return i < r.cells.size() ? cellText(r.cells[i]) : "";
  return "<unmapped>";
}
std::string date(const RosterTable& t, const RawRow& r, RosterField f) {
  for (size_t i = 0; i < t.mapping.size(); ++i)
    if (t.mapping[i] == f) {
      if (i >= r.cells.size() || r.cells[i].empty()) return "<empty>";
      auto d = cellDate(r.cells[i]);
      return d && *d ? (*d)->iso() : "?";
    }
  return "<unmapped>";
}

// FreeXL does not read formula results: in an .xls a formula cell (here =DATE(1985;7;15)) is empty.
void expectWardRoster(const RosterTable& t, bool formulas_read = true) {
  EXPECT_EQ(t.header_row, 3);  // a merged title on row 1, an empty row 2
  ASSERT_EQ(t.rows.size(), 5u);  // the empty row in the middle is gone
  for (size_t i = 0; i < kNames.size(); ++i) EXPECT_EQ(col(t, t.rows[i], RosterField::full_name), kNames[i]) << i;
  EXPECT_EQ(t.mapping[0], RosterField::ignore);  // STT, formulas
  EXPECT_EQ(date(t, t.rows[0], RosterField::birth_date), "1975-05-12");
  EXPECT_EQ(date(t, t.rows[1], RosterField::birth_date), "1968-09-02");
  EXPECT_EQ(date(t, t.rows[2], RosterField::admission_date), "2015-09-02");
  EXPECT_EQ(date(t, t.rows[2], RosterField::official_date), "2016-09-02");
  EXPECT_EQ(date(t, t.rows[4], RosterField::birth_date), formulas_read ? "1985-07-15" : "<empty>");  // =DATE(1985;7;15)
  EXPECT_EQ(col(t, t.rows[1], RosterField::cell), "Khu phố 2");
  EXPECT_EQ(col(t, t.rows[1], RosterField::note), "Cựu chiến binh");
  EXPECT_EQ(col(t, t.rows[1], RosterField::party_position), "Chi ủy viên");
  EXPECT_EQ(col(t, t.rows[2], RosterField::subgroup), "Tổ đảng 2");
}

}  // namespace

TEST(RosterFiles, XlsxFromLibreOffice) {
  auto t = readRosterTable(fixtureBytes("ward_roster.xlsx"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->format, "xlsx");
  EXPECT_EQ(t->encoding, LegacyEncoding::none);
  expectWardRoster(*t);
  // A citizen ID typed as a number lost its leading zero in the sheet.
  EXPECT_EQ(cellDigits(t->rows[0].cells[5], 12), "079175001234");
}

TEST(RosterFiles, XlsFromLibreOffice) {
  auto t = readRosterTable(fixtureBytes("ward_roster.xls"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->format, "xls");
  expectWardRoster(*t, false);
}

TEST(RosterFiles, Tcvn3XlsIsConverted) {
  auto t = readRosterTable(fixtureBytes("ward_roster_tcvn3.xls"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->encoding, LegacyEncoding::tcvn3);
  EXPECT_GT(t->converted_cells, 20);
  expectWardRoster(*t, false);
}

TEST(RosterFiles, VniCsvIsConverted) {
  auto t = readRosterTable(fixtureBytes("ward_roster_vni.csv"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->format, "csv");
  EXPECT_EQ(t->encoding, LegacyEncoding::vni);
  EXPECT_EQ(t->header_row, 1);
  ASSERT_EQ(t->rows.size(), 5u);
  for (size_t i = 0; i < kNames.size(); ++i) EXPECT_EQ(col(*t, t->rows[i], RosterField::full_name), kNames[i]);
  EXPECT_EQ(col(*t, t->rows[1], RosterField::party_position), "Chi ủy viên");
}

TEST(RosterFiles, Windows1258CsvIsConverted) {
  auto t = readRosterTable(fixtureBytes("ward_roster_cp1258.csv"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->encoding, LegacyEncoding::cp1258);
  ASSERT_EQ(t->rows.size(), 5u);
  for (size_t i = 0; i < kNames.size(); ++i) EXPECT_EQ(col(*t, t->rows[i], RosterField::full_name), kNames[i]);
}

TEST(RosterFiles, Utf8BomCsv) {
  auto t = readRosterTable(fixtureBytes("ward_roster_bom.csv"));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->encoding, LegacyEncoding::none);
  ASSERT_EQ(t->rows.size(), 5u);
  EXPECT_EQ(col(*t, t->rows[0], RosterField::full_name), kNames[0]);
  EXPECT_EQ(col(*t, t->rows[1], RosterField::cell), "Khu phố 2");
}

TEST(RosterFiles, UserMappingWinsOverDetection) {
  // Column 12 (Ghi chú) re-mapped to "Nơi công tác"; column 11 (Chức vụ) ignored.
  auto t = readRosterTable(fixtureBytes("ward_roster.xlsx"), {},
                           {{12, RosterField::workplace}, {11, RosterField::ignore}});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->mapping[12], RosterField::workplace);
  EXPECT_EQ(t->mapping[11], RosterField::ignore);
  EXPECT_EQ(col(*t, t->rows[1], RosterField::workplace), "Cựu chiến binh");
}

TEST(RosterFiles, TwoColumnsForOneFieldIsRefused) {
  auto t = readRosterTable(fixtureBytes("ward_roster.xlsx"), {}, {{12, RosterField::full_name}});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().field_errors.at(0).code, "duplicate_mapping");
}

TEST(RosterFiles, CsvSemicolonsQuotesAndNumberingRow) {
  std::string csv =
      "Họ và tên;Ngày sinh;Ghi chú\r\n(1);(2);(3)\r\n\"Nguyễn Văn \"\"Út\"\"\";01/02/1970;\"hai\ndòng\"\r\n;;\r\nLê B;1971-03-04;\r\n";
  auto t = readRosterTable(csv);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(col(*t, t->rows[0], RosterField::full_name), "Nguyễn Văn \"Út\"");
  EXPECT_EQ(col(*t, t->rows[0], RosterField::note), "hai dòng");
  EXPECT_EQ(t->rows[1].number, 6);  // line numbers count the line inside quotes
}

TEST(RosterFiles, NoHeaderIsAClearError) {
  auto t = readRosterTable(std::string("a,b,c\n1,2,3\n"));
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().field_errors.at(0).code, "no_header");
}
