#pragma once
// Errors as values. Every use case returns Result<T>; the HTTP layer maps
// Error::kind to a status and Error::code to the problem+json "code".
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace chibo {

enum class ErrorKind {
  validation,    // 422: input is well-formed but breaks a rule; see field_errors
  bad_request,   // 400: input cannot be read at all
  unauthenticated,  // 401
  forbidden,     // 403: the caller can see it but may not do this to it
  not_found,     // 404: also what callers get for things outside their scope
  conflict,      // 409: state forbids it (locked record, duplicate number, stale version)
  too_large,     // 413
  rate_limited,  // 429
  internal,      // 500
};

struct FieldError {
  std::string field;    // JSON path of the offending field, e.g. "full_name" or "items[3].status"
  std::string code;     // stable, e.g. "required", "too_long", "invalid_date"
  std::string message;  // Vietnamese, shown to users
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable machine code, e.g. "validation_failed", "not_found"
  std::string message;  // Vietnamese, shown to users
  std::vector<FieldError> field_errors;

  static Error notFound() { return {ErrorKind::not_found, "not_found", "Không tìm thấy.", {}}; }
  static Error validation(std::vector<FieldError> fe) {
    return {ErrorKind::validation, "validation_failed", "Dữ liệu không hợp lệ.", std::move(fe)};
  }
  static Error forbidden() {
    return {ErrorKind::forbidden, "forbidden", "Bạn không có quyền thực hiện thao tác này.", {}};
  }
  static Error conflict(std::string code, std::string msg) {
    return {ErrorKind::conflict, std::move(code), std::move(msg), {}};
  }
  static Error badRequest(std::string code, std::string msg) {
    return {ErrorKind::bad_request, std::move(code), std::move(msg), {}};
  }
  static Error internal(std::string msg = "Lỗi hệ thống.") {
    return {ErrorKind::internal, "internal_error", std::move(msg), {}};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error err) : v_(std::move(err)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

// Collects field errors while validating one input.
class Validator {
 public:
  void add(std::string field, std::string code, std::string message) {
    errors_.push_back({std::move(field), std::move(code), std::move(message)});
  }
  bool ok() const { return errors_.empty(); }
  Error error() const { return Error::validation(errors_); }
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace chibo
