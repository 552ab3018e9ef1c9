#pragma once
// Usernames and one-time activation codes for accounts created by staff.
#include <string>
#include <string_view>

#include "domain/date.h"
#include "store/store.h"

namespace chibo {

// The name without diacritics, lower case, words joined by dots:
// "Nguyễn Thị Hà" -> "nguyen.thi.ha". At most 40 characters; "dangvien" when
// nothing usable remains.
std::string usernameBase(std::string_view full_name);

// usernameBase, or with 2, 3, … appended, whichever is not yet taken (in the
// transaction's view, so accounts created earlier in the same one count).
std::string uniqueUsername(ReadTx& tx, std::string_view full_name);

struct ActivationCode {
  std::string code;  // shown once: "K7QX-M3PD-9WTA" (about 59 random bits)
  std::string hash;  // what is stored: SHA-256 of the normalised code
};

// A fresh random code. Letters and digits that cannot be mistaken for one
// another on paper (no 0/O, 1/I/L).
ActivationCode newActivationCode();

// The stored hash of a code as typed: case, spaces and dashes ignored. Empty
// when the text cannot be a code (wrong length or characters).
std::string activationHashOf(std::string_view typed);

}  // namespace chibo
