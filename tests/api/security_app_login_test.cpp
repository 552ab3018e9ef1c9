// The log-in throttle and the hashing queue against the real server, with
// attempts coming from distinct loopback addresses (127.0.0.x) so each test
// has its own client addresses, as distinct machines would.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "api/api_fixture.h"

namespace chibo::testing {
namespace {

struct RawResp {
  int status = 0;
  std::string head, body;
  std::string header(const std::string& name) const {
    auto at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos) return "";
    auto from = at + 4 + name.size();
    return head.substr(from, head.find("\r\n", from) - from);
  }
  std::string code() const {
    try {
      return std::string(json::parse(body).as_object().at("code").as_string());
    } catch (...) {
      return "";
    }
  }
};

// One request on a fresh connection from `source` (a loopback address).
RawResp requestFrom(const std::string& source, int port, const std::string& method, const std::string& path,
                    const std::string& body, const std::string& cookie = "") {
  RawResp out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return out;
  sockaddr_in src{};
  src.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &src.sin_addr);
  sockaddr_in dst{};
  dst.sin_family = AF_INET;
  dst.sin_port = htons(uint16_t(port));
  inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0) {
    ::close(fd);
    return out;
  }
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                    "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
                    (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n" + body;
  for (size_t sent = 0; sent < req.size();) {
    ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += size_t(n);
  }
  std::string all;
  char buf[8192];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) all.append(buf, size_t(n));
  ::close(fd);
  auto end = all.find("\r\n\r\n");
  if (all.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return out;
  out.status = std::stoi(all.substr(9, 3));
  out.head = all.substr(0, end);
  out.body = all.substr(end + 4);
  return out;
}

std::string loginBody(const std::string& user, const std::string& password) {
  return json::serialize(json::object{{"username", user}, {"password", password}});
}

double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// Releases every waiting thread at once.
class Gate {
 public:
  void wait() {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return open_; });
  }
  void open() {
    {
      std::lock_guard g(mu_);
      open_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

}  // namespace

class SecurityAppLoginTest : public ApiTest {
 protected:
  RawResp login(const std::string& from, const std::string& user, const std::string& password) {
    return requestFrom(from, server_->port(), "POST", "/api/v1/auth/login", loginBody(user, password));
  }
};

TEST_F(SecurityAppLoginTest, SixteenParallelWrongLogInsLetExactlyTheLimitThrough) {
  Gate gate;
  std::atomic<int> wrong{0}, throttled{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&] {
      gate.wait();
      auto r = login("127.0.0.21", "khach.song.song", "sai-mat-khau");
      (r.status == 401 ? wrong : r.status == 429 ? throttled : other)++;
    });
  gate.open();
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 5) << "a limit of 5 lets 5 attempts reach the password check, no more";
  EXPECT_EQ(throttled.load(), 11);
  EXPECT_EQ(other.load(), 0);
}

TEST_F(SecurityAppLoginTest, ThousandsOfRefusedLogInsNeverLiftALockOut) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(login("127.0.0.31", "dangvien.kp2", "sai").status, 401);
  auto locked = login("127.0.0.31", "dangvien.kp2", "sai");
  ASSERT_EQ(locked.status, 429);
  EXPECT_EQ(locked.code(), "rate_limited");
  EXPECT_FALSE(locked.header("Retry-After").empty());
  // A spray of new user names from a few addresses: each address is locked
  // after its 20 failures, everything after that is refused.
  int refused = 0, checked = 0;
  for (int i = 0; i < 2000; ++i) {
    auto r = login("127.0.0." + std::to_string(32 + i % 4), "phun-" + std::to_string(i), "sai");
    ASSERT_TRUE(r.status == 401 || r.status == 429) << r.status << " " << r.body;
    (r.status == 429 ? refused : checked)++;
  }
  EXPECT_EQ(checked, 4 * 20);
  EXPECT_EQ(refused, 2000 - 4 * 20);
  // The lock-out held through all of it, even for the right password from elsewhere.
  auto r = login("127.0.0.40", "dangvien.kp2", "chibo-demo");
  EXPECT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(r.code(), "rate_limited");
}

TEST_F(SecurityAppLoginTest, StaffSeeAndLiftALockOutAndItIsAudited) {
  int64_t audit_before = auditCount();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(login("127.0.0.50", "dangvien.kp1", "sai").status, 401);
  ASSERT_EQ(login("127.0.0.50", "dangvien.kp1", "chibo-demo").status, 429);
  EXPECT_EQ(auditCount(), audit_before + 1) << "the lock-out is in the ward's audit log";
  // Read through the auditor's session: a new log-in would itself be the latest row.
  auto audit = auditor_->get("/api/v1/audit?org=" + std::to_string(ward_) + "&limit=1");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(audit.obj().at("items").as_array().at(0).as_object().at("action").as_string(), "auth.lockout");

  auto staff = as("canbo.phuong");
  auto list = staff.get("/api/v1/auth/lockouts");
  ASSERT_EQ(list.status, 200) << list.raw;
  int64_t id = 0;
  for (auto& it : list.obj().at("items").as_array())
    if (it.as_object().at("subject").as_string() == "dangvien.kp1") id = it.as_object().at("id").as_int64();
  ASSERT_NE(id, 0) << list.raw;

  auto not_staff = as("bithu.kp1");  // a cell secretary: neither administrator nor committee staff
  EXPECT_EQ(not_staff.get("/api/v1/auth/lockouts").status, 403);
  EXPECT_EQ(not_staff.send("DELETE", "/api/v1/auth/lockouts/" + std::to_string(id), "").status, 404);

  EXPECT_EQ(staff.send("DELETE", "/api/v1/auth/lockouts/" + std::to_string(id), "").status, 204);
  EXPECT_EQ(staff.send("DELETE", "/api/v1/auth/lockouts/" + std::to_string(id), "").status, 404);
  auto lifted = auditor_->get("/api/v1/audit?org=" + std::to_string(ward_) + "&limit=1");
  EXPECT_EQ(lifted.obj().at("items").as_array().at(0).as_object().at("action").as_string(), "auth.lockout_lift");
  EXPECT_EQ(login("127.0.0.50", "dangvien.kp1", "chibo-demo").status, 200);
}

TEST_F(SecurityAppLoginTest, AGoodLogInStaysFastDuringAStormOfWrongPasswords) {
  // The time one log-in takes on this machine right now, for comparison.
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(login("127.0.0.71", "canbo.phuong", "chibo-demo").status, 200);
  double alone_ms = msSince(t0);
  // 200 wrong passwords for one account from 10 addresses, all at once, and a
  // good log-in for another account in the middle of them.
  Gate gate;
  std::atomic<int> done{0}, busy{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 200; ++i)
    threads.emplace_back([&, i] {
      gate.wait();
      auto r = login("127.0.0." + std::to_string(60 + i % 10), "bithu.ubnd", "sai-" + std::to_string(i));
      if (r.status == 503) ++busy;
      ++done;
    });
  gate.open();
  while (done.load() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto t = std::chrono::steady_clock::now();
  auto good = login("127.0.0.70", "canbo.phuong", "chibo-demo");
  double ms = msSince(t);
  for (auto& th : threads) th.join();
  std::printf("good log-in during 200 wrong passwords: %.0f ms (alone: %.0f ms; %d answered 503)\n", ms, alone_ms,
              busy.load());
  EXPECT_EQ(good.status, 200) << good.body;
  // Generous: at most the five admitted wrong attempts can be ahead of it
  // (it took 18 s behind 200); shared build machines make one hash slow, so
  // the bound scales with the time of one log-in measured just before.
  EXPECT_LT(ms, std::max(2000.0, 8 * alone_ms)) << "the figure goes in the report";
}

TEST_F(SecurityAppLoginTest, AFullHashingQueueAnswers503WithRetryAfter) {
  // 80 attempts on distinct names from 4 addresses (20 each: none throttled)
  // all at once: two workers hash, 32 may wait, the rest are told to come back.
  Gate gate;
  std::mutex mu;
  std::vector<RawResp> answers;
  std::vector<std::thread> threads;
  for (int i = 0; i < 80; ++i)
    threads.emplace_back([&, i] {
      gate.wait();
      auto r = login("127.0.0." + std::to_string(80 + i % 4), "hang-doi-" + std::to_string(i), "sai");
      std::lock_guard g(mu);
      answers.push_back(r);
    });
  gate.open();
  for (auto& th : threads) th.join();
  int wrong = 0, busy = 0;
  for (const auto& r : answers) {
    if (r.status == 401) ++wrong;
    if (r.status == 503) {
      ++busy;
      EXPECT_EQ(r.code(), "server_busy");
      EXPECT_EQ(r.header("Retry-After"), "2");
      EXPECT_NE(r.header("Content-Type").find("application/problem+json"), std::string::npos);
    }
  }
  std::printf("80 simultaneous log-ins: %d checked, %d answered 503\n", wrong, busy);
  EXPECT_EQ(wrong + busy, 80);
  EXPECT_GT(busy, 0);
  EXPECT_GE(wrong, 2 + 32) << "what the queue holds is served";
}

}  // namespace chibo::testing
