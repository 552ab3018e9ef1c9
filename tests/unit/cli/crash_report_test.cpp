// A server dying of a bug says so on stderr with a backtrace (crash_report.h).
#include "cli/crash_report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <string>
#include <thread>

namespace chibo::cli {
namespace {

// Runs `die` in a child with the crash report installed; returns its stderr and status.
template <class F>
std::pair<std::string, int> inChild(F die) {
  int fds[2];
  if (pipe(fds) != 0) return {"pipe failed", 0};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    installCrashReport();
    die();
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {out, status};
}

TEST(CrashReport, AFatalSignalIsReportedWithABacktraceAndStillKills) {
  auto [err, status] = inChild([] { std::raise(SIGSEGV); });
  EXPECT_NE(err.find("chibo: fatal signal; backtrace:"), std::string::npos) << err;
  EXPECT_NE(err.find("0x"), std::string::npos) << "no frame addresses: " << err;
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGSEGV);  // the original signal, so supervisors and core dumps see it
}

TEST(CrashReport, AnUncaughtExceptionNamesItsMessage) {
  // Escaping a thread's function, as from a worker of the server's pool.
  auto [err, status] = inChild([] { std::thread([] { throw std::runtime_error("kho dữ liệu hỏng"); }).join(); });
  EXPECT_NE(err.find("chibo: uncaught exception: kho dữ liệu hỏng"), std::string::npos) << err;
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGABRT);
}

TEST(CrashReport, ASigpipeFromAClientThatHungUpDoesNotEndTheProcess) {
  auto [err, status] = inChild([] { std::raise(SIGPIPE); });
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace chibo::cli
