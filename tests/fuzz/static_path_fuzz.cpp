// The static-file resolver: a request path in, a file under the web root out,
// or nothing. Property: whatever resolves lies inside the canonical web root
// (no "..", "//", NUL, backslash or encoded escape gets out of it), and a
// path the resolver itself calls hostile resolves to nothing.
#include <cstdint>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "http/static_files.h"
#include "support/fuzz_input.h"

namespace fs = std::filesystem;

namespace {

// A small web root with one file and one sub-directory, built once per process.
const fs::path& webRoot() {
  static const fs::path root = [] {
    fs::path r = fs::temp_directory_path() / ("chibo-fuzz-web-" + std::to_string(::getpid()));
    fs::create_directories(r / "assets");
    std::FILE* f = std::fopen((r / "index.html").c_str(), "w");
    if (f) std::fclose(f);
    f = std::fopen((r / "assets" / "app.js").c_str(), "w");
    if (f) std::fclose(f);
    return fs::canonical(r);
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static chibo::http::StaticFiles files(webRoot());
  auto url = chibo::fuzz::asText(data, size);
  auto resolved = files.resolve(url);
  if (chibo::http::StaticFiles::hostile(url)) FUZZ_CHECK(!resolved);
  if (resolved) {
    fs::path p = fs::weakly_canonical(fs::path(*resolved));
    auto rel = p.lexically_relative(webRoot());
    FUZZ_CHECK(!rel.empty() && *rel.begin() != "..");
  }
  return 0;
}
