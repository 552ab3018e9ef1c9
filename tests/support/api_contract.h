#pragma once
// The API tests' side of the OpenAPI contract (docs/openapi.json): every answer a
// test's Client receives is matched to its operation (method + path pattern) and
// checked against it: the status must be listed, the content type must be one the
// status lists, and a JSON body must validate against its schema.
#include <string>

namespace chibo::testing {

struct Exchange {
  std::string method;        // GET, POST, ...
  std::string target;        // path and query as sent
  std::string request_body;  // as sent ("" for none)
  int status = 0;
  std::string content_type;  // as received
  std::string body;          // as received
};

// "" when the answer keeps the contract; otherwise what broke it, naming the operation,
// the place in the body ($.items[0].name) and what was expected and found. Answers to
// paths the spec does not describe (static files, /healthz, /metrics) are only checked
// when they are problem+json.
std::string contractViolation(const Exchange& x);

// With CHIBO_API_RECORD=<file> set, each exchange is appended to that file as one JSON
// line (method, target, status, content type, request and answer bodies), the material
// scripts/openapi_bootstrap.py turns into first drafts of schemas for new routes.
void recordExchange(const Exchange& x);

}  // namespace chibo::testing
