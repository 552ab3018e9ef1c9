#pragma once
// Early warnings about individual members: excused absences in a row
// (R-ATT-3), the removal watch (R-ATT-4, Điều lệ Điều 8(1), QĐ 24 mục 8.1)
// and the end of probation (R-DUBI-1, Điều lệ Điều 5, QĐ 24).
//
// Design notes:
// - Input is a plain per-member, per-year list of meeting outcomes; the store
//   builds it from attendance marks. Meetings where the member was not
//   expected (exempt, away) are skipped: they neither break nor extend a run.
// - The removal watch counts *months* with an unexcused absence in the
//   calendar year, not meetings and not consecutive months ("ba tháng trong
//   năm"). Meetings and dues are separate counters and are not added up; the
//   sources do not say they should be (domain.md R-ATT-4).
// - Exempt members never get these warnings (R-ATT-5).
// - The removal watch and probation take MemberRules: they come from the
//   Điều lệ and hold on dates no meeting guidance covers (rule_set.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/rules/calendar.h"
#include "domain/rules/rule_set.h"
#include "domain/rules/warning.h"

namespace chibo {

enum class AttendanceOutcome { attended, excused, unexcused, not_expected };

std::string_view toCode(AttendanceOutcome);
std::optional<AttendanceOutcome> attendanceOutcomeFromCode(std::string_view);
std::string_view label(AttendanceOutcome);  // "Có mặt", "Vắng có lý do", ...

struct MeetingOutcome {
  Date date;
  AttendanceOutcome outcome = AttendanceOutcome::attended;
};

struct MemberYear {
  Id member_id = 0;
  std::string full_name;
  int year = 0;
  bool exempt = false;                       // exempt from meetings now: no warnings
  std::vector<MeetingOutcome> meetings;      // any order; only those dated in `year` count
  std::vector<unsigned> unpaid_dues_months;  // months of `year` with dues unpaid without good reason
};

// The longest run of consecutive excused absences in `year` (not_expected skipped).
int longestExcusedStreak(const MemberYear&);

// Distinct months of `year` with at least one unexcused absence, ascending.
std::vector<unsigned> unexcusedMonths(const MemberYear&);

// R-ATT-3. "excused_streak" (warning) when longestExcusedStreak > max_consecutive_excused.
std::vector<Warning> excusedStreakWarnings(const RuleSet&, const MemberYear&);

// R-ATT-4, separately for meetings and for dues:
//   months >= removal_months      -> "removal_proposal_due" (serious)
//   months >= removal_warn_months -> "removal_watch" (warning)
std::vector<Warning> removalWatchWarnings(const MemberRules&, const MemberYear&);
std::vector<Warning> removalWatchWarnings(const RuleSet&, const MemberYear&);

struct Probation {
  Id member_id = 0;
  std::string full_name;
  Date ceremony_date;     // lễ kết nạp: probation runs from here
  bool decided = false;   // the chi bộ has already considered official status
};

// End of probation: ceremony + probation_months.
Date probationEnd(const MemberRules&, const Probation&);
Date probationEnd(const RuleSet&, const Probation&);
// Last day to consider official status: probationEnd + probation_review_working_days
// working days of the holiday calendar (weekends and public holidays skipped).
Date probationReviewDeadline(const MemberRules&, const Probation&, const HolidayCalendar&);
Date probationReviewDeadline(const RuleSet&, const Probation&, const HolidayCalendar&);

// R-DUBI-1, for an undecided probation judged at `at`:
//   from probation_notice_days before the end until the end -> "probation_ending" (info)
//   from the end to the review deadline                      -> "probation_review_due" (warning)
//   after the review deadline                                -> "probation_review_overdue" (serious)
std::vector<Warning> probationWarnings(const MemberRules&, const Probation&, Date at, const HolidayCalendar&);
std::vector<Warning> probationWarnings(const RuleSet&, const Probation&, Date at, const HolidayCalendar&);

}  // namespace chibo
