#include "import/legacy_text.h"

#include <glib.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

#include "domain/text/vn_text.h"
#include "import/legacy_tables.h"

namespace chibo::import {
namespace {

std::vector<char32_t> codePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    size_t n;
    if (c < 0x80) cp = c, n = 1;
    else if ((c >> 5) == 6 && i + 1 < s.size()) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), n = 2;
    else if ((c >> 4) == 14 && i + 2 < s.size()) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), n = 3;
    else if ((c >> 3) == 30 && i + 3 < s.size())
      cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F), n = 4;
    else cp = 0xFFFD, n = 1;
    out.push_back(cp);
    i += n;
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) out += char(cp);
  else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
  else if (cp < 0x10000)
    out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
  else
    out += char(0xF0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3F)), out += char(0x80 | ((cp >> 6) & 0x3F)),
        out += char(0x80 | (cp & 0x3F));
}

using Table = std::map<std::vector<char32_t>, std::string>;

Table parseTable(std::string_view tsv) {
  Table t;
  size_t pos = 0;
  while (pos < tsv.size()) {
    auto nl = tsv.find('\n', pos);
    auto line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::vector<char32_t> key;
    std::string hex(line.substr(0, tab));
    char* p = hex.data();
    while (*p) {
      char* end = nullptr;
      unsigned long v = std::strtoul(p, &end, 16);
      if (end == p) break;
      key.push_back(char32_t(v));
      p = end;
    }
    if (!key.empty()) t[key] = std::string(line.substr(tab + 1));
  }
  return t;
}

const Table& table(LegacyEncoding e) {
  static const Table tcvn3 = parseTable(legacyTable("tcvn3"));
  static const Table vni = parseTable(legacyTable("vni"));
  return e == LegacyEncoding::vni ? vni : tcvn3;
}

// Windows-1258 bytes 0x80–0xFF (Microsoft's code page 1258, as in unicode.org's CP1258.TXT);
// 0 marks an unassigned byte.
constexpr char16_t kCp1258[128] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0, 0x2039, 0x0152, 0,
    0, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0, 0x203A,
    0x0153, 0, 0, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5,
    0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, 0x0110, 0x00D1, 0x0309, 0x00D3,
    0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, 0x00E0, 0x00E1,
    0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0,
    0x20AB, 0x00FF};

bool asciiVowel(char32_t c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y': return true;
    default: return false;
  }
}

bool vniMark(char32_t c) {
  switch (c) {
    case 0xF9: case 0xF8: case 0xFB: case 0xF5: case 0xEF: case 0xE2: case 0xE1: case 0xE0: case 0xE5:
    case 0xE3: case 0xE4: case 0xEA: case 0xE9: case 0xE8: case 0xFA: case 0xFC: case 0xEB:
    case 0xD9: case 0xD8: case 0xDB: case 0xD5: case 0xCF: case 0xC2: case 0xC1: case 0xC0: case 0xC5:
    case 0xC3: case 0xC4: case 0xCA: case 0xC9: case 0xC8: case 0xDA: case 0xDC: case 0xCB: return true;
    default: return false;
  }
}

// Windows-1258 tone marks are combining bytes placed after a vowel.
bool cp1258Tone(char32_t c) { return c == 0xCC || c == 0xEC || c == 0xD2 || c == 0xDE || c == 0xF2; }
bool cp1258Vowel(char32_t c) {
  return asciiVowel(c) || c == 0xE2 || c == 0xEA || c == 0xF4 || c == 0xE3 || c == 0xF5 || c == 0xFD || c == 0xC2 ||
         c == 0xCA || c == 0xD4 || c == 0xC3 || c == 0xD5 || c == 0xDD;
}

}  // namespace

std::string_view label(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::tcvn3: return "TCVN3 (ABC)";
    case LegacyEncoding::vni: return "VNI";
    case LegacyEncoding::cp1258: return "Windows-1258";
    case LegacyEncoding::none: break;
  }
  return "Unicode";
}

bool mayBeLegacy(std::string_view utf8) {
  bool high = false;
  for (char32_t c : codePoints(utf8)) {
    if (c > 0xFF) return false;
    if (c >= 0xA0) high = true;
  }
  return high;
}

LegacyEncoding detectLegacy(const std::vector<std::string_view>& texts, bool allow_cp1258) {
  long tcvn = 0, vni = 0, cp = 0;
  // One letter beyond Latin-1 (ư, ơ, đ, ạ ...) anywhere means the file was written in
  // Unicode: then "Hoà" or "Thuý", which look like VNI byte pairs, are left alone.
  for (auto t : texts)
    for (char32_t c : codePoints(t))
      if (c > 0xFF && c != 0xFFFD && !(c >= 0x2000 && c <= 0x20FF) && c != 0x0152 && c != 0x0153 && c != 0x0160 &&
          c != 0x0161 && c != 0x0178 && c != 0x017D && c != 0x017E && c != 0x0192 && c != 0x02C6 && c != 0x02DC)
        return allow_cp1258 ? LegacyEncoding::cp1258 : LegacyEncoding::none;
  for (auto t : texts) {
    if (!mayBeLegacy(t)) continue;
    auto cps = codePoints(t);
    for (size_t i = 0; i < cps.size(); ++i) {
      char32_t c = cps[i];
      // TCVN3 puts its most frequent letters (à á ả ã ạ ă â đ ê ô ơ ư) on A1–BF,
      // where Latin-1 has only symbols that never occur inside a word.
      if (c >= 0xA1 && c <= 0xBF && i > 0 && cps[i - 1] != ' ') ++tcvn;
      if (i > 0 && asciiVowel(cps[i - 1]) && vniMark(c)) ++vni;
      if (i > 0 && cp1258Vowel(cps[i - 1]) && cp1258Tone(c)) ++cp;
    }
  }
  if (!allow_cp1258) cp = 0;
  if (tcvn == 0 && vni == 0 && cp == 0) return allow_cp1258 ? LegacyEncoding::cp1258 : LegacyEncoding::none;
  // A Windows-1258 tone byte right after a vowel is strong evidence (VNI puts its
  // single-byte letters ì ị ỉ ĩ after consonants), and Windows-1258's own â ê ă after
  // a vowel look like VNI pairs: its evidence counts double.
  cp *= 2;
  if (tcvn >= vni && tcvn >= cp) return LegacyEncoding::tcvn3;
  if (vni >= cp) return LegacyEncoding::vni;
  return LegacyEncoding::cp1258;
}

std::string fromLegacy(std::string_view utf8, LegacyEncoding e) {
  if (e == LegacyEncoding::none || !mayBeLegacy(utf8)) return std::string(utf8);
  auto cps = codePoints(utf8);
  std::string out;
  if (e == LegacyEncoding::cp1258) {
    for (char32_t c : cps) append(out, c >= 0x80 && c <= 0xFF && kCp1258[c - 0x80] ? char32_t(kCp1258[c - 0x80]) : c);
    return nfc(out);
  }
  const Table& t = table(e);
  for (size_t i = 0; i < cps.size();) {
    if (i + 1 < cps.size()) {
      if (auto it = t.find({cps[i], cps[i + 1]}); it != t.end()) {
        out += it->second;
        i += 2;
        continue;
      }
    }
    if (auto it = t.find({cps[i]}); it != t.end()) out += it->second;
    else append(out, cps[i]);
    ++i;
  }
  return nfc(out);
}

std::string restoreNameCapitals(std::string_view name) {
  auto cps = codePoints(name);
  std::string out;
  for (size_t i = 0; i < cps.size();) {
    if (cps[i] == ' ') {
      out += ' ';
      ++i;
      continue;
    }
    size_t end = i;
    int upper = 0;
    bool lower = false;
    while (end < cps.size() && cps[end] != ' ') {
      if (cps[end] >= 'A' && cps[end] <= 'Z') ++upper;
      if (cps[end] >= 'a' && cps[end] <= 'z') lower = true;
      ++end;
    }
    for (size_t k = i; k < end; ++k)
      append(out, (k == i || (upper >= 2 && !lower)) ? char32_t(g_unichar_toupper(gunichar(cps[k]))) : cps[k]);
    i = end;
  }
  return nfc(out);
}

std::string latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) append(out, c);
  return out;
}

}  // namespace chibo::import
