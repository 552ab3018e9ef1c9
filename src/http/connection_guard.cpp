#include "http/connection_guard.h"

#include "http/metrics.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "http/security_log.h"

namespace chibo::http {

restinio::ip_blocker::inspection_result_t ConnectionGuard::inspect(
    const restinio::ip_blocker::incoming_info_t& info) noexcept {
  try {
    auto addr = info.remote_endpoint().address().to_string();
    std::lock_guard lock(mu_);
    auto it = open_.find(addr);
    if (it == open_.end() || it->second < per_address_) return restinio::ip_blocker::allow();
    ++refused_since_log_;
    auto now = std::chrono::steady_clock::now();
    if (now - last_log_ >= std::chrono::seconds(1)) {
      securityEvent("connection_refused", {{"addr", addr},
                                           {"reason", "per_address_limit"},
                                           {"limit", std::to_string(per_address_)},
                                           {"refused", std::to_string(refused_since_log_)}});
      refused_since_log_ = 0;
      last_log_ = now;
    }
    return restinio::ip_blocker::deny();
  } catch (const std::exception&) {
    return restinio::ip_blocker::deny();
  }
}

void ConnectionGuard::state_changed(const restinio::connection_state::notice_t& n) noexcept {
  try {
    bool opened = restinio::holds_alternative<restinio::connection_state::accepted_t>(n.cause());
    bool closed = restinio::holds_alternative<restinio::connection_state::closed_t>(n.cause());
    std::lock_guard lock(mu_);
    if (opened) {
      auto addr = n.remote_endpoint().address().to_string();
      if (conns_.emplace(n.connection_id(), addr).second) {
        ++open_[addr];
        metrics().connectionOpened();
      }
    } else if (closed) {
      // close() can run more than once for a connection: count it once, by id.
      auto it = conns_.find(n.connection_id());
      if (it == conns_.end()) return;
      auto a = open_.find(it->second);
      if (a != open_.end() && --a->second == 0) open_.erase(a);
      conns_.erase(it);
      metrics().connectionClosed();
    }
  } catch (const std::exception&) {
  }
}

size_t raiseOpenFileLimit() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return 1024;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit want = lim;
    want.rlim_cur = lim.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &want) == 0) lim = want;
  }
  return lim.rlim_cur == RLIM_INFINITY ? size_t(1) << 20 : size_t(lim.rlim_cur);
}

size_t connectionCap(size_t wanted, size_t fd_limit) {
  // An idle server holds ~30 descriptors (SQLite's database, WAL and shared-memory files per
  // pooled connection, epoll, timers, stdio); each request in flight may open one more (a
  // static file or attachment being sent, a document being built). A reserve of an eighth,
  // at least 64, keeps accept() from taking the last ones.
  size_t reserve = std::max<size_t>(64, fd_limit / 8);
  size_t room = fd_limit > reserve + 8 ? fd_limit - reserve : 8;
  return std::max<size_t>(1, std::min(wanted, room));
}

static int g_reserve_fd = -1;

void reserveDescriptor() {
  if (g_reserve_fd < 0) g_reserve_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

void shedOneConnection(int listen_fd) {
  if (g_reserve_fd >= 0) ::close(g_reserve_fd), g_reserve_fd = -1;
  pollfd p{listen_fd, POLLIN, 0};
  if (::poll(&p, 1, 0) == 1 && (p.revents & POLLIN)) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) ::close(fd);
  }
  reserveDescriptor();
}

}  // namespace chibo::http
