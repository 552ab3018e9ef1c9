#pragma once
// Which passwords chibo accepts. Length is the main defence (NIST SP 800-63B
// §5.1.1.2: at least 8 characters, check against lists of commonly used or
// compromised values, no composition rules); chibo asks for more because one
// account opens a cell's member records: 10 characters for a member, 12 for
// staff (anyone with a grant beyond their own cell membership).
#include <string>
#include <string_view>

namespace chibo {

enum class PasswordKind {
  member,  // an account that only holds the member grant
  staff,   // any other grant: cell committee, monitor, ward staff, administrator
};

// Minimum length in characters (code points) for `kind`.
size_t minPasswordLength(PasswordKind kind);

// True when `password`, ignoring case and any digits or punctuation added at
// its start or end ("Password2024!" -> "password"), is on the embedded list of
// common passwords.
bool isCommonPassword(std::string_view password);

// Empty when acceptable, else why not, in Vietnamese. `username`, when given,
// must not be the password or its core.
std::string passwordPolicyProblem(std::string_view password, PasswordKind kind, std::string_view username = {});

}  // namespace chibo
