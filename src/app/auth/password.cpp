#include "app/auth/password.h"

#include <sodium.h>

#include <stdexcept>

namespace chibo {
namespace {
void ensureInit() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium init failed");
}
}  // namespace

std::string hashPassword(std::string_view password) {
  ensureInit();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("crypto_pwhash_str: out of memory");
  return out;
}

bool verifyPassword(std::string_view password, const std::string& encoded_hash) {
  ensureInit();
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoyHash() {
  static const std::string h = hashPassword("decoy-password-that-nobody-has");
  return h;
}

}  // namespace chibo
