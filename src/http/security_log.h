#pragma once
// The security log: one JSON object per line on stderr, for refusals an
// operator or an intrusion detector should see (refused log-ins, 401, 403,
// 404 on scope, oversized requests, throttling, refused static paths,
// refused connections). Never pass passwords, tokens or cookies: values are
// written as given (truncated to 200 bytes, control characters replaced).
#include <initializer_list>
#include <string_view>
#include <utility>

namespace chibo::http {

using SecurityField = std::pair<std::string_view, std::string_view>;

// Writes {"time":"…Z","log":"security","event":event, fields…}. Thread-safe.
void securityEvent(std::string_view event, std::initializer_list<SecurityField> fields = {});

}  // namespace chibo::http
