#pragma once
// One remembered write (0015): what an account sent under an Idempotency-Key
// and, once the write finished, the answer it got.
#include <cstdint>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

struct IdempotencyRecord {
  Id user_id = 0;
  std::string key;
  std::string method;
  std::string path;
  std::string body_hash;  // SHA-256 hex of the request body
  int status = 0;         // 0 while the write runs
  std::string content_type;
  std::string response;
  DateTime created_at;
};

}  // namespace chibo
