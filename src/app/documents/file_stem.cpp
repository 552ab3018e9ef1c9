// The ASCII file name shared by every document download.
#include "app/documents/documents.h"

#include "domain/text/vn_text.h"

namespace chibo {

std::string asciiFileStem(const std::string& stem) {
  std::string folded = foldForSearch(stem), out;
  for (char ch : folded) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (ok) out += ch;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "tai-lieu" : out;
}

}  // namespace chibo
