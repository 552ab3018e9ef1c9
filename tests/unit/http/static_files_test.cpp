// The static-file allow-list: only files found under the root at start-up,
// named exactly, are ever resolved; precompressed siblings by Accept-Encoding.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "http/api.h"

namespace chibo::http {
namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/chibo-static-XXXXXX";
    base_ = ::mkdtemp(tmpl);
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    fs::create_directories(root_ / ".git");
    write(root_ / "index.html");
    write(root_ / "assets/app.js");
    write(root_ / "assets/app.js.br");
    write(root_ / "assets/app.js.gz");
    write(root_ / "assets/style.css");
    write(root_ / "assets/style.css.gz");
    write(root_ / ".env");
    write(root_ / ".git/config");
    write(base_ / "secret.txt");
    fs::create_symlink("/etc/passwd", root_ / "passwd");
    fs::create_directory_symlink("/etc", root_ / "etc");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void write(const fs::path& p) { std::ofstream(p) << p.filename().string(); }
  fs::path base_, root_;
};

TEST_F(StaticFilesTest, ResolvesOnlyTheFilesUnderTheRoot) {
  StaticFiles files(root_);
  EXPECT_EQ(files.size(), 3u);  // index.html, app.js, style.css
  EXPECT_EQ(files.resolve("/"), fs::canonical(root_) / "index.html");
  EXPECT_EQ(files.resolve("/index.html"), fs::canonical(root_) / "index.html");
  EXPECT_EQ(files.resolve("/assets/app.js"), fs::canonical(root_) / "assets/app.js");
}

TEST_F(StaticFilesTest, RefusesEveryWayOut) {
  StaticFiles files(root_);
  for (std::string_view p : {"//etc/passwd", "/../secret.txt", "/assets/../../secret.txt", "/assets/../index.html",
                             "/%2e%2e/secret.txt", "/assets%2fapp.js", "/assets\\app.js", "/passwd", "/etc/passwd",
                             "/.env", "/.git/config", "/assets/app.js.gz", "/assets/app.js.br", "assets/app.js",
                             "", "/assets//app.js", "/assets/app.js/", "/ASSETS/APP.JS"})
    EXPECT_EQ(files.resolve(p), std::nullopt) << p;
  EXPECT_EQ(files.resolve(std::string_view("/index.html\0x", 13)), std::nullopt);
}

TEST_F(StaticFilesTest, HostilePathsAreRecognised) {
  for (std::string_view p : {"//x", "/a/../b", "/a\\b", "/%2e", "x", "", "/a\tb"}) EXPECT_TRUE(StaticFiles::hostile(p)) << p;
  for (std::string_view p : {"/", "/meetings/12", "/assets/app-1a2b.js"}) EXPECT_FALSE(StaticFiles::hostile(p)) << p;
}

TEST_F(StaticFilesTest, ChoosesAPrecompressedSiblingTheClientAccepts) {
  StaticFiles files(root_);
  auto br = files.choose("/assets/app.js", "gzip, deflate, br");
  ASSERT_TRUE(br);
  EXPECT_EQ(br->encoding, "br");
  EXPECT_EQ(br->file.filename(), "app.js.br");
  EXPECT_EQ(br->original.filename(), "app.js");
  EXPECT_EQ(files.choose("/assets/app.js", "gzip")->encoding, "gzip");
  EXPECT_EQ(files.choose("/assets/app.js", "br;q=0, gzip;q=0.5")->encoding, "gzip");
  EXPECT_EQ(files.choose("/assets/app.js", "")->encoding, "");
  EXPECT_EQ(files.choose("/assets/style.css", "br")->encoding, "");  // no .br written for it
  EXPECT_EQ(files.choose("/index.html", "gzip, br")->encoding, "");
}

TEST(AcceptsEncoding, ReadsWeights) {
  EXPECT_TRUE(acceptsEncoding("gzip", "gzip"));
  EXPECT_TRUE(acceptsEncoding("deflate, gzip;q=1.0, *;q=0.5", "gzip"));
  EXPECT_TRUE(acceptsEncoding(" br ; q=0.1", "br"));
  EXPECT_FALSE(acceptsEncoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(acceptsEncoding("gzip;q=0.000", "gzip"));
  EXPECT_FALSE(acceptsEncoding("x-gzip", "gzip"));
  EXPECT_FALSE(acceptsEncoding("", "gzip"));
}

TEST(SessionCookie, HostPrefixAndSecureOverHttps) {
  auto secure = sessionCookie(true, "abc", 60);
  EXPECT_EQ(secure.rfind("__Host-chibo_session=abc;", 0), 0u);
  EXPECT_NE(secure.find("; Secure"), std::string::npos);
  EXPECT_NE(secure.find("Path=/"), std::string::npos);
  EXPECT_EQ(secure.find("Domain"), std::string::npos);  // __Host- forbids it
  auto plain = sessionCookie(false, "abc", 60);
  EXPECT_EQ(plain.rfind("chibo_session=abc;", 0), 0u);
  EXPECT_EQ(plain.find("Secure"), std::string::npos);
}

TEST(SessionCookie, EitherNameIsRead) {
  restinio::http_request_header_t h;
  h.set_field(restinio::http_field::cookie, "a=1; __Host-chibo_session=tok1");
  EXPECT_EQ(sessionToken(h), "tok1");
  h.set_field(restinio::http_field::cookie, "chibo_session=tok2; b=2");
  EXPECT_EQ(sessionToken(h), "tok2");
  h.set_field(restinio::http_field::cookie, "xchibo_session=tok3");
  EXPECT_EQ(sessionToken(h), "");
}

}  // namespace chibo::http
