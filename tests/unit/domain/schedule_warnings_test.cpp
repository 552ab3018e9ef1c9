#include "domain/rules/schedule_warnings.h"

#include <gtest/gtest.h>

#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::c;
using test::d;
using test::dt;

MeetingOccurrence occ(MeetingKind k, MeetingStatus s, int y, unsigned m) { return {1, k, s, y, m}; }

TEST(MonthlyMeeting, WarnsOnlyAfterTheDueDay) {
  auto rs = test::hd42();  // due day 31 -> clamped to the month's end
  std::vector<MeetingOccurrence> none;
  EXPECT_TRUE(monthlyMeetingWarnings(rs, 7, none, 2026, 3, d("2026-03-31")).empty());
  auto w = monthlyMeetingWarnings(rs, 7, none, 2026, 3, d("2026-04-01"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "monthly_meeting_missing");
  EXPECT_EQ(w[0].subject_kind, SubjectKind::org);
  EXPECT_EQ(w[0].subject_id, 7);
  EXPECT_EQ(w[0].rule, "R-FREQ-1");
  EXPECT_EQ(w[0].rule_set_id, "central-hd42-2025");
  EXPECT_NE(w[0].message.find("tháng 3/2026"), std::string::npos);
  // February clamps to the 28th.
  EXPECT_TRUE(monthlyMeetingWarnings(rs, 7, none, 2026, 2, d("2026-02-28")).empty());
  EXPECT_EQ(monthlyMeetingWarnings(rs, 7, none, 2026, 2, d("2026-03-01")).size(), 1u);
}

TEST(MonthlyMeeting, OnlyAHeldRegularOrCombinedMeetingOfThatPeriodCounts) {
  auto rs = test::hd42();
  auto at = d("2026-04-02");
  EXPECT_TRUE(monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::regular, MeetingStatus::held, 2026, 3)}, 2026, 3, at)
                  .empty());
  EXPECT_TRUE(
      monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::combined, MeetingStatus::finalized, 2026, 3)}, 2026, 3, at)
          .empty());
  EXPECT_EQ(monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::thematic, MeetingStatus::held, 2026, 3)}, 2026, 3, at)
                .size(), 1u);
  EXPECT_EQ(monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::subgroup, MeetingStatus::held, 2026, 3)}, 2026, 3, at)
                .size(), 1u);
  EXPECT_EQ(monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::regular, MeetingStatus::planned, 2026, 3)}, 2026, 3, at)
                .size(), 1u);
  EXPECT_EQ(monthlyMeetingWarnings(rs, 7, {occ(MeetingKind::regular, MeetingStatus::held, 2026, 2)}, 2026, 3, at)
                .size(), 1u);
}

TEST(MonthlyMeeting, LocalDueDay) {
  auto rs = test::hd42();
  rs.monthly_meeting_due_day = c(25, "local-x");
  EXPECT_TRUE(monthlyMeetingWarnings(rs, 7, {}, 2026, 3, d("2026-03-25")).empty());
  auto w = monthlyMeetingWarnings(rs, 7, {}, 2026, 3, d("2026-03-26"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rule_set_id, "local-x");
}

TEST(ThematicMeeting, OnePerQuarterCheckedAfterTheQuarterEnds) {
  auto rs = test::hd42();
  EXPECT_TRUE(thematicMeetingWarnings(rs, 7, {}, 2026, 1, d("2026-03-31")).empty());
  auto w = thematicMeetingWarnings(rs, 7, {}, 2026, 1, d("2026-04-01"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "thematic_meeting_missing");
  EXPECT_EQ(w[0].rule, "R-FREQ-2");
  EXPECT_TRUE(thematicMeetingWarnings(rs, 7, {occ(MeetingKind::combined, MeetingStatus::held, 2026, 2)}, 2026, 1,
                                      d("2026-04-01"))
                  .empty());
  EXPECT_EQ(thematicMeetingWarnings(rs, 7, {occ(MeetingKind::thematic, MeetingStatus::held, 2026, 4)}, 2026, 1,
                                    d("2026-04-10"))
                .size(), 1u);  // a Q2 meeting does not count for Q1
  rs.thematic_per_quarter = c(0, "local-x");
  EXPECT_TRUE(thematicMeetingWarnings(rs, 7, {}, 2026, 1, d("2026-04-01")).empty());
}

Meeting held(MeetingKind k, const char* start, const char* end) {
  Meeting m;
  m.id = 50;
  m.kind = k;
  m.planned_start = dt(start);
  m.started_at = dt(start);
  m.ended_at = dt(end);
  m.status = MeetingStatus::held;
  return m;
}

TEST(DurationWarning, AtAndJustBelowTheMinimum) {
  auto rs = test::hd42();
  EXPECT_TRUE(durationWarnings(rs, held(MeetingKind::regular, "2026-03-10T19:30", "2026-03-10T21:00"), 20).empty());
  auto w = durationWarnings(rs, held(MeetingKind::regular, "2026-03-10T19:30", "2026-03-10T20:59"), 20);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "meeting_too_short");
  EXPECT_EQ(w[0].subject_kind, SubjectKind::meeting);
  EXPECT_EQ(w[0].source, "HD 42: 90 phút");
  EXPECT_TRUE(durationWarnings(rs, held(MeetingKind::combined, "2026-03-10T19:00", "2026-03-10T21:00"), 20).empty());
  EXPECT_EQ(durationWarnings(rs, held(MeetingKind::combined, "2026-03-10T19:00", "2026-03-10T20:59"), 20).size(), 1u);
  EXPECT_TRUE(
      durationWarnings(rs, held(MeetingKind::extraordinary, "2026-03-10T19:00", "2026-03-10T19:30"), 20).empty());
  EXPECT_TRUE(durationWarnings(test::hd12(), held(MeetingKind::regular, "2024-03-10T19:00", "2024-03-10T19:30"), 20)
                  .empty());  // HD 12/2018 set no minimum
}

TEST(DurationWarning, LargeCellMinimumFromTheLocalRule) {
  auto rs = applyOverride(test::hd42(), test::anPhu("/1/2/"));
  auto m = held(MeetingKind::regular, "2026-03-10T19:00", "2026-03-10T20:40");  // 100 minutes
  EXPECT_TRUE(durationWarnings(rs, m, 29).empty());
  auto w = durationWarnings(rs, m, 30);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rule_set_id, "local-an-phu-2025");
}

TEST(PreparationWarnings, DocumentsLateOrMissing) {
  auto rs = test::hd42();
  Meeting m;
  m.id = 50;
  m.planned_start = dt("2026-03-10T19:30");
  PreparationChecklist c;
  c.notice_members_at = dt("2026-03-01T08:00");
  c.notice_monitor_at = dt("2026-03-01T08:00");
  // Nothing posted: no warning on the deadline day, a warning the day after.
  EXPECT_TRUE(preparationWarnings(rs, m, c, dt("2026-03-09T23:00")).empty());
  auto w = preparationWarnings(rs, m, c, dt("2026-03-10T07:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "documents_not_published");
  c.documents_published_at = dt("2026-03-09T22:00");
  EXPECT_TRUE(preparationWarnings(rs, m, c, dt("2026-03-11T08:00")).empty());
  c.documents_published_at = dt("2026-03-10T06:00");
  w = preparationWarnings(rs, m, c, dt("2026-03-11T08:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "documents_published_late");
  EXPECT_EQ(w[0].rule, "R-PREP-1");
  m.status = MeetingStatus::cancelled;
  EXPECT_TRUE(preparationWarnings(rs, m, c, dt("2026-03-11T08:00")).empty());
}

TEST(PreparationWarnings, MonitorAndMembersMustBeNotifiedBeforeTheStart) {
  auto rs = test::hd42();
  Meeting m;
  m.id = 50;
  m.planned_start = dt("2026-03-10T19:30");
  PreparationChecklist c;
  c.documents_published_at = dt("2026-03-08T08:00");
  c.notice_members_at = dt("2026-03-08T08:00");
  EXPECT_TRUE(preparationWarnings(rs, m, c, dt("2026-03-10T19:29")).empty());  // still time
  auto w = preparationWarnings(rs, m, c, dt("2026-03-10T19:30"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "monitor_not_notified");
  EXPECT_EQ(w[0].rule, "R-PREP-2");
  c.notice_monitor_at = dt("2026-03-10T20:00");  // sent after the meeting began
  w = preparationWarnings(rs, m, c, dt("2026-03-11T08:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "monitor_not_notified");
  c.notice_monitor_at = dt("2026-03-10T19:00");
  EXPECT_TRUE(preparationWarnings(rs, m, c, dt("2026-03-11T08:00")).empty());
  c.notice_members_at.reset();
  EXPECT_EQ(preparationWarnings(rs, m, c, dt("2026-03-11T08:00"))[0].code, "members_not_notified");
}

TEST(TaskWarnings, OverdueTasksOnly) {
  Task a;
  a.id = 1;
  a.description = "Rà soát hộ nghèo";
  a.assignee_member_ids = {3};
  a.deadline = d("2026-03-31");
  Task b = a;
  b.id = 2;
  b.status = TaskStatus::done;
  auto rs = test::hd42();
  EXPECT_TRUE(overdueTaskWarnings(rs, {a, b}, d("2026-03-31")).empty());
  auto w = overdueTaskWarnings(rs, {a, b}, d("2026-04-01"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "task_overdue");
  EXPECT_EQ(w[0].subject_kind, SubjectKind::task);
  EXPECT_EQ(w[0].subject_id, 1);
}

TEST(ResolutionWarnings, TasksNeverReviewedAfterTheNextMeeting) {
  Task a;
  a.id = 1;
  a.reviewed_in_meeting_id = 60;
  Task b;
  b.id = 2;
  ResolutionFollowUp r{9, "Số 03-NQ/CB", {a, b}, d("2026-04-08")};
  auto rs = test::hd42();
  EXPECT_TRUE(resolutionReviewWarnings(rs, r, d("2026-04-07")).empty());  // next meeting not held yet
  auto w = resolutionReviewWarnings(rs, r, d("2026-04-08"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "resolution_tasks_not_reviewed");
  EXPECT_EQ(w[0].subject_kind, SubjectKind::resolution);
  EXPECT_NE(w[0].message.find("còn 1 nhiệm vụ"), std::string::npos);
  r.tasks[1].reviewed_in_meeting_id = 60;
  EXPECT_TRUE(resolutionReviewWarnings(rs, r, d("2026-04-08")).empty());
  r.next_meeting_date.reset();
  r.tasks[1].reviewed_in_meeting_id.reset();
  EXPECT_TRUE(resolutionReviewWarnings(rs, r, d("2026-06-01")).empty());
}

TEST(WarningCodes, RoundTrip) {
  for (auto s : {Severity::info, Severity::warning, Severity::serious}) EXPECT_EQ(severityFromCode(toCode(s)), s);
  for (auto k : {SubjectKind::member, SubjectKind::meeting, SubjectKind::org, SubjectKind::task,
                 SubjectKind::resolution})
    EXPECT_EQ(subjectKindFromCode(toCode(k)), k);
  EXPECT_EQ(label(Severity::serious), "Nghiêm trọng");
}

}  // namespace
}  // namespace chibo
