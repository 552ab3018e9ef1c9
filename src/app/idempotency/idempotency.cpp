#include "app/idempotency/idempotency.h"

#include "app/auth/session_auth.h"

namespace chibo {

Status checkIdempotencyKey(std::string_view key) {
  bool printable = !key.empty() && key.size() <= kIdempotencyKeyMax;
  for (unsigned char ch : key) printable = printable && ch >= 0x20 && ch <= 0x7e;
  if (!printable)
    return Error::badRequest("idempotency_key_invalid",
                             "Khóa chống gửi trùng (Idempotency-Key) phải gồm 1 đến 100 ký tự ASCII in được.");
  return Unit{};
}

Result<KeyClaimResult> claimIdempotencyKey(Store& store, const Caller& c, const IdempotentRequest& r) {
  IdempotencyRecord row{c.principal.user_id, r.key, r.method, r.path, sha256Hex(r.body), 0, "", "", c.now};
  auto tx = store.write();
  // Purging here keeps the table at about a week of writes without a timer.
  tx->purgeIdempotencyKeys(DateTime{c.now.unix_seconds - int64_t(r.keep_days) * 86400});
  if (tx->reserveIdempotencyKey(row)) {
    tx->commit();
    return KeyClaimResult{KeyClaim::reserved, {}};
  }
  auto had = tx->idempotencyRecord(row.user_id, row.key);
  tx->commit();  // the purge stands either way
  if (!had) return Error::internal();
  if (had->method != row.method || had->path != row.path || had->body_hash != row.body_hash)
    return Error{ErrorKind::validation, "idempotency_key_reused",
                 "Khóa chống gửi trùng này đã dùng cho một thay đổi khác; thay đổi không được ghi.", {}};
  if (had->status == 0)
    return Error::conflict("idempotency_key_in_progress", "Thay đổi này đang được ghi; vui lòng thử lại sau ít giây.");
  return KeyClaimResult{KeyClaim::replay, *had};
}

void finishIdempotentWrite(Store& store, const Caller& c, std::string_view key, int status,
                           std::string_view content_type, std::string_view response) {
  auto tx = store.write();
  if (status >= 200 && status < 300) tx->completeIdempotencyKey(c.principal.user_id, key, status, content_type, response);
  else tx->deleteIdempotencyKey(c.principal.user_id, key);
  tx->commit();
}

}  // namespace chibo
