#include "export/docx_renderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "export/text.h"
#include "export/zip_writer.h"

namespace chibo {
namespace {

constexpr int kPageW = 11906;  // A4 width in twentieths of a point (twips)
constexpr int kPageH = 16838;
constexpr int kIndent = 567;   // 1 cm first-line indent

int twips(double mm) { return int(std::lround(mm * 1440.0 / 25.4)); }
int halfPoints(double pt) { return int(std::lround(pt * 2)); }

const char* jc(Align a) {
  switch (a) {
    case Align::left: return "left";
    case Align::centre: return "center";
    case Align::right: return "right";
    case Align::justify: return "both";
  }
  return "left";
}

struct RunStyle {
  bool bold = false, italic = false, underline = false;
  double size = 0;  // points; 0 = document default
};

// A run; line breaks in the text become <w:br/>. rPr children follow the
// schema order b, i, sz, szCs, u.
std::string run(const std::string& text, const RunStyle& st) {
  std::string props;
  if (st.bold) props += "<w:b/>";
  if (st.italic) props += "<w:i/>";
  if (st.size > 0) {
    std::string hp = std::to_string(halfPoints(st.size));
    props += "<w:sz w:val=\"" + hp + "\"/><w:szCs w:val=\"" + hp + "\"/>";
  }
  if (st.underline) props += "<w:u w:val=\"single\"/>";
  std::string out = "<w:r>";
  if (!props.empty()) out += "<w:rPr>" + props + "</w:rPr>";
  std::string t = nfc(text);
  size_t start = 0;
  while (true) {
    size_t nl = t.find('\n', start);
    out += "<w:t xml:space=\"preserve\">" + xmlEscape(t.substr(start, nl - start)) + "</w:t>";
    if (nl == std::string::npos) break;
    out += "<w:br/>";
    start = nl + 1;
  }
  return out + "</w:r>";
}

struct ParaStyle {
  Align align = Align::left;
  int first_line = 0;  // twips
  int after = 0;       // twips of space after
  bool keep_next = false;  // keep on the same page as what follows
};

// pPr children in the order the schema requires (Word rejects other orders).
std::string paragraph(const std::string& runs, const ParaStyle& st) {
  std::string p = "<w:p><w:pPr>";
  if (st.keep_next) p += "<w:keepNext/>";
  p += "<w:spacing w:before=\"0\" w:after=\"" + std::to_string(st.after) + "\"/>";
  if (st.first_line) p += "<w:ind w:firstLine=\"" + std::to_string(st.first_line) + "\"/>";
  p += "<w:jc w:val=\"" + std::string(jc(st.align)) + "\"/></w:pPr>";
  return p + runs + "</w:p>";
}

std::string runsOf(const std::vector<TextRun>& runs) {
  std::string out;
  for (const auto& r : runs) out += run(r.text, {r.bold, r.italic, false, 0});
  return out;
}

std::string centred(const std::string& text, RunStyle st) {
  return paragraph(run(text, st), {Align::centre, 0, 0});
}

std::string cell(int width, const std::string& content, bool borders = true) {
  std::string c = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (!borders) c += "<w:tcBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tcBorders>";
  // Word rejects a cell without a paragraph.
  return c + "</w:tcPr>" + (content.empty() ? "<w:p/>" : content) + "</w:tc>";
}

std::string tableStart(const std::vector<int>& widths, bool borders) {
  int total = std::accumulate(widths.begin(), widths.end(), 0);
  std::string t = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) + "\" w:type=\"dxa\"/>";
  if (borders) {
    t += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      t += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    t += "</w:tblBorders>";
  } else {
    t += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      t += std::string("<w:") + side + " w:val=\"nil\"/>";
    t += "</w:tblBorders>";
  }
  t += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) t += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  return t + "</w:tblGrid>";
}

class DocxWriter {
 public:
  explicit DocxWriter(const PartyDocument& doc) : doc_(doc) {
    textW_ = kPageW - twips(doc.margins.left_mm) - twips(doc.margins.right_mm);
  }

  std::string document() {
    std::string b;
    b += header();
    b += title();
    for (size_t i = 0; i < doc_.body.size(); ++i) {
      // The last paragraph stays on the signature's page, as in the PDF.
      if (i + 1 == doc_.body.size())
        if (const auto* p = std::get_if<Paragraph>(&doc_.body[i])) {
          b += paragraph(runsOf(p->runs), {p->align, p->first_line_indent ? kIndent : 0, 120, true});
          continue;
        }
      b += std::visit([this](const auto& x) { return render(x); }, doc_.body[i]);
    }
    b += closing();
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           "\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
           b + section() + "</w:body></w:document>";
  }

 private:
  // The HD 36 header as a borderless table: row 1 bodies and the Party's name,
  // row 2 the number and the place-date line, so those two sit on one level.
  std::string header() {
    int lw = int(textW_ * 0.47), rw = textW_ - lw;
    std::string left, right;
    if (!doc_.superior_body.empty()) left += centred(doc_.superior_body, {false, false, false, 14});
    if (!doc_.issuing_body.empty()) left += centred(doc_.issuing_body, {true, false, false, 14});
    left += centred("*", {false, false, false, 14});
    right += centred("ĐẢNG CỘNG SẢN VIỆT NAM", {true, false, true, 15});
    std::string t = tableStart({lw, rw}, false);
    t += "<w:tr>" + cell(lw, left, false) + cell(rw, right, false) + "</w:tr>";
    t += "<w:tr>" + cell(lw, doc_.number.empty() ? "" : centred(doc_.number, {false, false, false, 14}), false) +
         cell(rw, centred(placeDateLine(doc_.place, doc_.date), {false, true, false, 14}), false) + "</w:tr>";
    return t + "</w:tbl>" + paragraph("", {});
  }

  std::string title() {
    std::string t;
    if (!doc_.doc_type.empty()) t += centred(doc_.doc_type, {true, false, false, 16});
    if (!doc_.title.empty()) t += centred(doc_.title, {true, false, false, 14});
    return t + paragraph("", {});
  }

  std::string render(const Heading& h) {
    return paragraph(run(h.text, {true, h.level >= 3, false, 0}), {Align::justify, kIndent, 60});
  }

  std::string render(const Paragraph& p) {
    return paragraph(runsOf(p.runs), {p.align, p.first_line_indent ? kIndent : 0, 120});
  }

  std::string render(const BulletList& b) {
    std::string out;
    for (const auto& item : b.items) {
      std::vector<TextRun> runs;
      if (!b.marker.empty()) runs.push_back({b.marker + " ", false, false});
      runs.insert(runs.end(), item.begin(), item.end());
      out += paragraph(runsOf(runs), {Align::justify, kIndent * (1 + b.level), 60});
    }
    return out;
  }

  std::string render(const Table& t) {
    size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    if (cols == 0) return "";
    std::vector<double> w(cols, 1.0);
    for (size_t i = 0; i < cols && i < t.widths.size(); ++i) w[i] = std::max(t.widths[i], 0.01);
    double sum = std::accumulate(w.begin(), w.end(), 0.0);
    std::vector<int> widths;
    for (double x : w) widths.push_back(int(x * textW_ / sum));
    const double size = doc_.font_size - 1;  // as in the PDF: tables one point smaller

    std::string out = tableStart(widths, true);
    if (!t.header.empty()) {
      // tblHeader repeats the row on each page; cantSplit keeps rows whole.
      out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
      for (size_t i = 0; i < cols; ++i)
        out += cell(widths[i], centred(i < t.header.size() ? t.header[i] : "", {true, false, false, size}));
      out += "</w:tr>";
    }
    for (const auto& r : t.rows) {
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (size_t i = 0; i < cols; ++i) {
        Align a = i < t.align.size() ? t.align[i] : Align::left;
        out += cell(widths[i], paragraph(run(i < r.size() ? r[i] : "", {false, false, false, size}), {a, 0, 0}));
      }
      out += "</w:tr>";
    }
    return out + "</w:tbl>" + paragraph("", {});
  }

  std::string signature(const Signature& s) {
    std::string c;
    if (!s.authority.empty()) c += centred(s.authority, {true, false, false, 14});
    if (!s.position.empty()) c += centred(s.position, {true, false, false, 14});
    for (int i = 0; i < 4; ++i) c += paragraph("", {});  // room for the handwritten signature
    return c + centred(s.name, {true, false, false, 14});
  }

  std::string recipients() {
    if (doc_.recipients.empty()) return "";
    std::string c = paragraph(run("Nơi nhận:", {true, true, false, 12}), {});
    for (const auto& r : doc_.recipients) c += paragraph(run("- " + r, {false, false, false, 11}), {});
    return c;
  }

  // One signature sits right with "Nơi nhận" left; several share the width.
  std::string closing() {
    const auto& sigs = doc_.signatures;
    std::string out;
    if (sigs.size() <= 1) {
      int lw = int(textW_ * 0.45), rw = textW_ - lw;
      out += tableStart({lw, rw}, false);
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(lw, recipients(), false) +
             cell(rw, sigs.empty() ? "" : signature(sigs.front()), false) + "</w:tr></w:tbl>";
      return out + paragraph("", {});
    }
    int w = textW_ / int(sigs.size());
    out += tableStart(std::vector<int>(sigs.size(), w), false) + "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (const auto& s : sigs) out += cell(w, signature(s), false);
    out += "</w:tr></w:tbl>" + paragraph("", {});
    return out + recipients();
  }

  std::string section() {
    // titlePg with no first-page header: the number starts on page 2 (HD 36).
    return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"
           "<w:pgSz w:w=\"" + std::to_string(kPageW) + "\" w:h=\"" + std::to_string(kPageH) + "\"/>"
           "<w:pgMar w:top=\"" + std::to_string(twips(doc_.margins.top_mm)) +
           "\" w:right=\"" + std::to_string(twips(doc_.margins.right_mm)) +
           "\" w:bottom=\"" + std::to_string(twips(doc_.margins.bottom_mm)) +
           "\" w:left=\"" + std::to_string(twips(doc_.margins.left_mm)) +
           "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>";
  }

  const PartyDocument& doc_;
  int textW_ = 0;
};

std::string stylesXml(double fontSize) {
  std::string hp = std::to_string(halfPoints(fontSize));
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val=")" +
         hp + R"("/><w:szCs w:val=")" + hp + R"("/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>)";
}

const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>)";

const char* kRootRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>)";

const char* kDocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>)";

std::string headerXml(double fontSize) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val=")" +
         std::to_string(halfPoints(fontSize)) + R"("/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>)";
}

std::string coreXml(const PartyDocument& doc) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>)" +
         xmlEscape(nfc(documentCaption(doc))) + "</dc:title><dc:creator>" + xmlEscape(nfc(doc.issuing_body)) +
         "</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
}

}  // namespace

Result<std::string> renderDocx(const PartyDocument& doc) {
  ZipParts parts{
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRootRels},
      {"docProps/core.xml", coreXml(doc)},
      {"word/document.xml", DocxWriter(doc).document()},
      {"word/styles.xml", stylesXml(doc.font_size)},
      {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/header1.xml", headerXml(doc.font_size)},
  };
  return zipParts(parts);
}

}  // namespace chibo
