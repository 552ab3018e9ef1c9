// .xlsx (Office Open XML, ECMA-376 Part 1 §18) read with libzip and expat.
// Only what a roster needs: the first worksheet's cell values, shared strings
// and merged ranges. Sizes are checked against the zip directory before any
// entry is inflated, and inflating stops at the declared size, so a zip bomb
// (a small file that inflates to gigabytes) costs nothing.
#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cstdlib>
#include <map>
#include <memory>

#include "import/workbook.h"

namespace chibo::import {
namespace {

Error malformed() { return fileError("malformed_workbook", "Tệp Excel bị hỏng hoặc không đọc được."); }
Error zipBomb() {
  return Error{ErrorKind::too_large, "archive_too_large",
               "Tệp Excel giải nén ra quá lớn hoặc có tỉ lệ nén bất thường; không đọc tệp này.", {}};
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Archive {
 public:
  Archive(std::string_view bytes, const ReadLimits& limits) : limits_(limits) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
      if (z) zip_.reset(z);
      else zip_source_free(src);
    }
    zip_error_fini(&err);
    compressed_total_ = bytes.size();
  }
  bool ok() const { return zip_ != nullptr; }

  // Streams entry `name` through `sink` in chunks. Returns none when absent.
  template <class Sink>
  std::optional<Status> read(const std::string& name, Sink&& sink) {
    zip_int64_t idx = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (idx < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), zip_uint64_t(idx), 0, &st) != 0) return Status(malformed());
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return Status(fileError("password_protected", "Tệp được đặt mật khẩu. Vui lòng bỏ mật khẩu rồi gửi lại."));
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) return Status(malformed());
    // Declared sizes first: the sum over entries and each entry's ratio.
    if (st.size > limits_.max_uncompressed_bytes - std::min(inflated_, limits_.max_uncompressed_bytes))
      return Status(zipBomb());
    if (st.size > 65536 && double(st.size) > limits_.max_ratio * double(std::max<zip_uint64_t>(st.comp_size, 1)))
      return Status(zipBomb());
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_.get(), zip_uint64_t(idx), 0), zip_fclose);
    if (!f) return Status(malformed());
    char buf[65536];
    zip_uint64_t total = 0;
    for (;;) {
      zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) return Status(malformed());
      if (n == 0) break;
      total += zip_uint64_t(n);
      // A lying directory: stop at the declared size.
      if (total > st.size) return Status(zipBomb());
      if (auto s = sink(std::string_view(buf, size_t(n)), false); !s) return s;
    }
    inflated_ += total;
    return sink(std::string_view(), true);
  }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
  const ReadLimits& limits_;
  size_t inflated_ = 0;
  size_t compressed_total_ = 0;
};

// An expat parser driven by element callbacks, for one entry.
class XmlPass {
 public:
  XmlPass() : p_(XML_ParserCreate("UTF-8")) {
    XML_SetUserData(p_, this);
    XML_SetElementHandler(p_, &XmlPass::onStart, &XmlPass::onEnd);
    XML_SetCharacterDataHandler(p_, &XmlPass::onText);
  }
  virtual ~XmlPass() { XML_ParserFree(p_); }
  Status feed(std::string_view chunk, bool last) {
    if (XML_Parse(p_, chunk.data(), int(chunk.size()), last ? 1 : 0) == XML_STATUS_ERROR) return malformed();
    if (stop_) return *stop_;
    return okStatus();
  }

 protected:
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
  void fail(Error e) {
    if (!stop_) stop_ = std::move(e);
    XML_StopParser(p_, XML_FALSE);
  }
  static std::string_view local(std::string_view n) {
    auto c = n.rfind(':');
    return c == std::string_view::npos ? n : n.substr(c + 1);
  }
  static const char* attr(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i]; i += 2)
      if (local(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
  }

 private:
  static void onStart(void* u, const XML_Char* n, const XML_Char** a) { static_cast<XmlPass*>(u)->start(local(n), a); }
  static void onEnd(void* u, const XML_Char* n) { static_cast<XmlPass*>(u)->end(local(n)); }
  static void onText(void* u, const XML_Char* s, int len) { static_cast<XmlPass*>(u)->text(std::string_view(s, size_t(len))); }
  XML_Parser p_;
  std::optional<Error> stop_;
};

struct FirstSheet : XmlPass {
  std::string name, rel_id;
  void start(std::string_view n, const char** a) override {
    if (n == "sheet" && rel_id.empty()) {
      if (auto v = attr(a, "name")) name = v;
      if (auto v = attr(a, "id")) rel_id = v;
    }
  }
  void end(std::string_view) override {}
};

struct Rels : XmlPass {
  std::map<std::string, std::string> target;
  void start(std::string_view n, const char** a) override {
    if (n != "Relationship") return;
    auto id = attr(a, "Id");
    auto t = attr(a, "Target");
    if (id && t) target[id] = t;
  }
  void end(std::string_view) override {}
};

// <si> items: the text of their <t> runs, phonetic runs (<rPh>) left out.
struct SharedStrings : XmlPass {
  std::vector<std::string> items;
  size_t max_items = 0, max_chars = 0;
  bool in_t = false;
  int in_rph = 0;
  void start(std::string_view n, const char**) override {
    if (n == "si") {
      if (items.size() >= max_items) return fail(tooManyStrings());
      items.emplace_back();
    } else if (n == "t") in_t = true;
    else if (n == "rPh") ++in_rph;
  }
  void end(std::string_view n) override {
    if (n == "t") in_t = false;
    else if (n == "rPh") --in_rph;
  }
  void text(std::string_view s) override {
    if (in_t && !in_rph && !items.empty() && items.back().size() + s.size() <= max_chars * 4) items.back() += s;
  }
  static Error tooManyStrings() { return malformed(); }
};

// "AB12" -> column 27 (0-based); -1 when not a cell reference.
int columnOf(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return -1;
  }
  return i == 0 ? -1 : col - 1;
}
int rowOf(std::string_view ref) {
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
  int r = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  return ec == std::errc() ? r : -1;
}

struct Merge {
  int r0, c0, r1, c1;
};

struct SheetCells : XmlPass {
  const ReadLimits* limits = nullptr;
  const std::vector<std::string>* strings = nullptr;
  std::vector<RawRow> rows;
  std::vector<Merge> merges;
  // Current row and cell.
  int row_no = 0, next_col = 0, col = 0;
  std::string type;
  std::string value, inline_text;
  bool in_v = false, in_is_t = false, in_is = false, has_f = false, has_v = false;
  RawRow cur;

  void start(std::string_view n, const char** a) override {
    if (n == "row") {
      auto r = attr(a, "r");
      row_no = r ? std::atoi(r) : row_no + 1;
      if (row_no <= 0 || row_no > 1048576) return fail(malformed());
      cur = RawRow{row_no, {}};
      next_col = 0;
    } else if (n == "c") {
      auto r = attr(a, "r");
      col = r ? columnOf(r) : next_col;
      if (col < 0) return fail(malformed());
      next_col = col + 1;
      auto t = attr(a, "t");
      type = t ? t : "n";
      value.clear();
      inline_text.clear();
      has_f = has_v = false;
    } else if (n == "v") {
      in_v = true;
      has_v = true;
    } else if (n == "f") {
      has_f = true;
    } else if (n == "is") {
      in_is = true;
    } else if (n == "t" && in_is) {
      in_is_t = true;
    } else if (n == "mergeCell") {
      auto ref = attr(a, "ref");
      if (!ref) return;
      std::string_view s = ref;
      auto colon = s.find(':');
      if (colon == std::string_view::npos) return;
      Merge m{rowOf(s.substr(0, colon)), columnOf(s.substr(0, colon)), rowOf(s.substr(colon + 1)),
              columnOf(s.substr(colon + 1))};
      if (m.r0 > 0 && m.c0 >= 0 && m.r1 >= m.r0 && m.c1 >= m.c0 && merges.size() < 10000) merges.push_back(m);
    }
  }
  void text(std::string_view s) override {
    if (in_v) value += s;
    else if (in_is_t) inline_text += s;
    if (value.size() + inline_text.size() > limits->max_cell_chars * 4) fail(malformed());
  }
  void end(std::string_view n) override {
    if (n == "v") in_v = false;
    else if (n == "is") in_is = false;
    else if (n == "t") in_is_t = false;
    else if (n == "c") finishCell();
    else if (n == "row") finishRow();
  }
  void finishCell() {
    if (size_t(col) >= limits->max_columns) return;  // far-right cells carry nothing a roster needs
    RawCell c;
    c.formula = has_f;
    if (type == "s") {
      char* endp = nullptr;
      long i = std::strtol(value.c_str(), &endp, 10);
      if (value.empty() || *endp || i < 0 || size_t(i) >= strings->size()) return fail(malformed());
      c.text = (*strings)[size_t(i)];
    } else if (type == "inlineStr") {
      c.text = inline_text;
    } else if (type == "str" || type == "e") {
      c.text = value;
    } else if (type == "b") {
      c.text = value == "1" ? "TRUE" : "FALSE";
    } else if (!value.empty()) {
      char* endp = nullptr;
      double d = std::strtod(value.c_str(), &endp);
      if (*endp) return fail(malformed());
      c.is_number = true;
      c.number = d;
      c.text = value;
    }
    if (c.empty() && !c.formula) return;
    if (cur.cells.size() <= size_t(col)) cur.cells.resize(size_t(col) + 1);
    cur.cells[size_t(col)] = std::move(c);
  }
  void finishRow() {
    bool any = false;
    for (auto& c : cur.cells) any = any || !c.empty() || c.formula;
    if (!any) return;
    if (rows.size() >= limits->max_rows + 50) return fail(tooManyRows(*limits));
    rows.push_back(std::move(cur));
    cur = RawRow{};
  }
};

std::string resolveTarget(const std::string& t) {
  if (!t.empty() && t[0] == '/') return t.substr(1);
  return "xl/" + t;
}

// A merged range shows its top-left value over the whole range (a header
// spanning two rows, a title over several columns); give every cell of the
// range that value, so header detection sees it where it is shown.
void spreadMerges(std::vector<RawRow>& rows, const std::vector<Merge>& merges, size_t max_columns) {
  std::map<int, size_t> at;
  for (size_t i = 0; i < rows.size(); ++i) at[rows[i].number] = i;
  for (const auto& m : merges) {
    auto src = at.find(m.r0);
    if (src == at.end() || size_t(m.c0) >= rows[src->second].cells.size()) continue;
    RawCell v = rows[src->second].cells[size_t(m.c0)];
    if (size_t(m.c1) >= max_columns || m.r1 - m.r0 > 10) continue;  // only small header merges
    for (int r = m.r0; r <= m.r1; ++r) {
      auto it = at.find(r);
      if (it == at.end()) continue;
      auto& cells = rows[it->second].cells;
      if (cells.size() <= size_t(m.c1)) cells.resize(size_t(m.c1) + 1);
      for (int c = m.c0; c <= m.c1; ++c)
        if (cells[size_t(c)].empty()) cells[size_t(c)] = v;
    }
  }
}

}  // namespace

Result<Workbook> readXlsx(std::string_view bytes, const ReadLimits& limits) {
  Archive zip(bytes, limits);
  if (!zip.ok()) return malformed();
  auto pass = [&](XmlPass& p, const std::string& name) -> std::optional<Status> {
    return zip.read(name, [&](std::string_view chunk, bool last) { return p.feed(chunk, last); });
  };
  FirstSheet wb;
  auto s = pass(wb, "xl/workbook.xml");
  if (!s) return fileError("not_a_workbook", "Tệp không phải là bảng tính Excel (.xlsx).");
  if (!*s) return s->error();
  if (wb.rel_id.empty()) return fileError("no_sheet", "Tệp Excel không có trang tính nào.");
  Rels rels;
  s = pass(rels, "xl/_rels/workbook.xml.rels");
  if (!s || !*s) return s ? s->error() : malformed();
  auto t = rels.target.find(wb.rel_id);
  if (t == rels.target.end()) return malformed();
  SharedStrings sst;
  sst.max_items = 4 * 1000 * 1000;
  sst.max_chars = limits.max_cell_chars;
  s = pass(sst, "xl/sharedStrings.xml");
  if (s && !*s) return s->error();
  SheetCells sheet;
  sheet.limits = &limits;
  sheet.strings = &sst.items;
  s = pass(sheet, resolveTarget(t->second));
  if (!s) return malformed();
  if (!*s) return s->error();
  spreadMerges(sheet.rows, sheet.merges, limits.max_columns);
  Workbook out;
  out.format = "xlsx";
  out.sheet_name = wb.name;
  out.rows = std::move(sheet.rows);
  return out;
}

}  // namespace chibo::import
