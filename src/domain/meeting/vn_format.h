#pragma once
// Number formatting the way Vietnamese documents write it: decimal comma,
// no trailing zeros ("90%", "66,7%", "3,75 điểm").
#include <string>

namespace chibo {

// `v` rounded to `decimals` places (0..4), trailing zeros dropped:
// vnNumber(66.666) = "66,7", vnNumber(90.0) = "90", vnNumber(3.75, 2) = "3,75".
std::string vnNumber(double v, int decimals = 1);
// vnNumber(v) + "%".
std::string vnPercent(double v);

}  // namespace chibo
