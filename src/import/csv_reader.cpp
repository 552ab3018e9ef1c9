// CSV as spreadsheet programs write it (RFC 4180: quoted fields, doubled
// quotes, line breaks inside quotes), with the separator Excel uses in the
// user's locale: a comma, or a semicolon where the comma is the decimal mark
// (Vietnamese Windows), or a tab ("Unicode text").
#include "domain/text/vn_text.h"
#include "import/legacy_text.h"
#include "import/workbook.h"

namespace chibo::import {
namespace {

char guessSeparator(std::string_view s) {
  size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char ch : s) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n') break;
    if (ch == ',') ++comma;
    else if (ch == ';') ++semi;
    else if (ch == '\t') ++tab;
  }
  if (tab > comma && tab > semi) return '\t';
  return semi > comma ? ';' : ',';
}

// UTF-16LE with a BOM (Excel's "Unicode text") to UTF-8; lone surrogates become U+FFFD.
std::string utf16leToUtf8(std::string_view s) {
  std::string out;
  for (size_t i = 2; i + 1 < s.size(); i += 2) {
    char32_t u = char32_t((unsigned char)s[i]) | (char32_t((unsigned char)s[i + 1]) << 8);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < s.size()) {
      char32_t lo = char32_t((unsigned char)s[i + 2]) | (char32_t((unsigned char)s[i + 3]) << 8);
      if (lo >= 0xDC00 && lo < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else u = 0xFFFD;
    } else if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;
    if (u < 0x80) out += char(u);
    else if (u < 0x800) out += char(0xC0 | (u >> 6)), out += char(0x80 | (u & 0x3F));
    else if (u < 0x10000) out += char(0xE0 | (u >> 12)), out += char(0x80 | ((u >> 6) & 0x3F)), out += char(0x80 | (u & 0x3F));
    else
      out += char(0xF0 | (u >> 18)), out += char(0x80 | ((u >> 12) & 0x3F)), out += char(0x80 | ((u >> 6) & 0x3F)),
          out += char(0x80 | (u & 0x3F));
  }
  return out;
}

}  // namespace

Result<Workbook> readCsv(std::string_view bytes, const ReadLimits& limits) {
  Workbook out;
  out.format = "csv";
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") text = std::string(bytes.substr(3));
  else if (bytes.substr(0, 2) == "\xFF\xFE") text = utf16leToUtf8(bytes);
  else if (isValidUtf8(bytes)) text = std::string(bytes);
  else {
    out.eight_bit = true;
    text = latin1ToUtf8(bytes);
  }
  if (text.find('\0') != std::string::npos)
    return fileError("not_a_spreadsheet", "Tệp không phải là bảng tính (.xlsx, .xls hoặc .csv).");
  char sep = guessSeparator(text);
  RawRow row{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1;
  auto endField = [&] {
    RawCell c;
    c.text = std::move(field);
    field.clear();
    // Trailing spaces of an unquoted field are padding, not data.
    if (!was_quoted)
      while (!c.text.empty() && (c.text.back() == ' ' || c.text.back() == '\r')) c.text.pop_back();
    was_quoted = false;
    if (row.cells.size() < limits.max_columns) row.cells.push_back(std::move(c));
  };
  auto endRow = [&]() -> bool {
    endField();
    bool any = false;
    for (auto& c : row.cells) any = any || !c.empty();
    if (any) {
      if (out.rows.size() >= limits.max_rows + 50) return false;
      out.rows.push_back(std::move(row));
    }
    row = RawRow{line, {}};
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
        else quoted = false;
      } else {
        if (ch == '\n') ++line;
        if (field.size() < limits.max_cell_chars * 4) field += ch;
      }
    } else if (ch == '"' && field.empty()) {
      quoted = was_quoted = true;
    } else if (ch == sep) {
      endField();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      if (!endRow()) return tooManyRows(limits);
    } else if (field.size() < limits.max_cell_chars * 4) {
      field += ch;
    }
  }
  if (!endRow()) return tooManyRows(limits);
  return out;
}

}  // namespace chibo::import
