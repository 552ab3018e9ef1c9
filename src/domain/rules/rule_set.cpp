#include "domain/rules/rule_set.h"

#include <algorithm>
#include <array>
#include <set>

#include "domain/meeting/enum_table.h"
#include "domain/meeting/preparation.h"
#include "domain/org.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<CriterionKind>, 2> kKinds{{
    {CriterionKind::objective, "objective", "Tính từ hồ sơ"},
    {CriterionKind::judgement, "judgement", "Do người đánh giá chấm"},
}};
constexpr std::array<EnumRow<Measure>, 8> kMeasures{{
    {Measure::none, "none", "Không"},
    {Measure::duration, "duration", "Thời lượng sinh hoạt"},
    {Measure::attendance, "attendance", "Tỷ lệ đảng viên dự họp"},
    {Measure::speakers, "speakers", "Tỷ lệ đảng viên phát biểu"},
    {Measure::preparation, "preparation", "Công tác chuẩn bị"},
    {Measure::previous_tasks, "previous_tasks", "Đánh giá nhiệm vụ kỳ trước"},
    {Measure::resolution_targets, "resolution_targets", "Kết quả thực hiện chỉ tiêu nghị quyết"},
    {Measure::minutes_complete, "minutes_complete", "Biên bản đầy đủ"},
}};
constexpr std::array<EnumRow<Scoring>, 2> kScorings{{
    {Scoring::bands, "bands", "Theo mức"},
    {Scoring::proportional, "proportional", "Theo tỷ lệ"},
}};

const std::array<FieldSpec<int>, 14> kIntFields{{
    {"min_duration_minutes", &RuleSet::min_duration_minutes, &RuleOverride::min_duration_minutes, 0, 600},
    {"min_duration_combined_minutes", &RuleSet::min_duration_combined_minutes,
     &RuleOverride::min_duration_combined_minutes, 0, 600},
    {"large_cell_members", &RuleSet::large_cell_members, &RuleOverride::large_cell_members, 0, 100000},
    {"min_duration_large_cell_minutes", &RuleSet::min_duration_large_cell_minutes,
     &RuleOverride::min_duration_large_cell_minutes, 0, 600},
    {"max_consecutive_excused", &RuleSet::max_consecutive_excused, &RuleOverride::max_consecutive_excused, 1, 12},
    {"removal_warn_months", &RuleSet::removal_warn_months, &RuleOverride::removal_warn_months, 1, 12},
    {"removal_months", &RuleSet::removal_months, &RuleOverride::removal_months, 1, 12},
    {"probation_months", &RuleSet::probation_months, &RuleOverride::probation_months, 1, 60},
    {"probation_review_working_days", &RuleSet::probation_review_working_days,
     &RuleOverride::probation_review_working_days, 0, 365},
    {"probation_notice_days", &RuleSet::probation_notice_days, &RuleOverride::probation_notice_days, 0, 365},
    {"documents_days_before", &RuleSet::documents_days_before, &RuleOverride::documents_days_before, 0, 30},
    {"monthly_meeting_due_day", &RuleSet::monthly_meeting_due_day, &RuleOverride::monthly_meeting_due_day, 1, 31},
    {"thematic_per_quarter", &RuleSet::thematic_per_quarter, &RuleOverride::thematic_per_quarter, 0, 3},
    {"probationary_votes", &RuleSet::probationary_votes, &RuleOverride::probationary_votes, 0, 1},
}};  // keep in step with RuleSet: a field missing here is never loaded, merged or checked
const std::array<FieldSpec<double>, 4> kDoubleFields{{
    {"attendance_threshold_percent", &RuleSet::attendance_threshold_percent,
     &RuleOverride::attendance_threshold_percent, 0, 100},
    {"grade_good", &RuleSet::grade_good, &RuleOverride::grade_good, 0, 100},
    {"grade_fair", &RuleSet::grade_fair, &RuleOverride::grade_fair, 0, 100},
    {"grade_average", &RuleSet::grade_average, &RuleOverride::grade_average, 0, 100},
}};

std::string idx(std::string_view base, size_t i) { return std::string(base) + "[" + std::to_string(i) + "]"; }

void checkBands(Validator& v, const std::vector<Band>& bands, const Criterion& c, const std::string& path) {
  auto inputs = measureInputs(c.measure);
  for (size_t j = 0; j < bands.size(); ++j) {
    const Band& b = bands[j];
    std::string p = idx(path, j);
    if (!b.input.empty() && std::find(inputs.begin(), inputs.end(), b.input) == inputs.end())
      v.add(p + ".input", "unknown_input", "Tiêu chí " + c.code + " không có số liệu \"" + b.input + "\".");
    if (b.points < 0 || b.points > c.max_points)
      v.add(p + ".points", "out_of_range", "Điểm của mức phải từ 0 đến điểm tối đa của tiêu chí.");
  }
}

void checkRubric(Validator& v, const Rubric& r) {
  if (r.id.empty()) v.add("rubric.id", "required", "Thang điểm phải có mã.");
  if (r.criteria.empty()) v.add("rubric.criteria", "required", "Thang điểm phải có ít nhất một tiêu chí.");
  std::set<std::string> codes;
  for (size_t i = 0; i < r.criteria.size(); ++i) {
    const Criterion& c = r.criteria[i];
    std::string p = idx("rubric.criteria", i);
    if (c.code.empty()) v.add(p + ".code", "required", "Tiêu chí phải có mã.");
    else if (!codes.insert(c.code).second) v.add(p + ".code", "duplicate", "Mã tiêu chí bị trùng: " + c.code + ".");
    if (c.name.empty()) v.add(p + ".name", "required", "Tiêu chí phải có tên.");
    if (c.max_points <= 0) v.add(p + ".max", "out_of_range", "Điểm tối đa phải lớn hơn 0.");
    if (c.kind == CriterionKind::judgement) {
      if (!c.bands.empty() || !c.bonuses.empty())
        v.add(p + ".bands", "not_allowed", "Tiêu chí do người đánh giá chấm không có mức tính tự động.");
      continue;
    }
    if (c.measure == Measure::none) v.add(p + ".measure", "required", "Tiêu chí tính tự động phải chọn số liệu đo.");
    if (c.scoring == Scoring::bands && c.bands.empty())
      v.add(p + ".bands", "required", "Tiêu chí chấm theo mức phải có ít nhất một mức.");
    if (!c.items.empty() && c.measure != Measure::preparation)
      v.add(p + ".items", "not_allowed", "Chỉ tiêu chí chuẩn bị mới có danh mục việc chuẩn bị.");
    checkBands(v, c.bands, c, p + ".bands");
    checkBands(v, c.bonuses, c, p + ".bonuses");
  }
}

template <typename T>
void checkBounds(Validator& v, const FieldSpec<T>& f, const Cited<T>& c) {
  if (c.value < f.min || c.value > f.max)
    v.add("thresholds." + std::string(f.name), "out_of_range", "Giá trị nằm ngoài khoảng cho phép.");
}

void checkHeader(Validator& v, const std::string& id, const std::string& name, int version, Date from,
                 const std::optional<Date>& to) {
  if (id.empty()) v.add("id", "required", "Bộ quy tắc phải có mã.");
  if (name.empty()) v.add("name", "required", "Bộ quy tắc phải có tên.");
  if (version < 1) v.add("version", "out_of_range", "Phiên bản phải từ 1 trở lên.");
  if (to && *to < from) v.add("effective_to", "before_start", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
}

void checkCrossFields(Validator& v, const RuleSet& rs) {
  if (!(rs.grade_good.value > rs.grade_fair.value && rs.grade_fair.value > rs.grade_average.value))
    v.add("thresholds.grade_fair", "out_of_order", "Ngưỡng xếp loại phải giảm dần: Tốt > Khá > Trung bình.");
  if (rs.removal_warn_months.value >= rs.removal_months.value)
    v.add("thresholds.removal_warn_months", "out_of_order", "Mức cảnh báo phải nhỏ hơn mức đề nghị xóa tên.");
}
}  // namespace

std::span<const FieldSpec<int>> intFieldSpecs() { return kIntFields; }
std::span<const FieldSpec<double>> doubleFieldSpecs() { return kDoubleFields; }

std::string_view toCode(CriterionKind k) { return detail::enumCode(kKinds, k); }
std::string_view toCode(Measure m) { return detail::enumCode(kMeasures, m); }
std::string_view toCode(Scoring s) { return detail::enumCode(kScorings, s); }
std::optional<CriterionKind> criterionKindFromCode(std::string_view c) { return detail::enumFromCode(kKinds, c); }
std::optional<Measure> measureFromCode(std::string_view c) { return detail::enumFromCode(kMeasures, c); }
std::optional<Scoring> scoringFromCode(std::string_view c) { return detail::enumFromCode(kScorings, c); }
std::string_view label(CriterionKind k) { return detail::enumLabel(kKinds, k); }
std::string_view label(Measure m) { return detail::enumLabel(kMeasures, m); }
std::string_view label(Scoring s) { return detail::enumLabel(kScorings, s); }

double Rubric::maxTotal() const {
  double t = 0;
  for (const auto& c : criteria) t += c.max_points;
  return t;
}

std::vector<std::string_view> measureInputs(Measure m) {
  switch (m) {
    case Measure::none: return {};
    case Measure::duration: return {"shortfall_minutes", "duration_minutes", "required_minutes", "held_percent"};
    case Measure::attendance:
      return {"rate_percent", "expected", "present", "excused", "unexcused", "longest_excused_streak",
              "over_excused_limit", "above_threshold"};
    case Measure::speakers: return {"share_percent", "speakers", "attendees"};
    case Measure::preparation: return {"done_percent", "done", "required"};
    case Measure::previous_tasks: return {"reviewed_percent", "reviewed", "total"};
    case Measure::resolution_targets: return {"met_percent", "met", "evaluated"};
    case Measure::minutes_complete: return {"complete_percent", "checks", "failed_checks"};
  }
  return {};
}

std::string_view inputLabel(std::string_view in) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kLabels{{
      {"shortfall_minutes", "số phút thiếu so với quy định"},
      {"duration_minutes", "thời lượng (phút)"},
      {"required_minutes", "thời lượng tối thiểu (phút)"},
      {"held_percent", "tỷ lệ thời lượng đạt được (%)"},
      {"rate_percent", "tỷ lệ dự họp (%)"},
      {"expected", "số đảng viên phải dự"},
      {"present", "số đảng viên có mặt"},
      {"excused", "số vắng có lý do"},
      {"unexcused", "số vắng không lý do"},
      {"longest_excused_streak", "số lần vắng có lý do liên tiếp nhiều nhất"},
      {"over_excused_limit", "có đảng viên vắng có lý do quá số lần liên tiếp cho phép"},
      {"above_threshold", "tỷ lệ dự họp vượt ngưỡng"},
      {"share_percent", "tỷ lệ đảng viên phát biểu (%)"},
      {"speakers", "số đảng viên phát biểu"},
      {"attendees", "số đảng viên dự họp"},
      {"done_percent", "tỷ lệ việc chuẩn bị đạt (%)"},
      {"done", "số việc chuẩn bị đạt"},
      {"required", "số việc chuẩn bị phải làm"},
      {"reviewed_percent", "tỷ lệ nhiệm vụ kỳ trước được đánh giá (%)"},
      {"reviewed", "số nhiệm vụ đã đánh giá"},
      {"total", "tổng số nhiệm vụ"},
      {"met_percent", "tỷ lệ chỉ tiêu đạt (%)"},
      {"met", "số chỉ tiêu đạt"},
      {"evaluated", "số chỉ tiêu đã đánh giá"},
      {"complete_percent", "tỷ lệ mục biên bản đầy đủ (%)"},
      {"failed_checks", "số mục biên bản còn thiếu"},
      {"checks", "số mục biên bản phải có"},
  }};
  for (auto [k, l] : kLabels)
    if (k == in) return l;
  // The preparation measure names each checklist item it looked at.
  if (auto item = prepItemFromCode(in)) return label(*item);
  return in;
}

bool bandMatches(const Band& b, double x) {
  if (b.at_least && !(x >= *b.at_least)) return false;
  if (b.above && !(x > *b.above)) return false;
  if (b.at_most && !(x <= *b.at_most)) return false;
  if (b.below && !(x < *b.below)) return false;
  return true;
}

Status validateRuleSet(const RuleSet& rs) {
  Validator v;
  checkHeader(v, rs.id, rs.name, rs.version, rs.effective_from, rs.effective_to);
  for (const auto& f : intFieldSpecs()) checkBounds(v, f, rs.*f.in_set);
  for (const auto& f : doubleFieldSpecs()) checkBounds(v, f, rs.*f.in_set);
  checkCrossFields(v, rs);
  checkRubric(v, rs.rubric);
  if (!v.ok()) return v.error();
  return okStatus();
}

Status validateOverride(const RuleOverride& ov) {
  Validator v;
  checkHeader(v, ov.id, ov.name, ov.version, ov.effective_from, ov.effective_to);
  for (const auto& f : intFieldSpecs())
    if (const auto& c = ov.*f.in_override) checkBounds(v, f, *c);
  for (const auto& f : doubleFieldSpecs())
    if (const auto& c = ov.*f.in_override) checkBounds(v, f, *c);
  if (ov.rubric) checkRubric(v, *ov.rubric);
  if (!v.ok()) return v.error();
  return okStatus();
}

Result<RuleSet> completeRuleSet(const RuleOverride& ov) {
  Validator v;
  RuleSet rs;
  rs.id = ov.id;
  rs.name = ov.name;
  rs.version = ov.version;
  rs.issuer_document = ov.issuer_document;
  rs.effective_from = ov.effective_from;
  rs.effective_to = ov.effective_to;
  rs.applied = {ov.id};
  auto take = [&](const auto& f) {
    if (const auto& c = ov.*f.in_override)
      rs.*f.in_set = *c;
    else
      v.add("thresholds." + std::string(f.name), "required", "Bộ quy tắc trung ương phải có giá trị này.");
  };
  for (const auto& f : intFieldSpecs()) take(f);
  for (const auto& f : doubleFieldSpecs()) take(f);
  if (ov.rubric)
    rs.rubric = *ov.rubric;
  else
    v.add("rubric", "required", "Bộ quy tắc trung ương phải có thang điểm.");
  if (!v.ok()) return v.error();
  if (auto st = validateRuleSet(rs); !st.ok()) return st.error();
  return rs;
}

RuleSet applyOverride(RuleSet base, const RuleOverride& ov) {
  for (const auto& f : intFieldSpecs())
    if (const auto& c = ov.*f.in_override) base.*f.in_set = *c;
  for (const auto& f : doubleFieldSpecs())
    if (const auto& c = ov.*f.in_override) base.*f.in_set = *c;
  if (ov.rubric) base.rubric = *ov.rubric;
  base.id += "+" + ov.id;
  if (!ov.name.empty()) base.name = ov.name;
  // The merged set holds only where both hold.
  base.effective_from = std::max(base.effective_from, ov.effective_from);
  if (ov.effective_to && (!base.effective_to || *ov.effective_to < *base.effective_to))
    base.effective_to = ov.effective_to;
  base.applied.push_back(ov.id);
  return base;
}

bool inEffect(Date from, const std::optional<Date>& to, Date at) { return from <= at && (!to || at <= *to); }

Result<RuleSet> resolveRuleSet(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& local,
                               std::string_view org_path, Date at) {
  return resolveRuleSet(central, {}, local, org_path, at);
}

namespace {
const RuleSet* centralInForce(const std::vector<RuleSet>& central, Date at) {
  const RuleSet* base = nullptr;
  for (const auto& rs : central) {
    if (!inEffect(rs.effective_from, rs.effective_to, at)) continue;
    if (!base || rs.effective_from > base->effective_from ||
        (rs.effective_from == base->effective_from && rs.version > base->version))
      base = &rs;
  }
  return base;
}

template <typename T>
std::optional<Date> earliestFrom(const std::vector<T>& sets) {
  std::optional<Date> d;
  for (const auto& s : sets)
    if (!d || s.effective_from < *d) d = s.effective_from;
  return d;
}

constexpr std::array<std::string_view, 6> kCharterFields{
    "removal_warn_months", "removal_months",        "probation_months", "probation_review_working_days",
    "probation_notice_days", "probationary_votes"};

bool isCharterField(std::string_view name) {
  return std::find(kCharterFields.begin(), kCharterFields.end(), name) != kCharterFields.end();
}
}  // namespace

std::span<const std::string_view> charterFieldNames() { return kCharterFields; }

Status validateCharter(const RuleOverride& ch) {
  if (auto st = validateOverride(ch); !st.ok()) return st;
  Validator v;
  for (const auto& f : intFieldSpecs()) {
    bool set = (ch.*f.in_override).has_value();
    if (isCharterField(f.name) && !set)
      v.add("thresholds." + std::string(f.name), "required", "Bộ quy tắc theo Điều lệ phải có giá trị này.");
    if (!isCharterField(f.name) && set)
      v.add("thresholds." + std::string(f.name), "not_allowed",
            "Bộ quy tắc theo Điều lệ chỉ đặt các giá trị về xóa tên, dự bị và biểu quyết.");
  }
  for (const auto& f : doubleFieldSpecs())
    if ((ch.*f.in_override).has_value())
      v.add("thresholds." + std::string(f.name), "not_allowed",
            "Bộ quy tắc theo Điều lệ chỉ đặt các giá trị về xóa tên, dự bị và biểu quyết.");
  if (ch.rubric) v.add("rubric", "not_allowed", "Bộ quy tắc theo Điều lệ không có thang điểm.");
  if (v.ok() && ch.removal_warn_months->value >= ch.removal_months->value)
    v.add("thresholds.removal_warn_months", "out_of_order", "Mức cảnh báo phải nhỏ hơn mức đề nghị xóa tên.");
  if (!v.ok()) return v.error();
  return okStatus();
}

const RuleOverride* charterInForce(const std::vector<RuleOverride>& charter, Date at) {
  const RuleOverride* best = nullptr;
  for (const auto& ch : charter) {
    if (!inEffect(ch.effective_from, ch.effective_to, at)) continue;
    if (!best || ch.effective_from > best->effective_from ||
        (ch.effective_from == best->effective_from && ch.version > best->version))
      best = &ch;
  }
  return best;
}

MemberRules memberRules(const RuleSet& rs) {
  return {rs.id,
          rs.removal_warn_months,
          rs.removal_months,
          rs.probation_months,
          rs.probation_review_working_days,
          rs.probation_notice_days,
          rs.probationary_votes};
}

MemberRules memberRules(const RuleOverride& ch) {
  return {ch.id,
          ch.removal_warn_months.value_or(Cited<int>{}),
          ch.removal_months.value_or(Cited<int>{}),
          ch.probation_months.value_or(Cited<int>{}),
          ch.probation_review_working_days.value_or(Cited<int>{}),
          ch.probation_notice_days.value_or(Cited<int>{}),
          ch.probationary_votes.value_or(Cited<int>{})};
}

Error noRuleSetError(Date at, std::optional<Date> earliest_central, std::optional<Date> earliest_charter) {
  std::string msg = "Chưa có bộ quy tắc nào có hiệu lực vào ngày " + at.vn() + ".";
  if (earliest_charter)
    msg += " Các quy định theo Điều lệ Đảng (xóa tên, dự bị, biểu quyết) áp dụng từ ngày " + earliest_charter->vn() + ".";
  if (earliest_central)
    msg += " Quy tắc sinh hoạt chi bộ (thời lượng, chuẩn bị, chấm điểm) áp dụng từ ngày " + earliest_central->vn() + ".";
  return Error{ErrorKind::not_found, "no_rule_set", msg, {}};
}

Result<MemberRules> resolveMemberRules(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& charter,
                                       const std::vector<RuleOverride>& local, std::string_view org_path, Date at) {
  auto rs = resolveRuleSet(central, charter, local, org_path, at);
  if (rs) return memberRules(*rs);
  if (const RuleOverride* ch = charterInForce(charter, at)) return memberRules(*ch);
  return noRuleSetError(at, earliestFrom(central), earliestFrom(charter));
}

Result<RuleSet> resolveRuleSet(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& charter,
                               const std::vector<RuleOverride>& local, std::string_view org_path, Date at) {
  const RuleSet* base = centralInForce(central, at);
  if (!base) return noRuleSetError(at, earliestFrom(central), earliestFrom(charter));

  std::vector<const RuleOverride*> apply;
  for (const auto& ov : local)
    if (!ov.org_path.empty() && inSubtree(org_path, ov.org_path) && inEffect(ov.effective_from, ov.effective_to, at))
      apply.push_back(&ov);
  std::stable_sort(apply.begin(), apply.end(), [](const RuleOverride* a, const RuleOverride* b) {
    if (a->org_path.size() != b->org_path.size()) return a->org_path.size() < b->org_path.size();
    if (a->effective_from != b->effective_from) return a->effective_from < b->effective_from;
    return a->version < b->version;
  });

  RuleSet out = *base;
  // The Điều lệ's own rules of the day replace the copies a central file carries.
  // The set keeps its id and name: the values say where they come from (origin).
  if (const RuleOverride* ch = charterInForce(charter, at)) {
    for (const auto& f : intFieldSpecs())
      if (const auto& c = ch->*f.in_override) out.*f.in_set = *c;
    out.applied.push_back(ch->id);
  }
  for (const auto* ov : apply) out = applyOverride(std::move(out), *ov);
  return out;
}

bool durationApplies(MeetingKind k) {
  return k == MeetingKind::regular || k == MeetingKind::thematic || k == MeetingKind::combined;
}

Cited<int> minDurationFor(const RuleSet& rs, MeetingKind kind, int members_on_roll) {
  if (!durationApplies(kind)) return {0, "Không quy định thời lượng tối thiểu cho loại cuộc họp này", rs.id};
  Cited<int> r = rs.min_duration_minutes;
  if (kind == MeetingKind::combined && rs.min_duration_combined_minutes.value > r.value)
    r = rs.min_duration_combined_minutes;
  if (rs.large_cell_members.value > 0 && members_on_roll >= rs.large_cell_members.value &&
      rs.min_duration_large_cell_minutes.value > r.value)
    r = rs.min_duration_large_cell_minutes;
  return r;
}

}  // namespace chibo
