#pragma once
// Reading request bodies into the raw input structs of use cases, and writing
// errors as problem+json. Type errors become field errors, so a client sees
// every problem of a form at once.
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "domain/ids.h"
#include "domain/result.h"

namespace chibo::http {

namespace json = boost::json;

// Field readers: absent -> nullopt; JSON null -> "" (clear) for strings;
// wrong type -> nullopt plus a field error "invalid_type".
class BodyReader {
 public:
  explicit BodyReader(const json::object& o) : o_(o) {}
  std::optional<std::string> str(const char* key);
  std::optional<Id> id(const char* key);
  std::optional<int> integer(const char* key);
  std::optional<bool> boolean(const char* key);
  Validator& errors() { return v_; }

 private:
  const json::object& o_;
  Validator v_;
};

struct Problem {
  int status = 500;
  std::string body;  // application/problem+json
};
Problem toProblem(const Error& e);
int httpStatus(ErrorKind k);

}  // namespace chibo::http
