// RESTinio on an Asio thread pool with explicit limits and timeouts: the
// defaults are unlimited (stack.md §2.1), which a slow or hostile client
// would exploit.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <ctime>

#include "http/connection_guard.h"
#include "http/intake.h"
#include "http/security_log.h"

#include "http/metrics.h"

namespace chibo::http {

struct Traits : restinio::default_traits_t {
  using request_handler_t = RouteTable;
  using http_methods_mapper_t = HttpMethods;  // chibo's parser callbacks (intake.h)
  using ip_blocker_t = ConnectionGuard;
  using connection_state_listener_t = ConnectionGuard;
  static constexpr bool use_connection_count_limiter = true;
};

}  // namespace chibo::http

// Two members of RESTinio 0.6.16's acceptor, specialised for chibo's traits. Upstream, an
// accept() error (EMFILE when descriptors run out) ends that accept loop for good, and an
// accepted socket the IP blocker denies (or whose peer is already gone) keeps its slot in the
// connection count limiter for good: either way the server stops accepting while still
// running. Here both give the slot back and accepting goes on.
template <>
void restinio::impl::acceptor_t<chibo::http::Traits>::call_accept_now(std::size_t index) noexcept {
  m_acceptor.async_accept(
      this->socket(index).lowest_layer(),
      asio_ns::bind_executor(get_executor(), [index, ctx = this->shared_from_this()](const auto& ec) noexcept {
        if (!ec) return ctx->accept_current_connection(index, ec);
        if (ec == asio_ns::error::operation_aborted || !ctx->m_acceptor.is_open()) return;  // closing
        {  // the failed accept counted as one in progress: give it back
          connection_count_limits::connection_lifetime_monitor_t released{&ctx->m_connection_count_limiter};
        }
        if (ec.value() == EMFILE || ec.value() == ENFILE) chibo::http::shedOneConnection(ctx->m_acceptor.native_handle());
        static std::atomic<long> last_log{0};
        long now = long(std::time(nullptr));
        if (last_log.exchange(now) != now) chibo::http::securityEvent("accept_failed", {{"error", ec.message()}});
        // A short pause, so a full descriptor table is not a busy loop.
        auto timer = std::make_shared<asio_ns::steady_timer>(ctx->get_executor(), std::chrono::milliseconds(50));
        timer->async_wait([timer, index, ctx](const asio_ns::error_code&) { ctx->accept_next(index); });
      }));
}

template <>
void restinio::impl::acceptor_t<chibo::http::Traits>::accept_connection_for_socket_with_index(std::size_t i) {
  auto incoming_socket = this->move_socket(i);
  asio_ns::error_code ec;
  auto remote_endpoint = incoming_socket.lowest_layer().remote_endpoint(ec);
  if (ec || this->m_ip_blocker->inspect(restinio::ip_blocker::incoming_info_t{remote_endpoint}) ==
                restinio::ip_blocker::inspection_result_t::deny) {
    connection_count_limits::connection_lifetime_monitor_t released{&m_connection_count_limiter};
    return;  // incoming_socket closes as it goes out of scope
  }
  do_accept_current_connection(std::move(incoming_socket), remote_endpoint);
}

namespace chibo::http {

void runServer(Api& api, const ServerConfig& cfg, std::function<void(unsigned short)> on_listening) {
  using namespace std::chrono_literals;
  unsigned short bound = cfg.port;
  size_t fd_limit = raiseOpenFileLimit();
  size_t total = connectionCap(cfg.max_connections, fd_limit);
  size_t per_address = std::max<size_t>(1, std::min(cfg.max_connections_per_address, total / 2));
  reserveDescriptor();
  auto guard = std::make_shared<ConnectionGuard>(per_address);
  installIntakePolicy([&api](const RequestHead& head) { return api.intake(head); });
  spdlog::info("Giới hạn kết nối: {} tất cả, {} mỗi địa chỉ (giới hạn mô tả tệp {}).", total, per_address, fd_limit);
  restinio::impl::ioctx_on_thread_pool_t<restinio::impl::own_io_context_for_thread_pool_t> pool(
      std::size_t(std::max(1, cfg.threads)));
  auto settings = restinio::on_thread_pool<Traits>(std::size_t(std::max(1, cfg.threads)))
                      .address(cfg.host)
                      .port(cfg.port)
                      .request_handler(api.router())
                      .acceptor_post_bind_hook([&bound](asio::ip::tcp::acceptor& a) { bound = a.local_endpoint().port(); })
                      .max_parallel_connections(total)
                      .ip_blocker(guard)
                      .connection_state_listener(guard)
                      // RESTinio 0.6.16 with the default of one pipelined request resets its
                      // parser a second time after answering a request synchronously, so a next
                      // request whose body arrives after its header is read as garbage and the
                      // connection dropped (tests/api/keep_alive_test.cpp). With two the
                      // coordinator is never full when the handler answers, and it reads once.
                      .max_pipelined_requests(2)
                      .read_next_http_message_timelimit(cfg.idle_timeout)
                      .write_http_response_timelimit(30s)
                      .handle_request_timeout(60s)
                      // Each limit answers with problem+json before the body is read (intake.h):
                      // 414 for the URL, 431 for a header, 413 for the body; the route's own
                      // body limit (Api::intake) is usually far lower than this one.
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
  installIntakePolicy({});
  if (failure) std::rethrow_exception(failure);
}

}  // namespace chibo::http
