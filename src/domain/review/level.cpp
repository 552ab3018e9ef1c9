#include "domain/review/level.h"

#include <array>

namespace chibo {
namespace {
struct Row {
  ReviewLevel level;
  std::string_view code, name, short_name;
};
constexpr std::array<Row, 4> kRows{{
    {ReviewLevel::excellent, "excellent", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"},
    {ReviewLevel::good, "good", "Hoàn thành tốt nhiệm vụ", "HTTNV"},
    {ReviewLevel::done, "done", "Hoàn thành nhiệm vụ", "HTNV"},
    {ReviewLevel::not_done, "not_done", "Không hoàn thành nhiệm vụ", "KHTNV"},
}};
const Row& row(ReviewLevel l) { return kRows[size_t(l)]; }
}  // namespace

std::string_view toCode(ReviewLevel l) { return row(l).code; }
std::string_view levelName(ReviewLevel l) { return row(l).name; }
std::string_view levelShort(ReviewLevel l) { return row(l).short_name; }

std::optional<ReviewLevel> reviewLevelFromCode(std::string_view code) {
  for (const auto& r : kRows)
    if (r.code == code) return r.level;
  return std::nullopt;
}

}  // namespace chibo
