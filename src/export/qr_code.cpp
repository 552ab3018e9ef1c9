#include "export/qr_code.h"

#include <qrencode.h>

#include <cerrno>

namespace chibo {

Result<QrMatrix> qrEncode(std::string_view text) {
  if (text.empty()) return Error::badRequest("qr_empty", "Nội dung mã QR trống.");
  std::string s(text);
  errno = 0;  // libqrencode reports "too long" only through errno
  QRcode* code = QRcode_encodeData(int(s.size()), reinterpret_cast<const unsigned char*>(s.data()), 0, QR_ECLEVEL_M);
  if (!code) {
    if (errno == ERANGE) return Error::badRequest("qr_too_long", "Nội dung quá dài để tạo mã QR.");
    return Error::internal("Không tạo được mã QR.");
  }
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(size_t(code->width) * size_t(code->width));
  // libqrencode marks a dark module with the lowest bit; the other bits are
  // bookkeeping about which function pattern the module belongs to.
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  QRcode_free(code);
  return m;
}

Result<std::string> qrSvg(std::string_view text, int pixels, int quiet) {
  auto m = qrEncode(text);
  if (!m) return m.error();
  if (quiet < 0) quiet = 0;
  int size = m->width + 2 * quiet;
  std::string path;
  for (int y = 0; y < m->width; ++y)
    for (int x = 0; x < m->width; ++x)
      if (m->at(x, y)) path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  std::string n = std::to_string(size), px = std::to_string(pixels);
  // crispEdges stops anti-aliasing seams between neighbouring modules.
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px + "\" height=\"" + px + "\" viewBox=\"0 0 " + n +
         " " + n + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace chibo
