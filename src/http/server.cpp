// RESTinio on an Asio thread pool with explicit limits and timeouts: the
// defaults are unlimited (stack.md §2.1), which a slow or hostile client
// would exploit.
#include "http/server.h"

#include <csignal>

namespace chibo::http {

struct Traits : restinio::default_traits_t {
  using request_handler_t = restinio::router::express_router_t<>;
};

void runServer(Api& api, const ServerConfig& cfg, std::function<void(unsigned short)> on_listening) {
  using namespace std::chrono_literals;
  unsigned short bound = cfg.port;
  restinio::impl::ioctx_on_thread_pool_t<restinio::impl::own_io_context_for_thread_pool_t> pool(
      std::size_t(std::max(1, cfg.threads)));
  auto settings = restinio::on_thread_pool<Traits>(std::size_t(std::max(1, cfg.threads)))
                      .address(cfg.host)
                      .port(cfg.port)
                      .request_handler(api.router())
                      .acceptor_post_bind_hook([&bound](asio::ip::tcp::acceptor& a) { bound = a.local_endpoint().port(); })
                      // RESTinio 0.6.16 with the default of one pipelined request resets its
                      // parser a second time after answering a request synchronously, so a next
                      // request whose body arrives after its header is read as garbage and the
                      // connection dropped (tests/api/keep_alive_test.cpp). With two the
                      // coordinator is never full when the handler answers, and it reads once.
                      .max_pipelined_requests(2)
                      .read_next_http_message_timelimit(30s)
                      .write_http_response_timelimit(30s)
                      .handle_request_timeout(60s)
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_url_size(8 * 1024)
                                                    .max_field_name_size(1024)
                                                    .max_field_value_size(16 * 1024)
                                                    .max_field_count(100)
                                                    // Roster files go up to 20 MB; one more MB lets
                                                    // that route answer 413 itself, in Vietnamese.
                                                    .max_body_size(21 * 1024 * 1024));
  restinio::http_server_t<Traits> server{restinio::external_io_context(pool.io_context()), std::move(settings)};
  std::exception_ptr failure;
  asio::signal_set signals{server.io_context(), SIGINT, SIGTERM};
  signals.async_wait([&](const asio::error_code& ec, int) {
    if (ec) return;
    server.close_async([&] { pool.stop(); }, [&](std::exception_ptr ex) { failure = ex; pool.stop(); });
  });
  server.open_async(
      [&] {
        if (on_listening) on_listening(bound);
      },
      [&](std::exception_ptr ex) {
        failure = ex;
        pool.stop();
      });
  pool.start();
  pool.wait();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace chibo::http
