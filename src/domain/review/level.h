#pragma once
// The four levels of the year-end classification of a party member or a party
// organisation (QĐ 366-QĐ/TW ngày 30/8/2025, Điều 11; HD 43-HD/BTCTW ngày
// 31/10/2025), best first, so comparisons read "at least good".
#include <optional>
#include <string_view>

namespace chibo {

enum class ReviewLevel {
  excellent,  // hoàn thành xuất sắc nhiệm vụ
  good,       // hoàn thành tốt nhiệm vụ
  done,       // hoàn thành nhiệm vụ
  not_done,   // không hoàn thành nhiệm vụ
};

std::string_view toCode(ReviewLevel);  // "excellent", "good", "done", "not_done"
std::optional<ReviewLevel> reviewLevelFromCode(std::string_view);
std::string_view levelName(ReviewLevel);   // "Hoàn thành xuất sắc nhiệm vụ"
std::string_view levelShort(ReviewLevel);  // "HTXSNV"

inline bool atLeast(ReviewLevel l, ReviewLevel floor) { return int(l) <= int(floor); }

}  // namespace chibo
