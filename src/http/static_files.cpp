#include "http/static_files.h"

#include <spdlog/spdlog.h>

namespace chibo::http {
namespace fs = std::filesystem;

// The built app is a few dozen files; a root holding far more is a misconfiguration (say,
// --web /), and the scan stops rather than serving the machine.
static constexpr size_t kMaxFiles = 5000;

static bool endsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  auto base = fs::canonical(root, ec);
  if (ec || !fs::is_directory(base, ec)) return;
  std::map<std::string, Entry, std::less<>> found;
  std::map<std::string, std::pair<bool, bool>> compressed;  // url of the original -> br, gz
  // Symlinks are skipped, not followed: a link inside the root may point anywhere.
  for (auto it = fs::recursive_directory_iterator(base, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    auto name = it->path().filename().string();
    auto st = it->symlink_status(ec);
    if (ec) break;
    if (!name.empty() && name[0] == '.') {  // .git, .env: never part of a build
      if (fs::is_directory(st)) it.disable_recursion_pending();
      continue;
    }
    if (!fs::is_regular_file(st)) continue;
    std::string url = "/" + fs::relative(it->path(), base, ec).generic_string();
    if (ec || hostile(url)) continue;
    if (endsWith(url, ".br")) compressed[url.substr(0, url.size() - 3)].first = true;
    else if (endsWith(url, ".gz")) compressed[url.substr(0, url.size() - 3)].second = true;
    else found[url] = Entry{it->path()};
    if (found.size() + compressed.size() > kMaxFiles) {
      spdlog::error("Thư mục giao diện web {} có quá {} tệp; chỉ phục vụ các tệp đã quét.", base.string(), kMaxFiles);
      break;
    }
  }
  for (auto& [url, e] : found)
    if (auto c = compressed.find(url); c != compressed.end()) e.br = c->second.first, e.gz = c->second.second;
  files_ = std::move(found);
}

bool StaticFiles::hostile(std::string_view p) {
  if (p.empty() || p[0] != '/') return true;
  if (p.find("//") != std::string_view::npos || p.find("..") != std::string_view::npos) return true;
  for (unsigned char ch : p)
    if (ch < 0x20 || ch == 0x7f || ch == '\\' || ch == '%') return true;
  return false;
}

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
  if (hostile(url_path)) return std::nullopt;
  auto it = files_.find(url_path == "/" ? std::string_view("/index.html") : url_path);
  if (it == files_.end()) return std::nullopt;
  return it->second.file;
}

std::optional<StaticFiles::Choice> StaticFiles::choose(std::string_view url_path, std::string_view accept) const {
  if (hostile(url_path)) return std::nullopt;
  auto it = files_.find(url_path == "/" ? std::string_view("/index.html") : url_path);
  if (it == files_.end()) return std::nullopt;
  const auto& e = it->second;
  if (e.br && acceptsEncoding(accept, "br")) return Choice{fs::path(e.file.string() + ".br"), e.file, "br"};
  if (e.gz && acceptsEncoding(accept, "gzip")) return Choice{fs::path(e.file.string() + ".gz"), e.file, "gzip"};
  return Choice{e.file, e.file, ""};
}

bool acceptsEncoding(std::string_view header, std::string_view coding) {
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    auto semi = item.find(';');
    auto name = item.substr(0, semi);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name != coding) continue;
    if (semi == std::string_view::npos) return true;
    auto params = item.substr(semi + 1);
    auto q = params.find("q=");
    if (q == std::string_view::npos) return true;
    auto val = params.substr(q + 2);
    // q=0, q=0.0, q=0.000: refused (RFC 9110 §12.4.2); any other weight accepts.
    return val.find_first_not_of("0. ") != std::string_view::npos && val.find_first_not_of("0. ") < val.find(';');
  }
  return false;
}

}  // namespace chibo::http
