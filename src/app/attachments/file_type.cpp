// Deciding what an uploaded file is from its first bytes, and cleaning its name.
#include <algorithm>
#include <array>

#include "app/attachments/attachments.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
  return out;
}

// Part names in a ZIP are stored in clear in the local and central headers, so
// an OOXML package names its main part somewhere in the bytes.
bool ooxmlWith(std::string_view bytes, std::string_view main_part) {
  return bytes.find("[Content_Types].xml") != std::string_view::npos && bytes.find(main_part) != std::string_view::npos;
}

}  // namespace

std::optional<DetectedType> detectAttachmentType(std::string_view bytes, std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext = lowerAscii(file_name.substr(dot + 1));
  static constexpr std::string_view kPng("\x89PNG\r\n\x1a\n", 8);
  static constexpr std::string_view kJpeg("\xFF\xD8\xFF", 3);
  static constexpr std::string_view kZip("PK\x03\x04", 4);
  if (startsWith(bytes, "%PDF-") && ext == "pdf") return DetectedType{"pdf", "application/pdf"};
  if (startsWith(bytes, kPng) && ext == "png") return DetectedType{"png", "image/png"};
  if (startsWith(bytes, kJpeg) && (ext == "jpg" || ext == "jpeg")) return DetectedType{"jpg", "image/jpeg"};
  if (startsWith(bytes, kZip)) {
    if (ext == "docx" && ooxmlWith(bytes, "word/"))
      return DetectedType{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
    if (ext == "xlsx" && ooxmlWith(bytes, "xl/"))
      return DetectedType{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
  }
  return std::nullopt;
}

std::optional<std::string> sanitiseFileName(std::string_view raw) {
  if (!isValidUtf8(raw)) return std::nullopt;
  std::string name = nfc(raw);
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if (ch < 0x20 || ch == 0x7F || std::string_view(":*?\"<>|").find(char(ch)) != std::string_view::npos) continue;
    // Bidirectional controls (U+202A..U+202E, U+2066..U+2069) can disguise
    // "gpj.exe" as "exe.jpg": drop them.
    if (ch == 0xE2 && i + 2 < name.size()) {
      unsigned char b1 = static_cast<unsigned char>(name[i + 1]), b2 = static_cast<unsigned char>(name[i + 2]);
      if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
        i += 2;
        continue;
      }
    }
    out += char(ch);
  }
  auto trim = [](char ch) { return ch == ' ' || ch == '.'; };
  while (!out.empty() && trim(out.back())) out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && trim(out[lead])) ++lead;
  out.erase(0, lead);
  if (out.empty() || utf8Length(out) > 200) return std::nullopt;
  return out;
}

}  // namespace chibo
