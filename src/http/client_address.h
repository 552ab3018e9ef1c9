#pragma once
// Who is really asking. Behind a reverse proxy every request arrives from the
// proxy's address; the proxy names the client in `Forwarded` (RFC 7239) or
// `X-Forwarded-For`. Anyone can send those headers, so they are believed only
// when the connection comes from a configured proxy, and only as far back as
// the chain stays inside the configured proxies (the right-most untrusted hop
// is the client: the hops to its left are whatever it claimed).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chibo::http {

// A list of address ranges ("127.0.0.1/8, ::1, 10.0.0.0/8"): IPv4 and IPv6,
// a bare address meaning one host. IPv4 addresses also match as IPv4-mapped
// IPv6 (::ffff:a.b.c.d), the form a dual-stack socket reports.
class AddressList {
 public:
  // Parses a comma- or space-separated list; std::nullopt with `error` set
  // (the offending entry) when an entry is not an address or range.
  static std::optional<AddressList> parse(std::string_view text, std::string* error = nullptr);
  bool contains(std::string_view address) const;
  bool empty() const { return ranges_.empty(); }
  const std::string& text() const { return text_; }

 private:
  struct Range {
    std::array<unsigned char, 16> bytes{};  // IPv6, IPv4 mapped into ::ffff:0:0/96
    int bits = 128;
  };
  std::vector<Range> ranges_;
  std::string text_;
};

// The client's address for a request that came from `peer` carrying the
// given `Forwarded` and `X-Forwarded-For` header values (empty when absent).
// `Forwarded` wins when both are present. A peer outside `trusted` is the
// client, whatever its headers say.
std::string clientAddress(std::string_view peer, std::string_view forwarded, std::string_view x_forwarded_for,
                          const AddressList& trusted);

}  // namespace chibo::http
