#pragma once
// Connection limits. RESTinio's connection count limiter caps connections in
// total (kept below the descriptor limit, so accept() does not hit EMFILE on
// the server's own connections); this guard caps them per client address,
// so one address cannot take every slot, and is RESTinio's IP blocker (asked
// on each accept) and connection state listener (told of each open and close)
// at once.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <restinio/all.hpp>
#include <string>
#include <unordered_map>

namespace chibo::http {

class ConnectionGuard {
 public:
  explicit ConnectionGuard(size_t per_address) : per_address_(per_address) {}

  // RESTinio's IP blocker: deny when the address already holds per_address connections.
  restinio::ip_blocker::inspection_result_t inspect(const restinio::ip_blocker::incoming_info_t& info) noexcept;
  // RESTinio's connection state listener: counts opens and closes per address.
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept;

  size_t perAddress() const { return per_address_; }

 private:
  const size_t per_address_;
  std::mutex mu_;
  std::unordered_map<std::string, size_t> open_;               // address -> connections
  std::unordered_map<restinio::connection_id_t, std::string> conns_;  // id -> address
  // Refusals are logged at most once a second, with the count since the last line: a flood
  // must not become a flood of log lines.
  size_t refused_since_log_ = 0;
  std::chrono::steady_clock::time_point last_log_{};
};

// The descriptor limit in force after raising the soft RLIMIT_NOFILE to the hard one.
size_t raiseOpenFileLimit();

// The total connection cap for `wanted` under a limit of `fd_limit` descriptors: what is left
// after a reserve for the database, files being sent, the log and the event loop.
size_t connectionCap(size_t wanted, size_t fd_limit);

// Keeps one descriptor open so that, when accept() fails with EMFILE or ENFILE, it can be
// freed to accept and close the connection waiting at the head of the queue (the peer sees
// its connection closed instead of hanging in the backlog), then taken again.
void reserveDescriptor();
void shedOneConnection(int listen_fd);

}  // namespace chibo::http
