#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace chibo::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// IPv6 bytes of an address; IPv4 becomes ::ffff:a.b.c.d.
std::optional<std::array<unsigned char, 16>> addressBytes(std::string_view text, bool* v4 = nullptr) {
  std::string s(text);
  std::array<unsigned char, 16> out{};
  in_addr a4{};
  if (inet_pton(AF_INET, s.c_str(), &a4) == 1) {
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &a4, 4);
    if (v4) *v4 = true;
    return out;
  }
  in6_addr a6{};
  if (inet_pton(AF_INET6, s.c_str(), &a6) == 1) {
    std::memcpy(out.data(), &a6, 16);
    if (v4) *v4 = false;
    return out;
  }
  return std::nullopt;
}

// One node of a forwarding header: strips quotes, [brackets] and a port.
std::string nodeAddress(std::string_view n) {
  n = trim(n);
  if (n.size() >= 2 && n.front() == '"' && n.back() == '"') n = n.substr(1, n.size() - 2);
  if (!n.empty() && n.front() == '[') {
    auto end = n.find(']');
    return std::string(n.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
  }
  // a.b.c.d:port (one colon); a bare IPv6 address has several.
  if (std::count(n.begin(), n.end(), ':') == 1) n = n.substr(0, n.find(':'));
  return std::string(n);
}

std::vector<std::string> splitList(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    auto comma = s.find(',');
    auto part = trim(s.substr(0, comma));
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

// The `for=` nodes of a Forwarded header, in order (RFC 7239 §4, §5.2).
std::vector<std::string> forwardedFor(std::string_view header) {
  std::vector<std::string> out;
  for (const auto& element : splitList(header)) {
    std::string_view e = element;
    while (!e.empty()) {
      auto semi = e.find(';');
      auto pair = trim(e.substr(0, semi));
      if (pair.size() > 4 && (pair.substr(0, 4) == "for=" || pair.substr(0, 4) == "For=" || pair.substr(0, 4) == "FOR="))
        out.push_back(nodeAddress(pair.substr(4)));
      if (semi == std::string_view::npos) break;
      e.remove_prefix(semi + 1);
    }
  }
  return out;
}

}  // namespace

std::optional<AddressList> AddressList::parse(std::string_view text, std::string* error) {
  AddressList list;
  list.text_ = std::string(text);
  std::string normalised(text);
  std::replace(normalised.begin(), normalised.end(), ' ', ',');
  for (const auto& entry : splitList(normalised)) {
    auto slash = entry.find('/');
    std::string addr = entry.substr(0, slash);
    bool v4 = false;
    auto bytes = addressBytes(addr, &v4);
    int bits = v4 ? 32 : 128;
    if (bytes && slash != std::string::npos) {
      auto len = entry.substr(slash + 1);
      bool digits = !len.empty() && len.size() <= 3 && len.find_first_not_of("0123456789") == std::string::npos;
      bits = digits ? std::stoi(len) : -1;
      if (bits > (v4 ? 32 : 128)) bits = -1;
    }
    if (!bytes || bits < 0) {
      if (error) *error = entry;
      return std::nullopt;
    }
    list.ranges_.push_back({*bytes, v4 ? bits + 96 : bits});
  }
  return list;
}

bool AddressList::contains(std::string_view address) const {
  auto bytes = addressBytes(address);
  if (!bytes) return false;
  for (const auto& r : ranges_) {
    int full = r.bits / 8, rest = r.bits % 8;
    if (std::memcmp(bytes->data(), r.bytes.data(), size_t(full)) != 0) continue;
    if (rest) {
      unsigned char mask = static_cast<unsigned char>(0xff << (8 - rest));
      if (((*bytes)[size_t(full)] & mask) != (r.bytes[size_t(full)] & mask)) continue;
    }
    return true;
  }
  return false;
}

std::string clientAddress(std::string_view peer, std::string_view forwarded, std::string_view x_forwarded_for,
                          const AddressList& trusted) {
  std::string client(peer);
  if (!trusted.contains(peer)) return client;
  auto chain = !forwarded.empty() ? forwardedFor(forwarded) : splitList(x_forwarded_for);
  if (forwarded.empty())
    for (auto& n : chain) n = nodeAddress(n);
  // Right to left: each trusted hop vouches for the one before it.
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    // An obfuscated or unknown node (RFC 7239 §6.2, §6.3) ends what can be known.
    if (!addressBytes(*it)) return client;
    client = *it;
    if (!trusted.contains(client)) return client;
  }
  return client;
}

}  // namespace chibo::http
