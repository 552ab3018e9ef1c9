#include "http/compression.h"

#include <zlib.h>

namespace chibo::http {

std::optional<std::string> gzipCompress(std::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16 writes a gzip header; level 5 is most of level 9's ratio on JSON for
  // a fraction of the time.
  if (deflateInit2(&zs, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&zs, uLong(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = uInt(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace chibo::http
