#pragma once
// An e-mail address a person gives for their notices: the common shape
// local@domain.tld (RFC 5321's limits: 64 characters before the @, 254 in all),
// printable ASCII without spaces, so it can go into an SMTP envelope as given.
#include <string>
#include <string_view>

namespace chibo {

bool plausibleEmail(std::string_view s);
// Trimmed, with the domain lower-cased (the local part is the mailbox owner's and kept).
std::string normalEmail(std::string_view s);

}  // namespace chibo
