#pragma once
// Vietnamese text utilities: normalisation, validation, accent-insensitive
// search folding and name ordering. Pure functions, no locale and no state:
// results do not depend on the machine's locale settings.
//
// Input contract shared by every function here: text should be UTF-8. Invalid
// byte sequences (and NUL bytes) are never passed through; each is treated as
// U+FFFD, the replacement character, so every output is valid UTF-8. Callers
// that must reject bad input check isValidUtf8 first.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chibo {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing
// above U+10FFFF) and contains no NUL byte: text with a NUL cannot be stored or
// shown faithfully, so it is refused like any other malformed input.
bool isValidUtf8(std::string_view s);

// Canonical composition (NFC). Text typed on macOS or pasted from some PDFs
// arrives decomposed (NFD: "e" + U+0302 + U+0301 for "ế"); everything stored is
// NFC so that equal names are equal bytes.
std::string nfc(std::string_view s);

// Number of code points: the unit of max-length rules ("at most 200 characters").
// Counts the input as given, so normalise with nfc() first; an NFD "ế" counts 3.
size_t utf8Length(std::string_view s);

// A search key: lower-case, tone and vowel marks stripped, đ/Đ -> d, runs of
// white space collapsed to one space, leading and trailing space removed.
// "Nguyễn  Thị Hà" -> "nguyen thi ha". Matching is then a plain substring test
// of foldForSearch(query) in foldForSearch(text).
std::string foldForSearch(std::string_view s);

// Orders personal names the way Vietnamese lists are sorted:
//   1. by the given name (tên, the last word);
//   2. then by the remaining words from the start (family name, then middle names);
//   3. a shorter name before a longer one with the same words.
// Each word compares letter by letter in the Vietnamese alphabet
//   a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z)
// (digits before letters, other characters after), and only when two words
// have the same letters does the tone decide, in the order
//   ngang < huyền < hỏi < ngã < sắc < nặng
// so "Anh" < "Ảnh" < "Ánh".
// Every "Anh" comes before every "Ánh", whatever the family names.
// Letter case matters last of all (after every word), and as a final tie-break
// the NFC bytes, so the order is total and sorting is deterministic.
// NFC and NFD spellings of the same name compare equal (0).
// Returns <0, 0 or >0 like strcmp.
int compareVietnameseNames(std::string_view a, std::string_view b);

// A binary key with compareVietnameseNames' order under plain byte comparison
// (std::string's operator<, memcmp, SQLite BLOB ordering). May contain any byte
// including NUL, so store it as a BLOB, never as TEXT. Computing keys once and
// sorting by them is cheaper than calling compareVietnameseNames in a sort.
std::string vietnameseNameSortKey(std::string_view name);

// Sorts `items` by `name(item)` the Vietnamese way, ties by `id(item)`, with
// each key computed once (a comparison sort would otherwise rebuild two keys,
// NFC and NFD normalisation included, on every comparison: bench/README.md).
template <class T, class NameOf, class IdOf>
void sortByVietnameseName(std::vector<T>& items, NameOf name, IdOf id) {
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) keys.emplace_back(vietnameseNameSortKey(name(items[i])), i);
  std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (int c = a.first.compare(b.first); c != 0) return c < 0;
    return id(items[a.second]) < id(items[b.second]);
  });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const auto& k : keys) sorted.push_back(std::move(items[k.second]));
  items = std::move(sorted);
}

}  // namespace chibo
