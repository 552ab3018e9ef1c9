#pragma once
// Attendance at one meeting: the marks the secretary records and the summary
// the minutes and the quality rubric read (R-ATT-1, R-ATT-5).
//
// Design notes:
// - The denominator is decided once, by MemberState::countsForAttendance() in
//   roster.h: exempt, temporarily exempt, away (sinh hoạt tạm thời đi) and
//   special-duty members are shown but not counted; incoming temporary members
//   are counted. This file never re-decides it.
// - Late arrivals and early leavers are present: they count in the numerator.
// - Excluded members may be marked present (they are welcome) but never absent:
//   an exempt member's absence is not an absence (R-ATT-5).
// - The caller passes the roster *on the meeting date*; a mark for anyone not on
//   that roll is an error, so a member who transferred out cannot be marked.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.h"
#include "domain/result.h"
#include "domain/roster.h"

namespace chibo {

enum class AttendanceStatus {
  present,           // có mặt
  late,              // đến muộn (present)
  left_early,        // về sớm (present)
  absent_excused,    // vắng có lý do
  absent_unexcused,  // vắng không có lý do
};

// Reason categories for an excused absence; `other` needs a text.
enum class AbsenceReason { illness, work, family, travel, study, other };

// Why an on-roll member is outside the denominator.
enum class ExclusionReason { exempt, temp_exempt, away, special_duty };

struct AttendanceMark {
  Id member_id = 0;
  AttendanceStatus status = AttendanceStatus::present;
  std::optional<AbsenceReason> reason;  // set only for absent_excused
  std::string reason_text;
};

// A mark as it arrives from the client, codes not yet checked.
struct AttendanceMarkInput {
  Id member_id = 0;
  std::string status;       // an AttendanceStatus code
  std::string reason;       // an AbsenceReason code, for absent_excused
  std::string reason_text;
};

struct AbsenceLine {
  Id member_id = 0;
  std::string full_name;
  std::optional<AbsenceReason> reason;
  std::string reason_text;
};

struct ExcludedLine {
  Id member_id = 0;
  std::string full_name;
  ExclusionReason why = ExclusionReason::exempt;
  bool attended = false;  // came although not expected
};

struct AttendanceSummary {
  RosterCounts roll;       // counts of the roll by category (countRoster)
  int expected = 0;        // the denominator (= roll.expected)
  int present = 0;         // expected members present, including late and left early
  int late = 0;            // of `present`
  int left_early = 0;      // of `present`
  int excused = 0;
  int unexcused = 0;
  int unmarked = 0;        // expected members with no mark yet
  double rate_percent = 0; // present / expected * 100; 0 when nobody is expected
  std::vector<Id> present_ids;
  std::vector<AbsenceLine> excused_list;
  std::vector<AbsenceLine> unexcused_list;
  std::vector<Id> unmarked_ids;
  std::vector<ExcludedLine> excluded;
};

std::string_view toCode(AttendanceStatus);
std::string_view toCode(AbsenceReason);
std::string_view toCode(ExclusionReason);
std::optional<AttendanceStatus> attendanceStatusFromCode(std::string_view);
std::optional<AbsenceReason> absenceReasonFromCode(std::string_view);
std::optional<ExclusionReason> exclusionReasonFromCode(std::string_view);
std::string_view label(AttendanceStatus);  // "Có mặt", "Vắng có lý do", ...
std::string_view label(AbsenceReason);     // "Ốm đau", "Công tác", ...
std::string_view label(ExclusionReason);   // "Miễn sinh hoạt", ...

// True for present, late and left_early.
bool isPresent(AttendanceStatus);

// Checks `items` against the roll on the meeting date and converts them.
// Field errors use the path "items[i].<field>":
//   member_id not_on_roll  the member is not on this roll that date
//   member_id duplicate    a second mark for the same member
//   status invalid_choice  unknown status code
//   status excluded_member an exempt/away/special-duty member marked absent
//   reason required        absent_excused without a reason category
//   reason invalid_choice  unknown reason code
//   reason_text required   reason "other" without a text
// A reason given with any other status is dropped.
Result<std::vector<AttendanceMark>> validateMarks(const std::vector<RosterEntry>& roster,
                                                  const std::vector<AttendanceMarkInput>& items);

// Summarises validated marks against the roll. Marks for members not on the
// roll are ignored (validateMarks rejects them first).
AttendanceSummary summarizeAttendance(const std::vector<RosterEntry>& roster,
                                      const std::vector<AttendanceMark>& marks);

}  // namespace chibo
