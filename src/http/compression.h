#pragma once
// gzip for JSON answers (RFC 1952 framing via zlib).
#include <optional>
#include <string>
#include <string_view>

namespace chibo::http {

// Answers smaller than this are sent as they are: below ~1 KB the gzip header and the
// CPU cost outweigh the bytes saved.
inline constexpr size_t kCompressFrom = 1024;

// The gzip encoding of `data`, or nullopt if zlib fails.
std::optional<std::string> gzipCompress(std::string_view data);

}  // namespace chibo::http
