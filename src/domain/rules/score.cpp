#include "domain/rules/score.h"

#include <algorithm>
#include <cmath>

#include "domain/meeting/enum_table.h"
#include "domain/meeting/vn_format.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<Grade>, 4> kGrades{{
    {Grade::good, "good", "Tốt"},
    {Grade::fair, "fair", "Khá"},
    {Grade::average, "average", "Trung bình"},
    {Grade::poor, "poor", "Kém"},
}};

std::string num(double v) { return vnNumber(v); }
std::string pts(double v) { return vnNumber(v, 2); }  // points: 3,75 must not show as 3,8
double round2(double v) { return std::round(v * 100.0) / 100.0; }
double clampTo(double v, double max) { return std::clamp(v, 0.0, max); }
double pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

// What a measure found: the values bands test, what is shown, and a sentence.
struct Measured {
  bool has_data = true;
  std::string no_data_reason;
  std::map<std::string, double> values;
  std::vector<std::pair<std::string, std::string>> shown;
  std::string summary;
  std::string threshold_source;

  void set(const std::string& name, double v) {
    values[name] = v;
    shown.emplace_back(name, num(v));
  }
};

Measured measureDuration(const RuleSet& rs, const MeetingFacts& f) {
  Measured m;
  Cited<int> req = minDurationFor(rs, f.kind, f.members_on_roll);
  m.threshold_source = "thời lượng tối thiểu " + std::to_string(req.value) + " phút: " + req.source;
  if (!f.duration_minutes) {
    m.has_data = false;
    m.no_data_reason = "Chưa ghi giờ bắt đầu và kết thúc nên chưa tính được thời lượng.";
    return m;
  }
  int d = *f.duration_minutes;
  int shortfall = req.value > 0 ? std::max(0, req.value - d) : 0;
  m.set("shortfall_minutes", shortfall);
  m.set("duration_minutes", d);
  m.set("required_minutes", req.value);
  m.set("held_percent", req.value > 0 ? pct(d, req.value) : 100.0);
  if (req.value == 0)
    m.summary = "Họp " + std::to_string(d) + " phút; không quy định thời lượng tối thiểu.";
  else
    m.summary = "Họp " + std::to_string(d) + " phút, quy định tối thiểu " + std::to_string(req.value) + " phút" +
                (shortfall > 0 ? " (thiếu " + std::to_string(shortfall) + " phút)." : " (đủ thời lượng).");
  return m;
}

Measured measureAttendance(const RuleSet& rs, const MeetingFacts& f) {
  Measured m;
  const auto& a = f.attendance;
  int limit = rs.max_consecutive_excused.value;
  double threshold = rs.attendance_threshold_percent.value;
  m.threshold_source = "ngưỡng dự họp trên " + num(threshold) + "%: " + rs.attendance_threshold_percent.source +
                       "; vắng có lý do không quá " + std::to_string(limit) +
                       " lần liên tiếp: " + rs.max_consecutive_excused.source;
  if (a.expected == 0) {
    m.has_data = false;
    m.no_data_reason = "Không có đảng viên nào thuộc diện phải dự họp.";
    return m;
  }
  bool over = f.longest_excused_streak > limit;
  m.set("rate_percent", a.rate_percent);
  m.set("expected", a.expected);
  m.set("present", a.present);
  m.set("excused", a.excused);
  m.set("unexcused", a.unexcused);
  m.set("longest_excused_streak", f.longest_excused_streak);
  m.set("over_excused_limit", over ? 1 : 0);
  m.set("above_threshold", a.rate_percent > threshold ? 1 : 0);
  m.summary = "Có mặt " + std::to_string(a.present) + "/" + std::to_string(a.expected) + " đồng chí (" +
              vnPercent(a.rate_percent) + "), vắng có lý do " + std::to_string(a.excused) + ", vắng không lý do " +
              std::to_string(a.unexcused) + ".";
  if (over)
    m.summary += " Có đảng viên vắng có lý do " + std::to_string(f.longest_excused_streak) +
                 " lần liên tiếp trong năm (quá " + std::to_string(limit) + " lần).";
  return m;
}

Measured measureSpeakers(const MeetingFacts& f) {
  Measured m;
  int attendees = f.attendance.present;
  if (attendees == 0) {
    m.has_data = false;
    m.no_data_reason = "Chưa có đảng viên nào được ghi có mặt.";
    return m;
  }
  int speakers = std::min(f.distinct_speakers, attendees);
  m.set("share_percent", pct(speakers, attendees));
  m.set("speakers", speakers);
  m.set("attendees", attendees);
  m.summary = std::to_string(speakers) + "/" + std::to_string(attendees) + " đồng chí dự họp phát biểu (" +
              vnPercent(pct(speakers, attendees)) + ").";
  return m;
}

Measured measurePreparation(const RuleSet& rs, const Criterion& c, const MeetingFacts& f) {
  Measured m;
  m.threshold_source = "đăng tài liệu trước ít nhất " + std::to_string(rs.documents_days_before.value) +
                       " ngày: " + rs.documents_days_before.source;
  if (f.from_paper_book) {
    // The paper minutes book records the meeting, not when it was prepared.
    m.has_data = false;
    m.no_data_reason =
        "Cuộc họp nhập lại từ sổ biên bản giấy: sổ không ghi việc chuẩn bị, người đánh giá chấm tiêu chí này.";
    return m;
  }
  auto rep = evaluatePreparation(f.preparation, f.planned_start, rs.documents_days_before.value);
  std::vector<PrepItem> items = c.items;
  if (items.empty())
    for (const auto& r : rep.items) items.push_back(r.item);
  int done = 0;
  std::string missing;
  for (PrepItem it : items) {
    const PrepItemResult* r = rep.find(it);
    if (r && r->satisfied) {
      ++done;
    } else {
      missing += (missing.empty() ? "" : "; ") + std::string(label(it));
    }
  }
  int required = static_cast<int>(items.size());
  m.set("done_percent", pct(done, required));
  m.set("done", done);
  m.set("required", required);
  for (PrepItem it : items) {
    const PrepItemResult* r = rep.find(it);
    m.shown.emplace_back(std::string(toCode(it)), r && r->satisfied ? "có" : "không");
  }
  m.summary = "Đạt " + std::to_string(done) + "/" + std::to_string(required) + " việc chuẩn bị" +
              (missing.empty() ? "." : "; còn thiếu: " + missing + ".");
  return m;
}

Measured measureRatio(const char* pct_name, const char* part_name, const char* whole_name, int part, int whole,
                      const std::string& summary, const std::string& no_data) {
  Measured m;
  if (whole <= 0) {
    m.has_data = false;
    m.no_data_reason = no_data;
    return m;
  }
  m.set(pct_name, pct(part, whole));
  m.set(part_name, part);
  m.set(whole_name, whole);
  m.summary = summary;
  return m;
}

Measured measureMinutes(const MeetingFacts& f) {
  Measured m;
  if (f.completeness_checks <= 0) {
    m.has_data = false;
    m.no_data_reason = "Chưa kiểm tra độ đầy đủ của biên bản.";
    return m;
  }
  int ok = f.completeness_checks - f.completeness_failed;
  m.set("complete_percent", pct(ok, f.completeness_checks));
  m.set("checks", f.completeness_checks);
  m.set("failed_checks", f.completeness_failed);
  m.summary = "Biên bản đủ " + std::to_string(ok) + "/" + std::to_string(f.completeness_checks) + " mục.";
  return m;
}

Measured measure(const RuleSet& rs, const Criterion& c, const MeetingFacts& f) {
  switch (c.measure) {
    case Measure::duration: return measureDuration(rs, f);
    case Measure::attendance: return measureAttendance(rs, f);
    case Measure::speakers: return measureSpeakers(f);
    case Measure::preparation: return measurePreparation(rs, c, f);
    case Measure::previous_tasks:
      return measureRatio("reviewed_percent", "reviewed", "total", f.previous_tasks_reviewed, f.previous_tasks_total,
                          "Đã đánh giá " + std::to_string(f.previous_tasks_reviewed) + "/" +
                              std::to_string(f.previous_tasks_total) + " nhiệm vụ kỳ trước.",
                          "Kỳ trước không có nhiệm vụ nào cần đánh giá.");
    case Measure::resolution_targets:
      return measureRatio("met_percent", "met", "evaluated", f.targets_met, f.targets_evaluated,
                          "Đạt " + std::to_string(f.targets_met) + "/" + std::to_string(f.targets_evaluated) +
                              " chỉ tiêu (" + vnPercent(pct(f.targets_met, f.targets_evaluated)) + ").",
                          "Chưa có chỉ tiêu nào của nghị quyết kỳ trước được đánh giá.");
    case Measure::minutes_complete: return measureMinutes(f);
    case Measure::none: break;
  }
  Measured m;
  m.has_data = false;
  m.no_data_reason = "Tiêu chí không có số liệu đo.";
  return m;
}

std::string describe(const Band& b, std::string_view primary) {
  if (!b.label.empty()) return b.label;
  std::string in(inputLabel(b.input.empty() ? primary : std::string_view(b.input)));
  std::vector<std::string> parts;
  if (b.at_least) parts.push_back("≥ " + num(*b.at_least));
  if (b.above) parts.push_back("> " + num(*b.above));
  if (b.at_most) parts.push_back("≤ " + num(*b.at_most));
  if (b.below) parts.push_back("< " + num(*b.below));
  if (parts.empty()) return "các trường hợp còn lại";
  std::string out = in + " " + parts[0];
  for (size_t i = 1; i < parts.size(); ++i) out += " và " + parts[i];
  return out;
}

double valueFor(const Measured& m, const Band& b, std::string_view primary) {
  auto it = m.values.find(b.input.empty() ? std::string(primary) : b.input);
  return it == m.values.end() ? 0.0 : it->second;
}

void scoreObjective(const Criterion& c, const Measured& m, CriterionScore& cs) {
  std::string primary(measureInputs(c.measure).front());
  double total = 0;
  std::string why = m.summary;
  if (c.scoring == Scoring::proportional) {
    double p = m.values.at(primary);
    total = c.max_points * p / 100.0;
    why += " Tính theo tỷ lệ: " + num(c.max_points) + " × " + vnPercent(p) + " = " + pts(round2(total)) + " điểm.";
  } else {
    const Band* hit = nullptr;
    for (const auto& b : c.bands)
      if (bandMatches(b, valueFor(m, b, primary))) {
        hit = &b;
        break;
      }
    if (hit) {
      total = hit->points;
      why += " Mức: " + describe(*hit, primary) + " → " + pts(total) + " điểm.";
    } else {
      why += " Không đạt mức nào → 0 điểm.";
    }
  }
  for (const auto& b : c.bonuses)
    if (bandMatches(b, valueFor(m, b, primary))) {
      total += b.points;
      why += " Cộng " + pts(b.points) + " điểm: " + describe(b, primary) + ".";
    }
  if (total > c.max_points) why += " Tối đa " + pts(c.max_points) + " điểm.";
  cs.points = round2(clampTo(total, c.max_points));
  cs.explanation = why;
}
}  // namespace

std::string_view toCode(Grade g) { return detail::enumCode(kGrades, g); }
std::optional<Grade> gradeFromCode(std::string_view c) { return detail::enumFromCode(kGrades, c); }
std::string_view label(Grade g) { return detail::enumLabel(kGrades, g); }

Grade gradeFor(const RuleSet& rs, double total) {
  if (total >= rs.grade_good.value) return Grade::good;
  if (total >= rs.grade_fair.value) return Grade::fair;
  if (total >= rs.grade_average.value) return Grade::average;
  return Grade::poor;
}

Status validateJudgements(const RuleSet& rs, const JudgementInputs& in) {
  Validator v;
  for (const auto& [code, value] : in.points) {
    auto it = std::find_if(rs.rubric.criteria.begin(), rs.rubric.criteria.end(),
                           [&, &code = code](const Criterion& c) { return c.code == code; });
    if (it == rs.rubric.criteria.end())
      v.add("points." + code, "unknown_criterion", "Thang điểm không có tiêu chí này.");
    else if (value < 0 || value > it->max_points)
      v.add("points." + code, "out_of_range", "Điểm phải từ 0 đến " + pts(it->max_points) + ".");
  }
  if (!v.ok()) return v.error();
  return okStatus();
}

Score scoreMeeting(const RuleSet& rs, const MeetingFacts& f, const JudgementInputs& in) {
  Score s;
  s.rule_set_id = rs.id;
  s.rubric_id = rs.rubric.id;
  s.grade_source = rs.grade_good.source;
  for (const auto& c : rs.rubric.criteria) {
    CriterionScore cs;
    cs.code = c.code;
    cs.name = c.name;
    cs.kind = c.kind;
    cs.max = c.max_points;
    cs.rule_set_id = c.origin;
    cs.source = c.source;
    auto entered = in.points.find(c.code);
    bool has_entry = entered != in.points.end();
    std::string entry_text = has_entry ? pts(clampTo(entered->second, c.max_points)) + "/" + pts(c.max_points) : "";

    if (c.kind == CriterionKind::judgement) {
      if (has_entry) {
        cs.points = round2(clampTo(entered->second, c.max_points));
        cs.explanation = "Điểm do người đánh giá chấm: " + entry_text + ".";
      } else {
        cs.pending = true;
        cs.explanation = "Chưa chấm: tiêu chí này do người đánh giá chấm.";
      }
    } else {
      Measured m = measure(rs, c, f);
      cs.inputs = m.shown;
      if (!m.threshold_source.empty()) cs.source += "; " + m.threshold_source;
      if (!m.has_data) {
        if (has_entry) {
          cs.points = round2(clampTo(entered->second, c.max_points));
          cs.explanation = m.no_data_reason + " Điểm do người đánh giá nhập: " + entry_text + ".";
        } else {
          cs.pending = true;
          cs.explanation = m.no_data_reason + " Chờ người đánh giá nhập điểm.";
        }
      } else {
        scoreObjective(c, m, cs);
      }
    }
    s.total += cs.points;
    s.pending = s.pending || cs.pending;
    s.criteria.push_back(std::move(cs));
  }
  s.total = round2(s.total);
  s.max = rs.rubric.maxTotal();
  s.grade = gradeFor(rs, s.total);
  s.grade_label = std::string(label(s.grade));
  return s;
}

}  // namespace chibo
