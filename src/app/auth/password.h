#pragma once
// Password hashing with libsodium's argon2id (crypto_pwhash_str, INTERACTIVE
// limits: ~90 ms and 64 MiB per call, stack.md §2.6). These functions block;
// the HTTP layer runs them on a 2-worker pool, never on an I/O thread.
#include <string>
#include <string_view>

namespace chibo {

// Returns the encoded hash ("$argon2id$v=19$m=65536,t=2,p=1$…"). Throws
// std::runtime_error if libsodium cannot allocate the memory it needs.
std::string hashPassword(std::string_view password);

// Constant-time verification of `password` against an encoded hash.
bool verifyPassword(std::string_view password, const std::string& encoded_hash);

// A hash that matches no password, for spending the same time on unknown users.
const std::string& decoyHash();

// The password policy (length, common passwords) is in password_policy.h.
}  // namespace chibo
