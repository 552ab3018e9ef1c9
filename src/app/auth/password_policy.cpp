#include "app/auth/password_policy.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "domain/text/vn_text.h"

namespace chibo {
namespace {

constexpr std::string_view kList =
#include "app/auth/common_passwords.inc"
    ;

const std::unordered_set<std::string_view>& commonSet() {
  static const auto set = [] {
    std::unordered_set<std::string_view> s;
    size_t at = 0;
    while (at < kList.size()) {
      size_t end = kList.find('\n', at);
      if (end == std::string_view::npos) end = kList.size();
      if (end > at) s.insert(kList.substr(at, end - at));
      at = end + 1;
    }
    return s;
  }();
  return set;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
  return out;
}

bool isDecoration(char ch) { return (ch >= '0' && ch <= '9') || std::string_view("!@#$%^&*()_-+=.,;:?~ ").find(ch) != std::string_view::npos; }

// The password without digits and punctuation at either end.
std::string coreOf(const std::string& lower) {
  size_t b = 0, e = lower.size();
  while (b < e && isDecoration(lower[b])) ++b;
  while (e > b && isDecoration(lower[e - 1])) --e;
  return lower.substr(b, e - b);
}

}  // namespace

size_t minPasswordLength(PasswordKind kind) { return kind == PasswordKind::staff ? 12 : 10; }

bool isCommonPassword(std::string_view password) {
  const auto& set = commonSet();
  auto lower = lowerAscii(password);
  if (set.contains(lower)) return true;
  auto core = coreOf(lower);
  return !core.empty() && set.contains(core);
}

std::string passwordPolicyProblem(std::string_view password, PasswordKind kind, std::string_view username) {
  if (password.size() > 256) return "Mật khẩu quá dài (tối đa 256 ký tự).";
  if (!isValidUtf8(password)) return "Mật khẩu chứa ký tự không hợp lệ.";
  size_t min = minPasswordLength(kind);
  if (utf8Length(nfc(password)) < min)
    return "Mật khẩu phải có ít nhất " + std::to_string(min) + " ký tự.";
  auto lower = lowerAscii(password);
  if (std::all_of(lower.begin(), lower.end(), [&](char ch) { return ch == lower.front(); }))
    return "Mật khẩu không được chỉ gồm một ký tự lặp lại.";
  if (isCommonPassword(password)) return "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.";
  if (!username.empty()) {
    auto user = lowerAscii(username);
    auto core = coreOf(lower);
    if (lower == user || core == user || (user.size() >= 4 && lower.find(user) != std::string::npos))
      return "Mật khẩu không được chứa tên đăng nhập.";
  }
  return "";
}

}  // namespace chibo
