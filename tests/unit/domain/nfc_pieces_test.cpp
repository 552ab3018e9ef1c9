// nfc() normalises long text in pieces cut at safe boundaries (its cost is
// linear); the result must be exactly what normalising the whole text at once
// gives, whatever the text.
#include <glib.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/text/vn_text.h"

namespace chibo {
namespace {

std::string wholeNfc(const std::string& s) {
  gchar* out = g_utf8_normalize(s.data(), gssize(s.size()), G_NORMALIZE_NFC);
  std::string r(out);
  g_free(out);
  return r;
}

std::string utf8(gunichar c) {
  char buf[8];
  return std::string(buf, size_t(g_unichar_to_utf8(c, buf)));
}

// Random text from characters that compose, reorder or combine backwards.
std::string randomText(std::mt19937& rng, size_t code_points) {
  static const std::vector<gunichar> pool = {
      'a', 'e', 'o', 'u', 'D', ' ', '.', 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B,  // Vietnamese
      0x00EA, 0x01B0, 0x0110, 0x1EC7, 0x1EB8,                                                           // composed
      0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,                                                           // Hangul L V T LV LVT
      0x0BC6, 0x0BBE, 0x0BD7, 0x0B47, 0x0B3E, 0x09C7, 0x09BE,                                           // Indic two-part vowels
      0x0344, 0x0F73, 0x0F71, 0x0F72, 0x05B0, 0x05B8, 0x0591, 0x1E0C, 0x0307, 0x212B, 0x2126, 0x0041,   // odd cases
  };
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::string s;
  for (size_t i = 0; i < code_points; ++i) s += utf8(pool[pick(rng)]);
  return s;
}

TEST(NfcPiecesTest, LongRandomTextNormalisesExactlyAsAWhole) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 300; ++round) {
    std::string s = randomText(rng, 200 + round * 13);
    ASSERT_EQ(nfc(s), wholeNfc(s)) << "round " << round;
  }
}

TEST(NfcPiecesTest, AMegabyteOfDecomposedVietnameseIsNormalised) {
  std::string unit = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300 ";  // NFD
  std::string s;
  while (s.size() < (1u << 20)) s += unit;
  std::string expected;
  for (size_t i = 0; i < s.size() / unit.size(); ++i) expected += "Nguyễn Thị Hà ";
  EXPECT_EQ(nfc(s), expected);
}

TEST(NfcPiecesTest, TextWithoutAnySafeBoundaryStaysValidAndComposesWhereItCan) {
  // Thousands of marks on one letter: cut anyway, still valid UTF-8.
  std::string s = "e";
  for (int i = 0; i < 100000; ++i) s += (i % 2) ? "\u0301" : "\u0323";
  std::string out = nfc(s);
  EXPECT_TRUE(isValidUtf8(out));
  EXPECT_EQ(out.rfind("\u1EB9", 0), 0u) << "e + dot below composes";
}

}  // namespace
}  // namespace chibo
