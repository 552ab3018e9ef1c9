#pragma once
// A party document as HD 36-HD/VPTW (03/4/2018) lays it out, independent of the
// output format. Builders (minutes, resolution, lists) fill one in; the PDF and
// DOCX renderers draw it. Text is UTF-8; renderers normalise it to NFC.
//
//   ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH            ĐẢNG CỘNG SẢN VIỆT NAM
//      CHI BỘ KHU PHỐ 1                ______________________
//             *
//        Số 01-NQ/CB          Tân Định, ngày 05 tháng 3 năm 2026
//
//                          NGHỊ QUYẾT
//           Lãnh đạo thực hiện nhiệm vụ tháng 3/2026
//   body ...
//   Nơi nhận:                               T/M CHI ỦY
//   - ...                                     BÍ THƯ
//                                          Nguyễn Văn An
#include <string>
#include <variant>
#include <vector>

#include "domain/date.h"

namespace chibo {

enum class Align { left, centre, right, justify };

// A piece of text with one style. A paragraph is a sequence of runs so that a
// label ("Chủ trì:") can be bold while the value after it is not.
struct TextRun {
  std::string text;
  bool bold = false;
  bool italic = false;
};

struct Paragraph {
  std::vector<TextRun> runs;
  Align align = Align::justify;
  bool first_line_indent = true;  // body paragraphs are indented ~1 cm
};

// Section headings: level 1 "I. ĐÁNH GIÁ KẾT QUẢ" (bold), level 2 "1. Ưu điểm"
// (bold), level 3 "a) ..." (bold italic). The caller writes the numbering.
struct Heading {
  std::string text;
  int level = 1;
};

// A dash list, the usual list style of party documents ("- ...", "+ ...").
struct BulletList {
  std::vector<std::vector<TextRun>> items;
  std::string marker = "-";
  int level = 0;  // 0 = body indent, 1 = one step further in (for "+" sub-items)
};

// A bordered table. `widths` are relative weights (empty = equal columns);
// `align` per column (empty = left). The header row is bold and centred and is
// repeated at the top of every page the table spans.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;
  std::vector<Align> align;
};

using Block = std::variant<Heading, Paragraph, BulletList, Table>;

// One signature column: "T/M CHI ỦY" / "BÍ THƯ" / (space to sign) / name.
// `authority` may be empty (a minutes' "THƯ KÝ" signs in person).
struct Signature {
  std::string authority;  // "T/M CHI ỦY", uppercase
  std::string position;   // "BÍ THƯ", "CHỦ TRÌ", "THƯ KÝ", uppercase
  std::string name;       // "Nguyễn Văn An"
};

// Page margins in millimetres. HD 36 ranges: top 20–25, bottom 20–25,
// left 30–35, right 15–20; the defaults sit at the low end of each range.
struct PageMargins {
  double top_mm = 20, bottom_mm = 20, left_mm = 30, right_mm = 15;
};

struct PartyDocument {
  // Top-left block. `superior_body` may be empty for a body with no superior shown.
  std::string superior_body;  // "ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH"
  std::string issuing_body;   // "CHI BỘ KHU PHỐ 1"
  std::string number;         // "Số 01-NQ/CB"
  // Top-right block: "ĐẢNG CỘNG SẢN VIỆT NAM" is fixed; the place-date line is
  // made from these by placeDateLine().
  std::string place;  // "Tân Định"
  Date date;
  // Document type (uppercase, e.g. "NGHỊ QUYẾT", "BIÊN BẢN") and summary title.
  std::string doc_type;
  std::string title;  // "Lãnh đạo thực hiện nhiệm vụ tháng 3/2026"

  std::vector<Block> body;
  // Left to right. Minutes have two (THƯ KÝ, CHỦ TRÌ); most documents one,
  // which is placed in the right column.
  std::vector<Signature> signatures;
  std::vector<std::string> recipients;  // "Nơi nhận:" lines, without the leading "- "

  double font_size = 13;  // body text, points (HD 36: 13–14)
  PageMargins margins;
};

// The place-and-date phrase of HD 36: "Tân Định, ngày 05 tháng 3 năm 2026".
// Days below 10 and the months 1 and 2 take a leading zero ("ngày 05",
// "tháng 02") so that a number cannot be extended by hand afterwards.
std::string placeDateLine(const std::string& place, Date date);

// The document's summary for metadata and file names: "NGHỊ QUYẾT Lãnh đạo ...".
std::string documentCaption(const PartyDocument& doc);

// The document's words in reading order, one block (paragraph, list item,
// table row with cells joined by " | ", signature line) per line, NFC: for
// previews, search indexing and tests. Includes the header and "Nơi nhận".
std::string documentPlainText(const PartyDocument& doc);

// Shorthands used by the builders.
Paragraph plainParagraph(std::string text, Align align = Align::justify);
// "label value": bold label, plain value, e.g. labelledParagraph("Chủ trì: ", "đồng chí ...").
Paragraph labelledParagraph(std::string label, std::string value);

}  // namespace chibo
