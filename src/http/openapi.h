#pragma once
// The API's OpenAPI 3.1 description (docs/openapi.json), embedded at build time and
// served at GET /api/v1/openapi.json. The API tests hold every answer to it, and the
// web app's TypeScript types are generated from it.
#include <string_view>
#include <vector>

namespace chibo::http {

struct Route;

// The document as written in docs/openapi.json.
std::string_view openApiDocument();
// GET /api/v1/openapi.json: public, cacheable, revalidated by ETag.
void addContractRoutes(std::vector<Route>& out);

}  // namespace chibo::http
