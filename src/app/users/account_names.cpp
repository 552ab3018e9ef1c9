#include "app/users/account_names.h"

#include <sodium.h>

#include <stdexcept>

#include "app/auth/session_auth.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";  // 31 symbols
constexpr size_t kCodeLength = 12;
}  // namespace

std::string usernameBase(std::string_view full_name) {
  std::string folded = foldForSearch(full_name);
  std::string out;
  bool dot = false;
  for (char ch : folded) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!keep) {
      dot = !out.empty();
      continue;
    }
    if (dot) {
      if (out.size() + 2 > 40) break;
      out.push_back('.');
    }
    dot = false;
    if (out.size() + 1 > 40) break;
    out.push_back(ch);
  }
  return out.empty() ? "dangvien" : out;
}

std::string uniqueUsername(ReadTx& tx, std::string_view full_name) {
  std::string base = usernameBase(full_name);
  if (!tx.userByUsername(base)) return base;
  for (int n = 2;; ++n) {
    std::string candidate = base + std::to_string(n);
    if (!tx.userByUsername(candidate)) return candidate;
  }
}

ActivationCode newActivationCode() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium init failed");
  std::string raw;
  for (size_t i = 0; i < kCodeLength; ++i)
    raw.push_back(kAlphabet[randombytes_uniform(uint32_t(kAlphabet.size()))]);
  return {raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4), sha256Hex(raw)};
}

std::string activationHashOf(std::string_view typed) {
  std::string raw;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (kAlphabet.find(ch) == std::string_view::npos) return "";
    raw.push_back(ch);
    if (raw.size() > kCodeLength) return "";
  }
  if (raw.size() != kCodeLength) return "";
  return sha256Hex(raw);
}

}  // namespace chibo
