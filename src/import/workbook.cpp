#include "import/workbook.h"

namespace chibo::import {

Error fileError(std::string code, std::string message) {
  return Error{ErrorKind::bad_request, std::move(code), std::move(message), {}};
}

Error tooManyRows(const ReadLimits& limits) {
  return Error{ErrorKind::too_large, "too_many_rows",
               "Tệp có quá nhiều dòng (tối đa " + std::to_string(limits.max_rows) + " dòng).", {}};
}

Result<Workbook> readWorkbook(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    return Error{ErrorKind::too_large, "file_too_large",
                 "Tệp quá lớn (tối đa " + std::to_string(limits.max_file_bytes >> 20) + " MB).", {}};
  if (bytes.empty()) return fileError("empty_file", "Tệp rỗng.");
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return readXlsx(bytes, limits);
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return readXls(bytes, limits);
  if (bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4))
    return fileError("malformed_workbook", "Tệp Excel bị hỏng hoặc không đọc được.");
  return readCsv(bytes, limits);
}

}  // namespace chibo::import
