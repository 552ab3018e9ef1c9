#include "export/pdf_renderer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <numeric>

#include "export/pango_text.h"
#include "export/text.h"

namespace chibo {
namespace {

constexpr double kPageW = 595.2756;  // A4, 210 mm in points
constexpr double kPageH = 841.8898;  // 297 mm
constexpr double kParaGap = 6;       // points after a paragraph
constexpr double kIndent = 28.35;    // 1 cm first-line indent
constexpr double kCellPad = 4;
constexpr double kSignSpace = 64;    // room for the handwritten signature

double mm(double v) { return v * 72.0 / 25.4; }

class PdfWriter {
 public:
  PdfWriter(const PartyDocument& doc, cairo_surface_t* surface)
      : doc_(doc), cr_(cairo_create(surface)), ctx_(createPdfPangoContext(cr_)) {
    left_ = mm(doc.margins.left_mm);
    width_ = kPageW - left_ - mm(doc.margins.right_mm);
    top_ = mm(doc.margins.top_mm);
    bottom_ = kPageH - mm(doc.margins.bottom_mm);
    y_ = top_;
  }
  ~PdfWriter() {
    g_object_unref(ctx_);
    cairo_destroy(cr_);
  }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  void run() {
    drawHeader();
    drawTitle();
    for (size_t i = 0; i < doc_.body.size(); ++i) {
      if (i + 1 == doc_.body.size()) keepWithClosing(doc_.body[i]);
      std::visit([this](const auto& x) { draw(x); }, doc_.body[i]);
    }
    drawClosing();
  }

 private:
  LayoutPtr layout(const std::string& markup, double width, const TextStyle& st) {
    return makeLayout(ctx_, markup, width, st);
  }

  static double height(PangoLayout* l) { return layoutHeight(l); }

  void show(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  void newPage() {
    cairo_show_page(cr_);
    ++page_;
    y_ = top_;
    // HD 36: page numbers in Arabic figures, top centre, from the second page.
    auto l = layout(std::to_string(page_), width_, {doc_.font_size, Align::centre});
    show(l.get(), left_, top_ / 2 - height(l.get()) / 2);
  }

  void ensureRoom(double h) {
    if (y_ + h > bottom_ && y_ > top_) newPage();
  }

  // Draws a layout line by line so that a long paragraph continues on the next page.
  void flow(PangoLayout* l, double x) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      PangoRectangle r;
      pango_layout_iter_get_line_extents(it, nullptr, &r);
      double lineH = pangoPoints(r.height);
      ensureRoom(lineH);
      double baseline = pangoPoints(pango_layout_iter_get_baseline(it) - r.y);
      cairo_move_to(cr_, x + pangoPoints(r.x), y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ += lineH;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  // Top block: issuing body on the left, the Party's name on the right, the
  // number and the place-date line on one level beneath them.
  void drawHeader() {
    const double leftW = width_ * 0.47, rightW = width_ - leftW, rightX = left_ + leftW;
    double ly = top_;
    if (!doc_.superior_body.empty()) {
      auto l = layout(escapeMarkup(doc_.superior_body), leftW, {14, Align::centre});
      show(l.get(), left_, ly);
      ly += height(l.get());
    }
    if (!doc_.issuing_body.empty()) {
      auto l = layout("<b>" + escapeMarkup(doc_.issuing_body) + "</b>", leftW, {14, Align::centre});
      show(l.get(), left_, ly);
      ly += height(l.get());
    }
    auto star = layout("*", leftW, {14, Align::centre});
    show(star.get(), left_, ly);
    ly += height(star.get()) + 2;

    auto party = layout("<b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b>", rightW, {15, Align::centre});
    show(party.get(), rightX, top_);
    double ry = top_ + height(party.get()) + 8;

    double rowY = std::max(ly, ry);
    double endY = rowY;
    if (!doc_.number.empty()) {
      auto l = layout(escapeMarkup(doc_.number), leftW, {14, Align::centre});
      show(l.get(), left_, rowY);
      endY = std::max(endY, rowY + height(l.get()));
    }
    auto date = layout("<i>" + escapeMarkup(placeDateLine(doc_.place, doc_.date)) + "</i>", rightW,
                       {14, Align::centre});
    show(date.get(), rightX, rowY);
    y_ = std::max(endY, rowY + height(date.get())) + 18;
  }

  void drawTitle() {
    if (!doc_.doc_type.empty()) {
      auto l = layout("<b>" + escapeMarkup(doc_.doc_type) + "</b>", width_, {16, Align::centre});
      show(l.get(), left_, y_);
      y_ += height(l.get());
    }
    if (!doc_.title.empty()) {
      auto l = layout("<b>" + escapeMarkup(doc_.title) + "</b>", width_ * 0.85, {14, Align::centre});
      show(l.get(), left_ + width_ * 0.075, y_);
      y_ += height(l.get());
    }
    // The short rule under the title that party documents carry.
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, left_ + width_ / 2 - 40, y_ + 6);
    cairo_line_to(cr_, left_ + width_ / 2 + 40, y_ + 6);
    cairo_stroke(cr_);
    y_ += 18;
  }

  // A signature alone at the top of a page reads as detached from what it
  // signs: if a final paragraph and the closing do not fit together, both move.
  void keepWithClosing(const Block& last) {
    const auto* p = std::get_if<Paragraph>(&last);
    if (!p) return;
    auto l = layout(markupOf(p->runs), width_, {doc_.font_size, p->align, p->first_line_indent ? kIndent : 0});
    double need = height(l.get()) + kParaGap + closingHeight();
    if (need < bottom_ - top_) ensureRoom(need);
  }

  void draw(const Heading& h) {
    std::string m = escapeMarkup(h.text);
    m = h.level >= 3 ? "<b><i>" + m + "</i></b>" : "<b>" + m + "</b>";
    auto l = layout(m, width_, {doc_.font_size, Align::justify, kIndent});
    // Keep a heading with at least two lines of what follows.
    ensureRoom(height(l.get()) + 2.5 * doc_.font_size);
    flow(l.get(), left_);
    y_ += kParaGap / 2;
  }

  void draw(const Paragraph& p) {
    auto l = layout(markupOf(p.runs), width_, {doc_.font_size, p.align, p.first_line_indent ? kIndent : 0});
    flow(l.get(), left_);
    y_ += kParaGap;
  }

  void draw(const BulletList& b) {
    double indent = kIndent * (1 + b.level);
    for (const auto& item : b.items) {
      std::vector<TextRun> runs;
      if (!b.marker.empty()) runs.push_back({b.marker + " ", false, false});
      runs.insert(runs.end(), item.begin(), item.end());
      auto l = layout(markupOf(runs), width_, {doc_.font_size, Align::justify, indent});
      flow(l.get(), left_);
      y_ += kParaGap / 2;
    }
    y_ += kParaGap / 2;
  }

  void draw(const Table& t) {
    size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    if (cols == 0) return;
    std::vector<double> w(cols, 1.0);
    for (size_t i = 0; i < cols && i < t.widths.size(); ++i) w[i] = std::max(t.widths[i], 0.01);
    double sum = std::accumulate(w.begin(), w.end(), 0.0);
    for (auto& x : w) x = x * width_ / sum;
    const double size = doc_.font_size - 1;  // tables are set one point smaller to fit more

    auto rowLayouts = [&](const std::vector<std::string>& cells, bool header) {
      std::vector<LayoutPtr> ls;
      double h = 0;
      for (size_t i = 0; i < cols; ++i) {
        std::string text = i < cells.size() ? cells[i] : "";
        Align a = header ? Align::centre : (i < t.align.size() ? t.align[i] : Align::left);
        std::string m = header ? "<b>" + escapeMarkup(text) + "</b>" : escapeMarkup(text);
        ls.push_back(layout(m, w[i] - 2 * kCellPad, {size, a}));
        h = std::max(h, height(ls.back().get()));
      }
      return std::pair{std::move(ls), h + 2 * kCellPad};
    };
    auto drawRow = [&](std::vector<LayoutPtr>& ls, double h) {
      double x = left_;
      cairo_set_line_width(cr_, 0.5);
      for (size_t i = 0; i < cols; ++i) {
        cairo_rectangle(cr_, x, y_, w[i], h);
        cairo_stroke(cr_);
        show(ls[i].get(), x + kCellPad, y_ + kCellPad);
        x += w[i];
      }
      y_ += h;
    };

    auto [head, headH] = rowLayouts(t.header, true);
    bool hasHeader = !t.header.empty();
    double firstRowH = 0;
    if (!t.rows.empty()) firstRowH = rowLayouts(t.rows.front(), false).second;
    ensureRoom((hasHeader ? headH : 0) + firstRowH);
    if (hasHeader) drawRow(head, headH);
    for (const auto& r : t.rows) {
      auto [ls, h] = rowLayouts(r, false);
      // A row never splits; a row taller than a whole page is drawn and clipped.
      if (y_ + h > bottom_) {
        newPage();
        if (hasHeader) drawRow(head, headH);
      }
      drawRow(ls, h);
    }
    y_ += kParaGap * 2;
  }

  struct Column {
    std::vector<LayoutPtr> parts;
    std::vector<double> gaps;  // space before each part
    double height() const {
      double h = 0;
      for (size_t i = 0; i < parts.size(); ++i) h += gaps[i] + PdfWriter::height(parts[i].get());
      return h;
    }
  };

  Column signatureColumn(const Signature& s, double w) {
    Column c;
    auto add = [&](const std::string& m, double gap, double size = 14) {
      c.parts.push_back(layout(m, w, {size, Align::centre}));
      c.gaps.push_back(gap);
    };
    if (!s.authority.empty()) add("<b>" + escapeMarkup(s.authority) + "</b>", 0);
    if (!s.position.empty()) add("<b>" + escapeMarkup(s.position) + "</b>", 0);
    add("<b>" + escapeMarkup(s.name) + "</b>", kSignSpace);
    return c;
  }

  Column recipientsColumn(double w) {
    Column c;
    if (doc_.recipients.empty()) return c;
    c.parts.push_back(layout("<b><i>Nơi nhận:</i></b>", w, {12, Align::left}));
    c.gaps.push_back(0);
    for (const auto& r : doc_.recipients) {
      c.parts.push_back(layout(escapeMarkup("- " + r), w, {11, Align::left}));
      c.gaps.push_back(0);
    }
    return c;
  }

  void showColumn(Column& c, double x, double y) {
    for (size_t i = 0; i < c.parts.size(); ++i) {
      y += c.gaps[i];
      show(c.parts[i].get(), x, y);
      y += height(c.parts[i].get());
    }
  }

  double closingHeight() {
    const auto& sigs = doc_.signatures;
    if (sigs.size() <= 1) {
      double leftW = width_ * 0.45, rightW = width_ - leftW;
      double h = recipientsColumn(leftW).height() + 4;
      if (!sigs.empty()) h = std::max(h, signatureColumn(sigs.front(), rightW).height());
      return h + 6;
    }
    double h = 0;
    for (const auto& sig : sigs) h = std::max(h, signatureColumn(sig, width_ / double(sigs.size())).height());
    return h + 6;
  }

  // Signatures and recipients: one signature goes right with "Nơi nhận" on the
  // left; several share the width and the recipients follow below them.
  void drawClosing() {
    y_ += 6;
    const auto& sigs = doc_.signatures;
    if (sigs.size() <= 1) {
      double leftW = width_ * 0.45, rightW = width_ - leftW;
      Column rec = recipientsColumn(leftW);
      Column sig;
      if (!sigs.empty()) sig = signatureColumn(sigs.front(), rightW);
      ensureRoom(std::max(rec.height(), sig.height()));
      showColumn(rec, left_, y_ + 4);
      showColumn(sig, left_ + leftW, y_);
      y_ += std::max(rec.height() + 4, sig.height());
      return;
    }
    double colW = width_ / double(sigs.size());
    std::vector<Column> cols;
    double h = 0;
    for (const auto& s : sigs) {
      cols.push_back(signatureColumn(s, colW));
      h = std::max(h, cols.back().height());
    }
    ensureRoom(h);
    for (size_t i = 0; i < cols.size(); ++i) showColumn(cols[i], left_ + colW * double(i), y_);
    y_ += h + 12;
    Column rec = recipientsColumn(width_ * 0.6);
    if (!rec.parts.empty()) {
      ensureRoom(rec.height());
      showColumn(rec, left_, y_);
      y_ += rec.height();
    }
  }

  const PartyDocument& doc_;
  cairo_t* cr_;
  PangoContext* ctx_;
  double left_ = 0, width_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
  int page_ = 1;
};

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> renderPdf(const PartyDocument& doc) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendToString, &out, kPageW, kPageH);
  std::string caption = nfc(documentCaption(doc));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, caption.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "chibo");
  {
    PdfWriter w(doc, surface);
    w.run();
  }
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) return Error::internal(std::string("Không tạo được PDF: ") + cairo_status_to_string(st));
  return out;
}

Status writePdfFile(const PartyDocument& doc, const std::string& path) {
  auto pdf = renderPdf(doc);
  if (!pdf) return pdf.error();
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(pdf->data(), std::streamsize(pdf->size()));
  f.close();
  if (!f) return Error::internal("Không ghi được tệp PDF.");
  return okStatus();
}

}  // namespace chibo
