#pragma once
// QR codes for meeting check-in: the app shows the code, members scan a short
// URL or token. SVG needs no image library and scales to any screen or paper.
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace chibo {

// The module grid of a QR code: width × width, row-major, true = dark.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[size_t(y) * size_t(width) + size_t(x)]; }
};

// Encodes `text` as 8-bit data at error-correction level M (15%: survives a
// scuffed phone screen while keeping the code small), smallest version that
// fits. bad_request when text is empty or too long for any QR version.
Result<QrMatrix> qrEncode(std::string_view text);

// A standalone SVG of `text`'s QR code: a viewBox of (width + 2·quiet) modules
// with a white background and one black path; `quiet` is the blank border in
// modules (the standard asks for 4); `pixels` is the rendered width and height.
Result<std::string> qrSvg(std::string_view text, int pixels = 256, int quiet = 4);

}  // namespace chibo
