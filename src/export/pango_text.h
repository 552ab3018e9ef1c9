#pragma once
// Pango plumbing for the PDF renderer: a Pango context measuring in PDF points
// and text layouts in the document font. Kept apart so that pdf_renderer.cpp
// is only about page layout.
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "export/party_document.h"

namespace chibo {

// The font family the renderers ask for: "Times New Roman" when fontconfig
// has it, else "Liberation Serif" (metric-compatible, in fonts-liberation2).
// Set by family name, never through a "Times New Roman 13" string, which
// Pango parses as family "Times New" with style "Roman" (stack.md §2.5).
const std::string& serifFamily();

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

// How a piece of text should look; everything else about a layout is fixed
// (serif family, word wrap).
struct TextStyle {
  double size = 13;  // points
  Align align = Align::left;
  double indent = 0;  // first-line indent, points
};

// A Pango context for drawing on `cr` at 1 unit = 1 point, without hinting
// (PDF glyph positions should not be snapped to a screen grid). The caller
// releases it with g_object_unref.
PangoContext* createPdfPangoContext(cairo_t* cr);

// A layout of Pango `markup` wrapped to `width` points.
LayoutPtr makeLayout(PangoContext* ctx, const std::string& markup, double width, const TextStyle& st);

// Height of a whole layout, points.
double layoutHeight(PangoLayout* l);

// Text made safe for Pango markup, normalised to NFC first.
std::string escapeMarkup(const std::string& s);

// Runs as markup, with <b> and <i> where the runs ask for them.
std::string markupOf(const std::vector<TextRun>& runs);

inline int pangoUnits(double pt) { return int(pt * PANGO_SCALE); }
inline double pangoPoints(int units) { return double(units) / PANGO_SCALE; }

}  // namespace chibo
