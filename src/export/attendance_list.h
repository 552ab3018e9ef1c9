#pragma once
// The sign-in list of one meeting (danh sách đảng viên dự sinh hoạt), printed
// for members to sign or filed with the minutes.
#include <string>
#include <vector>

#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo {

struct AttendanceRow {
  std::string name;
  std::string standing;        // "Chính thức", "Dự bị", "SHTT đến"
  bool present = false;
  std::string absence_reason;  // for absentees; empty = absent without reason
};

struct AttendanceListInput {
  DocumentHeading heading;
  std::string meeting;  // "sinh hoạt chi bộ thường kỳ tháng 3/2026" (lower case: it follows "dự")
  std::vector<AttendanceRow> rows;  // in roll order
  std::vector<Signature> signatures;  // e.g. {"T/M CHI ỦY", "BÍ THƯ", name}; may be empty
};

// A "DANH SÁCH" document titled "Đảng viên dự <meeting>": a table STT | Họ và
// tên | Đảng viên | Có mặt | Vắng có lý do | Vắng không lý do | Ký tên, then the
// totals with the attendance rate. Validation error: a row without a name.
Result<PartyDocument> buildAttendanceList(const AttendanceListInput& in);

}  // namespace chibo
