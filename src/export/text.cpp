#include "export/text.h"

#include <glib.h>

#include <memory>

#include "domain/meeting/vn_format.h"

namespace chibo {

std::string xmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string percentOf(int numerator, int denominator) {
  if (denominator <= 0) return "0%";
  return vnPercent(100.0 * numerator / denominator);
}

std::string upperVn(std::string_view s) {
  std::string n = nfc(s);
  std::unique_ptr<gchar, decltype(&g_free)> up(g_utf8_strup(n.c_str(), gssize(n.size())), g_free);
  return nfc(up.get());
}

std::string_view trimAscii(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace chibo
