// .xls (BIFF, Excel 97–2003) read with FreeXL. FreeXL opens files by path
// only, so the bytes go through a private temporary file, always removed.
// An OLE2 file that is not a BIFF workbook is most often an .xlsx that Excel
// encrypted with a password (ECMA-376 Part 1 §2.3.4: the package is stored
// as the "EncryptedPackage" stream of an OLE2 container).
#include <freexl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "import/workbook.h"

namespace chibo::import {
namespace {

Error malformed() { return fileError("malformed_workbook", "Tệp Excel bị hỏng hoặc không đọc được."); }
Error passwordProtected() {
  return fileError("password_protected", "Tệp được đặt mật khẩu. Vui lòng bỏ mật khẩu rồi gửi lại.");
}

bool looksEncrypted(std::string_view bytes) {
  // "EncryptedPackage" as the UTF-16LE directory entry name.
  static const std::string name = [] {
    std::string s;
    for (char ch : std::string("EncryptedPackage")) {
      s += ch;
      s += '\0';
    }
    return s;
  }();
  return bytes.find(name) != std::string_view::npos;
}

class TempFile {
 public:
  explicit TempFile(std::string_view bytes) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/chibo-import-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
      return;
    }
    size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
      if (n <= 0) break;
      off += size_t(n);
    }
    ::close(fd);
    ok_ = off == bytes.size();
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool ok_ = false;
};

struct Handle {
  const void* h = nullptr;
  ~Handle() {
    if (h) freexl_close(h);
  }
};

std::string numberText(double d) {
  char buf[64];
  if (std::floor(d) == d && std::fabs(d) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", d);
  else std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

}  // namespace

Result<Workbook> readXls(std::string_view bytes, const ReadLimits& limits) {
  if (looksEncrypted(bytes)) return passwordProtected();
  TempFile tmp(bytes);
  if (!tmp.ok()) return Error::internal();
  Handle x;
  int rc = freexl_open(tmp.path().c_str(), &x.h);
  if (rc != FREEXL_OK) return malformed();
  unsigned int v = 0;
  if (freexl_get_info(x.h, FREEXL_BIFF_PASSWORD, &v) == FREEXL_OK && v == FREEXL_BIFF_OBFUSCATED)
    return passwordProtected();
  unsigned int sheets = 0;
  if (freexl_get_info(x.h, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK || sheets == 0)
    return fileError("no_sheet", "Tệp Excel không có trang tính nào.");
  if (freexl_select_active_worksheet(x.h, 0) != FREEXL_OK) return malformed();
  Workbook out;
  out.format = "xls";
  const char* name = nullptr;
  if (freexl_get_worksheet_name(x.h, 0, &name) == FREEXL_OK && name) out.sheet_name = name;
  unsigned int rows = 0;
  unsigned short cols = 0;
  if (freexl_worksheet_dimensions(x.h, &rows, &cols) != FREEXL_OK) return malformed();
  if (rows > limits.max_rows + 50) return tooManyRows(limits);
  unsigned short ncols = std::min<unsigned short>(cols, (unsigned short)limits.max_columns);
  for (unsigned int r = 0; r < rows; ++r) {
    RawRow row{int(r + 1), {}};
    for (unsigned short c = 0; c < ncols; ++c) {
      FreeXL_CellValue cell;
      if (freexl_get_cell_value(x.h, r, c, &cell) != FREEXL_OK) return malformed();
      RawCell rc;
      switch (cell.type) {
        case FREEXL_CELL_INT:
          rc.is_number = true;
          rc.number = cell.value.int_value;
          rc.text = std::to_string(cell.value.int_value);
          break;
        case FREEXL_CELL_DOUBLE:
          rc.is_number = true;
          rc.number = cell.value.double_value;
          rc.text = numberText(rc.number);
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          if (cell.value.text_value) rc.text = cell.value.text_value;
          if (rc.text.size() > limits.max_cell_chars * 4) rc.text.resize(limits.max_cell_chars * 4);
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
          if (cell.value.text_value) rc.text = std::string(cell.value.text_value).substr(0, 10);
          rc.is_date = true;
          break;
        default:
          break;
      }
      if (rc.empty()) continue;
      if (row.cells.size() <= c) row.cells.resize(size_t(c) + 1);
      row.cells[c] = std::move(rc);
    }
    if (!row.cells.empty()) out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace chibo::import
