#include "export/pango_text.h"

#include "export/text.h"

namespace chibo {

const std::string& serifFamily() {
  static const std::string family = [] {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    PangoFontFamily** families = nullptr;
    int n = 0;
    pango_font_map_list_families(map, &families, &n);
    bool found = false;
    for (int i = 0; i < n && !found; ++i)
      found = g_ascii_strcasecmp(pango_font_family_get_name(families[i]), "Times New Roman") == 0;
    g_free(families);
    return std::string(found ? "Times New Roman" : "Liberation Serif");
  }();
  return family;
}

PangoContext* createPdfPangoContext(cairo_t* cr) {
  PangoContext* ctx = pango_cairo_create_context(cr);
  // Pango assumes 96 dpi; a PDF's user unit is the point, so sizes must be 1:1.
  pango_cairo_context_set_resolution(ctx, 72);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ctx, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(ctx, FALSE);
  return ctx;
}

LayoutPtr makeLayout(PangoContext* ctx, const std::string& markup, double width, const TextStyle& st) {
  LayoutPtr l(pango_layout_new(ctx));
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, serifFamily().c_str());
  pango_font_description_set_size(fd, pangoUnits(st.size));
  pango_layout_set_font_description(l.get(), fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l.get(), pangoUnits(width));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent(l.get(), pangoUnits(st.indent));
  switch (st.align) {
    case Align::left: pango_layout_set_alignment(l.get(), PANGO_ALIGN_LEFT); break;
    case Align::centre: pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER); break;
    case Align::right: pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT); break;
    case Align::justify:
      pango_layout_set_alignment(l.get(), PANGO_ALIGN_LEFT);
      pango_layout_set_justify(l.get(), TRUE);
      break;
  }
  pango_layout_set_markup(l.get(), markup.c_str(), -1);
  return l;
}

double layoutHeight(PangoLayout* l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return pangoPoints(h);
}

std::string escapeMarkup(const std::string& s) {
  std::string n = nfc(s);
  gchar* e = g_markup_escape_text(n.c_str(), gssize(n.size()));
  std::string out(e);
  g_free(e);
  return out;
}

std::string markupOf(const std::vector<TextRun>& runs) {
  std::string m;
  for (const auto& r : runs) {
    std::string t = escapeMarkup(r.text);
    if (r.italic) t = "<i>" + t + "</i>";
    if (r.bold) t = "<b>" + t + "</b>";
    m += t;
  }
  return m;
}

}  // namespace chibo
