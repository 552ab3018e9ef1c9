#pragma once
// The request router: routes are matched segment by segment against a table grouped by the
// number of path segments, not tried one regular expression after another. RESTinio's express
// router compiles each route into a std::regex and runs them in turn; on member detail that
// was 17 % of the server's instructions (bench/README.md, Profile 1).
//
// Patterns are the documented paths: "/api/v1/orgs/{id}". A {token} segment matches 64
// lowercase hex digits (a calendar feed's secret); any other {name} matches 1 to 18 decimal
// digits (a record id). A parameter may carry a literal suffix in its segment ("{token}.ics"). Literal segments compare ASCII case-insensitively and one trailing "/"
// is allowed, as the express router did.
#include <restinio/all.hpp>

#include <array>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chibo::http {

// A matched route's path parameters: views into the request's own target, valid while the
// request handle lives.
class PathParams {
 public:
  static constexpr size_t kMax = 4;
  std::string_view operator[](std::string_view name) const;
  void add(std::string_view name, std::string_view value);

 private:
  std::array<std::pair<std::string_view, std::string_view>, kMax> items_{};
  size_t size_ = 0;
};

class RouteTable {
 public:
  using Handler = std::function<restinio::request_handling_status_t(restinio::request_handle_t, PathParams)>;
  using Fallback = std::function<restinio::request_handling_status_t(restinio::request_handle_t)>;

  // Throws std::invalid_argument for a pattern that is not "/"-rooted, has an empty segment or
  // more than PathParams::kMax parameters, or repeats a method and pattern already added.
  void add(restinio::http_method_id_t method, std::string_view pattern, Handler h);
  // What an unmatched request (path or method) gets: the static files.
  void fallback(Fallback f) { fallback_ = std::move(f); }

  restinio::request_handling_status_t operator()(restinio::request_handle_t req) const;
  // The handler for a method and a path (without its query), with the path's parameters;
  // nullptr when no route matches both.
  const Handler* find(restinio::http_method_id_t method, std::string_view path, PathParams& params) const;

 private:
  struct Segment {
    enum Kind { literal, id, token } kind;
    std::string text;    // the literal, or the parameter's name
    std::string suffix;  // a parameter's literal tail within the segment
  };
  struct Entry {
    restinio::http_method_id_t method;
    std::vector<Segment> segments;
    Handler handler;
  };
  bool match(const Entry& e, const std::vector<std::string_view>& parts, PathParams& out) const;

  // By number of segments; a deque keeps each handler where find() pointed to it.
  std::unordered_map<size_t, std::deque<Entry>> by_count_;
  Fallback fallback_;
};

}  // namespace chibo::http
