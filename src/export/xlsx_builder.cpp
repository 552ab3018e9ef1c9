#include "export/xlsx_builder.h"

#include <glib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "export/text.h"

namespace chibo {
namespace {

// Removes the temporary file however buildXlsx returns.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* text;
  lxw_format* integer;
  lxw_format* number;
  lxw_format* percent;
  lxw_format* date;
};

lxw_format* baseFormat(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  return f;
}

lxw_format* cellFormat(lxw_workbook* wb, const char* num_format) {
  lxw_format* f = baseFormat(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (num_format) format_set_num_format(f, num_format);
  return f;
}

Formats makeFormats(lxw_workbook* wb) {
  Formats f{};
  f.title = baseFormat(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.header = cellFormat(wb, nullptr);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.header, 0xD9D9D9);
  f.text = cellFormat(wb, nullptr);
  format_set_text_wrap(f.text);
  f.integer = cellFormat(wb, "0");
  f.number = cellFormat(wb, "0.##");
  f.percent = cellFormat(wb, "0.0%");
  f.date = cellFormat(wb, "dd/mm/yyyy");
  return f;
}

lxw_error writeCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const XlsxCell& cell, const Formats& f) {
  if (auto s = std::get_if<std::string>(&cell)) return worksheet_write_string(ws, r, c, nfc(*s).c_str(), f.text);
  if (auto i = std::get_if<int64_t>(&cell)) return worksheet_write_number(ws, r, c, double(*i), f.integer);
  if (auto d = std::get_if<double>(&cell)) return worksheet_write_number(ws, r, c, *d, f.number);
  if (auto p = std::get_if<XlsxPercent>(&cell)) return worksheet_write_number(ws, r, c, p->fraction, f.percent);
  if (auto d = std::get_if<Date>(&cell)) {
    lxw_datetime dt{d->year(), int(d->month()), int(d->day()), 0, 0, 0};
    return worksheet_write_datetime(ws, r, c, &dt, f.date);
  }
  return worksheet_write_blank(ws, r, c, f.text);
}

Status writeSheet(lxw_workbook* wb, const XlsxSheet& sheet, const Formats& f) {
  std::string name = nfc(sheet.name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) return Error::internal("Không tạo được trang tính.");
  size_t cols = sheet.header.size();
  for (const auto& r : sheet.rows) cols = std::max(cols, r.size());
  for (size_t i = 0; i < sheet.column_widths.size(); ++i)
    worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), sheet.column_widths[i], nullptr);

  lxw_row_t row = 0;
  lxw_error err = LXW_NO_ERROR;
  if (!sheet.title.empty()) {
    std::string title = nfc(sheet.title);
    worksheet_set_row(ws, row, 24, nullptr);
    // merge_range rejects a single cell, so a one-column sheet gets a plain cell.
    err = cols > 1 ? worksheet_merge_range(ws, row, 0, row, lxw_col_t(cols - 1), title.c_str(), f.title)
                   : worksheet_write_string(ws, row, 0, title.c_str(), f.title);
    row += 2;  // a blank line between title and table reads better on paper
  }
  if (!sheet.header.empty()) {
    for (size_t c = 0; c < sheet.header.size() && !err; ++c)
      err = worksheet_write_string(ws, row, lxw_col_t(c), nfc(sheet.header[c]).c_str(), f.header);
    ++row;
    worksheet_freeze_panes(ws, row, 0);
  }
  for (const auto& r : sheet.rows) {
    for (size_t c = 0; c < r.size() && !err; ++c) err = writeCell(ws, row, lxw_col_t(c), r[c], f);
    ++row;
  }
  if (err) return Error::internal(std::string("Lỗi ghi bảng tính: ") + lxw_strerror(err));
  return okStatus();
}

// Excel's sheet-name rules: 1–31 characters, none of []:*?/\, no apostrophe
// at either end, unique ignoring case. Checked here so that the caller gets a
// field error rather than libxlsxwriter's NULL worksheet.
Status validate(const XlsxBook& book) {
  Validator v;
  if (book.sheets.empty()) v.add("sheets", "required", "Bảng tính phải có ít nhất một trang.");
  std::set<std::string> seen;
  for (size_t i = 0; i < book.sheets.size(); ++i) {
    std::string field = "sheets[" + std::to_string(i) + "].name";
    std::string name = nfc(book.sheets[i].name);
    glong chars = g_utf8_strlen(name.c_str(), -1);
    bool bad = chars < 1 || chars > 31 || name.find_first_of("[]:*?/\\") != std::string::npos ||
               name.front() == '\'' || name.back() == '\'';
    if (bad) {
      v.add(field, "invalid_sheet_name", "Tên trang tính phải có 1–31 ký tự và không chứa [ ] : * ? / \\.");
      continue;
    }
    gchar* folded = g_utf8_casefold(name.c_str(), -1);
    if (!seen.insert(folded).second) v.add(field, "duplicate", "Tên trang tính bị trùng.");
    g_free(folded);
  }
  if (!v.ok()) return v.error();
  return okStatus();
}

}  // namespace

Result<std::string> buildXlsx(const XlsxBook& book) {
  if (auto st = validate(book); !st) return st.error();

  std::string tmpl = (std::filesystem::temp_directory_path() / "chibo-xlsx-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return Error::internal("Không tạo được tệp tạm.");
  close(fd);
  TempFile tmp{tmpl};

  lxw_workbook* wb = workbook_new(tmp.path.c_str());
  if (!wb) return Error::internal("Không tạo được bảng tính.");
  std::string title = nfc(book.title), author = nfc(book.author);
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  workbook_set_properties(wb, &props);

  Formats f = makeFormats(wb);
  for (const auto& sheet : book.sheets) {
    if (auto st = writeSheet(wb, sheet, f); !st) {
      workbook_close(wb);
      return st.error();
    }
  }
  if (lxw_error err = workbook_close(wb))
    return Error::internal(std::string("Lỗi ghi bảng tính: ") + lxw_strerror(err));

  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error::internal("Không đọc lại được bảng tính.");
  return bytes.str();
}

}  // namespace chibo
