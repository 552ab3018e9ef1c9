#include "domain/review/classification.h"

namespace chibo {
namespace {

std::string quoted(ReviewLevel l) { return "\"" + std::string(levelName(l)) + "\""; }

// The points problem, if `points` is outside the band of `level`.
std::optional<std::string> bandProblem(ReviewLevel level, int points, const ReviewRules& r) {
  if (levelForPoints(points, r) == level) return std::nullopt;
  const int ex = r.excellent_min_points.value, good = r.good_min_points.value, done = r.done_min_points.value;
  std::string band;
  switch (level) {
    case ReviewLevel::excellent: band = "từ " + std::to_string(ex) + " điểm"; break;
    case ReviewLevel::good: band = "từ " + std::to_string(good) + " đến dưới " + std::to_string(ex) + " điểm"; break;
    case ReviewLevel::done: band = "từ " + std::to_string(done) + " đến dưới " + std::to_string(good) + " điểm"; break;
    case ReviewLevel::not_done: band = "dưới " + std::to_string(done) + " điểm"; break;
  }
  return "Mức " + quoted(level) + " cần " + band + ", đã chấm " + std::to_string(points) + " điểm.";
}

}  // namespace

ReviewLevel levelForPoints(int points, const ReviewRules& r) {
  if (points >= r.excellent_min_points.value) return ReviewLevel::excellent;
  if (points >= r.good_min_points.value) return ReviewLevel::good;
  if (points >= r.done_min_points.value) return ReviewLevel::done;
  return ReviewLevel::not_done;
}

std::vector<std::string> memberLevelProblems(ReviewLevel level, int points, const YearEvidence& e,
                                             const ReviewRules& r) {
  std::vector<std::string> out;
  if (auto p = bandProblem(level, points, r)) out.push_back(*p);
  const bool needs_on_time = (level == ReviewLevel::excellent && r.excellent_needs_all_tasks_on_time.value) ||
                             (level == ReviewLevel::good && r.good_needs_all_tasks_on_time.value);
  if (needs_on_time && !e.allTasksOnTime()) {
    out.push_back("Mức " + quoted(level) + " cần hoàn thành 100% nhiệm vụ đúng hạn; trong năm có " +
                  std::to_string(e.tasks_done_late + e.tasks_overdue) + " nhiệm vụ chậm hoặc quá hạn.");
  }
  return out;
}

std::vector<std::string> collectiveLevelProblems(ReviewLevel level, int points, const CollectiveFacts& f,
                                                 const ReviewRules& r) {
  std::vector<std::string> out;
  if (auto p = bandProblem(level, points, r)) out.push_back(*p);
  const bool needs_on_time = (level == ReviewLevel::excellent && r.excellent_needs_all_tasks_on_time.value) ||
                             (level == ReviewLevel::good && r.good_needs_all_tasks_on_time.value);
  if (needs_on_time && (f.tasks_done < f.tasks_total || f.tasks_late > 0))
    out.push_back("Mức " + quoted(level) + " cần hoàn thành 100% nhiệm vụ đúng hạn; đã hoàn thành " +
                  std::to_string(f.tasks_done) + "/" + std::to_string(f.tasks_total) + ", chậm " +
                  std::to_string(f.tasks_late) + ".");
  if (level == ReviewLevel::done) {
    const int max_late = r.collective_done_max_late_percent.value;
    if (f.tasks_done < f.tasks_total)
      out.push_back("Mức " + quoted(level) + " cần hoàn thành 100% nhiệm vụ; đã hoàn thành " +
                    std::to_string(f.tasks_done) + "/" + std::to_string(f.tasks_total) + ".");
    else if (f.tasks_late * 100 > max_late * f.tasks_total)
      out.push_back("Mức " + quoted(level) + " cho phép chậm không quá " + std::to_string(max_late) +
                    "% nhiệm vụ; chậm " + std::to_string(f.tasks_late) + "/" + std::to_string(f.tasks_total) + ".");
  }
  if (level == ReviewLevel::excellent && r.collective_excellent_no_failing_member.value && f.members_not_done > 0)
    out.push_back("Mức " + quoted(level) + " cần không có đảng viên không hoàn thành nhiệm vụ; có " +
                  std::to_string(f.members_not_done) + " đảng viên.");
  return out;
}

QuotaCheck checkExcellentQuota(int excellent, int good, int classified, const ReviewRules& r) {
  QuotaCheck q;
  const int pct = r.excellent_quota_percent.value;
  if (pct <= 0) {
    q.allowed = excellent;
    return q;
  }
  const bool of_good = r.quota_basis.value == QuotaBasis::good;
  const int basis = of_good ? good : classified;
  q.allowed = basis * pct / 100;  // floor: "không vượt quá"
  q.within = excellent <= q.allowed;
  if (!q.within)
    q.message = "Số đảng viên hoàn thành xuất sắc nhiệm vụ (" + std::to_string(excellent) + ") vượt quá " +
                std::to_string(pct) + "% số " +
                (of_good ? std::string("đảng viên hoàn thành tốt nhiệm vụ") : std::string("đảng viên được xếp loại")) +
                " (" + std::to_string(basis) + "): tối đa " + std::to_string(q.allowed) + " đồng chí.";
  return q;
}

}  // namespace chibo
