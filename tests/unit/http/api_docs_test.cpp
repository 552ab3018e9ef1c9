// Every route the server answers is documented in docs/api.md, and every
// documented route exists: the document cannot drift from the code.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "http/api.h"

namespace chibo::http {

static std::set<std::string> documentedRoutes() {
  std::ifstream f(std::string(CHIBO_SOURCE_DIR) + "/docs/api.md");
  std::stringstream ss;
  ss << f.rdbuf();
  std::set<std::string> out;
  std::regex heading(R"(^### (GET|POST|PUT|PATCH|DELETE) (/api/v1/\S+))");
  std::string line;
  while (std::getline(ss, line)) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) out.insert(m[1].str() + " " + m[2].str());
  }
  return out;
}

TEST(ApiDocsTest, EveryRouteIsDocumented) {
  auto docs = documentedRoutes();
  ASSERT_FALSE(docs.empty()) << "docs/api.md not found or has no route headings";
  for (const auto& r : routeTable()) EXPECT_TRUE(docs.count(r.method + " " + r.path)) << "undocumented: " << r.method << " " << r.path;
}

TEST(ApiDocsTest, EveryDocumentedRouteExists) {
  std::set<std::string> code;
  for (const auto& r : routeTable()) code.insert(r.method + " " + r.path);
  for (const auto& d : documentedRoutes()) EXPECT_TRUE(code.count(d)) << "documented but not served: " << d;
}

}  // namespace chibo::http
