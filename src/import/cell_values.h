#pragma once
// Reading one roster cell as the value its column holds: dates written any of
// the ways ward files write them, genders, identity numbers whose leading zero
// a spreadsheet dropped. Errors are Vietnamese reasons for the report.
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/result.h"
#include "domain/member.h"
#include "import/workbook.h"

namespace chibo::import {

// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (a time after it is
// ignored), or an Excel serial day number (1900 date system), also as text of
// 4 to 7 digits from 3000 up (below that it would be a bare year). Empty -> none.
Result<std::optional<Date>> cellDate(const RawCell& c);

// Nam / Nữ / Khác (any case, with or without accents). Empty -> none.
Result<std::optional<Gender>> cellGender(const RawCell& c);

// Digits only (spaces, dots and dashes removed), with the leading zero a
// numeric column drops put back: `width` is the expected length (12 for a
// citizen ID, 10 for a phone number; 0 = none), and a value of width-1 digits gets a 0.
std::string cellDigits(const RawCell& c, size_t width);

// Trimmed NFC text; a number cell as written without a decimal point.
std::string cellText(const RawCell& c);

}  // namespace chibo::import
