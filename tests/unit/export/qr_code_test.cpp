#include "export/qr_code.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// A 7×7 finder pattern: dark ring, light ring, dark 3×3 centre.
bool finderAt(const QrMatrix& m, int x0, int y0) {
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x) {
      bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  return true;
}

TEST(QrCode, ShortTokenIsVersion1) {
  // Up to 14 bytes fit version 1 (21×21 modules) at level M.
  auto m = qrEncode("CB1-260305-A7");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->width, 21);
  EXPECT_TRUE(finderAt(*m, 0, 0));
  EXPECT_TRUE(finderAt(*m, 14, 0));
  EXPECT_TRUE(finderAt(*m, 0, 14));
}

TEST(QrCode, CheckInUrlIsVersion3) {
  // 40 bytes: version 2-M holds 26, version 3-M holds 42 -> 29×29 modules.
  std::string url = "https://chibo.example.vn/c/7fK2pQ9xZ3mW";
  url += std::string(40 - url.size(), 'a');
  auto m = qrEncode(url);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->width, 29);
}

TEST(QrCode, SvgHasQuietZoneAndOneSquarePerDarkModule) {
  auto m = qrEncode("CB1-260305-A7");
  ASSERT_TRUE(m.ok());
  auto svg = qrSvg("CB1-260305-A7", 200, 4);
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg->find("viewBox=\"0 0 29 29\""), std::string::npos);  // 21 + 2×4
  EXPECT_NE(svg->find("width=\"200\""), std::string::npos);
  size_t dark = 0;
  for (bool d : m->dark) dark += d;
  EXPECT_GT(dark, 21u * 21u / 4);
  EXPECT_EQ(count(*svg, "h1v1h-1z"), dark);
  // The top-left module of the finder sits at the quiet-zone offset.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
  EXPECT_NE(svg->find("</svg>"), std::string::npos);
}

TEST(QrCode, Errors) {
  auto empty = qrEncode("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "qr_empty");
  auto huge = qrSvg(std::string(4000, 'x'));  // version 40-M holds 2331 bytes
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, "qr_too_long");
}

TEST(QrCode, Utf8TextEncodes) {
  auto m = qrEncode("Điểm danh: Chi bộ Khu phố 1");
  ASSERT_TRUE(m.ok());
  EXPECT_GE(m->width, 25);
}

}  // namespace
}  // namespace chibo
