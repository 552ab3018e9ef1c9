// Whose address a request really comes from: forwarding headers are believed
// only from configured proxies, and only back to the first hop outside them.
#include "http/client_address.h"

#include <gtest/gtest.h>

namespace chibo::http {

static AddressList list(const char* text) {
  auto l = AddressList::parse(text);
  EXPECT_TRUE(l) << text;
  return l ? *l : AddressList{};
}

TEST(AddressListTest, MatchesHostsAndRangesInBothFamilies) {
  auto l = list("10.0.0.0/8, 192.168.1.5 ::1 2001:db8::/32");
  EXPECT_TRUE(l.contains("10.200.3.4"));
  EXPECT_FALSE(l.contains("11.0.0.1"));
  EXPECT_TRUE(l.contains("192.168.1.5"));
  EXPECT_FALSE(l.contains("192.168.1.6"));
  EXPECT_TRUE(l.contains("::1"));
  EXPECT_TRUE(l.contains("2001:db8:5::7"));
  EXPECT_FALSE(l.contains("2001:db9::1"));
  EXPECT_TRUE(l.contains("::ffff:10.1.2.3"));  // IPv4 as a dual-stack socket reports it
  EXPECT_FALSE(l.contains("not an address"));
}

TEST(AddressListTest, OddPrefixLengthsMaskTheRightBits) {
  auto l = list("172.16.0.0/12");
  EXPECT_TRUE(l.contains("172.31.255.255"));
  EXPECT_FALSE(l.contains("172.32.0.0"));
}

TEST(AddressListTest, RejectsWhatIsNotAnAddressOrRange) {
  std::string bad;
  EXPECT_FALSE(AddressList::parse("10.0.0.0/8, nginx", &bad));
  EXPECT_EQ(bad, "nginx");
  EXPECT_FALSE(AddressList::parse("10.0.0.0/33", &bad));
  EXPECT_FALSE(AddressList::parse("10.0.0.0/", &bad));
  EXPECT_TRUE(AddressList::parse(""));
}

TEST(ClientAddressTest, AnUntrustedPeerIsTheClientWhateverItClaims) {
  auto trusted = list("127.0.0.1");
  EXPECT_EQ(clientAddress("198.51.100.9", "", "203.0.113.7", trusted), "198.51.100.9");
  EXPECT_EQ(clientAddress("198.51.100.9", "for=203.0.113.7", "", trusted), "198.51.100.9");
}

TEST(ClientAddressTest, NoProxiesConfiguredMeansHeadersAreIgnored) {
  EXPECT_EQ(clientAddress("127.0.0.1", "", "203.0.113.7", AddressList{}), "127.0.0.1");
}

TEST(ClientAddressTest, TrustedProxyNamesTheClient) {
  auto trusted = list("127.0.0.1");
  EXPECT_EQ(clientAddress("127.0.0.1", "", "203.0.113.7", trusted), "203.0.113.7");
}

TEST(ClientAddressTest, ASpoofedLeftmostEntryIsNotBelieved) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended its real address.
  auto trusted = list("127.0.0.1");
  EXPECT_EQ(clientAddress("127.0.0.1", "", "1.2.3.4, 203.0.113.7", trusted), "203.0.113.7");
}

TEST(ClientAddressTest, ChainsOfTrustedProxiesAreWalkedRightToLeft) {
  auto trusted = list("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ(clientAddress("127.0.0.1", "", "1.2.3.4, 203.0.113.7, 10.0.0.2", trusted), "203.0.113.7");
  // Every hop trusted: the left-most is the best known.
  EXPECT_EQ(clientAddress("127.0.0.1", "", "10.0.0.3, 10.0.0.2", trusted), "10.0.0.3");
}

TEST(ClientAddressTest, ForwardedHeaderWinsAndIsParsed) {
  auto trusted = list("127.0.0.1");
  EXPECT_EQ(clientAddress("127.0.0.1", "for=192.0.2.60;proto=https;by=203.0.113.43", "9.9.9.9", trusted),
            "192.0.2.60");
  EXPECT_EQ(clientAddress("127.0.0.1", "for=\"[2001:db8:cafe::17]:4711\"", "", trusted), "2001:db8:cafe::17");
  EXPECT_EQ(clientAddress("127.0.0.1", "for=192.0.2.43:8080, for=198.51.100.17", "", trusted), "198.51.100.17");
  // An obfuscated identifier (RFC 7239 §6.3) says nothing usable: the proxy it came from stays the client.
  EXPECT_EQ(clientAddress("127.0.0.1", "for=_hidden", "", trusted), "127.0.0.1");
}

}  // namespace chibo::http
