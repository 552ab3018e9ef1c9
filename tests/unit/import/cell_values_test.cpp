#include <gtest/gtest.h>

#include "import/cell_values.h"
#include "import/roster_columns.h"

using namespace chibo;
using namespace chibo::import;

namespace {
RawCell text(std::string s) { RawCell c; c.text = std::move(s); return c; }
RawCell number(double d) { RawCell c; c.is_number = true; c.number = d; c.text = std::to_string(d); return c; }
std::string iso(const RawCell& c) {
  auto d = cellDate(c);
  if (!d) return "error";
  return *d ? (*d)->iso() : "none";
}
}  // namespace

TEST(CellValues, DatesInEveryWardSpelling) {
  EXPECT_EQ(iso(text("05/03/1980")), "1980-03-05");
  EXPECT_EQ(iso(text("5/3/1980")), "1980-03-05");
  EXPECT_EQ(iso(text("05-03-1980")), "1980-03-05");
  EXPECT_EQ(iso(text("05.03.1980")), "1980-03-05");
  EXPECT_EQ(iso(text("1980-03-05")), "1980-03-05");
  EXPECT_EQ(iso(text("1980-03-05 00:00:00")), "1980-03-05");
  EXPECT_EQ(iso(text("05/03/1980 00:00")), "1980-03-05");
  EXPECT_EQ(iso(text("")), "none");
}

TEST(CellValues, ExcelSerialDays) {
  EXPECT_EQ(iso(number(33000)), "1990-05-07");
  EXPECT_EQ(iso(number(27526)), "1975-05-12");
  EXPECT_EQ(iso(number(27526.75)), "1975-05-12");  // a time of day is dropped
  EXPECT_EQ(iso(number(61)), "1900-03-01");        // after the phantom 29/02/1900
  EXPECT_EQ(iso(number(0)), "error");
  EXPECT_EQ(iso(text("33000")), "1990-05-07");  // a CSV saved from an unformatted date column
}

TEST(CellValues, RefusesWhatIsNotADate) {
  EXPECT_EQ(iso(text("31/02/1980")), "error");
  EXPECT_EQ(iso(text("1980")), "error");
  EXPECT_EQ(iso(text("05/03/80")), "error");  // two-digit years are not guessed
  EXPECT_EQ(iso(text("tháng 3")), "error");
  EXPECT_EQ(iso(text("1980-13-01")), "error");
}

TEST(CellValues, Genders) {
  EXPECT_EQ(*cellGender(text("Nam")).value(), Gender::male);
  EXPECT_EQ(*cellGender(text("NỮ")).value(), Gender::female);
  EXPECT_EQ(*cellGender(text("nu")).value(), Gender::female);
  EXPECT_FALSE(cellGender(text("")).value().has_value());
  EXPECT_FALSE(cellGender(text("x")).ok());
}

TEST(CellValues, DigitsGetBackTheirLeadingZero) {
  EXPECT_EQ(cellDigits(number(79175001234), 12), "079175001234");
  EXPECT_EQ(cellDigits(text("079 175 001 234"), 12), "079175001234");
  EXPECT_EQ(cellDigits(number(903123456), 10), "0903123456");
  EXPECT_EQ(cellDigits(text("79175001234"), 12), "079175001234");  // the same cell written to CSV
  EXPECT_EQ(cellDigits(text("7917500123"), 12), "7917500123");      // two short: not guessed
  EXPECT_EQ(cellDigits(text("79001234"), 0), "79001234");
}

TEST(RosterColumns, HeadersInAnyCaseWithOrWithoutAccents) {
  EXPECT_EQ(fieldForHeader("HỌ VÀ TÊN"), RosterField::full_name);
  EXPECT_EQ(fieldForHeader("Họ tên"), RosterField::full_name);
  EXPECT_EQ(fieldForHeader("ho va ten"), RosterField::full_name);
  EXPECT_EQ(fieldForHeader("Ngay sinh"), RosterField::birth_date);
  EXPECT_EQ(fieldForHeader("Giới tính"), RosterField::gender);
  EXPECT_EQ(fieldForHeader("Ngày vào Đảng"), RosterField::admission_date);
  EXPECT_EQ(fieldForHeader("Ngày kết nạp"), RosterField::admission_date);
  EXPECT_EQ(fieldForHeader("Ngày chính thức"), RosterField::official_date);
  EXPECT_EQ(fieldForHeader("Số thẻ đảng viên"), RosterField::card_no);
  EXPECT_EQ(fieldForHeader("Số CMND/CCCD"), RosterField::citizen_id);
  EXPECT_EQ(fieldForHeader("SỐ ĐIỆN THOẠI"), RosterField::phone);
  EXPECT_EQ(fieldForHeader("Chi bộ"), RosterField::cell);
  EXPECT_EQ(fieldForHeader("Tổ đảng"), RosterField::subgroup);
  EXPECT_EQ(fieldForHeader("Chức vụ Đảng"), RosterField::party_position);
  EXPECT_EQ(fieldForHeader("Ghi chú"), RosterField::note);
  EXPECT_EQ(fieldForHeader("STT"), RosterField::ignore);
  EXPECT_EQ(fieldForHeader("Sở thích"), std::nullopt);
  EXPECT_EQ(fieldForHeader(""), std::nullopt);
}
