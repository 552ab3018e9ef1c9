#include "domain/meeting/resolution.h"

namespace chibo {

std::optional<bool> targetMet(const Target& t) {
  if (t.achieved) return *t.achieved;
  if (t.target_value && t.actual_value) return *t.actual_value >= *t.target_value;
  return std::nullopt;
}

TargetTally tallyTargets(const std::vector<Target>& targets) {
  TargetTally t;
  t.total = static_cast<int>(targets.size());
  for (const auto& x : targets) {
    auto met = targetMet(x);
    if (!met) continue;
    ++t.evaluated;
    if (*met) ++t.met;
  }
  t.met_percent = t.evaluated > 0 ? 100.0 * t.met / t.evaluated : 0.0;
  return t;
}

Status validateResolution(const Resolution& r) {
  Validator v;
  if (r.doc_type != DocType::resolution && r.doc_type != DocType::conclusion)
    v.add("doc_type", "invalid_choice", "Chỉ nhận nghị quyết hoặc kết luận.");
  if (r.title.empty()) v.add("title", "required", "Chưa có tiêu đề nghị quyết.");
  for (size_t i = 0; i < r.targets.size(); ++i)
    if (r.targets[i].description.empty())
      v.add("targets[" + std::to_string(i) + "].description", "required", "Chưa ghi nội dung chỉ tiêu.");
  if (r.vote) {
    auto st = validateVote(*r.vote);
    if (!st.ok())
      for (const auto& fe : st.error().field_errors) v.add("vote." + fe.field, fe.code, fe.message);
  }
  if (!v.ok()) return v.error();
  return okStatus();
}

}  // namespace chibo
