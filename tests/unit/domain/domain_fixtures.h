#pragma once
// Shared builders for the meeting and rules tests: roster entries in a given
// state, and the three rule sets of rules/*.json rebuilt in code (unit_domain
// links no JSON; rule_loader_test checks the files score the same).
#include <string>
#include <vector>

#include "domain/meeting/attendance.h"
#include "domain/roster.h"
#include "domain/rules/rule_set.h"

namespace chibo::test {

inline Date d(const char* iso) { return *Date::parseIso(iso); }
inline DateTime dt(const char* iso) { return *DateTime::parseIso(iso); }

enum class St { official, probationary, exempt, temp_exempt, away, special_duty, incoming, off_roll };

inline RosterEntry entry(Id id, St st, std::string name = "") {
  RosterEntry e;
  e.member.id = id;
  e.member.full_name = name.empty() ? "Đảng viên " + std::to_string(id) : name;
  e.placement.member_id = id;
  e.placement.cell_id = 1;
  e.state.on_roll = st != St::off_roll;
  e.state.standing = st == St::probationary ? StatusKind::probationary : StatusKind::official;
  e.state.exempt = st == St::exempt;
  e.state.temp_exempt = st == St::temp_exempt;
  e.state.away = st == St::away;
  e.state.special_duty = st == St::special_duty;
  e.state.incoming = st == St::incoming;
  if (st == St::off_roll) e.state.terminal = StatusKind::transferred_out;
  return e;
}

// An attendance summary with just the counts the rubric reads.
inline AttendanceSummary counts(int expected, int present, int excused, int unexcused) {
  AttendanceSummary a;
  a.expected = expected;
  a.present = present;
  a.excused = excused;
  a.unexcused = unexcused;
  a.rate_percent = expected > 0 ? 100.0 * present / expected : 0;
  return a;
}

template <typename T>
Cited<T> c(T v, const char* origin, const char* src = "nguồn thử") {
  return {v, src, origin};
}

inline Band band(std::string input, std::optional<double> at_least, std::optional<double> above,
                 std::optional<double> at_most, double points) {
  Band b;
  b.input = std::move(input);
  b.at_least = at_least;
  b.above = above;
  b.at_most = at_most;
  b.points = points;
  return b;
}
inline Band otherwise(double points) { return band("", std::nullopt, std::nullopt, std::nullopt, points); }

inline Criterion objective(const char* code, Measure m, double max, Scoring s, std::vector<Band> bands,
                           const char* origin) {
  Criterion cr;
  cr.code = code;
  cr.name = code;
  cr.kind = CriterionKind::objective;
  cr.measure = m;
  cr.scoring = s;
  cr.max_points = max;
  cr.bands = std::move(bands);
  cr.source = std::string("nguồn ") + code;
  cr.origin = origin;
  return cr;
}
inline Criterion judgement(const char* code, double max, const char* origin) {
  Criterion cr;
  cr.code = code;
  cr.name = code;
  cr.kind = CriterionKind::judgement;
  cr.max_points = max;
  cr.source = std::string("nguồn ") + code;
  cr.origin = origin;
  return cr;
}

// The attendance all-or-nothing bands of the two central rubrics.
inline std::vector<Band> passFailAttendance(double points) {
  return {band("over_excused_limit", 1, {}, {}, 0), band("unexcused", 1, {}, {}, 0),
          band("above_threshold", 1, {}, {}, points), otherwise(0)};
}

inline void commonThresholds(RuleSet& rs, const char* o) {
  rs.attendance_threshold_percent = c(85.0, o);
  rs.max_consecutive_excused = c(3, o);
  rs.removal_warn_months = c(2, o);
  rs.removal_months = c(3, o);
  rs.probation_months = c(12, o);
  rs.probation_review_working_days = c(30, o);
  rs.probation_notice_days = c(30, o);
  rs.monthly_meeting_due_day = c(31, o);
  rs.thematic_per_quarter = c(1, o);
  rs.grade_good = c(90.0, o);
  rs.grade_fair = c(70.0, o);
  rs.grade_average = c(50.0, o);
  rs.large_cell_members = c(0, o);
  rs.min_duration_large_cell_minutes = c(0, o);
}

// rules/central-hd12-2018.json
inline RuleSet hd12() {
  const char* o = "central-hd12-2018";
  RuleSet rs;
  rs.id = o;
  rs.name = "HD 12/2018";
  rs.issuer_document = "HD 12-HD/BTCTW ngày 06/7/2018";
  rs.effective_from = d("2018-07-06");
  rs.effective_to = d("2025-10-27");
  rs.applied = {o};
  commonThresholds(rs, o);
  rs.min_duration_minutes = c(0, o);
  rs.min_duration_combined_minutes = c(0, o);
  rs.documents_days_before = c(0, o);
  rs.rubric.id = "hd12-2018-tieu-chi-khung";
  rs.rubric.name = "HD 12";
  rs.rubric.origin = o;
  Criterion prep = objective("preparation", Measure::preparation, 20, Scoring::proportional, {}, o);
  prep.items = {PrepItem::chi_uy_meeting, PrepItem::content_preparer, PrepItem::draft_resolution,
                PrepItem::notice_members, PrepItem::notice_monitor};
  rs.rubric.criteria = {
      objective("attendance", Measure::attendance, 20, Scoring::bands, passFailAttendance(20), o),
      prep,
      judgement("conduct", 20, o),
      judgement("principles", 20, o),
      objective("resolution_results", Measure::resolution_targets, 20, Scoring::proportional, {}, o),
  };
  return rs;
}

// rules/central-hd42-2025.json
inline RuleSet hd42() {
  const char* o = "central-hd42-2025";
  RuleSet rs;
  rs.id = o;
  rs.name = "HD 42/2025";
  rs.issuer_document = "HD 42-HD/BTCTW ngày 28/10/2025";
  rs.effective_from = d("2025-10-28");
  rs.applied = {o};
  commonThresholds(rs, o);
  rs.min_duration_minutes = c(90, o, "HD 42: 90 phút");
  rs.min_duration_combined_minutes = c(120, o, "HD 42: 120 phút");
  rs.documents_days_before = c(1, o);
  rs.rubric.id = "hd42-2025-khung-100";
  rs.rubric.name = "HD 42";
  rs.rubric.origin = o;
  rs.rubric.criteria = {
      objective("duration", Measure::duration, 5, Scoring::bands,
                {band("shortfall_minutes", {}, {}, 0, 5), otherwise(0)}, o),
      objective("attendance", Measure::attendance, 5, Scoring::bands, passFailAttendance(5), o),
      objective("preparation", Measure::preparation, 10, Scoring::proportional, {}, o),
      judgement("conduct", 30, o),
      judgement("chairing", 10, o),
      judgement("principles", 5, o),
      objective("resolution_results", Measure::resolution_targets, 30, Scoring::proportional, {}, o),
      objective("closing", Measure::minutes_complete, 5, Scoring::proportional, {}, o),
  };
  return rs;
}

// rules/local-an-phu-2025.json, attached at `org_path`.
inline RuleOverride anPhu(std::string org_path) {
  const char* o = "local-an-phu-2025";
  RuleOverride ov;
  ov.id = o;
  ov.name = "An Phú";
  ov.issuer_document = "Kế hoạch 08-KH/ĐU ngày 19/9/2025";
  ov.effective_from = d("2025-11-01");
  ov.org_id = 2;
  ov.org_path = std::move(org_path);
  ov.large_cell_members = c(30, o);
  ov.min_duration_large_cell_minutes = c(120, o, "An Phú: 120 phút từ 30 đảng viên");
  Rubric r;
  r.id = "an-phu-2025";
  r.name = "An Phú";
  r.origin = o;
  Criterion att = objective("attendance", Measure::attendance, 5, Scoring::bands,
                            {band("unexcused", 1, {}, {}, 1), band("rate_percent", 90, {}, {}, 4),
                             band("rate_percent", 75, {}, {}, 3), band("rate_percent", 65, {}, {}, 2), otherwise(1)},
                            o);
  att.bonuses = {band("over_excused_limit", {}, {}, 0, 1)};
  r.criteria = {
      objective("duration", Measure::duration, 5, Scoring::bands,
                {band("shortfall_minutes", {}, {}, 0, 5), band("shortfall_minutes", {}, {}, 15, 4),
                 band("shortfall_minutes", {}, {}, 30, 3), band("held_percent", 50, {}, {}, 2), otherwise(1)},
                o),
      att,
      objective("speakers", Measure::speakers, 5, Scoring::bands,
                {band("", {}, 50, {}, 5), band("", 40, {}, {}, 4), band("", 30, {}, {}, 3), otherwise(2)}, o),
      objective("preparation", Measure::preparation, 10, Scoring::proportional, {}, o),
      judgement("conduct", 35, o),
      judgement("principles", 5, o),
      objective("resolution_results", Measure::resolution_targets, 30, Scoring::bands,
                {band("", 90, {}, {}, 30), band("", 80, {}, {}, 27), band("", 70, {}, {}, 24),
                 band("", 60, {}, {}, 20), band("", 50, {}, {}, 15), otherwise(10)},
                o),
      objective("closing", Measure::minutes_complete, 5, Scoring::proportional, {}, o),
  };
  ov.rubric = r;
  return ov;
}

}  // namespace chibo::test
