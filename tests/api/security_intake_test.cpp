// Limits are applied when a request's headers are in, before its body is read,
// and answered with problem+json (413, 414, 431, 411, 415) instead of a closed
// connection; JSON routes read only JSON (no log-in by a cross-site form);
// refusals reach the security log without secrets.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>

#include "api/api_fixture.h"
#include "api/security_support.h"

namespace chibo::testing {

class SecurityIntake : public ApiTest {
 protected:
  static int port() { return server_->port(); }
  static std::string post(const std::string& target, const std::string& body, const std::string& type,
                          const std::string& extra = "") {
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" + body;
  }
  static std::string code(const RawResponse& r) {
    boost::system::error_code ec;
    auto v = boost::json::parse(r.body, ec);
    if (ec || !v.is_object() || !v.as_object().contains("code")) return "";
    return std::string(v.as_object().at("code").as_string());
  }
  static bool problem(const RawResponse& r) {
    return r.header("content-type").rfind("application/problem+json", 0) == 0;
  }
};

// The body is trickled in 64 KB steps; the answer must come while most of it is unsent.
// Before, RESTinio reserved and read all 16 MB first (40 such clients held 625 MB).
TEST_F(SecurityIntake, SixteenMegabyteBodyIsRefusedBeforeItIsRead) {
  const size_t total = 16u << 20, step = 64u << 10;
  int fd = connectFrom(port());
  ASSERT_GE(fd, 0);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(sendAll(fd, "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + std::to_string(total) + "\r\n\r\n"));
  std::string chunk(step, ' '), raw;
  size_t sent = 0;
  while (sent < total) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) == 1) {  // the answer has come
      raw = readAll(fd, 2000);
      break;
    }
    if (!sendAll(fd, chunk)) break;  // the server closed without an answer
    sent += step;
  }
  double seconds = secondsSince(t0);
  if (raw.empty()) raw = readAll(fd, 2000);
  ::close(fd);
  auto r = parseResponse(raw);
  std::printf("16 MB body: refused after %.3f s with %zu of %zu bytes sent\n", seconds, sent, total);
  EXPECT_EQ(r.status, 413) << raw.substr(0, 300);
  EXPECT_TRUE(problem(r));
  EXPECT_EQ(code(r), "body_too_large");
  EXPECT_LT(sent, total / 4) << "the server read the body before refusing it";
}

// An upload route allows 10 MB, but only for a session: an anonymous client is refused at the
// head, not after 8 MB.
TEST_F(SecurityIntake, LargeUploadWithoutSessionIsRefusedAtTheHead) {
  int fd = connectFrom(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(sendAll(fd, "POST /api/v1/meetings/1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/pdf\r\nContent-Length: 8000000\r\n\r\n"));
  auto r = parseResponse(readAll(fd, 5000));
  ::close(fd);
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(problem(r));
}

// A signed-in user's file a little over the limit is read and dropped, then refused: a browser
// (like this client) sends the whole upload before reading an answer.
TEST_F(SecurityIntake, OversizedUploadOfASignedInUserIsAnsweredAfterItIsSent) {
  auto user = as("bithu.kp1");
  const size_t size = 11u << 20;
  int fd = connectFrom(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(sendAll(fd, "POST /api/v1/meetings/1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " +
                              user.cookie + "\r\nX-CSRF-Token: " + user.csrf +
                              "\r\nContent-Type: application/pdf\r\nContent-Length: " + std::to_string(size) +
                              "\r\n\r\n"));
  EXPECT_TRUE(sendAll(fd, std::string(size, 'x'))) << "the server closed the connection under the upload";
  auto r = parseResponse(readAll(fd, 5000));
  ::close(fd);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(code(r), "file_too_large");
}

TEST_F(SecurityIntake, LongUrlIsAnswered414) {
  auto r = exchange(port(), get("/api/v1/orgs?q=" + std::string(9000, 'a')));
  EXPECT_EQ(r.status, 414);
  EXPECT_TRUE(problem(r));
  EXPECT_EQ(code(r), "url_too_long");
}

TEST_F(SecurityIntake, LargeOrManyHeadersAreAnswered431) {
  auto big = exchange(port(), get("/api/v1/health", "X-Padding: " + std::string(20000, 'p') + "\r\n"));
  EXPECT_EQ(big.status, 431);
  EXPECT_EQ(code(big), "headers_too_large");
  std::string many;
  for (int i = 0; i < 150; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  auto lots = exchange(port(), get("/api/v1/health", many));
  EXPECT_EQ(lots.status, 431);
  EXPECT_TRUE(problem(lots));
}

TEST_F(SecurityIntake, ChunkedBodyIsAnswered411) {
  auto r = exchange(port(), "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\n{}  \r\n0\r\n\r\n");
  EXPECT_EQ(r.status, 411);
  EXPECT_EQ(code(r), "length_required");
}

TEST_F(SecurityIntake, AnswerToARefusedRequestClosesTheConnection) {
  auto r = exchange(port(), get("/api/v1/health", "X-Padding: " + std::string(20000, 'p') + "\r\n"));
  EXPECT_EQ(r.header("connection"), "close");
  // And the server still answers the next client.
  EXPECT_EQ(exchange(port(), get("/api/v1/health")).status, 200);
}

// A cross-site form can post text/plain or form bodies without a preflight; before, they were
// read as JSON and logged the victim's browser in (log-in CSRF).
TEST_F(SecurityIntake, JsonRoutesRefuseOtherContentTypes) {
  const std::string creds = R"({"username":"admin","password":"chibo-demo"})";
  for (const std::string type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    auto r = exchange(port(), post("/api/v1/auth/login", creds, type));
    SCOPED_TRACE(type);
    EXPECT_EQ(r.status, 415);
    EXPECT_EQ(code(r), "unsupported_media_type");
    EXPECT_EQ(r.header("set-cookie"), "");
  }
  auto ok = exchange(port(), post("/api/v1/auth/login", creds, "application/json; charset=utf-8"));
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(SecurityIntake, LoginFromAnotherOriginIsRefused) {
  const std::string creds = R"({"username":"admin","password":"chibo-demo"})";
  auto evil = exchange(port(), post("/api/v1/auth/login", creds, "application/json", "Origin: http://evil.example\r\n"));
  EXPECT_EQ(evil.status, 403);
  EXPECT_EQ(code(evil), "origin_refused");
  EXPECT_EQ(evil.header("set-cookie"), "");
  auto null_origin = exchange(port(), post("/api/v1/auth/login", creds, "application/json", "Origin: null\r\n"));
  EXPECT_EQ(null_origin.status, 403);
  auto own = exchange(port(), post("/api/v1/auth/login", creds, "application/json",
                                   "Origin: http://127.0.0.1:" + std::to_string(port()) + "\r\n"));
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.header("set-cookie").rfind("chibo_session=", 0), 0u);
}

TEST_F(SecurityIntake, RefusalsAreInTheSecurityLogWithoutSecrets) {
  const std::string secret = "Sai-Mat-Khau-9x!";
  Client wrong(port());
  EXPECT_EQ(wrong.login("bithu.kp1", secret).status, 401);
  auto member = as("bithu.kp1");
  EXPECT_EQ(member.get("/api/v1/orgs/" + std::to_string(kp2_)).status, 404);  // another cell
  Client anon(port());
  EXPECT_EQ(anon.get("/api/v1/me").status, 401);
  exchange(port(), get("/api/v1/orgs?q=" + std::string(9000, 'a')));
  exchange(port(), post("/api/v1/auth/login", "{}", "text/plain"));
  auto log = server_->log();
  auto has = [&](const std::string& s) { return log.find(s) != std::string::npos; };
  EXPECT_TRUE(has(R"("event":"login_refused")")) << log.substr(0, 3000);
  EXPECT_TRUE(has(R"("user":"bithu.kp1")"));
  EXPECT_TRUE(has(R"("event":"not_found")"));
  EXPECT_TRUE(has(R"("event":"unauthenticated")"));
  EXPECT_TRUE(has(R"("code":"url_too_long")"));
  EXPECT_TRUE(has(R"("code":"unsupported_media_type")"));
  // Each security line is one JSON object.
  size_t lines = 0;
  for (size_t at = 0; (at = log.find("{\"time\":", at)) != std::string::npos; ++at) {
    auto end = log.find('\n', at);
    boost::system::error_code ec;
    auto v = boost::json::parse(log.substr(at, end - at), ec);
    EXPECT_FALSE(ec) << log.substr(at, end - at);
    // The access log shares the stream; its lines say "log":"access".
    if (!ec && v.as_object().at("log") == "access") continue;
    if (!ec) {
      EXPECT_EQ(v.as_object().at("log"), "security");
    }
    ++lines;
  }
  EXPECT_GE(lines, 5u);
  EXPECT_FALSE(has(secret)) << "a password reached the log";
  EXPECT_FALSE(has(member.cookie.substr(member.cookie.find('=') + 1))) << "a session token reached the log";
}

}  // namespace chibo::testing
