// Settings come from the file, then the environment, then flags, later
// sources winning; `config check` masks secrets and reports what is wrong.
#include "cli/settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace chibo::cli {

namespace {

struct Parsed {
  Settings s;
  bool ok = true;
};

Parsed parse(std::vector<std::string> argv) {
  Parsed p;
  CLI::App app{"test"};
  addSettings(app, p.s);
  auto* serve = app.add_subcommand("serve");
  (void)serve;
  std::vector<const char*> raw;
  for (auto& a : argv) raw.push_back(a.c_str());
  auto args = argumentsWithEnvironment(app, int(raw.size()), raw.data());
  std::vector<const char*> c;
  for (auto& a : args) c.push_back(a.c_str());
  try {
    app.parse(int(c.size()), c.data());
  } catch (const CLI::ParseError&) {
    p.ok = false;
  }
  return p;
}

}  // namespace

class SettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/chibo-settings-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    ini_ = dir_ + "/chibo.ini";
    std::ofstream(ini_) << "db = /from/file.db\nlisten = 0.0.0.0:9000\nthreads = 3\nhttps = true\n"
                           "public-url = https://chibo.example.vn\nmetrics-token = s3cret-token\n";
  }
  void TearDown() override {
    for (auto v : {"CHIBO_DB", "CHIBO_THREADS", "CHIBO_CONFIG"}) ::unsetenv(v);
    std::filesystem::remove_all(dir_);
  }
  std::string dir_, ini_;
};

TEST_F(SettingsTest, FileAloneSetsEverySetting) {
  auto p = parse({"chibo", "--config", ini_, "serve"});
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.s.db, "/from/file.db");
  EXPECT_EQ(p.s.listenHost(), "0.0.0.0");
  EXPECT_EQ(p.s.listenPort(), 9000);
  EXPECT_EQ(p.s.threads, 3);
  EXPECT_TRUE(p.s.https);
  EXPECT_EQ(p.s.public_url, "https://chibo.example.vn");
}

TEST_F(SettingsTest, EnvironmentOverridesTheFileAndFlagsOverrideBoth) {
  ::setenv("CHIBO_DB", "/from/env.db", 1);
  ::setenv("CHIBO_THREADS", "5", 1);
  auto env = parse({"chibo", "--config", ini_, "serve"});
  ASSERT_TRUE(env.ok);
  EXPECT_EQ(env.s.db, "/from/env.db");
  EXPECT_EQ(env.s.threads, 5);
  auto flag = parse({"chibo", "--config", ini_, "serve", "--db", "/from/flag.db"});
  ASSERT_TRUE(flag.ok);
  EXPECT_EQ(flag.s.db, "/from/flag.db");
  EXPECT_EQ(flag.s.threads, 5);
}

TEST_F(SettingsTest, ConfigFileCanBeNamedInTheEnvironment) {
  ::setenv("CHIBO_CONFIG", ini_.c_str(), 1);
  auto p = parse({"chibo", "serve"});
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.s.db, "/from/file.db");
}

TEST_F(SettingsTest, ANamedConfigFileThatIsMissingIsAnError) {
  EXPECT_FALSE(parse({"chibo", "--config", dir_ + "/missing.ini", "serve"}).ok);
}

TEST_F(SettingsTest, LegacyHostAndPortFlagsStillWork) {
  auto p = parse({"chibo", "serve", "--db", "x.db", "--port", "0", "--host", "127.0.0.2"});
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.s.listenPort(), 0);
  EXPECT_EQ(p.s.listenHost(), "127.0.0.2");
}

TEST_F(SettingsTest, DescriptionMasksTheMetricsToken) {
  auto p = parse({"chibo", "--config", ini_, "serve"});
  auto text = describeSettings(p.s);
  EXPECT_EQ(text.find("s3cret-token"), std::string::npos) << text;
  EXPECT_NE(text.find("metrics-token = ********"), std::string::npos) << text;
  EXPECT_NE(text.find("db = /from/file.db"), std::string::npos);
}

TEST_F(SettingsTest, CheckReportsEachProblemInVietnamese) {
  auto p = parse({"chibo", "serve", "--db", dir_ + "/none.db", "--trusted-proxies", "10.0.0.0/8, nginx", "--public-url",
                  "https://x.vn", "--rules", dir_});
  ASSERT_TRUE(p.ok);
  auto problems = checkSettings(p.s, true);
  auto all = [&] {
    std::string t;
    for (auto& x : problems) t += x + "\n";
    return t;
  }();
  EXPECT_NE(all.find("Không tìm thấy cơ sở dữ liệu"), std::string::npos) << all;
  EXPECT_NE(all.find("Proxy tin cậy không hợp lệ: \"nginx\""), std::string::npos) << all;
  EXPECT_NE(all.find("chưa bật HTTPS"), std::string::npos) << all;
  std::ofstream(dir_ + "/none.db") << "";
  auto fixed = parse({"chibo", "serve", "--db", dir_ + "/none.db", "--rules", dir_, "--web", ""});
  EXPECT_TRUE(checkSettings(fixed.s, true).empty());
}

}  // namespace chibo::cli
