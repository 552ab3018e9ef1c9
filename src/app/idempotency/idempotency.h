#pragma once
// Idempotency keys: a client names a write with an Idempotency-Key header (the
// offline queue of live mode uses each queued change's own id), and a repeat of
// the same write under the same key gets the first answer instead of being
// applied again. Keys belong to one account: another account's key is never
// seen, let alone replayed.
//
// Reserve, then complete. The key is reserved (a row with status 0) in its own
// short transaction before the write runs, and completed with the answer once
// the write's own transaction has committed. The write's transaction is not the
// key's because every use case opens and commits its own; reserving first still
// means two concurrent duplicates never both apply: SQLite serialises writers,
// the second reservation finds the row and is answered 409
// idempotency_key_in_progress. Only a success (2xx) is remembered: a refused
// write wrote nothing (every use case returns before commit), so its key is
// released and the same change may be sent again once the cause is fixed. A
// process dying between the write's commit and the completion leaves a reserved
// row that answers 409 until it is purged, which is safe (never applies twice).
#include <string>
#include <string_view>

#include "app/context.h"
#include "domain/result.h"

namespace chibo {

inline constexpr size_t kIdempotencyKeyMax = 100;

// 400 idempotency_key_invalid unless 1..100 printable ASCII characters.
Status checkIdempotencyKey(std::string_view key);

struct IdempotentRequest {
  std::string key, method, path;
  std::string body;     // as sent; only its SHA-256 is kept
  int keep_days = 7;    // rows older than this are purged when a key is reserved
};

enum class KeyClaim {
  reserved,     // the write may run; call finishIdempotentWrite after it
  replay,       // the same write already succeeded: answer `stored`
};

struct KeyClaimResult {
  KeyClaim claim = KeyClaim::reserved;
  IdempotencyRecord stored;  // for replay
};

// Reserves the key for the caller's account, or finds the stored answer of the
// same write. 422 idempotency_key_reused when the key was used for another
// method, path or body; 409 idempotency_key_in_progress while the first is
// still running.
Result<KeyClaimResult> claimIdempotencyKey(Store& store, const Caller& c, const IdempotentRequest& r);

// Keeps a 2xx answer under the reserved key; releases the key for any other.
void finishIdempotentWrite(Store& store, const Caller& c, std::string_view key, int status,
                           std::string_view content_type, std::string_view response);

}  // namespace chibo
