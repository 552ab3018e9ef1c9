#include "domain/text/text_checks.h"

#include <glib.h>

namespace chibo {
namespace {

bool isZeroWidth(gunichar c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x034F ||
         c == 0x180E;
}

}  // namespace

TextProblem textProblem(std::string_view s) {
  bool visible = false;
  const char* end = s.data() + s.size();
  for (const char* p = s.data(); p < end; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == gunichar(-1) || c == gunichar(-2)) return TextProblem::control;  // not valid UTF-8 after all
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return TextProblem::control;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return TextProblem::bidi_override;
    if (!visible && !g_unichar_isspace(c) && !isZeroWidth(c) && !g_unichar_ismark(c)) visible = true;
  }
  return !s.empty() && !visible ? TextProblem::invisible_only : TextProblem::none;
}

}  // namespace chibo
