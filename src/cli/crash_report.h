#pragma once
// When the server dies of a bug (a fatal signal, or an exception nothing
// caught), it writes why and a backtrace to stderr before dying, so a test
// run or an operator's log shows where, not just that it stopped. Addresses
// resolve with `addr2line -e chibo` (the build keeps debug information).
namespace chibo::cli {

// Installs the handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT and
// the terminate handler, and ignores SIGPIPE (a client that hangs up must not
// end the server). Call once at start-up.
void installCrashReport();

}  // namespace chibo::cli
