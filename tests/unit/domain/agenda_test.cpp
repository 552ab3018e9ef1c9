#include "domain/meeting/agenda.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chibo {
namespace {

std::vector<std::string> codes(const std::vector<AgendaItem>& a) {
  std::vector<std::string> out;
  for (const auto& i : a) out.push_back(i.step_code);
  return out;
}
bool has(const std::vector<AgendaItem>& a, const std::string& code) {
  auto c = codes(a);
  return std::find(c.begin(), c.end(), code) != c.end();
}

TEST(AgendaTemplate, RegularFollowsHd12OpeningThenClosesWithReadBack) {
  auto a = agendaTemplate(MeetingKind::regular);
  ASSERT_GE(a.size(), 5u);
  // HD 12/2018 Phần II mục 1.2: purpose, secretary, attendance, then the programme.
  EXPECT_EQ(a[0].step_code, "declare_purpose");
  EXPECT_EQ(a[1].step_code, "appoint_secretary");
  EXPECT_EQ(a[2].step_code, "roll_call");
  EXPECT_TRUE(has(a, "dues_status"));
  EXPECT_TRUE(has(a, "adopt_agenda"));
  EXPECT_TRUE(has(a, "review_previous"));
  EXPECT_TRUE(has(a, "vote_resolution"));
  EXPECT_TRUE(has(a, "assign_tasks"));
  EXPECT_TRUE(has(a, "quality_evaluation"));
  EXPECT_EQ(a.back().step_code, "read_minutes");
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].position, static_cast<int>(i + 1));
    EXPECT_FALSE(a[i].done);
    EXPECT_FALSE(a[i].title.empty());
  }
  EXPECT_EQ(a[0].phase, AgendaPhase::opening);
  EXPECT_EQ(a.back().phase, AgendaPhase::closing);
}

TEST(AgendaTemplate, ThematicPresentsTheTopicAndHasNoResolutionVote) {
  auto a = agendaTemplate(MeetingKind::thematic);
  EXPECT_TRUE(has(a, "present_topic"));
  EXPECT_TRUE(has(a, "topic_discussion"));
  EXPECT_TRUE(has(a, "topic_conclusion"));
  EXPECT_FALSE(has(a, "vote_resolution"));
  EXPECT_FALSE(has(a, "review_previous"));
}

TEST(AgendaTemplate, CombinedHasBothPartsAndReadsMinutesOnce) {
  auto a = agendaTemplate(MeetingKind::combined);
  EXPECT_TRUE(has(a, "review_previous"));
  EXPECT_TRUE(has(a, "present_topic"));
  auto c = codes(a);
  EXPECT_EQ(std::count(c.begin(), c.end(), "read_minutes"), 1);
  EXPECT_EQ(c.back(), "read_minutes");
}

TEST(AgendaTemplate, EveryKindHasATemplateAndASource) {
  for (auto k : {MeetingKind::regular, MeetingKind::thematic, MeetingKind::combined, MeetingKind::extraordinary,
                 MeetingKind::subgroup, MeetingKind::committee_meeting}) {
    auto a = agendaTemplate(k);
    EXPECT_FALSE(a.empty());
    EXPECT_TRUE(has(a, "roll_call"));
    EXPECT_FALSE(agendaTemplateSource(k).empty());
  }
}

TEST(AgendaTemplate, CallerMayEditTheReturnedList) {
  auto a = agendaTemplate(MeetingKind::regular);
  size_t n = a.size();
  AgendaItem extra;
  extra.position = static_cast<int>(n + 1);
  extra.title = "Xét kết nạp quần chúng ưu tú";
  a.push_back(extra);
  a.erase(a.begin() + 3);  // the cell drops the dues announcement this month
  EXPECT_EQ(a.size(), n);
  EXPECT_EQ(agendaTemplate(MeetingKind::regular).size(), n);  // the template itself is unchanged
}

TEST(AgendaTemplate, MissingRequiredStepsListsUndoneRequiredItems) {
  auto a = agendaTemplate(MeetingKind::regular);
  size_t required = 0;
  for (auto& i : a) {
    if (i.required) ++required;
    if (i.step_code != "read_minutes") i.done = true;
  }
  EXPECT_GT(required, 5u);
  auto missing = missingRequiredSteps(a);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].step_code, "read_minutes");
}

TEST(AgendaPhaseCodes, RoundTrip) {
  for (auto p : {AgendaPhase::opening, AgendaPhase::conduct, AgendaPhase::closing})
    EXPECT_EQ(agendaPhaseFromCode(toCode(p)), p);
  EXPECT_EQ(label(AgendaPhase::opening), "Mở đầu");
}

}  // namespace
}  // namespace chibo
