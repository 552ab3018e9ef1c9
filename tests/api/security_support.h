#pragma once
// Raw sockets for the security tests: requests a well-behaved client library
// would refuse to send (`//etc/passwd`, 9 KB URLs, bodies trickled in) and
// connections from chosen loopback addresses (127.0.0.2, …), so per-address
// limits can be seen from one machine.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>

namespace chibo::testing {

// A TCP connection to 127.0.0.1:port from `source` (a loopback address), or -1.
inline int connectFrom(int port, const char* source = "127.0.0.1", int timeout_ms = 3000) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in src{};
  src.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &src.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0) return ::close(fd), -1;
  sockaddr_in dst{};
  dst.sin_family = AF_INET;
  dst.sin_port = htons(uint16_t(port));
  ::inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
  int fl = ::fcntl(fd, F_GETFL);
  ::fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst);
  if (rc != 0 && errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    int err = 0;
    socklen_t len = sizeof err;
    if (::poll(&p, 1, timeout_ms) != 1 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0)
      return ::close(fd), -1;
  } else if (rc != 0) {
    return ::close(fd), -1;
  }
  ::fcntl(fd, F_SETFL, fl);
  return fd;
}

inline bool sendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    auto n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(size_t(n));
  }
  return true;
}

// Reads until the peer closes or `timeout_ms` passes with nothing new.
inline std::string readAll(int fd, int timeout_ms = 5000) {
  std::string out;
  char buf[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) != 1) break;
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, size_t(n));
  }
  return out;
}

struct RawResponse {
  int status = 0;  // 0: no answer
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline RawResponse parseResponse(const std::string& raw) {
  RawResponse r;
  auto end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || end == std::string::npos) return r;
  r.status = std::atoi(raw.c_str() + 9);
  size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    auto eol = raw.find("\r\n", pos);
    auto line = raw.substr(pos, eol - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers[name] = value;
    }
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  if (auto cl = r.header("content-length"); !cl.empty() && r.body.size() > size_t(std::stoul(cl)))
    r.body.resize(std::stoul(cl));
  return r;
}

// One request on a fresh connection with "Connection: close"; `request` is sent as given.
inline RawResponse exchange(int port, const std::string& request, const char* source = "127.0.0.1") {
  int fd = connectFrom(port, source);
  if (fd < 0) return {};
  sendAll(fd, request);
  auto raw = readAll(fd);
  ::close(fd);
  return parseResponse(raw);
}

inline std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

// The test process opens hundreds of sockets: lift its own soft descriptor limit.
inline void raiseOwnFileLimit() {
  rlimit l{};
  ::getrlimit(RLIMIT_NOFILE, &l);
  l.rlim_cur = l.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &l);
}

inline double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace chibo::testing
