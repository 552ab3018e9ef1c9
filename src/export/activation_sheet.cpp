#include "export/activation_sheet.h"

#include <cairo-pdf.h>

#include <algorithm>

#include "export/pango_text.h"
#include "export/qr_code.h"

namespace chibo {
namespace {

constexpr double kPageW = 595.2756;  // A4 in points
constexpr double kPageH = 841.8898;
constexpr double kMargin = 36;       // 12.7 mm: inside every office printer's printable area
constexpr int kCols = 2, kRows = 4;  // 8 cards of 92 × 69 mm: a QR of 30 mm scans from arm's length
constexpr double kHeader = 28;
constexpr double kPad = 10;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class SheetWriter {
 public:
  explicit SheetWriter(cairo_surface_t* s) : cr_(cairo_create(s)), ctx_(createPdfPangoContext(cr_)) {}
  ~SheetWriter() {
    g_object_unref(ctx_);
    cairo_destroy(cr_);
  }
  SheetWriter(const SheetWriter&) = delete;
  SheetWriter& operator=(const SheetWriter&) = delete;

  void text(const std::string& markup, double x, double y, double w, double size, Align align = Align::left) {
    auto l = makeLayout(ctx_, markup, w, {size, align, 0});
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }
  double height(const std::string& markup, double w, double size) {
    auto l = makeLayout(ctx_, markup, w, {size, Align::left, 0});
    return layoutHeight(l.get());
  }

  void header(const std::string& cell, int page_in_cell) {
    std::string t = "<b>PHIẾU KÍCH HOẠT TÀI KHOẢN</b> — " + escapeMarkup(cell);
    if (page_in_cell > 1) t += " (tiếp theo)";
    text(t, kMargin, kMargin, kPageW - 2 * kMargin, 12, Align::centre);
  }

  void card(const ActivationCard& c, int slot, const std::string& site) {
    double cw = (kPageW - 2 * kMargin) / kCols, ch = (kPageH - 2 * kMargin - kHeader) / kRows;
    double x = kMargin + (slot % kCols) * cw, y = kMargin + kHeader + (slot / kCols) * ch;
    // Dashed cut lines around the card.
    cairo_save(cr_);
    const double dash[] = {4, 3};
    cairo_set_dash(cr_, dash, 2, 0);
    cairo_set_line_width(cr_, 0.5);
    cairo_set_source_rgb(cr_, 0.5, 0.5, 0.5);
    cairo_rectangle(cr_, x, y, cw, ch);
    cairo_stroke(cr_);
    cairo_restore(cr_);
    cairo_set_source_rgb(cr_, 0, 0, 0);

    double qr_size = 92;
    if (auto m = qrEncode(c.activate_url)) {
      int n = m->width + 8;  // 4 modules of quiet zone each side
      double mod = qr_size / n, qx = x + kPad, qy = y + kPad;
      for (int r = 0; r < m->width; ++r)
        for (int col = 0; col < m->width; ++col)
          if (m->at(col, r)) cairo_rectangle(cr_, qx + (col + 4) * mod, qy + (r + 4) * mod, mod, mod);
      cairo_fill(cr_);
    }
    double tx = x + kPad + qr_size + 6, tw = cw - (tx - x) - kPad, ty = y + kPad;
    auto line = [&](const std::string& markup, double size) {
      text(markup, tx, ty, tw, size);
      ty += height(markup, tw, size) + 2;
    };
    line("<b>" + escapeMarkup(c.member_name) + "</b>", 12);
    if (!c.cell_name.empty()) line(escapeMarkup(c.cell_name), 10);
    line("Tên đăng nhập: <b>" + escapeMarkup(c.username) + "</b>", 11);
    line("Mã kích hoạt:", 10);
    line("<span font_family=\"monospace\" size=\"large\"><b>" + escapeMarkup(c.code) + "</b></span>", 13);
    line("Dùng một lần, hết hạn ngày " + escapeMarkup(c.expires), 9);
    double by = y + kPad + qr_size + 4;
    text("Quét mã QR bằng điện thoại, hoặc mở " + escapeMarkup(site) +
             ", chọn «Kích hoạt tài khoản» và nhập mã; rồi tự đặt mật khẩu (ít nhất 10 ký tự). "
             "Không đưa mã này cho người khác.",
         x + kPad, std::max(by, ty + 2), cw - 2 * kPad, 9);
  }

  void showPage() { cairo_show_page(cr_); }

 private:
  cairo_t* cr_;
  PangoContext* ctx_;
};

}  // namespace

Result<std::string> renderActivationSheet(const std::vector<ActivationCard>& cards, const std::string& site) {
  if (cards.empty()) return Error::badRequest("no_accounts", "Không có tài khoản nào chờ kích hoạt để in.");
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendToString, &out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Phiếu kích hoạt tài khoản");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "chibo");
  {
    SheetWriter w(surface);
    int slot = 0, page_in_cell = 0;
    std::string cell;
    for (size_t i = 0; i < cards.size(); ++i) {
      bool new_cell = i == 0 || cards[i].cell_name != cell;
      if (i > 0 && (new_cell || slot == kCols * kRows)) {
        w.showPage();
        slot = 0;
      }
      if (new_cell) page_in_cell = 0;
      if (slot == 0) w.header(cards[i].cell_name, ++page_in_cell);
      cell = cards[i].cell_name;
      w.card(cards[i], slot++, site);
    }
    w.showPage();
  }
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS)
    return Error::internal(std::string("Không tạo được PDF: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace chibo
