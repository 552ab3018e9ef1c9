#pragma once
// The resolution (nghị quyết) or conclusion (kết luận) a meeting adopts, with
// its targets (chỉ tiêu). Sections follow the Cẩm Lệ monthly resolution
// (domain.md §2.6): I. assessment, II. direction, III. assignments,
// IV. self-assessment of the meeting's quality.
//
// Design notes:
// - A target is met when its actual value reaches its target value, or when a
//   person judged it met (`achieved`) for targets that are not numbers. A
//   target with neither is "not evaluated" and stays out of the percentage:
//   counting it as failed would punish the cell for missing data.
// - Tasks are separate records (task.h) linked by resolution_id: they outlive
//   the document and are reviewed at later meetings.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/meeting/numbering.h"
#include "domain/meeting/vote.h"
#include "domain/result.h"

namespace chibo {

struct Target {
  Id id = 0;
  std::string description;
  std::string unit;  // "hộ", "%", "triệu đồng"
  std::optional<double> target_value;
  std::optional<double> actual_value;
  std::optional<bool> achieved;  // a person's judgement; wins over the numbers
  std::string note;
};

struct ResolutionSections {
  std::string assessment;       // I. Đánh giá kết quả
  std::string direction;        // II. Phương hướng nhiệm vụ
  std::string assignments;      // III. Phân công và tổ chức thực hiện
  std::string self_assessment;  // IV. Tự đánh giá chất lượng kỳ sinh hoạt
};

struct Resolution {
  Id id = 0;
  Id meeting_id = 0;
  Id org_id = 0;
  DocType doc_type = DocType::resolution;  // resolution or conclusion
  std::optional<int> number;               // issued when the minutes are locked
  std::string symbol;                      // "NQ/CB"
  std::optional<Date> issued_on;
  std::string title;                       // "Lãnh đạo thực hiện nhiệm vụ tháng 3 năm 2026"
  ResolutionSections sections;
  std::vector<Target> targets;
  std::optional<Vote> vote;
  int version = 1;
};

// Met, not met, or not evaluated (nullopt), per the note above.
std::optional<bool> targetMet(const Target&);

struct TargetTally {
  int total = 0;          // all targets
  int evaluated = 0;      // met or not met
  int met = 0;
  double met_percent = 0; // met / evaluated * 100; 0 when none evaluated
};
TargetTally tallyTargets(const std::vector<Target>&);

// Field errors: doc_type "invalid_choice" unless resolution or conclusion;
// title "required"; targets[i].description "required"; vote.* from validateVote.
Status validateResolution(const Resolution&);

}  // namespace chibo
