#include "cli/crash_report.h"

#include <execinfo.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <initializer_list>

namespace chibo::cli {
namespace {

void writeBacktrace() {
  void* frames[64];
  int n = backtrace(frames, 64);
  backtrace_symbols_fd(frames, n, STDERR_FILENO);
}

// Only async-signal-safe calls here (write, backtrace_symbols_fd, raise); the
// glibc backtrace is loaded before any signal, in installCrashReport.
void onFatalSignal(int sig) {
  static const char msg[] = "chibo: fatal signal; backtrace:\n";
  (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
  writeBacktrace();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void onTerminate() {
  if (auto e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      std::fprintf(stderr, "chibo: uncaught exception: %s\n", x.what());
    } catch (...) {
      std::fprintf(stderr, "chibo: uncaught exception of unknown type\n");
    }
  } else {
    std::fprintf(stderr, "chibo: std::terminate without an exception\n");
  }
  std::fflush(stderr);
  writeBacktrace();
  std::signal(SIGABRT, SIG_DFL);
  std::abort();
}

}  // namespace

void installCrashReport() {
  // A peer that closes its connection while a file is being sent (a browser leaving the page
  // mid-download) makes sendfile() raise SIGPIPE, whose default action ends the process. Asio
  // sends with MSG_NOSIGNAL, sendfile cannot: ignore the signal, so the write fails with EPIPE
  // and RESTinio closes that one connection.
  std::signal(SIGPIPE, SIG_IGN);
  void* warm[1];
  backtrace(warm, 1);  // loads libgcc's unwinder now, not inside a signal handler
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(sig, onFatalSignal);
  std::set_terminate(onTerminate);
}

}  // namespace chibo::cli
