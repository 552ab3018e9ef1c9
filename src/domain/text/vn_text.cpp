#include "domain/text/vn_text.h"

#include <glib.h>

#include <memory>
#include <vector>

namespace chibo {
namespace {

struct GFree {
  void operator()(char* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

// The input itself when valid, else a copy with every bad sequence (and NUL)
// replaced by U+FFFD, so glib's functions only ever see valid UTF-8.
std::string sanitized(std::string_view s) {
  if (isValidUtf8(s)) return std::string(s);
  GString_ fixed(g_utf8_make_valid(s.data(), static_cast<gssize>(s.size())));
  return fixed ? std::string(fixed.get()) : std::string();
}

// Code points before which normalisation may cut the text: NFC(a + b) equals
// NFC(a) + NFC(b) when b starts with one of them (UAX #15, "Stable Code
// Points" and the boundary test of section 9.1). A code point qualifies when
// it is a starter (canonical combining class 0), is never the second half of
// a canonical composition (so it cannot merge into what precedes), and its
// decomposition also starts with such a starter. Built once from GLib's own
// tables so it always agrees with the normaliser it protects.
class BoundaryTable {
 public:
  BoundaryTable() : unsafe_(0x110000, false) {
    for (gunichar c = 0; c < 0x110000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      gunichar a = 0, b = 0;
      if (g_unichar_decompose(c, &a, &b) && b != 0 && g_unichar_combining_class(b) == 0) unsafe_[b] = true;
    }
    for (gunichar c = 0; c < 0x110000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      if (g_unichar_combining_class(c) != 0) {
        unsafe_[c] = true;
        continue;
      }
      if (c < 0xC0) continue;  // ASCII and Latin-1 controls/symbols do not decompose
      gunichar first[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose(c, FALSE, first, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
      if (n > 0 && first[0] != c && (g_unichar_combining_class(first[0]) != 0 || unsafe_[first[0]])) unsafe_[c] = true;
    }
  }
  bool boundaryBefore(gunichar c) const { return c < 0x110000 && !unsafe_[c]; }

 private:
  std::vector<bool> unsafe_;
};

const BoundaryTable& boundaries() {
  static const BoundaryTable table;  // thread-safe static initialisation
  return table;
}

// GLib's normaliser composes by shifting the rest of its buffer left after
// every composition and sorts marks with an insertion sort, so its cost grows
// with the square of the input: 1 MB of decomposed text took 16 s. Feeding it
// pieces cut at safe boundaries keeps each call small and the whole linear.
// A piece reaches kHardPiece bytes only when the text has no safe boundary
// for that long (thousands of stacked marks, which no language writes); it is
// then cut anyway, which may leave such text not fully canonical but valid.
constexpr size_t kSoftPiece = 512;
constexpr size_t kHardPiece = 4096;

std::string normalized(std::string_view s, GNormalizeMode mode) {
  std::string v = sanitized(s);
  std::string out;
  out.reserve(v.size() + v.size() / 4);
  auto flush = [&](size_t from, size_t to) {
    if (to <= from) return;
    GString_ piece(g_utf8_normalize(v.data() + from, static_cast<gssize>(to - from), mode));
    if (piece) out += piece.get();
    else out.append(v, from, to - from);  // normalize only fails on invalid input
  };
  const BoundaryTable& table = boundaries();
  size_t start = 0;
  const char* base = v.data();
  for (const char* p = base; p < base + v.size(); p = g_utf8_next_char(p)) {
    size_t at = static_cast<size_t>(p - base);
    size_t len = at - start;
    if (len >= kSoftPiece && (len >= kHardPiece || table.boundaryBefore(g_utf8_get_char(p)))) {
      flush(start, at);
      start = at;
    }
  }
  flush(start, v.size());
  return out;
}

// Code points of valid UTF-8.
std::vector<gunichar> codePoints(const std::string& s) {
  std::vector<gunichar> out;
  out.reserve(s.size());
  for (const char* p = s.data(); p < s.data() + s.size(); p = g_utf8_next_char(p)) out.push_back(g_utf8_get_char(p));
  return out;
}

void appendUtf8(std::string& out, gunichar c) {
  char buf[8];
  int n = g_unichar_to_utf8(c, buf);
  out.append(buf, static_cast<size_t>(n));
}

// Đ/đ do not decompose under NFD; Ð/ð (Icelandic eth) are a frequent typing
// substitute for Đ in Vietnamese data, so searching and sorting treat them alike.
bool isDStroke(gunichar c) { return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0; }

// --- the name sort key -------------------------------------------------------

// Marks that make a distinct letter of the Vietnamese alphabet (ă â ê ô ơ ư).
enum : unsigned { kBreve = 1, kCircumflex = 2, kHorn = 4 };

// One letter of a name in NFD: a base character and what its marks say.
struct Letter {
  gunichar base = 0;   // lower-cased; đ for any D-stroke
  unsigned modifiers = 0;
  int tone = 0;        // 0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng
  bool upper = false;
};
using Word = std::vector<Letter>;

// Tone marks in their sort order.
int toneOf(gunichar mark) {
  switch (mark) {
    case 0x0300: return 1;  // huyền
    case 0x0309: return 2;  // hỏi
    case 0x0303: return 3;  // ngã
    case 0x0301: return 4;  // sắc
    case 0x0323: return 5;  // nặng
    default: return 0;
  }
}
unsigned modifierOf(gunichar mark) {
  switch (mark) {
    case 0x0306: return kBreve;
    case 0x0302: return kCircumflex;
    case 0x031B: return kHorn;
    default: return 0;
  }
}

// Splits an NFD name into words of letters; marks attach to the preceding base.
std::vector<Word> splitWords(const std::vector<gunichar>& cps) {
  std::vector<Word> words;
  Word cur;
  for (gunichar c : cps) {
    if (g_unichar_isspace(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else if (g_unichar_ismark(c)) {
      if (cur.empty()) continue;  // a stray mark with no base letter carries no order
      if (int t = toneOf(c)) cur.back().tone = t;
      cur.back().modifiers |= modifierOf(c);
    } else {
      Letter l;
      l.upper = g_unichar_isupper(c);
      l.base = isDStroke(c) ? 0x0111 : g_unichar_tolower(c);
      cur.push_back(l);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// Rank in the Vietnamese alphabet (with f j w z in their Latin places), or -1.
int alphabetRank(const Letter& l) {
  if (l.base == 0x0111) return 6;  // đ, after d
  if (l.base < 'a' || l.base > 'z') return -1;
  static constexpr int kRank[26] = {0,  3,  4,  5,  7,  9,  10, 11, 12, 13, 14, 15, 16,
                                    17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32};
  int r = kRank[l.base - 'a'];
  switch (l.base) {
    case 'a': return (l.modifiers & kBreve) ? 1 : (l.modifiers & kCircumflex) ? 2 : r;
    case 'e': return (l.modifiers & kCircumflex) ? 8 : r;
    case 'o': return (l.modifiers & kHorn) ? 20 : (l.modifiers & kCircumflex) ? 19 : r;
    case 'u': return (l.modifiers & kHorn) ? 27 : r;
    default: return r;
  }
}

// Key bytes. Separators sit below every primary byte so that a word (or a name)
// which is a prefix of another sorts first.
constexpr char kEndOfNameWords = 0x01;  // after the last word's tones
constexpr char kEndOfLetters = 0x02;    // after a word's letters, before its tones
constexpr unsigned char kToneBase = 0x03;   // 0x03..0x08
constexpr unsigned char kDigitBase = 0x10;  // 0x10..0x19
constexpr unsigned char kLetterBase = 0x20; // 0x20..0x40
constexpr unsigned char kOther = 0xF0;      // then the code point in 3 bytes

void appendPrimary(std::string& key, const Letter& l) {
  if (l.base >= '0' && l.base <= '9') {
    key.push_back(static_cast<char>(kDigitBase + (l.base - '0')));
  } else if (int r = alphabetRank(l); r >= 0) {
    key.push_back(static_cast<char>(kLetterBase + r));
  } else {
    key.push_back(static_cast<char>(kOther));
    key.push_back(static_cast<char>((l.base >> 16) & 0xFF));
    key.push_back(static_cast<char>((l.base >> 8) & 0xFF));
    key.push_back(static_cast<char>(l.base & 0xFF));
  }
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  return g_utf8_validate_len(s.data(), s.size(), nullptr);
}

std::string nfc(std::string_view s) { return normalized(s, G_NORMALIZE_NFC); }

size_t utf8Length(std::string_view s) {
  if (!isValidUtf8(s)) return static_cast<size_t>(g_utf8_strlen(sanitized(s).c_str(), -1));
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // every byte but continuation bytes starts a code point
  return n;
}

std::string foldForSearch(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (gunichar c : codePoints(normalized(s, G_NORMALIZE_NFD))) {
    if (g_unichar_ismark(c)) continue;  // tones and ă/â/ê/ô/ơ/ư marks
    if (g_unichar_isspace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    appendUtf8(out, isDStroke(c) ? gunichar('d') : g_unichar_tolower(c));
  }
  return out;
}

std::string vietnameseNameSortKey(std::string_view name) {
  std::string composed = nfc(name);
  std::vector<Word> words = splitWords(codePoints(normalized(composed, G_NORMALIZE_NFD)));
  // Given name first, then the rest in written order.
  std::vector<const Word*> order;
  if (!words.empty()) order.push_back(&words.back());
  for (size_t i = 0; i + 1 < words.size(); ++i) order.push_back(&words[i]);

  std::string key;
  for (const Word* w : order) {
    for (const Letter& l : *w) appendPrimary(key, l);
    key.push_back(kEndOfLetters);
    for (const Letter& l : *w) key.push_back(static_cast<char>(kToneBase + l.tone));
  }
  key.push_back(kEndOfNameWords);
  for (const Word* w : order)
    for (const Letter& l : *w) key.push_back(l.upper ? 0x02 : 0x01);
  key.push_back('\0');
  key += composed;  // final tie-break: distinct names never compare equal
  return key;
}

int compareVietnameseNames(std::string_view a, std::string_view b) {
  int c = vietnameseNameSortKey(a).compare(vietnameseNameSortKey(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace chibo
