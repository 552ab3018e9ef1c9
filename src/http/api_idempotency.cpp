// The Idempotency-Key header on authenticated writes (app/idempotency/idempotency.h): the
// handler runs once per key and account; a repeat gets the stored answer, marked with
// "Idempotent-Replayed: true". Audit rows come from the handler only, so a repeat audits nothing.
#include <spdlog/spdlog.h>

#include "app/idempotency/idempotency.h"
#include "http/api.h"

namespace chibo::http {

Reply Api::runIdempotent(const Route& r, Call& c) {
  IdempotentRequest in{c.idempotency_key, r.method, std::string(c.req->header().request_target()),
                       std::string(c.req->body()), cfg_.idempotency_days};
  auto claim = claimIdempotencyKey(store_, c.caller, in);
  if (!claim) {
    auto reply = errorReply(claim.error());
    if (claim.error().code == "idempotency_key_in_progress") reply.headers.emplace_back("Retry-After", "2");
    return reply;
  }
  if (claim->claim == KeyClaim::replay) {
    const auto& s = claim->stored;
    Reply reply{s.status, s.response, s.content_type, {}};
    reply.headers.emplace_back("Idempotent-Replayed", "true");
    return reply;
  }
  Reply reply;
  try {
    reply = r.handler(*this, c);
  } catch (...) {
    // The write failed (its transaction rolled back): the key is released for a retry.
    try {
      finishIdempotentWrite(store_, c.caller, c.idempotency_key, 500, "", "");
    } catch (const std::exception& e) {
      spdlog::error("{} {}: releasing an idempotency key: {}", r.method, r.path, e.what());
    }
    throw;
  }
  finishIdempotentWrite(store_, c.caller, c.idempotency_key, reply.status, reply.content_type, reply.body);
  return reply;
}

}  // namespace chibo::http
