#pragma once
// The built web app's files, as an allow-list taken once at start-up: a URL
// path is served only when it names one of these files exactly. Nothing a
// client sends is joined to a filesystem path, so `//etc/passwd`, `..`,
// encoded or backslashed forms cannot leave the web root.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& root);  // scans root once
  // The file to serve for a URL path ("/", "/assets/x.js"), or nullopt when the path is not
  // one of the allowed files (the caller then serves index.html for app routes or 404).
  std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

  struct Choice {
    std::filesystem::path file;    // what to send
    std::filesystem::path original;  // the uncompressed file (its type names the content)
    std::string_view encoding;     // "br", "gzip" or "" (identity)
  };
  // Like resolve, but picks a precompressed sibling (x.js.br, x.js.gz written by the web
  // build) when `accept_encoding` (the request's Accept-Encoding) allows it.
  std::optional<Choice> choose(std::string_view url_path, std::string_view accept_encoding) const;

  // True for paths no allowed file can have: "..", "//", "\", "%", NUL or another control
  // character, or not starting with "/". Worth a line in the security log.
  static bool hostile(std::string_view url_path);
  size_t size() const { return files_.size(); }

 private:
  struct Entry {
    std::filesystem::path file;
    bool br = false, gz = false;
  };
  std::map<std::string, Entry, std::less<>> files_;  // "/assets/x.js" -> file
};

// Whether an Accept-Encoding header value accepts `coding` ("gzip", "br"); q=0 refuses.
bool acceptsEncoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace chibo::http
