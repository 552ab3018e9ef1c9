#include "support/server_process.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "support/api_contract.h"

extern char** environ;

namespace chibo::testing {
namespace json = boost::json;

void holdToContract(const std::string& method, const std::string& target, const std::string& request,
                          const httplib::Response& r) {
  Exchange x{method, target, request, r.status, r.get_header_value("Content-Type"), r.body};
  recordExchange(x);
  if (auto v = contractViolation(x); !v.empty()) ADD_FAILURE() << "OpenAPI contract: " << v;
}

static std::string binary() {
  const char* b = std::getenv("CHIBO_BIN");
  if (!b) throw std::runtime_error("CHIBO_BIN is not set (run through ctest)");
  return b;
}

static pid_t spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("posix_spawn failed for " + args[0]);
  return pid;
}

ServerProcess::ServerProcess(bool demo) {
  char tmpl[] = "/tmp/chibo-api-XXXXXX";
  dir_ = ::mkdtemp(tmpl);
  db_ = dir_ + "/chibo.db";
  if (demo) {
    pid_t p = spawn({binary(), "demo", "--db", db_}, dir_ + "/demo.log");
    int st = 0;
    ::waitpid(p, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) throw std::runtime_error("chibo demo failed; see " + dir_);
  }
}

ServerProcess::~ServerProcess() {
  stop();
  if (std::getenv("CHIBO_KEEP_TEST_DIRS")) return;  // to read serve.log after a failure
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

// The server binds port 0 and prints the port it got: choosing a free port
// here and passing it on races with every other test process on the machine
// (two servers on one port, and a test talking to the other test's server).
void ServerProcess::start(const Options& o) {
  const std::string log = dir_ + "/serve.log";
  std::error_code ec;
  auto offset = std::filesystem::exists(log) ? std::filesystem::file_size(log, ec) : 0;
  std::vector<std::string> args{binary(), "serve", "--db", db_, "--port", "0", "--web", o.web};
  // Tests run as root in CI containers; the server refuses that unless told.
  if (::geteuid() == 0) args.push_back("--allow-root");
  args.insert(args.end(), o.args.begin(), o.args.end());
  if (o.max_open_files > 0)  // the shell sets the limit and then becomes the server
    args.insert(args.begin(), {"/bin/sh", "-c", "ulimit -n " + std::to_string(o.max_open_files) + " && exec \"$0\" \"$@\""});
  pid_ = spawn(args, log);
  const std::string marker = "chibo đang chạy tại http://127.0.0.1:";
  // Start-up opens, migrates and regrades the database; on a loaded 2-core CI machine running
  // suites side by side that has taken over 10 s, so the wait is generous and only a hung or
  // exited server fails it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("chibo serve exited; see " + log);
    }
    std::ifstream in(log);
    in.seekg(std::streamoff(offset));
    std::string line;
    while (std::getline(in, line))
      if (auto at = line.find(marker); at != std::string::npos) {
        port_ = std::stoi(line.substr(at + marker.size()));
        httplib::Client c("127.0.0.1", port_);
        if (auto r = c.Get("/api/v1/health"); !r || r->status != 200)
          throw std::runtime_error("chibo serve printed its port but /health did not answer; see " + log);
        // The warning pass after start runs beside the server; tests read kept warnings, so
        // they begin once it is done (/readyz's warning_pass), as a load balancer would.
        while (std::chrono::steady_clock::now() < deadline) {
          auto r = c.Get("/readyz");
          if (r && r->body.find("\"warning_pass\":\"running\"") == std::string::npos) return;
          std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        throw std::runtime_error("the warning pass after start did not finish; see " + log);
      }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("server did not start; see " + log);
}

std::string ServerProcess::log() const {
  std::ifstream in(dir_ + "/serve.log");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int st = 0;
  ::waitpid(pid_, &st, 0);
  pid_ = -1;
}

void ServerProcess::crash() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int st = 0;
  ::waitpid(pid_, &st, 0);
  pid_ = -1;
}

const json::object& Resp::obj() const {
  static const json::object empty;
  return body.is_object() ? body.as_object() : empty;
}

std::string Resp::sameness() const {
  if (!body.is_object()) return raw;
  auto o = body.as_object();
  o.erase("request_id");
  return json::serialize(o);
}

std::string Resp::code() const {
  auto c = obj().if_contains("code");
  return c && c->is_string() ? std::string(c->as_string()) : "";
}

Client::Client(int port) : http_("127.0.0.1", port) {
  http_.set_read_timeout(30, 0);
  http_.set_keep_alive(true);
}

Resp Client::send(const std::string& method, const std::string& path, const std::string& body, bool with_csrf) {
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (with_csrf && !csrf.empty()) h.emplace("X-CSRF-Token", csrf);
  for (const auto& kv : extra) h.insert(kv);
  httplib::Result r = method == "GET"     ? http_.Get(path.c_str(), h)
                      : method == "POST"  ? http_.Post(path.c_str(), h, body, "application/json")
                      : method == "PATCH" ? http_.Patch(path.c_str(), h, body, "application/json")
                      : method == "PUT"   ? http_.Put(path.c_str(), h, body, "application/json")
                                          : http_.Delete(path.c_str(), h, body, "application/json");
  Resp out;
  if (!r) {
    out.error = httplib::to_string(r.error());
    out.raw = "no response: " + out.error;
    return out;
  }
  holdToContract(method, path, body, *r);
  out.status = r->status;
  out.raw = r->body;
  out.content_type = r->get_header_value("Content-Type");
  out.headers = r->headers;
  boost::system::error_code ec;
  if (!r->body.empty()) {
    auto v = json::parse(r->body, ec);
    if (!ec) out.body = std::move(v);
  }
  return out;
}

Resp Client::login(const std::string& user, const std::string& password) {
  httplib::Headers h;
  auto request = json::serialize(json::object{{"username", user}, {"password", password}});
  auto r = http_.Post("/api/v1/auth/login", h, request, "application/json");
  Resp out;
  if (!r) {
    out.error = httplib::to_string(r.error());
    out.raw = "no response: " + out.error;
    return out;
  }
  holdToContract("POST", "/api/v1/auth/login", request, *r);
  out.status = r->status;
  out.raw = r->body;
  boost::system::error_code ec;
  auto v = json::parse(r->body, ec);
  if (!ec) out.body = v;
  if (r->status == 200) {
    auto sc = r->get_header_value("Set-Cookie");
    cookie = sc.substr(0, sc.find(';'));
    csrf = std::string(out.obj().at("csrf_token").as_string());
  }
  return out;
}

Resp Client::get(const std::string& path) { return send("GET", path, ""); }
Resp Client::post(const std::string& path, const json::value& b) { return send("POST", path, json::serialize(b)); }
Resp Client::patch(const std::string& path, const json::value& b) { return send("PATCH", path, json::serialize(b)); }
Resp Client::put(const std::string& path, const json::value& b) { return send("PUT", path, json::serialize(b)); }

int64_t childId(Client& c, int64_t org_id, const std::string& name) {
  auto r = c.get("/api/v1/orgs/" + std::to_string(org_id));
  if (r.status != 200) return 0;
  for (auto& ch : r.obj().at("children").as_array())
    if (ch.as_object().at("name").as_string() == name) return ch.as_object().at("id").as_int64();
  return 0;
}

}  // namespace chibo::testing
