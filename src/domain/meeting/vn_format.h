#pragma once
// Number formatting the way Vietnamese documents write it: decimal comma,
// at most one decimal place, no trailing ",0" ("90%", "66,7%").
#include <string>

namespace chibo {

// `v` rounded to one decimal, e.g. 66.666 -> "66,7", 90.0 -> "90".
std::string vnNumber(double v);
// vnNumber(v) + "%".
std::string vnPercent(double v);

}  // namespace chibo
