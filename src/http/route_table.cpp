#include "http/route_table.h"

#include <stdexcept>

namespace chibo::http {

namespace {

// "/api/v1/orgs/3" → {"api", "v1", "orgs", "3"}; one trailing "/" is dropped. Empty inner
// segments ("//") are kept as empty views, which match nothing.
void split(std::string_view path, std::vector<std::string_view>& out) {
  out.clear();
  if (path.empty() || path.front() != '/') return;
  path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return;
  size_t start = 0;
  while (true) {
    auto end = path.find('/', start);
    out.push_back(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool isId(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

bool isToken(std::string_view s) {
  if (s.size() != 64) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

}  // namespace

std::string_view PathParams::operator[](std::string_view name) const {
  for (size_t i = 0; i < size_; ++i)
    if (items_[i].first == name) return items_[i].second;
  return {};
}

void PathParams::add(std::string_view name, std::string_view value) {
  if (size_ < kMax) items_[size_++] = {name, value};
}

void RouteTable::add(restinio::http_method_id_t method, std::string_view pattern, Handler h) {
  std::vector<std::string_view> parts;
  split(pattern, parts);
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route must start with /: " + std::string(pattern));
  Entry e{method, {}, std::move(h)};
  size_t params = 0;
  for (auto p : parts) {
    if (p.empty()) throw std::invalid_argument("empty segment in route " + std::string(pattern));
    if (auto close = p.find('}'); p.front() == '{' && close != std::string_view::npos) {
      auto name = std::string(p.substr(1, close - 1));
      e.segments.push_back({name == "token" ? Segment::token : Segment::id, name, std::string(p.substr(close + 1))});
      ++params;
    } else {
      e.segments.push_back({Segment::literal, std::string(p)});
    }
  }
  if (params > PathParams::kMax) throw std::invalid_argument("too many parameters in route " + std::string(pattern));
  auto& list = by_count_[parts.size()];
  for (const auto& other : list) {
    bool same = other.method == method && other.segments.size() == e.segments.size();
    for (size_t i = 0; same && i < e.segments.size(); ++i)
      same = other.segments[i].kind == e.segments[i].kind &&
             (e.segments[i].kind != Segment::literal || other.segments[i].text == e.segments[i].text);
    for (size_t i = 0; same && i < e.segments.size(); ++i) same = other.segments[i].suffix == e.segments[i].suffix;
    if (same) throw std::invalid_argument("route added twice: " + std::string(pattern));
  }
  list.push_back(std::move(e));
}

bool RouteTable::match(const Entry& e, const std::vector<std::string_view>& parts, PathParams& out) const {
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& s = e.segments[i];
    auto part = parts[i];
    if (s.kind == Segment::literal) {
      if (!sameIgnoringCase(part, s.text)) return false;
      continue;
    }
    if (part.size() < s.suffix.size() || !sameIgnoringCase(part.substr(part.size() - s.suffix.size()), s.suffix))
      return false;
    part.remove_suffix(s.suffix.size());
    if (!(s.kind == Segment::id ? isId(part) : isToken(part))) return false;
    out.add(s.text, part);
  }
  return true;
}

const RouteTable::Handler* RouteTable::find(restinio::http_method_id_t method, std::string_view path,
                                            PathParams& params) const {
  thread_local std::vector<std::string_view> parts;
  split(path, parts);
  auto it = by_count_.find(parts.size());
  if (it == by_count_.end()) return nullptr;
  for (const auto& e : it->second) {
    if (e.method != method) continue;
    params = {};
    if (match(e, parts, params)) return &e.handler;
  }
  return nullptr;
}

restinio::request_handling_status_t RouteTable::operator()(restinio::request_handle_t req) const {
  PathParams params;
  if (auto* h = find(req->header().method(), req->header().path(), params)) return (*h)(std::move(req), params);
  if (fallback_) return fallback_(std::move(req));
  return restinio::request_rejected();
}

}  // namespace chibo::http
