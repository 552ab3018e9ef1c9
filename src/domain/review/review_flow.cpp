#include "domain/review/review_flow.h"

#include <array>

namespace chibo {
namespace {
struct StageRow {
  ReviewStage stage;
  std::string_view code, name;
};
constexpr std::array<StageRow, 4> kStages{{
    {ReviewStage::open, "open", "Chưa tự đánh giá"},
    {ReviewStage::self_assessed, "self_assessed", "Đã tự đánh giá"},
    {ReviewStage::cell_voted, "cell_voted", "Chi bộ đã biểu quyết"},
    {ReviewStage::decided, "decided", "Cấp ủy đã quyết định"},
}};
struct StepRow {
  ReviewStep step;
  std::string_view code, name;
};
constexpr std::array<StepRow, 4> kSteps{{
    {ReviewStep::self_assess, "self_assess", "Tự đánh giá, tự xếp loại"},
    {ReviewStep::cell_vote, "cell_vote", "Chi bộ biểu quyết mức xếp loại"},
    {ReviewStep::decide, "decide", "Cấp ủy quyết định xếp loại"},
    {ReviewStep::appeal, "appeal", "Xem xét lại theo kiến nghị"},
}};
}  // namespace

std::string_view toCode(ReviewStage s) { return kStages[size_t(s)].code; }
std::string_view stageName(ReviewStage s) { return kStages[size_t(s)].name; }
std::optional<ReviewStage> reviewStageFromCode(std::string_view c) {
  for (const auto& r : kStages)
    if (r.code == c) return r.stage;
  return std::nullopt;
}
std::string_view toCode(ReviewStep s) { return kSteps[size_t(s)].code; }
std::string_view stepName(ReviewStep s) { return kSteps[size_t(s)].name; }
std::optional<ReviewStep> reviewStepFromCode(std::string_view c) {
  for (const auto& r : kSteps)
    if (r.code == c) return r.step;
  return std::nullopt;
}

StepOutcome applyStep(ReviewStage stage, ReviewStep step) {
  switch (step) {
    case ReviewStep::self_assess:
      // The member may correct their assessment until the cell has voted.
      if (stage == ReviewStage::open || stage == ReviewStage::self_assessed) return {ReviewStage::self_assessed, ""};
      return {std::nullopt, "Chi bộ đã biểu quyết, không sửa được bản tự đánh giá."};
    case ReviewStep::cell_vote:
      if (stage == ReviewStage::self_assessed || stage == ReviewStage::cell_voted) return {ReviewStage::cell_voted, ""};
      if (stage == ReviewStage::open) return {std::nullopt, "Đảng viên chưa tự đánh giá, chi bộ chưa biểu quyết được."};
      return {std::nullopt, "Cấp ủy đã quyết định xếp loại."};
    case ReviewStep::decide:
      if (stage == ReviewStage::cell_voted) return {ReviewStage::decided, ""};
      if (stage == ReviewStage::decided)
        return {std::nullopt, "Cấp ủy đã quyết định; muốn thay đổi phải xem xét lại theo kiến nghị."};
      return {std::nullopt, "Chi bộ chưa biểu quyết mức xếp loại."};
    case ReviewStep::appeal:
      if (stage == ReviewStage::decided) return {ReviewStage::decided, ""};
      return {std::nullopt, "Chỉ xem xét lại khi cấp ủy đã quyết định."};
  }
  return {std::nullopt, "Bước không hợp lệ."};
}

}  // namespace chibo
