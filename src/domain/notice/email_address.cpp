#include "domain/notice/email_address.h"

#include <cctype>

namespace chibo {

bool plausibleEmail(std::string_view s) {
  if (s.empty() || s.size() > 254) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  if (domain.find("..") != std::string_view::npos || domain.front() == '-' || domain.back() == '-') return false;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    // Printable ASCII without the characters that end or split an SMTP path or a header.
    if (c <= 0x20 || c >= 0x7f || ch == '<' || ch == '>' || ch == ',' || ch == ';' || ch == '"' || ch == '\\' ||
        ch == '(' || ch == ')' || ch == '[' || ch == ']' || ch == ':')
      return false;
  }
  for (char ch : domain)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-') return false;
  return true;
}

std::string normalEmail(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  auto at = out.find('@');
  if (at != std::string::npos)
    for (size_t i = at + 1; i < out.size(); ++i) out[i] = char(std::tolower(static_cast<unsigned char>(out[i])));
  return out;
}

}  // namespace chibo
