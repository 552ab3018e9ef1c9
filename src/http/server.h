#pragma once
#include <functional>
#include <string>

#include "http/api.h"

namespace chibo::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 2;
};

// Serves `api` until SIGINT or SIGTERM. `on_listening` runs once the socket
// is bound, with the port actually bound: cfg.port 0 asks the kernel for a
// free one, which is how tests start servers without racing for a port.
void runServer(Api& api, const ServerConfig& cfg, std::function<void(unsigned short port)> on_listening = {});

}  // namespace chibo::http
