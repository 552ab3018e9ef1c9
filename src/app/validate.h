#pragma once
// Turning raw user input into clean values, collecting Vietnamese field
// errors instead of stopping at the first one.
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/result.h"

namespace chibo {

// Checks the raw size (maxRawBytes) before anything else, then trims, checks
// UTF-8, normalises to NFC and checks the length in characters; refuses
// control characters (C0, DEL, C1), bidirectional overrides and text made only
// of invisible characters. Returns none when absent or invalid (an error is
// added when invalid, or when required and absent or empty).
std::optional<std::string> cleanText(Validator& v, const std::string& field, const std::optional<std::string>& raw,
                                     bool required, size_t max_chars, const std::string& label);

enum class DateRule { any, not_future };

// "" means cleared (returns an engaged optional holding nullopt). Absent means
// not sent (returns nullopt). Required and empty adds an error.
std::optional<std::optional<Date>> parseDateField(Validator& v, const std::string& field,
                                                  const std::optional<std::string>& raw, bool required,
                                                  DateRule rule, Date today, const std::string& label);

// Normalises a Vietnamese phone number (strips spaces, dots, dashes; +84 -> 0)
// and checks it is 10 digits starting with 0. "" is allowed (no phone).
std::optional<std::string> cleanPhone(Validator& v, const std::string& field, const std::optional<std::string>& raw);

}  // namespace chibo
