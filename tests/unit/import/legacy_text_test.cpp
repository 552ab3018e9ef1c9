#include <gtest/gtest.h>

#include "import/legacy_text.h"

using namespace chibo::import;

TEST(LegacyText, Tcvn3ToUnicode) {
  // "Hà Nội", "Nguyễn Thị Thu Hà" as typed with the .VnTime font.
  EXPECT_EQ(fromLegacy(latin1ToUtf8("H\xB5 N\xE9i"), LegacyEncoding::tcvn3), "Hà Nội");
  EXPECT_EQ(fromLegacy(latin1ToUtf8("Nguy\xD4n Th\xDE Thu H\xB5"), LegacyEncoding::tcvn3), "Nguyễn Thị Thu Hà");
  EXPECT_EQ(fromLegacy(latin1ToUtf8("\xA7\xAE\xA6\xAD"), LegacyEncoding::tcvn3), "ĐđƯư");
}

TEST(LegacyText, VniToUnicode) {
  // VNI puts the marks after the base letter: "Nguyeãn Thò Thu Haø", "Tröôøng".
  EXPECT_EQ(fromLegacy(latin1ToUtf8("Nguye\xE3n Th\xF2 Thu Ha\xF8"), LegacyEncoding::vni), "Nguyễn Thị Thu Hà");
  EXPECT_EQ(fromLegacy(latin1ToUtf8("Tr\xF6\xF4\xF8ng"), LegacyEncoding::vni), "Trường");
  EXPECT_EQ(fromLegacy(latin1ToUtf8("\xD1" "a\xEBng"), LegacyEncoding::vni), "Đặng");
  EXPECT_EQ(fromLegacy(latin1ToUtf8("NGUYE\xC3N"), LegacyEncoding::vni), "NGUYỄN");
}

TEST(LegacyText, Cp1258WithCombiningTones) {
  // Windows-1258 writes "ễ" as ê (0xEA) + combining tilde (0xDE); the result is NFC.
  EXPECT_EQ(fromLegacy(latin1ToUtf8("Nguy\xEA\xDEn V\xE3n"), LegacyEncoding::cp1258), "Nguyễn Văn");
}

TEST(LegacyText, DetectsTcvn3FromItsLetterBytes) {
  auto a = latin1ToUtf8("Tr\xA7n V\xA8n Nam"), b = latin1ToUtf8("Ho\xB5ng Th\xDE Lan");
  EXPECT_EQ(detectLegacy({a, b}), LegacyEncoding::tcvn3);
}

TEST(LegacyText, DetectsVniFromMarkPairs) {
  auto a = latin1ToUtf8("Nguye\xE3n Va\xEAn Nam");
  std::string b = "Leâ Thò Lan";  // as an .xlsx holds it: the Latin-1 letters themselves
  EXPECT_EQ(detectLegacy({a, b}), LegacyEncoding::vni);
}

TEST(LegacyText, UnicodeFileIsLeftAlone) {
  // "Hoà" looks like a VNI pair, but "Nguyễn" proves the file is Unicode.
  EXPECT_EQ(detectLegacy({"Lê Thị Hoà", "Nguyễn Văn Thuý"}), LegacyEncoding::none);
  EXPECT_EQ(detectLegacy({"Nguyen Van A", "Tran B"}), LegacyEncoding::none);
  EXPECT_FALSE(mayBeLegacy("Nguyễn"));
  EXPECT_FALSE(mayBeLegacy("ASCII only"));
  EXPECT_EQ(fromLegacy("Nguyễn", LegacyEncoding::tcvn3), "Nguyễn");
}

TEST(LegacyText, Tcvn3NamesGetTheirCapitalsBack) {
  EXPECT_EQ(restoreNameCapitals("trần thị ánh tuyết"), "Trần Thị Ánh Tuyết");
  EXPECT_EQ(restoreNameCapitals("TRầN VĂN ấN"), "TRẦN VĂN ẤN");
}

TEST(LegacyText, EightBitCsvDefaultsToWindows1258) {
  EXPECT_EQ(detectLegacy({latin1ToUtf8("Nguy\xEA\xDEn")}, true), LegacyEncoding::cp1258);
}
