// Backup under write load and the restore drill, with the real binary: every
// write acknowledged before `chibo backup` started is in the restored
// database, a write made after it finished is not (so the restore really
// replaced the file), a running server's file is never replaced, and a backup
// whose bytes changed is refused.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "api_fixture.h"

extern char** environ;

namespace chibo::testing {
namespace fs = std::filesystem;

// Runs the chibo binary with `args`; output goes to `log`. Returns the exit code.
static int runChibo(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> all{std::getenv("CHIBO_BIN")};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) return -1;
  posix_spawn_file_actions_destroy(&fa);
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static std::string readAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class OpsBackupTest : public ApiTest {};

TEST_F(OpsBackupTest, RestoredDatabaseHoldsEveryWriteAcknowledgedBeforeTheBackup) {
  const std::string dir = server_->dir(), backup = dir + "/nightly.db", log = dir + "/ops.log";
  static const char* syllables[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khoa", "Lan", "Minh", "Nga"};
  std::mutex mu;
  std::vector<int64_t> acknowledged;  // GUARDED_BY(mu)
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    auto c = as("admin");
    for (int i = 0; !stop; ++i) {
      std::string name = std::string("Phạm Văn ") + syllables[i % 10] + " " + syllables[(i / 10) % 10];
      auto r = c.post("/api/v1/members", newMember(kp2_, name));
      if (r.status != 201) {
        ++failures;
        continue;
      }
      std::lock_guard g(mu);
      acknowledged.push_back(r.obj().at("id").as_int64());
    }
  });
  while (true) {  // some load before the backup starts
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard g(mu);
    if (acknowledged.size() >= 5) break;
  }
  std::vector<int64_t> before;
  {
    std::lock_guard g(mu);
    before = acknowledged;
  }
  int rc = runChibo({"backup", "--db", server_->dbPath(), "--out", backup}, log);
  size_t during;
  {
    std::lock_guard g(mu);
    during = acknowledged.size() - before.size();
  }
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0) << readAll(log);
  EXPECT_EQ(failures, 0);
  ASSERT_TRUE(fs::exists(backup + ".sha256"));
  std::cout << "writes acknowledged while the backup ran: " << during << "\n";

  auto admin = as("admin");
  auto after = admin.post("/api/v1/members", newMember(kp2_, "Lê Thị Sau Sao Lưu"));
  ASSERT_EQ(after.status, 201);
  int64_t after_id = after.obj().at("id").as_int64();

  // A live database is never replaced.
  EXPECT_EQ(runChibo({"restore", "--db", server_->dbPath(), "--from", backup}, log), 2);
  EXPECT_NE(readAll(log).find("đang chạy"), std::string::npos);
  EXPECT_EQ(admin.get("/api/v1/members/" + std::to_string(after_id)).status, 200);

  server_->stop();
  ASSERT_EQ(runChibo({"restore", "--db", server_->dbPath(), "--from", backup}, log), 0) << readAll(log);
  server_->start();
  auto c = as("admin");
  for (auto id : before) EXPECT_EQ(c.get("/api/v1/members/" + std::to_string(id)).status, 200) << "lost member " << id;
  EXPECT_EQ(c.get("/api/v1/members/" + std::to_string(after_id)).status, 404) << "the restore did not replace the file";
}

TEST_F(OpsBackupTest, RestoreRefusesABackupWhoseBytesChanged) {
  const std::string dir = server_->dir(), backup = dir + "/tampered.db", log = dir + "/tamper.log";
  ASSERT_EQ(runChibo({"backup", "--db", server_->dbPath(), "--out", backup}, log), 0) << readAll(log);
  {
    std::fstream f(backup, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 + 100);
    f.put('\x5a');
  }
  auto target = dir + "/restored.db";
  EXPECT_EQ(runChibo({"restore", "--db", target, "--from", backup}, log), 2);
  EXPECT_NE(readAll(log).find("SHA-256"), std::string::npos) << readAll(log);
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(OpsBackupTest, RotationKeepsTheNewestBackups) {
  const std::string dir = server_->dir() + "/rotating", log = server_->dir() + "/rotate.log";
  for (int i = 0; i < 4; ++i)
    ASSERT_EQ(runChibo({"backup", "--db", server_->dbPath(), "--backup-dir", dir, "--keep", "2"}, log), 0)
        << readAll(log);
  int dbs = 0, sums = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    auto n = e.path().filename().string();
    dbs += n.size() > 3 && n.substr(n.size() - 3) == ".db";
    sums += n.size() > 7 && n.substr(n.size() - 7) == ".sha256";
  }
  EXPECT_EQ(dbs, 2);
  EXPECT_EQ(sums, 2);
}

}  // namespace chibo::testing
