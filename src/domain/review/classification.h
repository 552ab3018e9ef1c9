#pragma once
// Checking a proposed or decided level against the rules: the points must lie
// in the level's band, and the level's conditions must hold on the record
// (QĐ 366-QĐ/TW Điều 11). The committee decides; these checks
// say, in Vietnamese, why a level cannot be given, and the quota check says
// when a round gives "xuất sắc" to more people than the rules allow.
#include <optional>
#include <string>
#include <vector>

#include "domain/review/evidence.h"
#include "domain/review/level.h"
#include "domain/review/review_rules.h"

namespace chibo {

// The level whose band holds `points` (0..100).
ReviewLevel levelForPoints(int points, const ReviewRules& r);

// Why a member may not be given `level` with `points` on this record; empty when they may.
std::vector<std::string> memberLevelProblems(ReviewLevel level, int points, const YearEvidence& e,
                                             const ReviewRules& r);

// What an organisation's (a cell's) level rests on besides its points.
struct CollectiveFacts {
  int tasks_total = 0;     // tasks its meetings assigned in the year (dropped ones not counted)
  int tasks_done = 0;
  int tasks_late = 0;      // done late, or overdue at the year's end
  int members_not_done = 0;  // members classified "không hoàn thành nhiệm vụ"
};
std::vector<std::string> collectiveLevelProblems(ReviewLevel level, int points, const CollectiveFacts& f,
                                                 const ReviewRules& r);

struct QuotaCheck {
  bool within = true;
  int allowed = 0;  // the most "xuất sắc" the basis allows (floor)
  std::string message;  // Vietnamese, when not within
};
// `excellent`, `good` and `classified` count the round's decided levels
// (classified: every level). No quota (0 %) is always within.
QuotaCheck checkExcellentQuota(int excellent, int good, int classified, const ReviewRules& r);

}  // namespace chibo
