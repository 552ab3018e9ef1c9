#include "http/json_io.h"

namespace chibo::http {

std::optional<std::string> BodyReader::str(const char* key) {
  auto v = o_.if_contains(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::string();
  if (v->is_string()) return std::string(v->as_string());
  v_.add(key, "invalid_type", "Giá trị phải là chuỗi ký tự.");
  return std::nullopt;
}

std::optional<Id> BodyReader::id(const char* key) {
  auto v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64() && v->as_int64() > 0) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() > 0 && v->as_uint64() < (1ull << 62)) return Id(v->as_uint64());
  v_.add(key, "invalid_type", "Giá trị phải là mã số (số nguyên dương).");
  return std::nullopt;
}

std::optional<int> BodyReader::integer(const char* key) {
  auto v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64() && v->as_int64() >= INT32_MIN && v->as_int64() <= INT32_MAX) return int(v->as_int64());
  v_.add(key, "invalid_type", "Giá trị phải là số nguyên.");
  return std::nullopt;
}

std::optional<bool> BodyReader::boolean(const char* key) {
  auto v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  v_.add(key, "invalid_type", "Giá trị phải là true hoặc false.");
  return std::nullopt;
}

int httpStatus(ErrorKind k) {
  switch (k) {
    case ErrorKind::validation: return 422;
    case ErrorKind::bad_request: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_large: return 413;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

Problem toProblem(const Error& e) {
  json::object o;
  o["type"] = "https://chibo.vn/problems/" + e.code;
  o["title"] = e.message;
  o["status"] = httpStatus(e.kind);
  o["code"] = e.code;
  o["detail"] = e.message;
  json::array errs;
  for (const auto& f : e.field_errors) errs.push_back(json::object{{"field", f.field}, {"code", f.code}, {"message", f.message}});
  o["errors"] = std::move(errs);
  return {httpStatus(e.kind), json::serialize(o)};
}

}  // namespace chibo::http
