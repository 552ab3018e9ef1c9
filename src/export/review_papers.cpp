#include "export/review_papers.h"

#include "export/text.h"

namespace chibo {
namespace {

std::string orNotYet(const std::string& s) { return s.empty() ? "Chưa có." : s; }

// The non-blank lines of a text, trimmed: one paragraph each.
std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = trimAscii(text.substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<PartyDocument> buildReviewForm(const ReviewFormInput& in) {
  Validator v;
  if (in.year < 1930 || in.year > 9999) v.add("year", "out_of_range", "Năm không hợp lệ.");
  if (trimAscii(in.member_name).empty()) v.add("member_name", "required", "Chưa có họ tên đảng viên.");
  if (!v.ok()) return v.error();
  PartyDocument d = startDocument(in.heading, "BẢN KIỂM ĐIỂM",
                                  "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm " + std::to_string(in.year));
  d.body.push_back(labelledParagraph("Họ và tên: ", in.member_name));
  d.body.push_back(labelledParagraph("Chi bộ: ", in.cell_name));
  d.body.push_back(Heading{"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRONG NĂM", 1});
  Table t;
  t.header = {"Nội dung", "Kết quả"};
  t.widths = {3, 2};
  t.align = {Align::left, Align::centre};
  for (const auto& [label, value] : in.results) t.rows.push_back({label, value});
  d.body.push_back(t);
  d.body.push_back(Heading{"II. TỰ KIỂM ĐIỂM", 1});
  auto text = trimAscii(in.self_text);
  if (text.empty()) d.body.push_back(plainParagraph("Chưa viết bản tự kiểm điểm."));
  for (const auto& line : paragraphs(text)) d.body.push_back(plainParagraph(line));
  d.body.push_back(Heading{"III. TỰ NHẬN MỨC XẾP LOẠI", 1});
  d.body.push_back(plainParagraph(orNotYet(in.self_level)));
  d.body.push_back(Heading{"IV. Ý KIẾN CỦA CHI BỘ", 1});
  d.body.push_back(plainParagraph(orNotYet(in.cell_opinion)));
  d.body.push_back(Heading{"V. QUYẾT ĐỊNH XẾP LOẠI CỦA CẤP ỦY", 1});
  d.body.push_back(plainParagraph(orNotYet(in.decision)));
  if (!in.history.empty()) {
    BulletList b;
    for (const auto& h : in.history) b.items.push_back({TextRun{h}});
    d.body.push_back(b);
  }
  d.signatures = {Signature{"", "NGƯỜI TỰ KIỂM ĐIỂM", in.member_name}};
  return d;
}

Result<PartyDocument> buildReviewResults(const ReviewResultInput& in) {
  Validator v;
  if (in.year < 1930 || in.year > 9999) v.add("year", "out_of_range", "Năm không hợp lệ.");
  if (!v.ok()) return v.error();
  PartyDocument d = startDocument(in.heading, "DANH SÁCH",
                                  "Kết quả xếp loại chất lượng đảng viên năm " + std::to_string(in.year));
  d.body.push_back(labelledParagraph("Đơn vị: ", in.scope_name));
  Table t;
  t.header = {"STT", "Họ và tên", "Chi bộ", "Tự xếp loại", "Chi bộ đề nghị", "Cấp ủy quyết định", "Điểm"};
  t.widths = {0.8, 3.0, 2.4, 1.4, 1.4, 1.6, 0.9};
  t.align = {Align::centre, Align::left, Align::left, Align::centre, Align::centre, Align::centre, Align::centre};
  for (size_t i = 0; i < in.rows.size(); ++i) {
    const auto& r = in.rows[i];
    t.rows.push_back({std::to_string(i + 1), r.member_name, r.cell_name, r.self_level, r.cell_level, r.decided_level,
                      r.points ? std::to_string(*r.points) : ""});
  }
  d.body.push_back(t);
  std::string summary = "Tổng số: " + std::to_string(in.rows.size()) + " đảng viên";
  for (const auto& [name, n] : in.totals) summary += "; " + name + ": " + std::to_string(n);
  if (in.not_decided) summary += "; chưa quyết định: " + std::to_string(in.not_decided);
  d.body.push_back(plainParagraph(summary + "."));
  if (!in.cells.empty()) {
    d.body.push_back(Heading{"Xếp loại các chi bộ", 2});
    Table c;
    c.header = {"STT", "Chi bộ", "Mức xếp loại"};
    c.widths = {0.8, 4.0, 3.0};
    c.align = {Align::centre, Align::left, Align::left};
    for (size_t i = 0; i < in.cells.size(); ++i)
      c.rows.push_back({std::to_string(i + 1), in.cells[i].first, in.cells[i].second});
    d.body.push_back(c);
  }
  d.signatures = in.signatures;
  return d;
}

XlsxBook reviewResultsBook(const ReviewResultInput& in) {
  XlsxBook b;
  b.title = "Kết quả xếp loại chất lượng đảng viên năm " + std::to_string(in.year) + " – " + in.scope_name;
  b.author = in.heading.issuing_body;
  XlsxSheet s;
  s.name = "Đảng viên";
  s.title = b.title;
  s.header = {"STT", "Họ và tên", "Chi bộ", "Tự xếp loại", "Chi bộ đề nghị", "Cấp ủy quyết định", "Điểm"};
  s.column_widths = {6, 28, 24, 14, 16, 18, 8};
  for (size_t i = 0; i < in.rows.size(); ++i) {
    const auto& r = in.rows[i];
    std::vector<XlsxCell> row{int64_t(i + 1), r.member_name, r.cell_name, r.self_level, r.cell_level, r.decided_level};
    row.push_back(r.points ? XlsxCell(int64_t(*r.points)) : XlsxCell());
    s.rows.push_back(std::move(row));
  }
  b.sheets.push_back(std::move(s));
  if (!in.cells.empty()) {
    XlsxSheet c;
    c.name = "Chi bộ";
    c.header = {"STT", "Chi bộ", "Mức xếp loại"};
    c.column_widths = {6, 30, 30};
    for (size_t i = 0; i < in.cells.size(); ++i)
      c.rows.push_back({int64_t(i + 1), in.cells[i].first, in.cells[i].second});
    b.sheets.push_back(std::move(c));
  }
  return b;
}

}  // namespace chibo
