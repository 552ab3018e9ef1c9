// A client whose socket closes in the middle of a request body: the server
// must drop that request without acting on it (nothing written, nothing
// audited), stay up, and serve the next client at once. The storage side of
// fault injection is in tests/unit/store/fault_injection_test.cpp.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "api/api_fixture.h"

namespace chibo::testing {
namespace {

int connectTo(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends the head of `method path` announcing `declared` body bytes, then only
// `body` (shorter), then closes the socket.
void sendTruncated(int port, const std::string& method, const std::string& path, const Client& as,
                   const std::string& body, size_t declared) {
  int fd = connectTo(port);
  ASSERT_GE(fd, 0);
  std::string head = method + " " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n";
  if (!as.cookie.empty()) head += "Cookie: " + as.cookie + "\r\nX-CSRF-Token: " + as.csrf + "\r\n";
  head += "Content-Length: " + std::to_string(declared) + "\r\n\r\n";
  std::string all = head + body;
  ASSERT_EQ(::send(fd, all.data(), all.size(), MSG_NOSIGNAL), ssize_t(all.size()));
  usleep(20 * 1000);  // let the server read what arrived before the hang-up
  ::close(fd);
}

}  // namespace

class SocketFaultTest : public ApiTest {};

TEST_F(SocketFaultTest, SocketClosedMidBody_NothingWrittenAndNextRequestServed) {
  Client secretary = as("bithu.kp1");
  int64_t member = firstMemberOf(kp1_);
  auto before = secretary.get(path("/api/v1/members/", member)).obj();
  int64_t audit_before = auditCount();

  // A complete JSON object that a server acting on a short body would apply.
  const std::string patch = "{\"workplace\":\"Không được ghi\"}";
  const std::string login = "{\"username\":\"bithu.kp1\",\"password\":\"chibo-demo\"}";
  for (int i = 0; i < 10; ++i) {
    sendTruncated(server_->port(), "PATCH", path("/api/v1/members/", member), secretary, patch, patch.size() + 500);
    sendTruncated(server_->port(), "POST", "/api/v1/auth/login", Client(server_->port()), login, login.size() + 40);
    // Cut inside the JSON itself.
    sendTruncated(server_->port(), "PATCH", path("/api/v1/members/", member), secretary, patch.substr(0, 12),
                  patch.size());
  }

  Client next(server_->port());
  EXPECT_EQ(next.get("/api/v1/health").status, 200) << "the server stays up";
  EXPECT_EQ(next.login("canbo.phuong").status, 200) << "and serves the next client";
  auto after = secretary.get(path("/api/v1/members/", member));
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.obj().at("workplace"), before.at("workplace")) << "no half-received body was applied";
  // The only new audit row is the log-in just above (log-ins are audited).
  EXPECT_LE(auditCount() - audit_before, 1);
}

}  // namespace chibo::testing
