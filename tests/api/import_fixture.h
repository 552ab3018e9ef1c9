#pragma once
// Posting roster files to the import route as a browser's fetch(file) does.
// Query values are percent-encoded as URLSearchParams does (':' and ',' too:
// RESTinio's query parser refuses them raw, and the route then sees no parameters).
#include <cstdio>
#include <fstream>
#include <sstream>

#include "api/api_fixture.h"

namespace chibo::testing {

inline std::string urlEncoded(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += char(ch);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

inline std::string rosterFixture(const std::string& name) {
  const char* src = std::getenv("CHIBO_SOURCE_DIR");
#ifdef CHIBO_SOURCE_DIR
  if (!src) src = CHIBO_SOURCE_DIR;  // gtest_discover_tests passes on only CHIBO_BIN
#endif
  std::ifstream f(std::string(src ? src : ".") + "/tests/fixtures/roster/" + name, std::ios::binary);
  if (!f) throw std::runtime_error("missing fixture " + name);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class ImportApiTest : public ApiTest {
 protected:
  // POSTs `bytes` to the org's import route; `query` is added as is (mapping, create_cells).
  Resp postFile(Client& c, int64_t org, const std::string& name, const std::string& bytes, bool commit,
                const std::string& query = "", bool csrf = true) {
    httplib::Client http("127.0.0.1", server_->port());
    http.set_read_timeout(60, 0);
    httplib::Headers h{{"Cookie", c.cookie}};
    if (csrf) h.emplace("X-CSRF-Token", c.csrf);
    std::string p = "/api/v1/orgs/" + std::to_string(org) + "/roster-import?name=" + urlEncoded(name) +
                    "&mode=" + (commit ? "commit" : "dry_run") + query;
    auto r = http.Post(p.c_str(), h, bytes, "application/octet-stream");
    Resp out;
    if (!r) {
      out.error = httplib::to_string(r.error());
      return out;
    }
    holdToContract("POST", p, "", *r);
    out.status = r->status;
    out.raw = r->body;
    out.content_type = r->get_header_value("Content-Type");
    boost::system::error_code ec;
    auto v = json::parse(r->body, ec);
    if (!ec) out.body = v;
    return out;
  }
  static int64_t count(const Resp& r, const char* what) {
    return r.obj().at("counts").as_object().at(what).as_int64();
  }
  // The rows of the report with this action.
  static std::vector<json::object> rowsWith(const Resp& r, const std::string& action) {
    std::vector<json::object> out;
    for (auto& row : r.obj().at("rows").as_array())
      if (row.as_object().at("action").as_string() == action) out.push_back(row.as_object());
    return out;
  }
  int64_t rosterTotal(int64_t org) {
    auto c = as("admin");
    return c.get("/api/v1/orgs/" + std::to_string(org) + "/members?limit=1").obj().at("total").as_int64();
  }
};

}  // namespace chibo::testing
