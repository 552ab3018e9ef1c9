#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "http/api.h"

namespace chibo::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 2;
  // Connections open at once: lowered at start to fit the descriptor limit (connectionCap).
  size_t max_connections = 4096;
  // Per client address; never more than half the total, so one address cannot take them all.
  // An office behind one NAT address with ~40 browsers of ~6 connections each fits in 256.
  size_t max_connections_per_address = 256;
  // A connection that sends no complete request in this time is closed (idle keep-alive,
  // slow headers, a body trickled in).
  std::chrono::seconds idle_timeout{30};
};

// Serves `api` until SIGINT or SIGTERM. `on_listening` runs once the socket
// is bound, with the port actually bound: cfg.port 0 asks the kernel for a
// free one, which is how tests start servers without racing for a port.
void runServer(Api& api, const ServerConfig& cfg, std::function<void(unsigned short port)> on_listening = {});

}  // namespace chibo::http
