#include "domain/meeting/completeness.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;
using test::dt;

Task task(Id id, std::string what, std::vector<Id> who, std::optional<Date> deadline) {
  Task t;
  t.id = id;
  t.description = std::move(what);
  t.assignee_member_ids = std::move(who);
  t.deadline = deadline;
  return t;
}

// A regular meeting with everything recorded.
MinutesRecord complete() {
  MinutesRecord r;
  r.meeting.id = 50;
  r.meeting.kind = MeetingKind::regular;
  r.meeting.chair_member_id = 1;
  r.meeting.secretary_member_id = 2;
  r.meeting.started_at = dt("2026-03-10T19:30");
  r.meeting.ended_at = dt("2026-03-10T21:05");
  r.attendance = test::counts(20, 19, 1, 0);
  r.attendance.excused_list = {{9, "Lê Văn Cường", AbsenceReason::work, ""}};
  Task prev = task(30, "Vận động hộ dân đóng quỹ", {4}, d("2026-03-05"));
  prev.status = TaskStatus::done;
  prev.reviewed_in_meeting_id = 50;
  r.previous_tasks = {prev};
  r.speeches = {{1, 3, {}, "Ý kiến về vệ sinh môi trường", {}}};
  Resolution res;
  res.title = "Lãnh đạo thực hiện nhiệm vụ tháng 3";
  res.vote = Vote{19, 0, 0, 19, VoteRule::majority_present};
  r.resolution = res;
  r.new_tasks = {task(31, "Tổ chức ra quân tổng vệ sinh", {4, 5}, d("2026-04-05"))};
  r.minutes_read_back = true;
  return r;
}

std::vector<std::string> codes(const CompletenessReport& rep) {
  std::vector<std::string> out;
  for (const auto& m : rep.missing) out.push_back(m.code);
  return out;
}
bool has(const CompletenessReport& rep, const std::string& code, const std::string& field = "") {
  return std::any_of(rep.missing.begin(), rep.missing.end(), [&](const MissingItem& m) {
    return m.code == code && (field.empty() || m.field == field);
  });
}

TEST(Completeness, ACompleteRegularRecordPasses) {
  auto rep = checkCompleteness(complete());
  EXPECT_TRUE(rep.complete()) << (rep.missing.empty() ? "" : rep.missing[0].message);
  EXPECT_EQ(rep.checks, 12);
  EXPECT_EQ(rep.failed_checks, 0);
  EXPECT_DOUBLE_EQ(rep.percent(), 100.0);
}

TEST(Completeness, AnEmptyRegularRecordListsEveryCheck) {
  MinutesRecord r;
  r.meeting.kind = MeetingKind::regular;
  r.attendance = test::counts(10, 0, 0, 0);
  r.attendance.unmarked = 10;
  auto rep = checkCompleteness(r);
  EXPECT_EQ(codes(rep), (std::vector<std::string>{"chair", "secretary", "start_time", "end_time", "attendance",
                                                  "speeches", "resolution", "tasks", "minutes_read_back"}));
  EXPECT_EQ(rep.failed_checks, 9);
  EXPECT_DOUBLE_EQ(rep.percent(), 25.0);  // 3 of 12 pass: absence_reason, previous_tasks, vote (nothing to check)
  for (const auto& m : rep.missing) EXPECT_FALSE(m.message.empty());
}

TEST(Completeness, ExcusedAbsenceWithoutReason) {
  auto r = complete();
  r.attendance.excused_list[0].reason.reset();
  auto rep = checkCompleteness(r);
  ASSERT_EQ(rep.missing.size(), 1u);
  EXPECT_EQ(rep.missing[0].code, "absence_reason");
  EXPECT_EQ(rep.missing[0].field, "attendance.excused[0].reason");
}

TEST(Completeness, EveryPreviousTaskNeedsAnOutcomeFromThisMeeting) {
  auto r = complete();
  Task other = r.previous_tasks[0];
  other.reviewed_in_meeting_id = 49;  // reviewed at some other meeting, not this one
  Task none = r.previous_tasks[0];
  none.reviewed_in_meeting_id.reset();
  r.previous_tasks = {r.previous_tasks[0], other, none};
  auto rep = checkCompleteness(r);
  EXPECT_EQ(rep.missing.size(), 2u);
  EXPECT_TRUE(has(rep, "previous_tasks", "previous_tasks[1]"));
  EXPECT_TRUE(has(rep, "previous_tasks", "previous_tasks[2]"));
  EXPECT_EQ(rep.failed_checks, 1);
}

TEST(Completeness, ResolutionNeedsAValidVote) {
  auto r = complete();
  r.resolution->vote.reset();
  EXPECT_TRUE(has(checkCompleteness(r), "vote", "resolution.vote"));
  r.resolution->vote = Vote{15, 3, 3, 19, VoteRule::majority_present};  // 21 votes of 19
  EXPECT_TRUE(has(checkCompleteness(r), "vote"));
}

TEST(Completeness, TasksNeedOwnersAndDeadlines) {
  auto r = complete();
  r.new_tasks.push_back(task(32, "Rà soát hộ nghèo", {}, std::nullopt));
  auto rep = checkCompleteness(r);
  EXPECT_TRUE(has(rep, "tasks", "new_tasks[1].assignee_member_ids"));
  EXPECT_TRUE(has(rep, "tasks", "new_tasks[1].deadline"));
  EXPECT_EQ(rep.failed_checks, 1);
}

TEST(Completeness, MinutesNotReadBack) {
  auto r = complete();
  r.minutes_read_back = false;
  auto rep = checkCompleteness(r);
  ASSERT_EQ(rep.missing.size(), 1u);
  EXPECT_EQ(rep.missing[0].code, "minutes_read_back");
}

TEST(Completeness, ThematicMeetingNeedsNoResolutionTasksOrReview) {
  auto r = complete();
  r.meeting.kind = MeetingKind::thematic;
  r.resolution.reset();
  r.new_tasks.clear();
  r.previous_tasks = {task(30, "x", {1}, d("2026-03-01"))};  // not reviewed, but not this meeting's job
  auto rep = checkCompleteness(r);
  EXPECT_TRUE(rep.complete());
  EXPECT_EQ(rep.checks, 9);
}

TEST(Completeness, ExtraordinaryMeetingVotesButNeedNotAssignTasks) {
  auto r = complete();
  r.meeting.kind = MeetingKind::extraordinary;
  r.new_tasks.clear();
  EXPECT_TRUE(checkCompleteness(r).complete());
  r.resolution.reset();
  EXPECT_TRUE(has(checkCompleteness(r), "resolution"));
}

}  // namespace
}  // namespace chibo
