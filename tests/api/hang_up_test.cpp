// A client that hangs up while a file is being sent must not end the server.
// Static files go out with sendfile(), which raises SIGPIPE on a closed
// connection; the server ignores the signal (cli/crash_report.cpp). Found when
// a browser test's page navigated away mid-download and the server died.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api/api_fixture.h"

namespace chibo::testing {

TEST(HangUpTest, ClientsLeavingMidDownloadDoNotEndTheServer) {
  ServerProcess server(true);
  const std::string web = server.dir() + "/web";
  std::filesystem::create_directories(web + "/assets");
  {
    std::ofstream big(web + "/assets/big.js", std::ios::binary);
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 16; ++i) big << chunk;  // 16 MiB: far more than the socket buffers hold
  }
  std::ofstream(web + "/index.html") << "<!doctype html><html lang=\"vi\"><div id=\"app\"></div></html>";
  server.start(web);
  for (int i = 0; i < 5; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(server.port()));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    const std::string get = "GET /assets/big.js HTTP/1.1\r\nHost: t\r\n\r\n";
    ASSERT_EQ(::send(fd, get.data(), get.size(), MSG_NOSIGNAL), ssize_t(get.size()));
    char buf[4096];
    ASSERT_GT(::recv(fd, buf, sizeof buf, 0), 0);  // the answer has started
    ::close(fd);                                   // and the client is gone
    usleep(100 * 1000);
  }
  Client c(server.port());
  auto r = c.get("/api/v1/health");
  EXPECT_EQ(r.status, 200) << "the server should still answer: " << r.raw;
}

}  // namespace chibo::testing
