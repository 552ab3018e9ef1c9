#pragma once
// The quality score of one meeting (R-QUAL-1..3): the rubric of the rule set
// in force, applied to the facts of the record plus the points a person
// entered for the judgement criteria.
//
// Design notes:
// - MeetingFacts is a plain snapshot of what the record says; the caller builds
//   it from the meeting, the attendance summary, the speeches, the checklist,
//   the previous tasks, the targets and the completeness report. Scoring never
//   reads anything else, so a score can be recomputed and explained.
// - Every criterion reports its inputs, the rule set it came from, the source
//   text and a Vietnamese sentence saying how the points were reached.
// - Missing data is not a zero: an objective criterion without data (no end
//   time, no targets, nobody expected) is `pending` like an unentered
//   judgement criterion, and a person may enter its points instead.
// - Pending criteria count 0 in the total and the score says it is provisional.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/meeting/attendance.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/preparation.h"
#include "domain/result.h"
#include "domain/rules/rule_set.h"

namespace chibo {

struct MeetingFacts {
  MeetingKind kind = MeetingKind::regular;
  std::optional<int> duration_minutes;  // durationMinutes(meeting)
  int members_on_roll = 0;              // for the large-cell duration rule
  AttendanceSummary attendance;
  int distinct_speakers = 0;            // distinctSpeakers(speeches), members present who spoke
  PreparationChecklist preparation;
  bool from_paper_book = false;         // entered from the paper minutes book: preparation has no data
  DateTime planned_start;
  int previous_tasks_total = 0;
  int previous_tasks_reviewed = 0;
  int targets_evaluated = 0;            // TargetTally::evaluated of the resolution under review
  int targets_met = 0;
  int completeness_checks = 0;          // CompletenessReport::checks
  int completeness_failed = 0;          // CompletenessReport::failed_checks
  int longest_excused_streak = 0;       // longest run of excused absences of any member this year, to this meeting
};

// Points a person entered, by criterion code. Judgement criteria take them;
// objective criteria take them only when they have no data.
struct JudgementInputs {
  std::map<std::string, double> points;
};

enum class Grade { good, fair, average, poor };  // Tốt, Khá, Trung bình, Kém

struct CriterionScore {
  std::string code;
  std::string name;
  CriterionKind kind = CriterionKind::objective;
  double points = 0;
  double max = 0;
  bool pending = false;  // not entered / no data: counted as 0
  std::vector<std::pair<std::string, std::string>> inputs;  // name -> value, in a stable order
  std::string rule_set_id;  // the set that supplied the criterion
  std::string source;       // citation of the criterion and of the thresholds it used
  std::string explanation;  // Vietnamese
};

struct Score {
  double total = 0;
  double max = 0;
  Grade grade = Grade::poor;
  std::string grade_label;  // "Tốt", "Khá", ...
  bool pending = false;     // some criterion pending: the grade is provisional
  std::string rule_set_id;
  std::string rubric_id;
  std::string grade_source;
  std::vector<CriterionScore> criteria;  // in rubric order
};

std::string_view toCode(Grade);
std::optional<Grade> gradeFromCode(std::string_view);
std::string_view label(Grade);

// The grade of a total under the rule set's bands (≥ good, ≥ fair, ≥ average, else poor).
Grade gradeFor(const RuleSet&, double total);

// Field errors "points.<code>": unknown_criterion for a code not in the rubric,
// out_of_range for points outside 0..max.
Status validateJudgements(const RuleSet&, const JudgementInputs&);

// Scores the meeting. Entered points outside 0..max are clamped (validate first).
Score scoreMeeting(const RuleSet&, const MeetingFacts&, const JudgementInputs&);

}  // namespace chibo
