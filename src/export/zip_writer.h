#pragma once
// Builds a zip archive in memory with libzip. DOCX and other OOXML packages
// are zip files of XML parts; this is the only place that talks to libzip's
// writing side.
#include <string>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace chibo {

// Parts in the order given (OOXML readers like [Content_Types].xml first).
// Names are UTF-8 paths inside the archive, e.g. "word/document.xml".
using ZipParts = std::vector<std::pair<std::string, std::string>>;

// The bytes of a deflate-compressed zip holding `parts`. Fails (internal) if
// libzip reports an error.
Result<std::string> zipParts(const ZipParts& parts);

// Reads one entry from an in-memory zip. not_found when the archive has no
// such entry, bad_request when `zip` is not a readable archive.
Result<std::string> unzipEntry(const std::string& zip, const std::string& name);

}  // namespace chibo
