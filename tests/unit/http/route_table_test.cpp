// The segment router: which route a method and path reach, and what the express router it
// replaced let through (case-insensitive literals, one trailing slash, ids of 1-18 digits,
// calendar tokens of 64 lowercase hex digits).
#include "http/route_table.h"

#include <gtest/gtest.h>

#include <map>

namespace chibo::http {
namespace {

using restinio::http_method_delete;
using restinio::http_method_get;
using restinio::http_method_post;

class RouteTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add(http_method_get(), "/api/v1/orgs", 1);
    add(http_method_get(), "/api/v1/orgs/{id}", 2);
    add(http_method_post(), "/api/v1/orgs/{id}/meetings", 3);
    add(http_method_get(), "/api/v1/orgs/{id}/meetings", 4);
    add(http_method_get(), "/api/v1/calendar/{token}.ics", 5);  // a literal suffix is not a parameter
    add(http_method_get(), "/api/v1/calendar/{token}", 6);
    add(http_method_delete(), "/api/v1/me/sessions/{id}", 7);
    add(http_method_get(), "/api/v1/orgs/{id}/members/{member}", 8);
  }
  void add(restinio::http_method_id_t m, const char* pattern, int tag) {
    table.add(m, pattern, [tag, this](restinio::request_handle_t, PathParams) {
      reached = tag;
      return restinio::request_accepted();
    });
    tags[table.find(m, pattern[0] == '/' ? sample(pattern) : "", scratch)] = tag;
  }
  // A path the pattern matches, to learn which handler pointer it was given.
  static std::string sample(std::string p) {
    for (auto at = p.find('{'); at != std::string::npos; at = p.find('{')) {
      auto end = p.find('}', at);
      bool token = p.substr(at, end - at + 1) == "{token}";
      p.replace(at, end - at + 1, token ? std::string(64, 'a') : "7");
    }
    return p;
  }
  int tagOf(restinio::http_method_id_t m, std::string_view path) {
    params = {};
    auto* h = table.find(m, path, params);
    return h ? tags.at(h) : 0;
  }

  RouteTable table;
  std::map<const RouteTable::Handler*, int> tags;
  PathParams params, scratch;
  int reached = 0;
};

TEST_F(RouteTableTest, MatchesByMethodAndSegments) {
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs"), 1);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/42"), 2);
  EXPECT_EQ(params["id"], "42");
  EXPECT_EQ(tagOf(http_method_post(), "/api/v1/orgs/42/meetings"), 3);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/42/meetings"), 4);
  EXPECT_EQ(tagOf(http_method_delete(), "/api/v1/me/sessions/9"), 7);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/3/members/17"), 8);
  EXPECT_EQ(params["id"], "3");
  EXPECT_EQ(params["member"], "17");
  EXPECT_EQ(params["missing"], "");
}

TEST_F(RouteTableTest, RefusesWhatTheExpressPatternsRefused) {
  EXPECT_EQ(tagOf(http_method_post(), "/api/v1/orgs/42"), 0);         // no such method on the path
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/abc"), 0);         // ids are digits
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/-1"), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/1234567890123456789"), 0);  // 19 digits
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/42/extra"), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1//orgs"), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs//"), 0);
  EXPECT_EQ(tagOf(http_method_get(), "api/v1/orgs"), 0);
  EXPECT_EQ(tagOf(http_method_get(), ""), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/" + std::string(63, 'a')), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/" + std::string(64, 'g')), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/" + std::string(64, 'a') + ".ics.ics"), 0);
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/.ics"), 0);
}

TEST_F(RouteTableTest, KeepsTheExpressRoutersLeniency) {
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/"), 1);   // one trailing slash
  EXPECT_EQ(tagOf(http_method_get(), "/API/V1/Orgs/5"), 2);  // literals ignore ASCII case
  EXPECT_EQ(params["id"], "5");
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/orgs/123456789012345678"), 2);  // 18 digits
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/" + std::string(64, 'f')), 6);
  EXPECT_EQ(params["token"], std::string(64, 'f'));
  EXPECT_EQ(tagOf(http_method_get(), "/api/v1/calendar/" + std::string(64, 'e') + ".ICS"), 5);
  EXPECT_EQ(params["token"], std::string(64, 'e'));
}

TEST_F(RouteTableTest, RefusesABadTable) {
  auto h = [](restinio::request_handle_t, PathParams) { return restinio::request_accepted(); };
  EXPECT_THROW(table.add(http_method_get(), "/api/v1/orgs/{id}", h), std::invalid_argument);  // twice
  EXPECT_THROW(table.add(http_method_get(), "api/v1/x", h), std::invalid_argument);
  EXPECT_THROW(table.add(http_method_get(), "/api//x", h), std::invalid_argument);
  EXPECT_THROW(table.add(http_method_get(), "/{a}/{b}/{c}/{d}/{e}", h), std::invalid_argument);
  EXPECT_NO_THROW(table.add(http_method_get(), "/api/v1/orgs/{other}/x", h));
}

}  // namespace
}  // namespace chibo::http
