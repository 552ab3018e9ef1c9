#include "support/json_schema.h"

#include <regex>
#include <set>
#include <stdexcept>

namespace chibo::testing {
namespace json = boost::json;

namespace {

std::string typeOf(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "boolean";
    case json::kind::int64:
    case json::kind::uint64: return "integer";
    case json::kind::double_: return "number";
    case json::kind::string: return "string";
    case json::kind::array: return "array";
    case json::kind::object: return "object";
  }
  return "?";
}

bool isType(const json::value& v, std::string_view t) {
  auto k = typeOf(v);
  if (k == t) return true;
  if (t == "number" && k == "integer") return true;
  // 3.0 is an integer to JSON Schema; Boost.JSON reads it as a double.
  if (t == "integer" && v.is_double()) return v.as_double() == double(int64_t(v.as_double()));
  return false;
}

double number(const json::value& v) { return v.is_double() ? v.as_double() : v.is_int64() ? double(v.as_int64()) : double(v.as_uint64()); }

const std::set<std::string, std::less<>>& annotations() {
  static const std::set<std::string, std::less<>> s{"description", "title", "examples", "example", "default",
                                                    "readOnly", "writeOnly", "deprecated", "$comment"};
  return s;
}

std::string shortText(const json::value& v) {
  auto s = json::serialize(v);
  return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

}  // namespace

std::string SchemaValidator::validate(const json::value& schema_value, const json::value& v,
                                      const std::string& where) const {
  if (schema_value.is_bool()) return schema_value.as_bool() ? "" : where + ": no value is allowed here";
  const auto& schema = schema_value.as_object();
  for (auto& [key, kw] : schema) {
    if (key == "$ref") {
      std::string ref(kw.as_string());
      const std::string prefix = "#/components/schemas/";
      if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + ref);
      auto* target = root_.at("components").at("schemas").as_object().if_contains(ref.substr(prefix.size()));
      if (!target) throw std::runtime_error("dangling $ref " + ref);
      if (auto e = validate(*target, v, where); !e.empty()) return e;
    } else if (key == "type") {
      bool ok = false;
      std::string expected;
      if (kw.is_string()) {
        ok = isType(v, kw.as_string());
        expected = kw.as_string();
      } else {
        for (auto& t : kw.as_array()) {
          ok = ok || isType(v, t.as_string());
          expected += (expected.empty() ? "" : " or ") + std::string(t.as_string());
        }
      }
      if (!ok) return where + ": expected " + expected + ", found " + typeOf(v) + " " + shortText(v);
    } else if (key == "properties") {
      if (!v.is_object()) continue;
      for (auto& [name, sub] : kw.as_object())
        if (auto* p = v.as_object().if_contains(name))
          if (auto e = validate(sub, *p, where + "." + std::string(name)); !e.empty()) return e;
    } else if (key == "required") {
      if (!v.is_object()) continue;
      for (auto& name : kw.as_array())
        if (!v.as_object().contains(name.as_string()))
          return where + ": required property \"" + std::string(name.as_string()) + "\" is missing";
    } else if (key == "additionalProperties") {
      if (!v.is_object()) continue;
      const json::object* props = nullptr;
      if (auto* p = schema.if_contains("properties")) props = &p->as_object();
      for (auto& [name, val] : v.as_object()) {
        if (props && props->contains(name)) continue;
        if (kw.is_bool() && !kw.as_bool())
          return where + ": property \"" + std::string(name) + "\" is not in the schema";
        if (auto e = validate(kw, val, where + "." + std::string(name)); !e.empty()) return e;
      }
    } else if (key == "items") {
      if (!v.is_array()) continue;
      size_t i = 0;
      for (auto& item : v.as_array())
        if (auto e = validate(kw, item, where + "[" + std::to_string(i++) + "]"); !e.empty()) return e;
    } else if (key == "enum") {
      bool ok = false;
      for (auto& c : kw.as_array()) ok = ok || c == v;
      if (!ok) return where + ": " + shortText(v) + " is not one of " + shortText(kw);
    } else if (key == "const") {
      if (kw != v) return where + ": expected " + shortText(kw) + ", found " + shortText(v);
    } else if (key == "oneOf" || key == "anyOf") {
      int matched = 0;
      std::string errors;
      for (auto& sub : kw.as_array()) {
        auto e = validate(sub, v, where);
        if (e.empty()) ++matched;
        else errors += (errors.empty() ? "" : "; ") + e;
      }
      if (matched == 0) return where + ": matches none of " + std::string(key) + " (" + errors + ")";
      if (key == "oneOf" && matched > 1) return where + ": matches " + std::to_string(matched) + " schemas of oneOf";
    } else if (key == "allOf") {
      for (auto& sub : kw.as_array())
        if (auto e = validate(sub, v, where); !e.empty()) return e;
    } else if (key == "minimum" || key == "maximum") {
      if (!v.is_number()) continue;
      double n = number(v), lim = number(kw);
      if (key == "minimum" ? n < lim : n > lim)
        return where + ": " + shortText(v) + " is " + (key == "minimum" ? "below the minimum " : "above the maximum ") + shortText(kw);
    } else if (key == "minLength" || key == "maxLength") {
      if (!v.is_string()) continue;
      auto n = int64_t(v.as_string().size());
      if (key == "minLength" ? n < kw.to_number<int64_t>() : n > kw.to_number<int64_t>())
        return where + ": string of " + std::to_string(n) + " bytes breaks " + std::string(key) + " " + shortText(kw);
    } else if (key == "pattern" || key == "format") {
      if (!v.is_string()) continue;
      std::string re;
      if (key == "pattern") re = std::string(kw.as_string());
      else if (kw.as_string() == "date") re = R"(^\d{4}-\d{2}-\d{2}$)";
      else if (kw.as_string() == "date-time") re = R"(^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$)";
      else continue;  // other formats (uri, email) are annotations here
      if (!std::regex_search(std::string(v.as_string()), std::regex(re)))
        return where + ": " + shortText(v) + " does not match " + (key == "format" ? "format " : "pattern ") + shortText(kw);
    } else if (!annotations().count(key)) {
      throw std::runtime_error(where + ": schema keyword \"" + std::string(key) + "\" is not supported by the test validator");
    }
  }
  return "";
}

}  // namespace chibo::testing
