#pragma once
// Rules as data: every threshold and the quality rubric, versioned by
// effective dates, with a central default and local overrides (domain.md:
// "put every numeric threshold in configuration").
//
// Design notes:
// - A RuleSet is complete: every field has a value and a source. A RuleOverride
//   (a province's or ward's rule attached to an org node) sets only some fields;
//   resolveRuleSet() folds the overrides along the org's path onto the central
//   set in force, deeper nodes last so they win.
// - Everything is chosen by the *meeting date*, never "today": re-judging an
//   old meeting gives the result it had under the rules of its time.
// - Each value keeps `origin`, the id of the set it came from, so a score or a
//   warning can say "ngưỡng 90 phút theo local-an-phu-2025".
// - The rubric is replaced whole by an override, never merged criterion by
//   criterion: weights only make sense together (they add up to the frame).
// - Scalar fields are listed once, in intFieldSpecs()/doubleFieldSpecs(), with
//   their JSON name and bounds; validation, merging and the loader iterate the
//   tables instead of repeating the field list.
// - 0 means "no rule" for min durations and the large-cell size (HD 12/2018
//   set no central duration) and for thematic_per_quarter.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/preparation.h"
#include "domain/result.h"
#include "domain/rules/cited.h"

namespace chibo {

// Objective criteria are computed from the record; judgement criteria are
// points a person enters (conduct, observance of principles).
enum class CriterionKind { objective, judgement };

// What an objective criterion measures. Each measure exposes named inputs
// (measureInputs); bands test them. The first input listed is the primary one.
//   duration           shortfall_minutes, duration_minutes, required_minutes, held_percent
//   attendance         rate_percent, expected, present, excused, unexcused,
//                      longest_excused_streak, over_excused_limit (0/1), above_threshold (0/1)
//   speakers           share_percent, speakers, attendees
//   preparation        done_percent, done, required
//   previous_tasks     reviewed_percent, reviewed, total
//   resolution_targets met_percent, met, evaluated
//   minutes_complete   complete_percent, checks, failed_checks
enum class Measure {
  none,
  duration,
  attendance,
  speakers,
  preparation,
  previous_tasks,
  resolution_targets,
  minutes_complete,
};

// bands: the first matching band gives the points; proportional: max × primary / 100.
enum class Scoring { bands, proportional };

// A band matches when every bound that is set holds for its input.
struct Band {
  std::string input;  // a name from measureInputs(); empty = the primary input
  std::optional<double> at_least;
  std::optional<double> above;
  std::optional<double> at_most;
  std::optional<double> below;
  double points = 0;
  std::string label;  // optional Vietnamese wording; generated when empty
};

struct Criterion {
  std::string code;  // stable, e.g. "attendance"
  std::string name;  // Vietnamese
  CriterionKind kind = CriterionKind::objective;
  Measure measure = Measure::none;  // none for judgement criteria
  Scoring scoring = Scoring::bands;
  double max_points = 0;
  std::vector<Band> bands;    // first match wins
  std::vector<Band> bonuses;  // every match adds; the total is capped at max_points
  std::vector<PrepItem> items;  // preparation only: the checklist items that count; empty = all
  std::string source;
  std::string origin;
};

struct Rubric {
  std::string id;
  std::string name;
  std::string source;
  std::string origin;
  std::vector<Criterion> criteria;
  double maxTotal() const;
};

struct RuleSet {
  std::string id;    // "central-hd42-2025"
  std::string name;
  int version = 1;
  std::string issuer_document;
  Date effective_from;
  std::optional<Date> effective_to;  // inclusive
  std::vector<std::string> applied;  // ids folded into this set, central first

  Cited<int> min_duration_minutes;             // R-DUR-1: 90 (HD 42)
  Cited<int> min_duration_combined_minutes;    // R-DUR-1: 120 for thường kỳ + chuyên đề (HD 42)
  Cited<int> large_cell_members;               // members from which the large-cell duration applies; 0 = none
  Cited<int> min_duration_large_cell_minutes;  // e.g. An Phú: 120 from 30 members
  Cited<double> attendance_threshold_percent;  // R-ATT-2: rate must be *above* this (85, HD 12/2018)
  Cited<int> max_consecutive_excused;          // R-ATT-3: more than this many in a row is flagged (3)
  Cited<int> removal_warn_months;              // R-ATT-4: warn at (2)
  Cited<int> removal_months;                   // R-ATT-4: propose removal at (3), Điều lệ Điều 8(1)
  Cited<int> probation_months;                 // R-DUBI-1: 12 (Điều lệ Điều 5)
  Cited<int> probation_review_working_days;    // R-DUBI-1: 30 (QĐ 24)
  Cited<int> probation_notice_days;            // days before probation ends to start reminding
  Cited<int> documents_days_before;            // R-PREP-1: 1 (HD 42)
  Cited<int> monthly_meeting_due_day;          // R-FREQ-1: day of month by which it is held (local)
  Cited<int> thematic_per_quarter;             // R-FREQ-2: 1 (configurable; 0 = not checked)
  Cited<int> probationary_votes;               // R-RES-2: 1 when probationary members count as voters (Điều lệ: 0)
  Cited<double> grade_good;                    // R-QUAL-1: Tốt ≥ 90
  Cited<double> grade_fair;                    // Khá ≥ 70
  Cited<double> grade_average;                 // Trung bình ≥ 50; below is Kém
  Rubric rubric;
};

// A local rule set: only the fields it sets override.
struct RuleOverride {
  std::string id;
  std::string name;
  int version = 1;
  std::string issuer_document;
  Date effective_from;
  std::optional<Date> effective_to;
  Id org_id = 0;         // the node it is attached to (set by the store, not the file)
  std::string org_path;  // that node's path, "/1/5/"; it applies to the whole subtree

  std::optional<Cited<int>> min_duration_minutes;
  std::optional<Cited<int>> min_duration_combined_minutes;
  std::optional<Cited<int>> large_cell_members;
  std::optional<Cited<int>> min_duration_large_cell_minutes;
  std::optional<Cited<double>> attendance_threshold_percent;
  std::optional<Cited<int>> max_consecutive_excused;
  std::optional<Cited<int>> removal_warn_months;
  std::optional<Cited<int>> removal_months;
  std::optional<Cited<int>> probation_months;
  std::optional<Cited<int>> probation_review_working_days;
  std::optional<Cited<int>> probation_notice_days;
  std::optional<Cited<int>> documents_days_before;
  std::optional<Cited<int>> monthly_meeting_due_day;
  std::optional<Cited<int>> thematic_per_quarter;
  std::optional<Cited<int>> probationary_votes;
  std::optional<Cited<double>> grade_good;
  std::optional<Cited<double>> grade_fair;
  std::optional<Cited<double>> grade_average;
  std::optional<Rubric> rubric;
};

// One scalar field: its JSON name, where it lives in both structs, its bounds.
template <typename T>
struct FieldSpec {
  std::string_view name;
  Cited<T> RuleSet::*in_set;
  std::optional<Cited<T>> RuleOverride::*in_override;
  T min;
  T max;
};
std::span<const FieldSpec<int>> intFieldSpecs();
std::span<const FieldSpec<double>> doubleFieldSpecs();

std::string_view toCode(CriterionKind);
std::string_view toCode(Measure);
std::string_view toCode(Scoring);
std::optional<CriterionKind> criterionKindFromCode(std::string_view);
std::optional<Measure> measureFromCode(std::string_view);
std::optional<Scoring> scoringFromCode(std::string_view);
std::string_view label(CriterionKind);  // Vietnamese
std::string_view label(Measure);
std::string_view label(Scoring);

// The input names of a measure, primary first; empty for Measure::none.
std::vector<std::string_view> measureInputs(Measure);
// Vietnamese name of an input, for explanations: "tỷ lệ dự họp (%)".
std::string_view inputLabel(std::string_view input);

// True when every bound set on `b` holds for `value`.
bool bandMatches(const Band& b, double value);

// Checks a complete rule set: bounds of every field, grade order
// (good > fair > average), warn < removal, dates, and the rubric (unique
// codes, max > 0, objective criteria have a measure and bands or proportional
// scoring, band inputs exist for the measure, band points within 0..max,
// judgement criteria have no bands). Field paths: "thresholds.<name>",
// "rubric.criteria[i].bands[j].input", "effective_to".
Status validateRuleSet(const RuleSet&);

// The same checks for the fields an override sets (grade order and warn <
// removal are checked on the merged result, since an override may set one side).
Status validateOverride(const RuleOverride&);

// Builds a complete set from an override-shaped value (what a central file
// parses into). Every field must be set: missing ones are "required" errors.
Result<RuleSet> completeRuleSet(const RuleOverride&);

// `base` with every field `ov` sets replaced; `applied` gains ov.id.
RuleSet applyOverride(RuleSet base, const RuleOverride& ov);

// True when [from, to] (to inclusive, none = open) covers `at`.
bool inEffect(Date from, const std::optional<Date>& to, Date at);

// The rules in force for the org at `org_path` on `at`:
//  1. the central set in force on `at` (the latest effective_from wins, then the highest version);
//  2. every override in force on `at` attached to the org or an ancestor
//     (inSubtree(org_path, ov.org_path)), applied shallow to deep, then by
//     effective_from and version, so the deepest and newest wins. An override
//     with an empty org_path is not attached anywhere and never applies.
// Not found (code "no_rule_set") when no central set covers `at`.
Result<RuleSet> resolveRuleSet(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& local,
                               std::string_view org_path, Date at);

// --- rules that come from the Điều lệ and its implementing regulation
//
// The removal watch (Điều lệ Điều 8(1)), probation (Điều lệ Điều 5) and who
// votes (Điều lệ Điều 5: a probationary member has every right of an official
// one except voting, standing and electing) hold on every date the Điều lệ is
// in force, whatever the meeting guidance of the day. A charter set ("kind":
// "charter") is override-shaped and sets exactly these fields; the one in
// force on a date replaces them in the central set, before local sets apply,
// and alone judges members on dates no meeting guidance covers.

// The names of the fields a charter set sets (all of them, nothing else).
std::span<const std::string_view> charterFieldNames();

// Header checks, bounds, warn < removal, every charter field set, no other
// field and no rubric.
Status validateCharter(const RuleOverride&);

// The charter set in force on `at` (latest effective_from, then highest version), or null.
const RuleOverride* charterInForce(const std::vector<RuleOverride>& charter, Date at);

// What the member checks use: the Điều lệ fields, each with its source.
struct MemberRules {
  std::string id;  // the rule set (or charter set) they come from
  Cited<int> removal_warn_months;
  Cited<int> removal_months;
  Cited<int> probation_months;
  Cited<int> probation_review_working_days;
  Cited<int> probation_notice_days;
  Cited<int> probationary_votes;
};
MemberRules memberRules(const RuleSet&);
MemberRules memberRules(const RuleOverride& charter);  // a validated charter set

// resolveRuleSet with the charter set in force on `at` applied to the central
// set before the local ones. No central set on `at`: not found "no_rule_set".
Result<RuleSet> resolveRuleSet(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& charter,
                               const std::vector<RuleOverride>& local, std::string_view org_path, Date at);

// The member rules on `at`: those of the resolved set when a central set is in
// force, else those of the charter set alone. Not found "no_rule_set" when
// neither is in force (before the Điều lệ the catalog knows).
Result<MemberRules> resolveMemberRules(const std::vector<RuleSet>& central, const std::vector<RuleOverride>& charter,
                                       const std::vector<RuleOverride>& local, std::string_view org_path, Date at);

// The one answer for "no rules on this day", the same from every route:
// not found, code "no_rule_set", saying from when the catalog has rules.
Error noRuleSetError(Date at, std::optional<Date> earliest_central, std::optional<Date> earliest_charter);

// The minimum duration for a meeting (R-DUR-1): the largest that applies of the
// base, the combined-session and the large-cell minimum; value 0 = no minimum.
// Only regular, thematic and combined meetings have one (durationApplies).
bool durationApplies(MeetingKind);
Cited<int> minDurationFor(const RuleSet&, MeetingKind, int members_on_roll);

}  // namespace chibo
