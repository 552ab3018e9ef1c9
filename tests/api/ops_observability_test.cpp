// Observability against the real server: request ids in headers and in
// problem+json, a JSON access log naming route patterns (never record ids),
// /healthz, /readyz, /metrics only for allowed addresses, and the client
// address taken from a trusted proxy's X-Forwarded-For. The server runs with
// settings from the environment (CHIBO_*), as systemd would pass them.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "api_fixture.h"

namespace chibo::testing {

class OpsObservabilityTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ::setenv("CHIBO_TRUSTED_PROXIES", "127.0.0.1", 1);
    ::setenv("CHIBO_HTTPS", "true", 1);
    ::setenv("CHIBO_PUBLIC_URL", "https://chibo.example.vn", 1);
    guardSetUp([] { startDemoServer(); });
    for (auto v : {"CHIBO_TRUSTED_PROXIES", "CHIBO_HTTPS", "CHIBO_PUBLIC_URL"}) ::unsetenv(v);
  }
  httplib::Client raw() { return httplib::Client("127.0.0.1", server_->port()); }
  // Access-log lines (JSON objects with a request_id) written so far.
  std::vector<json::object> accessLines() {
    std::ifstream in(server_->dir() + "/serve.log");
    std::vector<json::object> out;
    std::string line;
    while (std::getline(in, line)) {
      boost::system::error_code ec;
      auto v = json::parse(line, ec);
      if (!ec && v.is_object() && v.as_object().contains("request_id")) out.push_back(v.as_object());
    }
    return out;
  }
  std::string serveLog() {
    std::ifstream in(server_->dir() + "/serve.log");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

TEST_F(OpsObservabilityTest, EveryAnswerCarriesARequestIdAndProblemsRepeatIt) {
  auto c = as("admin");
  auto http = raw();
  httplib::Headers h{{"Cookie", c.cookie}};
  auto ok = http.Get("/api/v1/me", h);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->get_header_value("X-Request-Id").size(), 16u);
  auto missing = http.Get("/api/v1/orgs/987654321", h);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto id = missing->get_header_value("X-Request-Id");
  ASSERT_FALSE(id.empty());
  auto body = json::parse(missing->body).as_object();
  EXPECT_EQ(body.at("request_id").as_string(), id) << missing->body;
  EXPECT_EQ(body.at("code").as_string(), "not_found");
  EXPECT_NE(ok->get_header_value("X-Request-Id"), id);
}

TEST_F(OpsObservabilityTest, AccessLogNamesTheRoutePatternUserAndRealClient) {
  auto c = as("admin");
  auto http = raw();
  auto path = "/api/v1/orgs/" + std::to_string(ward_);
  auto r = http.Get(path.c_str(), {{"Cookie", c.cookie}, {"X-Forwarded-For", "203.0.113.7"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto id = r->get_header_value("X-Request-Id");
  json::object line;
  for (auto& l : accessLines())
    if (l.at("request_id").as_string() == id) line = l;
  ASSERT_FALSE(line.empty()) << "no access-log line for " << id;
  EXPECT_EQ(line.at("route").as_string(), "/api/v1/orgs/{id}");
  EXPECT_EQ(line.at("method").as_string(), "GET");
  EXPECT_EQ(line.at("status").as_int64(), 200);
  EXPECT_EQ(line.at("bytes").as_int64(), int64_t(r->body.size()));
  EXPECT_GE(line.at("us").as_int64(), 0);
  EXPECT_GT(line.at("user_id").as_int64(), 0);
  EXPECT_EQ(line.at("client").as_string(), "203.0.113.7");  // the proxy (127.0.0.1) is trusted
  EXPECT_EQ(serveLog().find(path), std::string::npos) << "a raw path with a record id reached the log";
}

TEST_F(OpsObservabilityTest, ProbesAnswerWithoutASession) {
  auto http = raw();
  auto alive = http.Get("/healthz");
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->status, 200);
  auto ready = http.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  auto body = json::parse(ready->body).as_object();
  EXPECT_EQ(body.at("status").as_string(), "ready");
  EXPECT_TRUE(body.at("checks").as_object().contains("migrations"));
  EXPECT_TRUE(body.at("checks").as_object().contains("disk"));
  // The warning pass after start runs beside the server; the probe says when it is done.
  EXPECT_EQ(body.at("warning_pass").as_string(), "done");
  EXPECT_TRUE(body.at("checks").as_object().contains("warnings"));
  auto legacy = http.Get("/api/v1/health");
  ASSERT_TRUE(legacy);
  EXPECT_EQ(legacy->status, 200);
}

TEST_F(OpsObservabilityTest, MetricsCountRoutesByPatternForLoopbackOnly) {
  auto c = as("admin");
  ASSERT_EQ(c.get("/api/v1/orgs/" + std::to_string(kp1_)).status, 200);
  auto http = raw();
  auto m = http.Get("/metrics");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200);
  EXPECT_NE(m->get_header_value("Content-Type").find("text/plain; version=0.0.4"), std::string::npos);
  const auto& t = m->body;
  EXPECT_NE(t.find("chibo_http_requests_total{method=\"GET\",route=\"/api/v1/orgs/{id}\",status=\"200\"}"),
            std::string::npos) << t;
  EXPECT_NE(t.find("chibo_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/auth/login\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(t.find("chibo_http_open_connections "), std::string::npos);
  EXPECT_NE(t.find("process_resident_memory_bytes "), std::string::npos);
  EXPECT_NE(t.find("chibo_worker_queue_depth "), std::string::npos);
  EXPECT_EQ(t.find("/api/v1/orgs/" + std::to_string(kp1_)), std::string::npos);
  // Through the (trusted) proxy the asker is the forwarded client, who is not allowed.
  auto outside = http.Get("/metrics", {{"X-Forwarded-For", "203.0.113.7"}});
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 404);
}

// The value of the sample line starting with `series` (name and labels), or -1.
static double sample(const std::string& text, const std::string& series) {
  auto at = text.find("\n" + series + " ");
  return at == std::string::npos ? -1 : std::stod(text.substr(at + series.size() + 2));
}

TEST_F(OpsObservabilityTest, MetricsTimeDatabaseTransactionsByKind) {
  auto http = raw();
  auto before = http.Get("/metrics");
  ASSERT_TRUE(before);
  const std::string writes = "chibo_db_transaction_duration_seconds_count{kind=\"write\"}";
  const std::string reads = "chibo_db_transaction_duration_seconds_count{kind=\"read\"}";
  double w0 = sample(before->body, writes), r0 = sample(before->body, reads);
  ASSERT_GE(w0, 0) << before->body;
  ASSERT_GE(r0, 0);
  auto c = as("admin");  // a log-in writes its session
  ASSERT_EQ(c.get("/api/v1/orgs/" + std::to_string(kp1_)).status, 200);
  auto after = http.Get("/metrics");
  ASSERT_TRUE(after);
  const auto& t = after->body;
  EXPECT_GT(sample(t, writes), w0);
  EXPECT_GT(sample(t, reads), r0);
  // Cumulative buckets: +Inf holds every transaction, and no bucket holds more than a wider one.
  EXPECT_EQ(sample(t, "chibo_db_transaction_duration_seconds_bucket{kind=\"write\",le=\"+Inf\"}"), sample(t, writes));
  EXPECT_LE(sample(t, "chibo_db_transaction_duration_seconds_bucket{kind=\"read\",le=\"0.001\"}"),
            sample(t, "chibo_db_transaction_duration_seconds_bucket{kind=\"read\",le=\"0.01\"}"));
  EXPECT_GT(sample(t, "chibo_db_transaction_duration_seconds_sum{kind=\"write\"}"), 0);
  EXPECT_NE(t.find("# TYPE chibo_db_transaction_duration_seconds histogram"), std::string::npos);
}

TEST_F(OpsObservabilityTest, HttpsSettingMarksCookieSecureSendsHstsAndLinksUsePublicUrl) {
  auto http = raw();
  auto r = http.Post("/api/v1/auth/login", json::serialize(json::object{{"username", "admin"}, {"password", "chibo-demo"}}),
                     "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Set-Cookie").find("Secure"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  auto c = as("bithu.kp1");
  auto feed = c.post("/api/v1/me/calendar-token", json::object{});
  ASSERT_EQ(feed.status, 201) << feed.raw;
  EXPECT_EQ(std::string(feed.obj().at("url").as_string()).rfind("https://chibo.example.vn/api/v1/calendar/", 0), 0u)
      << feed.raw;
}

}  // namespace chibo::testing
