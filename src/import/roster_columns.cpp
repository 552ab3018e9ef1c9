#include "import/roster_columns.h"

#include <string>

#include "domain/text/vn_text.h"

namespace chibo::import {
namespace {

// Lower-case, unaccented, punctuation as spaces: "Số CMND/CCCD:" -> "so cmnd cccd".
std::string headerKey(std::string_view s) {
  std::string f = foldForSearch(s);
  for (char& ch : f)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80)) ch = ' ';
  return foldForSearch(f);
}

}  // namespace

const std::vector<RosterColumn>& rosterColumns() {
  using F = RosterField;
  static const std::vector<RosterColumn> all = {
      {F::full_name, "full_name", "Họ và tên", {"Họ tên", "Họ và tên đảng viên", "Họ tên đảng viên", "Tên đảng viên", "Họ và tên khai sinh"}},
      {F::birth_date, "birth_date", "Ngày sinh", {"Ngày tháng năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh"}},
      {F::gender, "gender", "Giới tính", {"Nam/Nữ", "Nam, nữ", "Giới"}},
      {F::admission_decision_date, "admission_decision_date", "Ngày quyết định kết nạp", {"Ngày QĐ kết nạp", "Ngày ký quyết định kết nạp"}},
      {F::admission_date, "admission_date", "Ngày vào Đảng", {"Ngày kết nạp", "Ngày kết nạp Đảng", "Ngày vào đảng"}},
      {F::official_date, "official_date", "Ngày chính thức", {"Ngày công nhận chính thức", "Ngày được công nhận chính thức", "Ngày chuyển chính thức"}},
      {F::card_no, "card_no", "Số thẻ đảng viên", {"Số thẻ", "Số thẻ ĐV", "Số thẻ Đảng", "Thẻ đảng viên"}},
      {F::citizen_id, "citizen_id", "Số CCCD", {"CCCD", "Số căn cước", "Số căn cước công dân", "Căn cước công dân", "Số CMND/CCCD", "Số CMND", "CMND", "Số định danh", "Số định danh cá nhân"}},
      {F::phone, "phone", "Số điện thoại", {"Điện thoại", "SĐT", "Số ĐT", "Di động", "Điện thoại liên hệ"}},
      {F::cell, "cell", "Chi bộ", {"Tên chi bộ", "Chi bộ sinh hoạt", "Sinh hoạt tại chi bộ"}},
      {F::subgroup, "subgroup", "Tổ đảng", {"Tổ", "Tổ Đảng"}},
      {F::party_position, "party_position", "Chức vụ Đảng", {"Chức vụ trong Đảng", "Chức vụ đảng"}},
      {F::workplace, "workplace", "Nơi công tác", {"Đơn vị công tác", "Cơ quan công tác", "Nơi làm việc"}},
      {F::note, "note", "Ghi chú", {"Ghi chu"}},
      {F::record_id, "record_id", "Mã hồ sơ", {"Mã hồ sơ đảng viên"}},
  };
  return all;
}

const RosterColumn& rosterColumn(RosterField f) {
  for (const auto& c : rosterColumns())
    if (c.field == f) return c;
  static const RosterColumn ignored{RosterField::ignore, "ignore", "(bỏ qua)", {}};
  return ignored;
}

std::optional<RosterField> rosterFieldFromCode(std::string_view code) {
  if (code == "ignore") return RosterField::ignore;
  for (const auto& c : rosterColumns())
    if (c.code == code) return c.field;
  return std::nullopt;
}

std::optional<RosterField> fieldForHeader(std::string_view header) {
  std::string key = headerKey(header);
  if (key.empty()) return std::nullopt;
  if (key == "stt" || key == "tt" || key == "so tt" || key == "so thu tu") return RosterField::ignore;
  for (const auto& c : rosterColumns()) {
    if (key == headerKey(c.header)) return c.field;
    for (auto a : c.aliases)
      if (key == headerKey(a)) return c.field;
  }
  // Longer headers that still say what they are ("Số điện thoại di động (nếu có)").
  static const std::vector<std::pair<std::string_view, RosterField>> words = {
      {"cccd", RosterField::citizen_id},         {"can cuoc", RosterField::citizen_id},
      {"cmnd", RosterField::citizen_id},         {"the dang", RosterField::card_no},
      {"dien thoai", RosterField::phone},        {"ngay chinh thuc", RosterField::official_date},
      {"cong nhan chinh thuc", RosterField::official_date},
      {"quyet dinh ket nap", RosterField::admission_decision_date},
      {"ngay vao dang", RosterField::admission_date}, {"ngay ket nap", RosterField::admission_date},
      {"ngay sinh", RosterField::birth_date},    {"nam sinh", RosterField::birth_date},
      {"gioi tinh", RosterField::gender},        {"ho va ten", RosterField::full_name},
      {"ho ten", RosterField::full_name},        {"chuc vu", RosterField::party_position},
      {"ghi chu", RosterField::note},            {"noi cong tac", RosterField::workplace},
      {"to dang", RosterField::subgroup},        {"chi bo", RosterField::cell},
  };
  for (auto& [w, f] : words)
    if (key.find(w) != std::string::npos) return f;
  return std::nullopt;
}

bool isDateField(RosterField f) {
  return f == RosterField::birth_date || f == RosterField::admission_decision_date ||
         f == RosterField::admission_date || f == RosterField::official_date;
}

}  // namespace chibo::import
