#pragma once
// The demo's random numbers: xoshiro256** seeded through splitmix64, with our
// own range reduction. std:: distributions are not used because their output
// differs between standard library versions, and the demo must give the same
// data everywhere for a given seed.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace chibo::demo {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // One independent stream per (seed, purpose): each phase of the builder has
  // its own, so adding draws to one phase (say, meeting history) leaves the
  // data of the others unchanged.
  Rng(uint64_t seed, std::string_view purpose) {
    uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a of the purpose
    for (char c : purpose) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    uint64_t st = seed ^ h;
    for (auto& w : s_) w = splitmix64(st);
  }

  uint64_t next() {
    uint64_t result = rotl(s_[1] * 5, 7) * 9;
    uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0. Rejection removes modulo bias.
  uint64_t below(uint64_t n) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = next(); while (x >= limit);
    return x % n;
  }
  // Uniform in [lo, hi], lo <= hi.
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo) + 1)); }
  // True with probability percent/100.
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

  // Index chosen with the given integer weights (at least one positive).
  size_t weighted(const std::vector<int>& weights) {
    uint64_t total = 0;
    for (int w : weights) total += static_cast<uint64_t>(w);
    uint64_t r = below(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < static_cast<uint64_t>(weights[i])) return i;
      r -= static_cast<uint64_t>(weights[i]);
    }
    return weights.size() - 1;
  }

  // Fisher–Yates with our own draws (std::shuffle's use of the engine is unspecified).
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace chibo::demo
