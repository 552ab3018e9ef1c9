// The machine-readable contract, for the web app's generator and for other systems
// that integrate with chibo. It is the same for every caller, so it needs no session
// and may be cached; the ETag changes whenever a build embeds a different document.
#include "http/openapi.h"

#include <functional>

#include "http/api.h"

namespace chibo::http {

static const std::string& entityTag() {
  static const std::string tag = [] {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string_view>{}(openApiDocument()));
    return "\"" + std::string(hex) + "\"";
  }();
  return tag;
}

static Reply openApi(Api&, Call& c) {
  Reply r{200, std::string(openApiDocument()), "application/json; charset=utf-8", {}};
  if (c.req->header().get_field_or(restinio::http_field::if_none_match, "") == entityTag()) {
    r.status = 304;
    r.body.clear();
  }
  r.headers.emplace_back("Cache-Control", "public, max-age=300");
  r.headers.emplace_back("ETag", entityTag());
  return r;
}

void addContractRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/openapi.json", false, false, openApi});
}

}  // namespace chibo::http
