#pragma once
// The columns of a roster file: one table shared by the importer (which
// recognises them from their Vietnamese headers) and the exporter (which
// writes them in this order), so an exported file imports without change.
#include <optional>
#include <string_view>
#include <vector>

namespace chibo::import {

enum class RosterField {
  ignore,  // a column the import leaves alone (STT, anything unknown)
  full_name,
  birth_date,
  gender,
  admission_decision_date,
  admission_date,  // ngày vào Đảng = ngày kết nạp (the ceremony)
  official_date,
  card_no,
  citizen_id,
  phone,
  cell,
  subgroup,
  party_position,
  workplace,
  note,
  record_id,  // Mã hồ sơ: chibo's own member id, written by the export so its file matches exactly
};

struct RosterColumn {
  RosterField field;
  std::string_view code;    // stable, for the API's mapping parameter
  std::string_view header;  // what the export writes and the preview shows
  // Other headers seen in ward files, written as people write them; matched
  // case- and accent-insensitively.
  std::vector<std::string_view> aliases;
};

// Every field but `ignore`, in export order.
const std::vector<RosterColumn>& rosterColumns();
const RosterColumn& rosterColumn(RosterField f);
std::optional<RosterField> rosterFieldFromCode(std::string_view code);

// The field a header names, or none. "Họ và tên", "HO VA TEN", "Họ tên" and
// "họ và tên đảng viên" all name full_name; "STT" names ignore.
std::optional<RosterField> fieldForHeader(std::string_view header);

bool isDateField(RosterField f);

}  // namespace chibo::import
