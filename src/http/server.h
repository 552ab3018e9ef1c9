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
// is bound (the CLI prints the address and demo log-ins there).
void runServer(Api& api, const ServerConfig& cfg, std::function<void()> on_listening = {});

}  // namespace chibo::http
