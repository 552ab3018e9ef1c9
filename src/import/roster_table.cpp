#include "import/roster_table.h"

#include "domain/text/vn_text.h"

namespace chibo::import {
namespace {

std::string cleanCell(std::string s) {
  // Excel keeps line breaks typed with Alt+Enter and non-breaking spaces; a
  // header or a name means the same without them.
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(' ');
  return nfc(s.substr(a, b - a + 1));
}

bool isHeaderLike(const RawRow& r) {
  bool any = false;
  for (const auto& c : r.cells) {
    if (c.empty()) continue;
    any = true;
    std::string s = c.is_number ? std::to_string(int64_t(c.number)) : c.text;
    if (!s.empty() && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    bool number = !s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string::npos;
    if (!number && !fieldForHeader(s)) return false;
  }
  return any;
}

}  // namespace

Result<RosterTable> readRosterTable(std::string_view bytes, const ReadLimits& limits, const MappingOverride& overrides) {
  auto wb = readWorkbook(bytes, limits);
  if (!wb) return wb.error();
  RosterTable t;
  t.format = wb->format;
  // Legacy encodings: decided once for the whole file from all its text cells.
  std::vector<std::string_view> texts;
  for (const auto& r : wb->rows)
    for (const auto& c : r.cells)
      if (!c.is_number && !c.text.empty()) texts.push_back(c.text);
  t.encoding = detectLegacy(texts, wb->eight_bit);
  for (auto& r : wb->rows)
    for (auto& c : r.cells) {
      if (c.is_number || c.text.empty()) continue;
      if (t.encoding != LegacyEncoding::none && mayBeLegacy(c.text)) {
        c.text = fromLegacy(c.text, t.encoding);
        ++t.converted_cells;
      } else if (!isValidUtf8(c.text)) {
        c.text = nfc(c.text);  // replaces bad sequences with U+FFFD
      }
      c.text = cleanCell(std::move(c.text));
    }
  if (wb->eight_bit && t.encoding == LegacyEncoding::cp1258 && t.converted_cells == 0) t.encoding = LegacyEncoding::none;
  // The header: the row among the first 20 that names the most fields, and a full name.
  size_t best = wb->rows.size();
  int best_score = 0;
  for (size_t i = 0; i < wb->rows.size() && i < 20; ++i) {
    int score = 0;
    bool name = false;
    for (const auto& c : wb->rows[i].cells) {
      if (c.is_number || c.text.empty()) continue;
      if (auto f = fieldForHeader(c.text)) {
        if (*f != RosterField::ignore) ++score;
        name = name || *f == RosterField::full_name;
      }
    }
    if (name && score > best_score) best = i, best_score = score;
  }
  if (best == wb->rows.size())
    return Error::validation({{"file", "no_header",
                               "Không tìm thấy dòng tiêu đề có cột \"Họ và tên\" trong 20 dòng đầu của trang tính thứ nhất."}});
  const auto& header = wb->rows[best];
  t.header_row = header.number;
  size_t ncols = header.cells.size();
  for (size_t i = best + 1; i < wb->rows.size(); ++i) ncols = std::max(ncols, wb->rows[i].cells.size());
  t.headers.resize(ncols);
  t.mapping.assign(ncols, RosterField::ignore);
  t.mapping_detected.assign(ncols, false);
  std::vector<bool> taken(rosterColumns().size() + 1, false);
  for (size_t c = 0; c < header.cells.size(); ++c) {
    t.headers[c] = header.cells[c].text;
    auto f = header.cells[c].is_number ? std::nullopt : fieldForHeader(header.cells[c].text);
    if (!f) continue;
    t.mapping_detected[c] = true;
    // A merged header spread over two columns names the same field twice: the first keeps it.
    if (*f != RosterField::ignore && taken[size_t(*f)]) continue;
    t.mapping[c] = *f;
    taken[size_t(*f)] = true;
  }
  for (auto [col, f] : overrides) {
    if (col < 0 || size_t(col) >= ncols)
      return Error::validation({{"mapping", "no_such_column", "Cột " + std::to_string(col + 1) + " không có trong tệp."}});
    t.mapping[size_t(col)] = f;
    t.mapping_detected[size_t(col)] = true;
  }
  std::vector<int> seen(rosterColumns().size() + 1, -1);
  bool has_name = false;
  for (size_t c = 0; c < ncols; ++c) {
    auto f = t.mapping[c];
    if (f == RosterField::ignore) continue;
    has_name = has_name || f == RosterField::full_name;
    if (seen[size_t(f)] >= 0)
      return Error::validation({{"mapping", "duplicate_mapping",
                                 "Hai cột (" + std::to_string(seen[size_t(f)] + 1) + " và " + std::to_string(c + 1) +
                                     ") cùng được gán là \"" + std::string(rosterColumn(f).header) + "\"."}});
    seen[size_t(f)] = int(c);
  }
  if (!has_name)
    return Error::validation({{"mapping", "no_full_name", "Cần chọn một cột là \"Họ và tên\"."}});
  if (t.encoding == LegacyEncoding::tcvn3)
    for (size_t c = 0; c < ncols; ++c)
      if (t.mapping[c] == RosterField::full_name)
        for (size_t i = best + 1; i < wb->rows.size(); ++i)
          if (c < wb->rows[i].cells.size() && !wb->rows[i].cells[c].is_number)
            wb->rows[i].cells[c].text = restoreNameCapitals(wb->rows[i].cells[c].text);
  for (size_t i = best + 1; i < wb->rows.size(); ++i) {
    // Just under the header, forms often carry a second header line (the lower half
    // of merged headers) or the column numbers "(1) (2) (3)": not members.
    if (i <= best + 2 && isHeaderLike(wb->rows[i])) continue;
    t.rows.push_back(std::move(wb->rows[i]));
  }
  if (t.rows.size() > limits.max_rows) return tooManyRows(limits);
  return t;
}

}  // namespace chibo::import
