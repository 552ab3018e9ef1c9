#pragma once
// Request intake: what is decided when a request's headers are complete, before
// any byte of its body is read. RESTinio 0.6.16 reads the whole body (reserving
// Content-Length bytes up front) before a handler runs, and answers an
// oversized URL, header or body by closing the connection without a word. Its
// parser callbacks are replaced for chibo's HttpMethods (an explicit
// specialisation of restinio::impl::create_parser_settings): limits are checked
// there, and a refused request reaches the handler with an empty body and a
// mark, so it gets a problem+json answer (413, 414, 431, 411, 401) and the
// connection is closed after it, its body never read.
#include <cstdint>
#include <functional>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <string_view>

namespace chibo::http {

// What the server knows of a request once its headers are in.
struct RequestHead {
  std::string_view method;  // "POST"
  std::string_view target;  // "/api/v1/x?y", as sent
  std::optional<std::uint64_t> content_length;
  bool chunked = false;     // Transfer-Encoding: chunked (no length known in advance)
  const restinio::http_request_header_t& header;
};

// 0 reads the body; a positive value is the status to refuse the request with at once (the
// body is never read and the connection closes after the answer); a negative value refuses with
// -value after the body has been read and thrown away, unstored. The latter is for a browser
// uploading a file a little over the limit: it reads no answer before its upload is sent, and a
// connection closed under it shows as a network error instead of "file too large".
using IntakePolicy = std::function<int(const RequestHead&)>;

// Process-wide, because http_parser calls free functions: one server per process. Install it
// before the server opens; it runs on the I/O threads and must be thread-safe. Without a policy
// only the server's incoming_http_msg_limits apply (413 above max_body_size).
void installIntakePolicy(IntakePolicy policy);

// The status the intake refused `req` with (413, 414, 431, 411, 401, …), or 0.
int intakeRefusal(const restinio::request_handle_t& req);

// The stable English code and the Vietnamese message for a refusal status.
struct RefusalText {
  const char* code;
  const char* message;
};
RefusalText refusalText(int status);

// The methods mapper that selects chibo's parser callbacks (see create_parser_settings below).
struct HttpMethods : restinio::default_http_methods_t {};

}  // namespace chibo::http

namespace restinio::impl {
template <>
http_parser_settings create_parser_settings<chibo::http::HttpMethods>() noexcept;
}
