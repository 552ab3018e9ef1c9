#pragma once
// A JSON Schema (2020-12) validator for the subset docs/openapi.json uses: $ref to
// "#/components/schemas/...", type (a name or a list, "null" for nullable), properties,
// required, additionalProperties, items, enum, const, oneOf, anyOf, allOf, minimum,
// maximum, minLength, maxLength, pattern, and format "date" / "date-time" checked by
// pattern. A keyword outside the subset throws, so a schema never passes because a
// keyword was silently ignored.
#include <boost/json.hpp>

#include <string>

namespace chibo::testing {

class SchemaValidator {
 public:
  // `root` is the document $refs point into; it must outlive the validator.
  explicit SchemaValidator(const boost::json::object& root) : root_(root) {}
  // "" when `v` matches `schema`; otherwise the first mismatch, named by its place in
  // the value: "$.items[2].birth_date: expected string, found null".
  std::string validate(const boost::json::value& schema, const boost::json::value& v,
                       const std::string& where = "$") const;

 private:
  const boost::json::object& root_;
};

}  // namespace chibo::testing
