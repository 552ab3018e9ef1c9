#pragma once
// Small text helpers shared by the exporters. Unicode normalisation itself is
// the domain's nfc() (domain/text/vn_text.h); every exporter passes user text
// through it so NFD input (macOS, some phones) renders and extracts as NFC.
#include <string>
#include <string_view>

#include "domain/text/vn_text.h"

namespace chibo {

// Escapes & < > " ' for XML text and attribute values, and drops the control
// characters XML 1.0 forbids (everything below U+0020 except tab, LF, CR).
std::string xmlEscape(std::string_view s);

// numerator/denominator as a Vietnamese percentage: "90%", "89,5%" (decimal
// comma, one decimal at most, see domain vnPercent). A zero denominator gives "0%".
std::string percentOf(int numerator, int denominator);

// Unicode upper case, for headings built from user text ("tháng 3" -> "THÁNG 3").
std::string upperVn(std::string_view s);

// Trims ASCII whitespace at both ends.
std::string_view trimAscii(std::string_view s);

}  // namespace chibo
