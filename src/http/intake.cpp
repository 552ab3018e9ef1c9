#include "http/intake.h"

#include <atomic>
#include <limits>
#include <memory>

namespace chibo::http {

// The mark a refused request carries to its handler. A client sending the same field gets it
// removed before the intake decides, so it cannot smuggle a verdict in.
static constexpr std::string_view kRefusalField = "X-Chibo-Intake-Refusal";

// While a request's head is parsed, RESTinio's per-message field counter doubles as the
// record of a limit already broken (it is reset with each message): from then on the rest of
// the head is parsed but not stored, and the request is refused when the head is complete.
static constexpr size_t kUrlTooLong = std::numeric_limits<size_t>::max() - 1;
static constexpr size_t kHeadTooLarge = std::numeric_limits<size_t>::max();
// After the head, the same counter marks a body to read and throw away (only trailers of a
// chunked body would count fields then, and chunked bodies are refused at the head).
static constexpr size_t kDiscardBody = std::numeric_limits<size_t>::max() - 2;

static std::shared_ptr<const IntakePolicy>& policySlot() {
  static std::shared_ptr<const IntakePolicy> slot;
  return slot;
}

void installIntakePolicy(IntakePolicy policy) {
  std::atomic_store(&policySlot(), policy ? std::make_shared<const IntakePolicy>(std::move(policy))
                                          : std::shared_ptr<const IntakePolicy>());
}

int intakeRefusal(const restinio::request_handle_t& req) {
  auto v = req->header().get_field_or(kRefusalField, "");
  return v.empty() ? 0 : std::atoi(v.c_str());
}

RefusalText refusalText(int status) {
  switch (status) {
    case 401: return {"unauthenticated", "Vui lòng đăng nhập."};
    case 411: return {"length_required", "Yêu cầu phải cho biết trước độ dài dữ liệu gửi lên."};
    case 413: return {"body_too_large", "Dữ liệu gửi lên quá lớn."};
    case 414: return {"url_too_long", "Địa chỉ yêu cầu quá dài."};
    case 431: return {"headers_too_large", "Phần đầu của yêu cầu quá lớn."};
    default: return {"bad_request", "Yêu cầu không hợp lệ."};
  }
}

namespace {
using Ctx = restinio::impl::http_parser_ctx_t;
Ctx& ctxOf(http_parser* p) { return *reinterpret_cast<Ctx*>(p->data); }
bool broken(const Ctx& c) { return c.m_total_field_count >= kUrlTooLong; }
void breakHead(Ctx& c, size_t why) {
  c.m_total_field_count = why;
  c.m_current_field_name.clear();
  c.m_last_was_value = true;
}

int onUrl(http_parser* p, const char* at, size_t n) {
  auto& c = ctxOf(p);
  if (broken(c)) return 0;
  if (c.m_header.request_target().size() + n > c.m_limits.max_url_size()) {
    c.m_header.request_target("/");
    breakHead(c, kUrlTooLong);
    return 0;
  }
  try {
    c.m_header.append_request_target(at, n);
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}

int onHeaderField(http_parser* p, const char* at, size_t n) {
  auto& c = ctxOf(p);
  if (broken(c)) return 0;
  try {
    if (c.m_last_was_value) {
      if (c.m_total_field_count == c.m_limits.max_field_count()) return breakHead(c, kHeadTooLarge), 0;
      c.m_current_field_name.assign(at, n);
      c.m_last_was_value = false;
    } else {
      c.m_current_field_name.append(at, n);
    }
    if (c.m_current_field_name.size() > c.m_limits.max_field_name_size()) breakHead(c, kHeadTooLarge);
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}

int onHeaderValue(http_parser* p, const char* at, size_t n) {
  auto& c = ctxOf(p);
  if (broken(c)) return 0;
  try {
    auto& fields = c.m_leading_headers_completed ? c.m_chunked_info_block.m_trailing_fields
                                                 : static_cast<restinio::http_header_fields_t&>(c.m_header);
    if (!c.m_last_was_value) {
      fields.add_field(std::move(c.m_current_field_name), std::string{at, n});
      c.m_last_value_total_size = n;
      c.m_last_was_value = true;
      c.m_total_field_count += 1;
    } else {
      restinio::impl::append_last_field_accessor(fields, std::string_view{at, n});
      c.m_last_value_total_size += n;
    }
    if (c.m_last_value_total_size >= c.m_limits.max_field_value_size()) breakHead(c, kHeadTooLarge);
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}

int onHeadersComplete(http_parser* p) {
  auto& c = ctxOf(p);
  c.m_leading_headers_completed = true;
  int refusal = 0;
  try {
    c.m_header.remove_all_of(kRefusalField);
    if (c.m_total_field_count == kUrlTooLong) refusal = 414;
    else if (c.m_total_field_count == kHeadTooLarge) refusal = 431;
    std::optional<std::uint64_t> length;
    if (p->content_length != ULLONG_MAX && (p->flags & F_CHUNKED) == 0) length = p->content_length;
    if (!refusal && length && *length > c.m_limits.max_body_size()) refusal = 413;
    if (!refusal)
      if (auto policy = std::atomic_load(&policySlot()))
        refusal = (*policy)(RequestHead{http_method_str(static_cast<http_method>(p->method)),
                                        c.m_header.request_target(), length, (p->flags & F_CHUNKED) != 0, c.m_header});
    if (refusal < 0) {
      c.m_header.add_field(std::string(kRefusalField), std::to_string(-refusal));
      c.m_total_field_count = kDiscardBody;
      p->flags = (p->flags & ~F_CONNECTION_KEEP_ALIVE) | F_CONNECTION_CLOSE;
      return 0;
    }
    if (refusal) {
      c.m_header.add_field(std::string(kRefusalField), std::to_string(refusal));
      // The unread body would be parsed as the next request: answer, then close.
      p->flags = (p->flags & ~F_CONNECTION_KEEP_ALIVE) | F_CONNECTION_CLOSE;
      return 1;  // http_parser: no body follows; the message is complete
    }
    if (length && *length > 0) c.m_body.reserve(size_t(*length));
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}
int onBody(http_parser* p, const char* at, size_t n) {
  auto& c = ctxOf(p);
  if (c.m_total_field_count == kDiscardBody) return 0;
  if (c.m_body.size() + n > c.m_limits.max_body_size()) return -1;
  try {
    c.m_body.append(at, n);
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}
}  // namespace

}  // namespace chibo::http

namespace restinio::impl {

template <>
http_parser_settings create_parser_settings<chibo::http::HttpMethods>() noexcept {
  // RESTinio's own callbacks for the body, chunks and the end of the message; chibo's for the
  // head, where the limits are.
  auto s = create_parser_settings<default_http_methods_t>();
  s.on_url = chibo::http::onUrl;
  s.on_header_field = chibo::http::onHeaderField;
  s.on_header_value = chibo::http::onHeaderValue;
  s.on_headers_complete = chibo::http::onHeadersComplete;
  s.on_body = chibo::http::onBody;
  s.on_message_complete = [](http_parser* p) -> int {
    return restinio_message_complete_cb<chibo::http::HttpMethods>(p);
  };
  return s;
}

}  // namespace restinio::impl
