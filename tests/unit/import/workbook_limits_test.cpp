// Bad and hostile files: every one is a clear error, never a crash or a
// gigabyte allocation.
#include <gtest/gtest.h>
#include <zip.h>

#include "import/roster_table.h"
#include "import/workbook.h"
#include "unit/import/fixture_files.h"

using namespace chibo;
using namespace chibo::import;

namespace {

// An .xlsx written with libzip: the minimum parts, the sheet XML given.
std::string makeXlsx(const std::string& sheet, const std::string& strings = "") {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(buf);
  zip_t* z = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  auto add = [&](const char* name, const std::string& data) {
    auto* copy = new std::string(data);  // freed at process exit: a test helper
    zip_source_t* s = zip_source_buffer(z, copy->data(), copy->size(), 0);
    zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
  };
  add("xl/workbook.xml",
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add("xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  if (!strings.empty()) add("xl/sharedStrings.xml", strings);
  add("xl/worksheets/sheet1.xml", sheet);
  zip_close(z);
  zip_source_open(buf);
  zip_source_seek(buf, 0, SEEK_END);
  zip_int64_t n = zip_source_tell(buf);
  zip_source_seek(buf, 0, SEEK_SET);
  std::string out(size_t(n), '\0');
  zip_source_read(buf, out.data(), zip_uint64_t(n));
  zip_source_close(buf);
  zip_source_free(buf);
  return out;
}

const char* kHeader =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t>Ngày sinh</t></is></c></row>";

}  // namespace

TEST(WorkbookLimits, ZipBombIsRefusedBeforeInflating) {
  // 30 MB of spaces inside the sheet compress about 1000 : 1.
  std::string sheet = "<worksheet><sheetData>" + std::string(kHeader) + "</sheetData>" + std::string(30u << 20, ' ') +
                      "</worksheet>";
  auto bytes = makeXlsx(sheet);
  EXPECT_LT(bytes.size(), 200000u);
  auto w = readWorkbook(bytes);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, "archive_too_large");
  EXPECT_EQ(w.error().kind, ErrorKind::too_large);
}

TEST(WorkbookLimits, TotalUncompressedSizeIsCapped) {
  std::string sheet = "<worksheet><sheetData>" + std::string(kHeader) + "</sheetData></worksheet>";
  ReadLimits tight;
  tight.max_uncompressed_bytes = 100;
  auto w = readWorkbook(makeXlsx(sheet), tight);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, "archive_too_large");
}

TEST(WorkbookLimits, InlineStringsFormulasAndMergedHeader) {
  std::string sheet =
      "<worksheet><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c><c r=\"C2\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Lê Văn A</t></is></c><c r=\"B3\"><f>1+1</f></c>"
      "<c r=\"C3\" t=\"str\"><f>\"x\"</f><v>x</v></c></row>"
      "</sheetData><mergeCells><mergeCell ref=\"A2:B2\"/></mergeCells></worksheet>";
  std::string sst = "<sst><si><t>Danh sách</t></si><si><r><t>Ghi </t></r><r><t>chú</t></r><rPh><t>x</t></rPh></si></sst>";
  auto w = readWorkbook(makeXlsx(sheet, sst));
  ASSERT_TRUE(w) << w.error().message;
  ASSERT_EQ(w->rows.size(), 3u);
  EXPECT_EQ(w->rows[1].cells[1].text, "Họ và tên");  // merged A2:B2 shows its value over B2
  EXPECT_EQ(w->rows[1].cells[2].text, "Ghi chú");    // rich text runs joined, phonetic run left out
  EXPECT_TRUE(w->rows[2].cells[1].formula);
  EXPECT_TRUE(w->rows[2].cells[1].empty());  // no cached value
  EXPECT_EQ(w->rows[2].cells[2].text, "x");
  auto t = readRosterTable(makeXlsx(sheet, sst));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->mapping[0], RosterField::full_name);
  EXPECT_EQ(t->mapping[1], RosterField::ignore);  // the merge's second column does not map twice
  EXPECT_EQ(t->mapping[2], RosterField::note);
}

TEST(WorkbookLimits, MalformedFilesAreRefused) {
  auto xlsx = fixtureBytes("ward_roster.xlsx");
  for (size_t cut : {size_t(30), xlsx.size() / 2, xlsx.size() - 10}) {
    auto w = readWorkbook(xlsx.substr(0, cut));
    ASSERT_FALSE(w) << cut;
    EXPECT_EQ(w.error().kind, ErrorKind::bad_request) << cut;
  }
  auto xls = fixtureBytes("ward_roster.xls");
  auto w = readWorkbook(xls.substr(0, xls.size() / 2));
  EXPECT_FALSE(w);
  auto bad = readWorkbook(makeXlsx("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "malformed_workbook");
}

TEST(WorkbookLimits, PasswordProtectedWorkbook) {
  // Excel stores an encrypted .xlsx as an OLE2 file holding an "EncryptedPackage" stream.
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  for (char ch : std::string("EncryptedPackage")) ole += ch, ole += '\0';
  auto w = readWorkbook(ole);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, "password_protected");
}

TEST(WorkbookLimits, TooManyRows) {
  std::string csv = "Họ và tên,Ngày sinh\n";
  for (int i = 0; i < 50101; ++i) csv += "A,01/01/1980\n";
  auto t = readRosterTable(csv);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, "too_many_rows");
  ReadLimits small;
  small.max_file_bytes = 10;
  auto big = readWorkbook(csv, small);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, "file_too_large");
}

TEST(WorkbookLimits, EmptyAndBinaryFiles) {
  EXPECT_EQ(readWorkbook("").error().code, "empty_file");
  EXPECT_EQ(readWorkbook(std::string("abc\0def", 7)).error().code, "not_a_spreadsheet");
}
