#pragma once
// Text typed before Unicode: the TCVN3 ("ABC", .VnTime fonts) and VNI
// (VNI-Times) encodings, and Windows-1258 for CSV files. A spreadsheet program
// shows such text as Latin-1 letters ("Hµ Néi", "Haø Noäi"); the file holds
// those code points. Detection looks at the whole file, not one cell, because
// one name alone can be ambiguous.
#include <string>
#include <string_view>
#include <vector>

namespace chibo::import {

enum class LegacyEncoding { none, tcvn3, vni, cp1258 };

// Vietnamese name of the encoding for the report ("TCVN3 (ABC)", "VNI", "Windows-1258").
std::string_view label(LegacyEncoding e);

// True when `utf8` could be legacy text: no code point above U+00FF, and at
// least one at or above U+00A0 (plain ASCII needs no conversion).
bool mayBeLegacy(std::string_view utf8);

// Which legacy encoding the candidate texts (those passing mayBeLegacy) show
// the most evidence of, or none; none as soon as any text holds a letter
// beyond Latin-1 (the file is Unicode; the Windows-1252 punctuation a legacy
// file can carry does not count). `allow_cp1258` adds Windows-1258 (CSV files
// read as Latin-1 because they were not UTF-8).
LegacyEncoding detectLegacy(const std::vector<std::string_view>& texts, bool allow_cp1258 = false);

// Converts text shown as Latin-1 code points from `e` to Unicode NFC. Text
// that is not legacy (any code point above U+00FF) is returned unchanged.
std::string fromLegacy(std::string_view utf8, LegacyEncoding e);

// A personal name converted from TCVN3, with the capitals the legacy fonts
// could not carry: capitals other than Ă Â Ê Ô Ơ Ư Đ were typed with the
// companion font (.VnTimeH) whose bytes are the lower-case ones, so "¸nh"
// decodes to "ánh". Each word gets its first letter upper-cased, and a word
// with two or more plain capitals and no plain small letter (a name typed in
// capitals: "TRÇN") is upper-cased whole; "Hµ" stays "Hà".
std::string restoreNameCapitals(std::string_view nfc_name);

// Bytes read one byte = one code point (ISO-8859-1), as UTF-8.
std::string latin1ToUtf8(std::string_view bytes);

}  // namespace chibo::import
