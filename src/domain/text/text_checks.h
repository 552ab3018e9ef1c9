#pragma once
// Checks on user text beyond well-formed UTF-8: characters that have no place
// in a name, a place or a minute, and the byte budget of a field. Pure.
#include <cstddef>
#include <string_view>

namespace chibo {

enum class TextProblem {
  none,
  control,         // C0 controls, DEL (U+007F), C1 controls (U+0080..U+009F)
  bidi_override,   // U+202A..U+202E, U+2066..U+2069: reorder what a reader sees
  invisible_only,  // non-empty, but only white space and zero-width characters
};

// The first problem found in valid UTF-8 `s` (callers check isValidUtf8 first).
// Embeddings and overrides make "Nguyễn Văn A" display as something else in
// lists and documents (the "Trojan Source" attack, CVE-2021-42574), and a name
// of zero-width spaces is an empty name that looks filled in.
TextProblem textProblem(std::string_view s);

// The most bytes a field of at most `max_chars` characters may arrive in,
// before normalisation: 8 bytes a character covers a decomposed Vietnamese
// letter (base + two marks: 5 bytes) with room to spare, and 64 bytes of
// surrounding white space.
constexpr size_t maxRawBytes(size_t max_chars) { return max_chars * 8 + 64; }

}  // namespace chibo
