#include "domain/meeting/meeting.h"

#include <gtest/gtest.h>

#include "domain/meeting/preparation.h"
#include "domain/meeting/schedule.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::dt;

Meeting valid() {
  Meeting m;
  m.org_id = 7;
  m.kind = MeetingKind::regular;
  m.planned_start = dt("2026-03-10T19:30");
  m.period_year = 2026;
  m.period_month = 3;
  m.chair_member_id = 1;
  m.secretary_member_id = 2;
  return m;
}

bool hasField(const Status& s, const std::string& field, const std::string& code) {
  if (s.ok()) return false;
  for (const auto& fe : s.error().field_errors)
    if (fe.field == field && fe.code == code) return true;
  return false;
}

TEST(MeetingCodes, EveryKindAndStatusRoundTripsAndHasALabel) {
  for (auto k : {MeetingKind::regular, MeetingKind::thematic, MeetingKind::combined, MeetingKind::extraordinary,
                 MeetingKind::subgroup, MeetingKind::committee_meeting}) {
    EXPECT_EQ(meetingKindFromCode(toCode(k)), k);
    EXPECT_FALSE(label(k).empty());
  }
  for (auto s : {MeetingStatus::planned, MeetingStatus::held, MeetingStatus::finalized, MeetingStatus::cancelled}) {
    EXPECT_EQ(meetingStatusFromCode(toCode(s)), s);
    EXPECT_FALSE(label(s).empty());
  }
  EXPECT_EQ(toCode(MeetingKind::combined), "combined");
  EXPECT_EQ(label(MeetingKind::thematic), "Sinh hoạt chuyên đề");
  EXPECT_FALSE(meetingKindFromCode("monthly"));
}

TEST(MeetingValidation, AcceptsAValidMeeting) { EXPECT_TRUE(validateMeeting(valid()).ok()); }

TEST(MeetingValidation, ThematicAndCombinedNeedATopic) {
  auto m = valid();
  m.kind = MeetingKind::thematic;
  EXPECT_TRUE(hasField(validateMeeting(m), "topic", "required"));
  m.kind = MeetingKind::combined;
  EXPECT_TRUE(hasField(validateMeeting(m), "topic", "required"));
  m.topic = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
  EXPECT_TRUE(validateMeeting(m).ok());
}

TEST(MeetingValidation, RejectsBadPeriodSameChairAndSecretaryAndEndBeforeStart) {
  auto m = valid();
  m.period_month = 13;
  m.secretary_member_id = 1;
  m.started_at = dt("2026-03-10T19:30");
  m.ended_at = dt("2026-03-10T19:00");
  auto s = validateMeeting(m);
  EXPECT_TRUE(hasField(s, "period_month", "out_of_range"));
  EXPECT_TRUE(hasField(s, "secretary_member_id", "same_as_chair"));
  EXPECT_TRUE(hasField(s, "ended_at", "before_start"));
  EXPECT_EQ(s.error().kind, ErrorKind::validation);
}

TEST(MeetingDuration, WholeMinutesBetweenStartAndEnd) {
  auto m = valid();
  EXPECT_FALSE(durationMinutes(m));
  m.started_at = dt("2026-03-10T19:30");
  m.ended_at = dt("2026-03-10T21:05:59");
  EXPECT_EQ(durationMinutes(m), 95);
  m.ended_at = dt("2026-03-10T19:00");
  EXPECT_FALSE(durationMinutes(m));
}

TEST(MeetingLifecycle, FinalizedAndCancelledAreFinal) {
  EXPECT_TRUE(mayTransition(MeetingStatus::planned, MeetingStatus::held));
  EXPECT_TRUE(mayTransition(MeetingStatus::planned, MeetingStatus::cancelled));
  EXPECT_TRUE(mayTransition(MeetingStatus::held, MeetingStatus::finalized));
  EXPECT_FALSE(mayTransition(MeetingStatus::planned, MeetingStatus::finalized));
  EXPECT_FALSE(mayTransition(MeetingStatus::finalized, MeetingStatus::held));
  EXPECT_FALSE(mayTransition(MeetingStatus::cancelled, MeetingStatus::planned));
}

TEST(MeetingAmendment, NeedsFinalizedMeetingNextVersionAndReason) {
  auto m = valid();
  m.version = 3;
  Amendment a{0, 0, 4, "Sửa tên người phát biểu", std::nullopt, dt("2026-03-12T08:00")};
  EXPECT_EQ(validateAmendment(m, a).error().code, "not_finalized");
  m.status = MeetingStatus::finalized;
  EXPECT_TRUE(validateAmendment(m, a).ok());
  a.version = 3;
  EXPECT_EQ(validateAmendment(m, a).error().code, "stale_version");
  a.version = 4;
  a.reason.clear();
  EXPECT_TRUE(hasField(validateAmendment(m, a), "reason", "required"));
}

TEST(MeetingKinds, MonthlyAndThematicCounting) {
  EXPECT_TRUE(countsAsMonthly(MeetingKind::regular));
  EXPECT_TRUE(countsAsMonthly(MeetingKind::combined));
  EXPECT_FALSE(countsAsMonthly(MeetingKind::thematic));
  EXPECT_FALSE(countsAsMonthly(MeetingKind::subgroup));  // a tổ đảng meeting never replaces the cell's
  EXPECT_TRUE(countsAsThematic(MeetingKind::combined));
  EXPECT_FALSE(countsAsThematic(MeetingKind::regular));
  EXPECT_EQ(quarterOf(1), 1);
  EXPECT_EQ(quarterOf(3), 1);
  EXPECT_EQ(quarterOf(4), 2);
  EXPECT_EQ(quarterOf(12), 4);
}

TEST(Speeches, DistinctSpeakersCountsMembersOnce) {
  std::vector<Speech> s{{1, 10, {}, "a", {}}, {2, 11, {}, "b", {}}, {3, 10, {}, "c", 120}};
  EXPECT_EQ(distinctSpeakers(s), 2);
  EXPECT_EQ(distinctSpeakers({}), 0);
}

TEST(Preparation, DocumentsCountedInCalendarDaysBeforeTheMeetingDay) {
  PreparationChecklist c;
  c.documents_published_at = dt("2026-03-09T21:00");  // the evening before a 19:30 meeting
  auto start = dt("2026-03-10T19:30");
  EXPECT_EQ(documentsDeadline(start, 1), test::d("2026-03-09"));
  EXPECT_TRUE(evaluatePreparation(c, start, 1).find(PrepItem::documents_on_time)->satisfied);
  c.documents_published_at = dt("2026-03-10T08:00");  // same day: late under HD 42
  EXPECT_FALSE(evaluatePreparation(c, start, 1).find(PrepItem::documents_on_time)->satisfied);
  EXPECT_TRUE(evaluatePreparation(c, start, 0).find(PrepItem::documents_on_time)->satisfied);
  c.documents_published_at = dt("2026-03-10T20:00");  // after the start: late even with no day rule
  EXPECT_FALSE(evaluatePreparation(c, start, 0).find(PrepItem::documents_on_time)->satisfied);
}

TEST(Preparation, NoticesAndPrepMeetingMustBeBeforeTheStart) {
  PreparationChecklist c;
  auto start = dt("2026-03-10T19:30");
  c.chi_uy_meeting_at = dt("2026-03-05T08:00");
  c.content_preparer_member_id = 3;
  c.draft_resolution_attached = true;
  c.notice_members_at = dt("2026-03-08T08:00");
  c.notice_monitor_at = dt("2026-03-10T19:45");  // after the start
  auto r = evaluatePreparation(c, start, 1);
  EXPECT_EQ(r.items.size(), 6u);
  EXPECT_EQ(r.satisfied, 4);  // monitor late, documents missing
  EXPECT_FALSE(r.find(PrepItem::notice_monitor)->satisfied);
  EXPECT_TRUE(r.find(PrepItem::notice_members)->satisfied);
}

TEST(ThematicPlan, Validation) {
  ThematicPlanEntry e;
  e.org_id = 1;
  e.year = 2026;
  e.quarter = 5;
  auto s = validateThematicPlanEntry(e);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field_errors.size(), 2u);  // topic, quarter
  e.quarter = 2;
  e.topic = "Chuyên đề năm 2026";
  EXPECT_TRUE(validateThematicPlanEntry(e).ok());
}

TEST(SlotPoll, PicksTheSlotMostDistinctMembersCanAttend) {
  auto a = dt("2026-03-05T19:30"), b = dt("2026-03-06T19:30"), c = dt("2026-03-07T19:30");
  SlotPoll p;
  p.slots = {a, b, c};
  p.answers = {{1, {a, b}}, {2, {b, c}}, {3, {b}}, {4, {a, c}}, {1, {b}},  // member 1 answered twice
               {5, {dt("2026-03-08T19:30")}}};                         // a slot nobody proposed
  auto best = bestSlot(p);
  ASSERT_TRUE(best);
  EXPECT_EQ(best->slot, b);
  EXPECT_EQ(best->count, 3);
  EXPECT_EQ(best->member_ids, (std::vector<Id>{1, 2, 3}));
  auto t = tallySlots(p);
  EXPECT_EQ(t[0].count, 2);
  EXPECT_EQ(t[2].count, 2);
}

TEST(SlotPoll, TiesGoToTheEarliestSlotWhateverTheOrder) {
  auto a = dt("2026-03-05T19:30"), c = dt("2026-03-07T19:30");
  SlotPoll p;
  p.slots = {c, a};
  p.answers = {{1, {a}}, {2, {c}}};
  EXPECT_EQ(bestSlot(p)->slot, a);
  EXPECT_FALSE(bestSlot(SlotPoll{}));
}

}  // namespace
}  // namespace chibo
