// The embedded OpenAPI document describes exactly the routes the server routes: a route
// without an operation, or an operation the server does not route, fails the build's
// tests. Every $ref must resolve, so a generator never meets a dangling name.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <set>

#include "http/api.h"
#include "http/openapi.h"

namespace chibo::http {
namespace json = boost::json;

static json::object document() { return json::parse(openApiDocument()).as_object(); }

static std::set<std::string> specOperations() {
  std::set<std::string> out;
  auto doc = document();
  for (auto& [path, item] : doc.at("paths").as_object())
    for (auto& [method, op] : item.as_object()) {
      std::string m(method);
      for (auto& ch : m) ch = char(std::toupper(static_cast<unsigned char>(ch)));
      out.insert(m + " " + std::string(path));
    }
  return out;
}

TEST(OpenApiTest, IsOpenApi31) {
  auto doc = document();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(doc.at("components").as_object().at("schemas").as_object().contains("Problem"));
}

TEST(OpenApiTest, EveryRouteHasAnOperation) {
  auto spec = specOperations();
  for (const auto& r : routeTable()) EXPECT_TRUE(spec.count(r.method + " " + r.path)) << "not in docs/openapi.json: " << r.method << " " << r.path;
}

TEST(OpenApiTest, EveryOperationIsRouted) {
  std::set<std::string> code;
  for (const auto& r : routeTable()) code.insert(r.method + " " + r.path);
  for (const auto& op : specOperations()) EXPECT_TRUE(code.count(op)) << "in docs/openapi.json but not routed: " << op;
}

// Public routes say so (security: []); routes needing a session do not, and list 401.
TEST(OpenApiTest, SessionRequirementMatchesTheRouteTable) {
  auto doc = document();
  for (const auto& r : routeTable()) {
    std::string m = r.method;
    for (auto& ch : m) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    auto* item = doc.at("paths").as_object().if_contains(r.path);
    if (!item || !item->as_object().contains(m)) continue;  // reported above
    const auto& op = item->as_object().at(m).as_object();
    auto* sec = op.if_contains("security");
    bool public_op = sec && sec->as_array().empty();
    EXPECT_EQ(public_op, !r.auth) << r.method << " " << r.path;
    if (r.auth) EXPECT_TRUE(op.at("responses").as_object().contains("401")) << r.method << " " << r.path << ": needs a session but lists no 401";
  }
}

TEST(OpenApiTest, EveryReferenceResolves) {
  auto doc = document();
  const auto& comps = doc.at("components").as_object();
  std::function<void(const json::value&, const std::string&)> walk = [&](const json::value& v, const std::string& at) {
    if (v.is_array())
      for (auto& x : v.as_array()) walk(x, at);
    if (!v.is_object()) return;
    for (auto& [k, x] : v.as_object()) {
      if (k == "$ref") {
        std::string ref(x.as_string());
        ASSERT_EQ(ref.rfind("#/components/", 0), 0u) << at << ": " << ref;
        auto rest = ref.substr(13);
        auto kind = rest.substr(0, rest.find('/')), name = rest.substr(rest.find('/') + 1);
        auto* group = comps.if_contains(kind);
        EXPECT_TRUE(group && group->as_object().contains(name)) << at << ": dangling " << ref;
      } else {
        walk(x, at + "/" + std::string(k));
      }
    }
  };
  walk(doc, "#");
}

}  // namespace chibo::http
