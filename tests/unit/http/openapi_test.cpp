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

// The contract is exact: every success answer has a schema that says something. An empty
// schema ({}), a bare {"type": "object"} or a missing one would let any body pass the API
// tests' validation. JSON objects say which properties they have and close the rest
// (additionalProperties: false, or a schema every extra property must keep).
static bool vacuous(const json::value* schema) {
  if (!schema || !schema->is_object()) return true;
  const auto& s = schema->as_object();
  if (s.contains("$ref") || s.contains("anyOf") || s.contains("oneOf") || s.contains("allOf") || s.contains("const") ||
      s.contains("enum"))
    return false;
  auto* type = s.if_contains("type");
  if (!type) return true;
  if (type->is_string() && type->as_string() == "object")
    return !s.contains("additionalProperties") || (!s.contains("properties") && s.at("additionalProperties").is_bool());
  return false;
}

// A handler answers one success status (201 when it creates, 204 when it has nothing to
// say, 200 otherwise); listing several would document answers the server never gives.
TEST(OpenApiTest, EverySuccessAnswerIsExact) {
  auto doc = document();
  for (auto& [path, item] : doc.at("paths").as_object())
    for (auto& [method, op] : item.as_object()) {
      std::string what = std::string(method) + " " + std::string(path);
      int successes = 0;
      for (auto& [code, r] : op.at("responses").as_object()) {
        if (code.empty() || code[0] != '2') continue;
        ++successes;
        const auto& resp = r.as_object();
        auto* content = resp.if_contains("content");
        if (code == "204") {
          EXPECT_FALSE(content) << what << ": 204 answers have no body";
          continue;
        }
        EXPECT_TRUE(content && !content->as_object().empty()) << what << " " << std::string(code) << ": no content";
        if (!content) continue;
        for (auto& [media, entry] : content->as_object()) {
          auto* schema = entry.as_object().if_contains("schema");
          std::string at = what + " " + std::string(code) + " " + std::string(media);
          if (media == "application/json") {
            EXPECT_FALSE(vacuous(schema)) << at << ": empty or missing schema";
          } else {
            // Files (PDF, DOCX, XLSX, ICS, stored attachments) are bytes.
            EXPECT_TRUE(schema && schema->is_object() && schema->as_object().if_contains("format") &&
                        schema->as_object().at("format") == "binary")
                << at << ": a file answer's schema is {type: string, format: binary}";
          }
        }
        if (method == "get" || method == "put" || method == "patch" || method == "delete")
          EXPECT_NE(code, "201") << what << ": only a POST creates";
      }
      EXPECT_EQ(successes, 1) << what << ": lists " << successes << " success statuses; its handler answers one";
    }
}

// Inside the schemas success answers use, no place accepts anything: an empty schema
// under items or a property ({} or only a description) is a hole in the contract.
TEST(OpenApiTest, NoEmptySchemaInsideSuccessAnswers) {
  auto doc = document();
  const auto& schemas = doc.at("components").as_object().at("schemas").as_object();
  auto empty = [](const json::value& v) {
    if (!v.is_object()) return false;
    for (auto& [k, x] : v.as_object())
      if (k != "description" && k != "title") return false;
    return true;
  };
  std::set<std::string> seen;
  std::function<void(const json::value&, const std::string&)> walk = [&](const json::value& v, const std::string& at) {
    if (!v.is_object()) return;
    const auto& o = v.as_object();
    if (auto* ref = o.if_contains("$ref")) {
      std::string name(ref->as_string());
      name = name.substr(name.rfind('/') + 1);
      if (seen.insert(name).second)
        if (auto* s = schemas.if_contains(name)) walk(*s, "#/components/schemas/" + name);
      return;
    }
    if (auto* items = o.if_contains("items")) {
      EXPECT_FALSE(empty(*items)) << at << ".items: empty schema";
      walk(*items, at + ".items");
    }
    if (auto* props = o.if_contains("properties"))
      for (auto& [k, p] : props->as_object()) {
        EXPECT_FALSE(empty(p)) << at << "." << std::string(k) << ": empty schema";
        walk(p, at + "." + std::string(k));
      }
    if (auto* ap = o.if_contains("additionalProperties")) walk(*ap, at + ".*");
    for (const char* k : {"anyOf", "oneOf", "allOf"})
      if (auto* xs = o.if_contains(k))
        for (auto& x : xs->as_array()) walk(x, at);
  };
  for (auto& [path, item] : doc.at("paths").as_object())
    for (auto& [method, op] : item.as_object())
      for (auto& [code, r] : op.at("responses").as_object()) {
        if (code.empty() || code[0] != '2') continue;
        if (auto* content = r.as_object().if_contains("content"))
          if (auto* j = content->as_object().if_contains("application/json"))
            if (auto* s = j->as_object().if_contains("schema"))
              walk(*s, std::string(method) + " " + std::string(path) + " " + std::string(code));
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
