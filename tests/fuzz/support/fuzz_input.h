#pragma once
// Small helpers shared by the fuzz targets: splitting one input into parts and
// failing loudly when a property the code promises does not hold.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace chibo::fuzz {

inline std::string_view asText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits at the first NUL: "a\0b" -> ("a", "b"); no NUL -> (all, "").
inline std::pair<std::string_view, std::string_view> splitAtNul(std::string_view s) {
  auto z = s.find('\0');
  if (z == std::string_view::npos) return {s, {}};
  return {s.substr(0, z), s.substr(z + 1)};
}

// A broken promise is a crash to libFuzzer: it saves the input as a reproducer.
#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

}  // namespace chibo::fuzz
