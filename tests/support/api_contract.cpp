#include "support/api_contract.h"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <vector>

#include "support/json_schema.h"

namespace chibo::testing {
namespace json = boost::json;

namespace {

struct Operation {
  std::string method;   // upper case
  std::string pattern;  // as in the spec: /api/v1/orgs/{id}
  std::regex re;
  const json::object* op;
};

// The spec, read once from the checkout (the file the server embeds).
struct Spec {
  json::object doc;
  std::vector<Operation> ops;
  std::vector<std::regex> paths;

  Spec() {
    const char* src = std::getenv("CHIBO_SOURCE_DIR");
    std::string dir = src ? src : CHIBO_SOURCE_DIR;
    std::ifstream f(dir + "/docs/openapi.json");
    if (!f) throw std::runtime_error("docs/openapi.json not found under " + dir);
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    doc = json::parse(text).as_object();
    for (auto& [path, item] : doc.at("paths").as_object()) {
      std::regex re(patternRegex(std::string(path)));
      paths.push_back(re);
      for (auto& [method, op] : item.as_object()) {
        std::string m(method);
        for (auto& ch : m) ch = char(std::toupper(static_cast<unsigned char>(ch)));
        ops.push_back({m, std::string(path), re, &op.as_object()});
      }
    }
  }

  // Path parameters match what the server's router matches: ids are digits, the
  // calendar feed's token 64 hex characters.
  static std::string patternRegex(const std::string& p) {
    std::string out;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '{') {
        auto end = p.find('}', i);
        out += p.substr(i + 1, end - i - 1) == "token" ? "[0-9a-f]{64}" : "[0-9]{1,18}";
        i = end;
      } else if (std::string_view(".+*?()[]^$|\\").find(p[i]) != std::string_view::npos) {
        out += '\\';
        out += p[i];
      } else {
        out += p[i];
      }
    }
    return out;
  }
};

const Spec& spec() {
  static const Spec s;
  return s;
}

std::string mediaType(const std::string& ct) {
  auto t = ct.substr(0, ct.find(';'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

bool isJson(const std::string& media) { return media == "application/json" || media == "application/problem+json"; }

std::string checkBody(const json::object& content, const std::string& media, const std::string& body,
                      const std::string& what) {
  auto* entry = content.if_contains(media);
  if (!entry && content.contains("*/*") && !media.empty()) return "";  // a stored file, in the type it was uploaded as
  if (!entry) {
    std::string listed;
    for (auto& [k, v] : content) listed += (listed.empty() ? "" : ", ") + std::string(k);
    return what + ": content type " + (media.empty() ? "(none)" : media) + " is not listed (expected " + listed + ")";
  }
  if (!isJson(media)) return "";
  auto* schema = entry->as_object().if_contains("schema");
  if (!schema) return "";
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec) return what + ": body is not JSON: " + body.substr(0, 200);
  auto err = SchemaValidator(spec().doc).validate(*schema, v);
  return err.empty() ? "" : what + ": " + err;
}

}  // namespace

std::string contractViolation(const Exchange& x) {
  const auto& s = spec();
  auto path = x.target.substr(0, x.target.find('?'));
  std::string media = mediaType(x.content_type);
  const Operation* found = nullptr;
  for (auto& o : s.ops)
    if (o.method == x.method && std::regex_match(path, o.re)) {
      found = &o;
      break;
    }
  if (!found) {
    // The server's answer to what it does not route (404 problem, static files).
    if (media == "application/problem+json")
      return checkBody(json::object{{"application/problem+json",
                                     json::object{{"schema", json::object{{"$ref", "#/components/schemas/Problem"}}}}}},
                       media, x.body, x.method + " " + path + " (not in the spec) " + std::to_string(x.status));
    return "";
  }
  std::string what = x.method + " " + found->pattern + " answered " + std::to_string(x.status);
  const auto& responses = found->op->at("responses").as_object();
  auto* r = responses.if_contains(std::to_string(x.status));
  if (!r) {
    std::string listed;
    for (auto& [k, v] : responses) listed += (listed.empty() ? "" : ", ") + std::string(k);
    return what + ", a status the spec does not list (lists " + listed + "); body: " + x.body.substr(0, 300);
  }
  const json::object* resp = &r->as_object();
  if (auto* ref = resp->if_contains("$ref")) {
    std::string name(ref->as_string());
    resp = &s.doc.at("components").at("responses").at(name.substr(name.rfind('/') + 1)).as_object();
  }
  auto* content = resp->if_contains("content");
  if (!content) return x.body.empty() ? "" : what + " with a body, but the spec lists none";
  return checkBody(content->as_object(), media, x.body, what);
}

void recordExchange(const Exchange& x) {
  static const char* file = std::getenv("CHIBO_API_RECORD");
  if (!file || !*file) return;
  static std::mutex m;
  std::lock_guard lock(m);
  json::object line{{"method", x.method}, {"target", x.target}, {"status", x.status},
                    {"content_type", x.content_type}, {"request", x.request_body}};
  line["body"] = mediaType(x.content_type).find("json") != std::string::npos ? x.body : "";
  std::ofstream(file, std::ios::app) << json::serialize(line) << "\n";
}

}  // namespace chibo::testing
