#pragma once
// Starts the real chibo binary on a free loopback port over a temporary
// SQLite file, for API tests. The binary path comes from $CHIBO_BIN.
#include <boost/json.hpp>
#include <httplib.h>

#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace chibo::testing {

class ServerProcess {
 public:
  // Creates a fresh temp dir; with `demo` true it runs `chibo demo` into it.
  explicit ServerProcess(bool demo = true);
  ~ServerProcess();
  struct Options {
    std::string web;                // the built web app to serve; none by default
    std::vector<std::string> args;  // more `chibo serve` options
    int max_open_files = 0;         // > 0: the server runs under `ulimit -n` of this
  };
  // Starts `chibo serve` and waits until /api/v1/health answers.
  void start(const Options& options);
  void start(const std::string& web = "") {
    Options o;
    o.web = web;
    start(o);
  }
  std::string log() const;  // what the server wrote to stdout and stderr so far
  void stop();   // SIGTERM, then wait
  void crash();  // SIGKILL: no chance to flush anything
  int port() const { return port_; }
  const std::string& dbPath() const { return db_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_, db_;
  int port_ = 0;
  pid_t pid_ = -1;
};

struct Resp {
  int status = 0;
  boost::json::value body;  // null when the body is empty or not JSON
  std::string raw;
  std::string content_type;
  std::string error;  // the client's transport error when status is 0
  httplib::Headers headers;  // as received
  const boost::json::object& obj() const;
  std::string code() const;  // problem+json "code", or ""
  // The body without its per-request "request_id": what two answers that must not be told apart
  // (an unknown id and one out of scope) have to share.
  std::string sameness() const;
};

// A logged-in (or anonymous) HTTP client that keeps the session cookie and
// sends the CSRF token on writes.
class Client {
 public:
  explicit Client(int port);
  // Logs in; returns the login response. On 200 the client holds the session.
  Resp login(const std::string& user, const std::string& password = "chibo-demo");
  Resp get(const std::string& path);
  Resp post(const std::string& path, const boost::json::value& body);
  Resp patch(const std::string& path, const boost::json::value& body);
  Resp put(const std::string& path, const boost::json::value& body);
  Resp send(const std::string& method, const std::string& path, const std::string& body,
            bool with_csrf = true);
  std::string csrf;
  std::string cookie;
  httplib::Headers extra;  // sent with every request (an Idempotency-Key)

 private:
  httplib::Client http_;
};

// Holds an answer to the OpenAPI contract (api_contract.h); a mismatch fails the running
// test, whatever it checks itself. Client does this for every answer; a test that sends a
// request of its own (a raw upload, a download) calls it with what it sent and got.
void holdToContract(const std::string& method, const std::string& target, const std::string& request,
                    const httplib::Response& r);

// Looks up a child of an org by name (exact), returning its id or 0.
int64_t childId(Client& c, int64_t org_id, const std::string& name);

}  // namespace chibo::testing
