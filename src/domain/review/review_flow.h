#pragma once
// The steps of one member's year-end review (HD 43-HD/BTCTW; the order of QĐ
// 124 kept by QĐ 366): the member assesses themself and
// proposes a level, the cell discusses and votes a level, the committee
// decides. A decision locks the review; an appeal records a new decision
// after it without erasing the earlier steps.
#include <optional>
#include <string>
#include <string_view>

namespace chibo {

enum class ReviewStage {
  open,           // chưa tự đánh giá
  self_assessed,  // đã tự đánh giá
  cell_voted,     // chi bộ đã biểu quyết
  decided,        // cấp ủy đã quyết định
};

enum class ReviewStep { self_assess, cell_vote, decide, appeal };

std::string_view toCode(ReviewStage);
std::optional<ReviewStage> reviewStageFromCode(std::string_view);
std::string_view stageName(ReviewStage);  // Vietnamese
std::string_view toCode(ReviewStep);
std::optional<ReviewStep> reviewStepFromCode(std::string_view);
std::string_view stepName(ReviewStep);  // Vietnamese, for the history and the audit log

// The stage after `step`, or a Vietnamese reason why the step cannot be taken at `stage`.
struct StepOutcome {
  std::optional<ReviewStage> next;
  std::string refusal;
};
StepOutcome applyStep(ReviewStage stage, ReviewStep step);

}  // namespace chibo
