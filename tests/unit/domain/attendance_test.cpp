#include "domain/meeting/attendance.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::entry;
using test::St;

// 1 official, 2 probationary, 3 exempt, 4 temp-exempt, 5 away, 6 special duty,
// 7 incoming (sinh hoạt tạm thời đến), 8 official, 9 transferred out.
std::vector<RosterEntry> roster() {
  return {entry(1, St::official, "Nguyễn Văn An"), entry(2, St::probationary), entry(3, St::exempt),
          entry(4, St::temp_exempt),  entry(5, St::away),         entry(6, St::special_duty),
          entry(7, St::incoming, "Trần Thị Bình"), entry(8, St::official), entry(9, St::off_roll)};
}

AttendanceMarkInput mark(Id id, std::string status, std::string reason = "", std::string text = "") {
  return {id, std::move(status), std::move(reason), std::move(text)};
}

const FieldError* find(const Error& e, const std::string& field) {
  for (const auto& fe : e.field_errors)
    if (fe.field == field) return &fe;
  return nullptr;
}

TEST(AttendanceSummary, DenominatorExcludesExemptAwaySpecialDutyAndCountsIncoming) {
  auto r = roster();
  auto marks = validateMarks(r, {mark(1, "present"), mark(2, "late"), mark(7, "absent_excused", "illness"),
                                 mark(8, "left_early"), mark(3, "present")});
  ASSERT_TRUE(marks.ok());
  auto s = summarizeAttendance(r, *marks);
  EXPECT_EQ(s.roll.on_roll, 8);  // member 9 left the roll
  EXPECT_EQ(s.expected, 4);      // 1, 2, 7, 8
  EXPECT_EQ(s.present, 3);       // present + late + left early
  EXPECT_EQ(s.late, 1);
  EXPECT_EQ(s.left_early, 1);
  EXPECT_EQ(s.excused, 1);
  EXPECT_EQ(s.unexcused, 0);
  EXPECT_EQ(s.unmarked, 0);
  EXPECT_DOUBLE_EQ(s.rate_percent, 75.0);
  ASSERT_EQ(s.excused_list.size(), 1u);
  EXPECT_EQ(s.excused_list[0].full_name, "Trần Thị Bình");
  EXPECT_EQ(s.excused_list[0].reason, AbsenceReason::illness);
  ASSERT_EQ(s.excluded.size(), 4u);  // 3, 4, 5, 6 are shown
  EXPECT_EQ(s.excluded[0].member_id, 3);
  EXPECT_EQ(s.excluded[0].why, ExclusionReason::exempt);
  EXPECT_TRUE(s.excluded[0].attended);  // came, but does not raise the rate
  EXPECT_EQ(s.excluded[1].why, ExclusionReason::temp_exempt);
  EXPECT_EQ(s.excluded[2].why, ExclusionReason::away);
  EXPECT_EQ(s.excluded[3].why, ExclusionReason::special_duty);
  EXPECT_FALSE(s.excluded[3].attended);
}

TEST(AttendanceSummary, UnmarkedAndUnexcusedAreListed) {
  auto r = roster();
  auto marks = validateMarks(r, {mark(1, "absent_unexcused"), mark(2, "present")});
  ASSERT_TRUE(marks.ok());
  auto s = summarizeAttendance(r, *marks);
  EXPECT_EQ(s.unexcused, 1);
  ASSERT_EQ(s.unexcused_list.size(), 1u);
  EXPECT_EQ(s.unexcused_list[0].full_name, "Nguyễn Văn An");
  EXPECT_EQ(s.unmarked, 2);
  EXPECT_EQ(s.unmarked_ids, (std::vector<Id>{7, 8}));
  EXPECT_DOUBLE_EQ(s.rate_percent, 25.0);
}

TEST(AttendanceSummary, NobodyExpectedGivesZeroRate) {
  std::vector<RosterEntry> r{entry(3, St::exempt)};
  auto s = summarizeAttendance(r, {});
  EXPECT_EQ(s.expected, 0);
  EXPECT_DOUBLE_EQ(s.rate_percent, 0.0);
}

TEST(AttendanceValidation, MemberNotOnTheRollThatDate) {
  auto res = validateMarks(roster(), {mark(1, "present"), mark(9, "present"), mark(42, "present")});
  ASSERT_FALSE(res.ok());
  const auto& e = res.error();
  EXPECT_EQ(e.kind, ErrorKind::validation);
  ASSERT_TRUE(find(e, "items[1].member_id"));
  EXPECT_EQ(find(e, "items[1].member_id")->code, "not_on_roll");
  ASSERT_TRUE(find(e, "items[2].member_id"));
  EXPECT_EQ(find(e, "items[2].member_id")->code, "not_on_roll");
  EXPECT_FALSE(find(e, "items[0].member_id"));
}

TEST(AttendanceValidation, ExcludedMembersMayNotBeMarkedAbsent) {
  auto res = validateMarks(roster(), {mark(3, "absent_excused", "illness"), mark(5, "absent_unexcused"),
                                      mark(6, "present")});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(find(res.error(), "items[0].status")->code, "excluded_member");
  EXPECT_EQ(find(res.error(), "items[1].status")->code, "excluded_member");
  EXPECT_FALSE(find(res.error(), "items[2].status"));
}

TEST(AttendanceValidation, ExcusedAbsenceNeedsAKnownReasonAndOtherNeedsText) {
  auto res = validateMarks(roster(), {mark(1, "absent_excused"), mark(2, "absent_excused", "holiday"),
                                      mark(7, "absent_excused", "other"), mark(8, "absent_excused", "other", "Đám cưới con")});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(find(res.error(), "items[0].reason")->code, "required");
  EXPECT_EQ(find(res.error(), "items[1].reason")->code, "invalid_choice");
  EXPECT_EQ(find(res.error(), "items[2].reason_text")->code, "required");
  EXPECT_EQ(res.error().field_errors.size(), 3u);
  EXPECT_FALSE(res.error().field_errors[0].message.empty());
}

TEST(AttendanceValidation, UnknownStatusAndDuplicates) {
  auto res = validateMarks(roster(), {mark(1, "here"), mark(2, "present"), mark(2, "late")});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(find(res.error(), "items[0].status")->code, "invalid_choice");
  EXPECT_EQ(find(res.error(), "items[2].member_id")->code, "duplicate");
}

TEST(AttendanceValidation, ReasonOnNonExcusedStatusIsDropped) {
  auto res = validateMarks(roster(), {mark(1, "absent_unexcused", "illness", "x")});
  ASSERT_TRUE(res.ok());
  EXPECT_FALSE((*res)[0].reason);
  EXPECT_TRUE((*res)[0].reason_text.empty());
}

TEST(AttendanceCodes, RoundTripAndLabels) {
  for (auto s : {AttendanceStatus::present, AttendanceStatus::late, AttendanceStatus::left_early,
                 AttendanceStatus::absent_excused, AttendanceStatus::absent_unexcused})
    EXPECT_EQ(attendanceStatusFromCode(toCode(s)), s);
  for (auto r : {AbsenceReason::illness, AbsenceReason::work, AbsenceReason::family, AbsenceReason::travel,
                 AbsenceReason::study, AbsenceReason::other}) {
    EXPECT_EQ(absenceReasonFromCode(toCode(r)), r);
    EXPECT_FALSE(label(r).empty());
  }
  EXPECT_EQ(label(AttendanceStatus::absent_excused), "Vắng có lý do");
  EXPECT_TRUE(isPresent(AttendanceStatus::late));
  EXPECT_FALSE(isPresent(AttendanceStatus::absent_excused));
}

}  // namespace
}  // namespace chibo
