// Static files are served from an allow-list of the web root's files: no path
// a client sends reaches the filesystem, so none leaves the root — not
// `//etc/passwd`, not the database, not `..` in any spelling.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api/security_support.h"
#include "support/server_process.h"

namespace chibo::testing {
namespace fs = std::filesystem;

class SecurityStatic : public ::testing::Test {
 protected:
  // A set-up that throws would leave the tests reported as skipped (see ApiTest::guardSetUp).
  static void SetUpTestSuite() {
    try {
      startServer();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  void SetUp() override {
    if (!setup_error_.empty()) GTEST_FAIL() << "the suite's set-up failed: " << setup_error_;
  }
  static inline std::string setup_error_;
  static void startServer() {
    server_ = new ServerProcess(true);
    web_ = server_->dir() + "/web";
    fs::create_directories(web_ + "/assets");
    write(web_ + "/index.html", "<!doctype html><title>chibo</title><div id=app></div>");
    write(web_ + "/assets/app-1a2b.js", "console.log('app')");
    write(web_ + "/assets/app-1a2b.js.br", "BROTLI-BYTES");
    write(web_ + "/assets/app-1a2b.js.gz", "GZIP-BYTES");
    write(server_->dir() + "/outside.txt", "OUTSIDE-THE-ROOT");
    fs::create_symlink("/etc/passwd", web_ + "/passwd-link.txt");
    server_->start(web_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }
  static int port() { return server_->port(); }
  static inline ServerProcess* server_ = nullptr;
  static inline std::string web_;
};

// Each of these read /etc/passwd, the database or a file beside the root before.
TEST_F(SecurityStatic, PathsOutsideTheWebRootAreNotFound) {
  const std::string db = server_->dbPath(), dir = server_->dir();
  const std::vector<std::string> attacks = {
      "//etc/passwd",
      "//proc/self/cwd/../../../../etc/passwd",
      "/" + db,                       // "//tmp/chibo-api-…/chibo.db"
      "//proc/self/root" + db,
      "/../outside.txt",
      "/assets/../../outside.txt",
      "/%2e%2e/outside.txt",
      "/%2E%2E%2Foutside.txt",
      "/assets/..%2f..%2foutside.txt",
      "/..\\outside.txt",
      "/assets\\..\\..\\outside.txt",
      "/passwd-link.txt",
      "/.%2e/outside.txt",
      "/%2fetc%2fpasswd",
      "/index.html%00.js",
  };
  for (const auto& target : attacks) {
    auto r = exchange(port(), get(target));
    SCOPED_TRACE(target);
    EXPECT_EQ(r.status, 404) << r.body.substr(0, 200);
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
    EXPECT_EQ(r.body.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(r.body.find("OUTSIDE-THE-ROOT"), std::string::npos);
    EXPECT_EQ(r.body.find("<title>chibo"), std::string::npos) << "served the app for a hostile path";
  }
  // A NUL byte in the request line itself.
  const char nul[] = "GET /index.html\0/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto r = exchange(port(), std::string(nul, sizeof nul - 1));
  EXPECT_EQ(r.body.find("root:"), std::string::npos);
}

TEST_F(SecurityStatic, RefusedPathsAreInTheSecurityLog) {
  exchange(port(), get("//etc/shadow"));
  auto log = server_->log();
  EXPECT_NE(log.find("\"event\":\"static_refused\""), std::string::npos) << log.substr(0, 2000);
  EXPECT_NE(log.find("//etc/shadow"), std::string::npos);
}

TEST_F(SecurityStatic, TheAppAndItsFilesAreServed) {
  auto index = exchange(port(), get("/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("<title>chibo"), std::string::npos);
  auto route = exchange(port(), get("/meetings/12"));  // an app route: the app routes it
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("<title>chibo"), std::string::npos);
  auto js = exchange(port(), get("/assets/app-1a2b.js"));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_EQ(js.header("content-type").rfind("text/javascript", 0), 0u);
  EXPECT_EQ(js.header("content-encoding"), "");
  auto missing = exchange(port(), get("/assets/gone-9z.js"));  // a missing file is not the app
  EXPECT_EQ(missing.status, 404);
}

TEST_F(SecurityStatic, PrecompressedSiblingsAreServedWhenAccepted) {
  auto br = exchange(port(), get("/assets/app-1a2b.js", "Accept-Encoding: gzip, deflate, br\r\n"));
  EXPECT_EQ(br.status, 200);
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.body, "BROTLI-BYTES");
  EXPECT_EQ(br.header("content-type").rfind("text/javascript", 0), 0u);
  EXPECT_NE(br.header("vary").find("Accept-Encoding"), std::string::npos);
  auto gz = exchange(port(), get("/assets/app-1a2b.js", "Accept-Encoding: gzip\r\n"));
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(gz.body, "GZIP-BYTES");
  auto refused = exchange(port(), get("/assets/app-1a2b.js", "Accept-Encoding: br;q=0, gzip;q=0\r\n"));
  EXPECT_EQ(refused.header("content-encoding"), "");
  EXPECT_EQ(refused.body, "console.log('app')");
}

TEST_F(SecurityStatic, LargeJsonAnswersAreGzippedWhenAccepted) {
  // The health answer is small: sent as it is.
  auto small = exchange(port(), get("/api/v1/health", "Accept-Encoding: gzip\r\n"));
  EXPECT_EQ(small.status, 200);
  EXPECT_EQ(small.header("content-encoding"), "");
  Client admin(port());
  ASSERT_EQ(admin.login("admin").status, 200);
  auto city = admin.get("/api/v1/orgs").obj().at("items").as_array().at(0).as_object().at("id").as_int64();
  const std::string list = "/api/v1/audit?org=" + std::to_string(city) + "&limit=100";
  auto plain = exchange(port(), get(list, "Cookie: " + admin.cookie + "\r\n"));
  ASSERT_EQ(plain.status, 200) << plain.body;
  ASSERT_GT(plain.body.size(), 1024u) << "the demo's audit list should be over 1 KB";
  EXPECT_EQ(plain.header("content-encoding"), "");
  auto gz = exchange(port(), get(list, "Cookie: " + admin.cookie + "\r\nAccept-Encoding: gzip\r\n"));
  ASSERT_EQ(gz.status, 200);
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_NE(gz.header("vary").find("Accept-Encoding"), std::string::npos);
  ASSERT_GE(gz.body.size(), 2u);
  EXPECT_EQ(uint8_t(gz.body[0]), 0x1f);  // gzip magic
  EXPECT_EQ(uint8_t(gz.body[1]), 0x8b);
  EXPECT_LT(gz.body.size(), plain.body.size());
}

}  // namespace chibo::testing
