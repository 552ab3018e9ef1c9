#include "domain/meeting/task.h"

#include <gtest/gtest.h>

#include "domain/meeting/resolution.h"
#include "unit/domain/domain_fixtures.h"

namespace chibo {
namespace {
using test::d;

Task task(Id id, TaskStatus st, std::optional<Date> deadline) {
  Task t;
  t.id = id;
  t.description = "Nhiệm vụ " + std::to_string(id);
  t.assignee_member_ids = {1};
  t.status = st;
  t.deadline = deadline;
  return t;
}

std::vector<Id> ids(const std::vector<Task>& ts) {
  std::vector<Id> out;
  for (const auto& t : ts) out.push_back(t.id);
  return out;
}

TEST(TaskFollowUp, OpenLateAndCarriedOverGoToTheNextAgenda) {
  std::vector<Task> ts{task(1, TaskStatus::open, {}), task(2, TaskStatus::done, {}), task(3, TaskStatus::late, {}),
                       task(4, TaskStatus::carried_over, {}), task(5, TaskStatus::dropped, {})};
  EXPECT_EQ(ids(tasksToCarry(ts)), (std::vector<Id>{1, 3, 4}));
}

TEST(TaskFollowUp, OverdueIsStrictlyAfterTheDeadlineAndOnlyWhilePending) {
  auto t = task(1, TaskStatus::open, d("2026-03-31"));
  EXPECT_FALSE(isOverdue(t, d("2026-03-31")));  // due today is not late yet
  EXPECT_TRUE(isOverdue(t, d("2026-04-01")));
  t.status = TaskStatus::done;
  EXPECT_FALSE(isOverdue(t, d("2026-05-01")));
  EXPECT_FALSE(isOverdue(task(2, TaskStatus::open, std::nullopt), d("2030-01-01")));
  std::vector<Task> ts{task(3, TaskStatus::late, d("2026-03-01")), task(4, TaskStatus::carried_over, d("2026-05-01")),
                       task(5, TaskStatus::dropped, d("2026-01-01"))};
  EXPECT_EQ(ids(overdueTasks(ts, d("2026-04-01"))), (std::vector<Id>{3}));
}

TEST(TaskFollowUp, UnreviewedTasks) {
  auto a = task(1, TaskStatus::done, {});
  a.reviewed_in_meeting_id = 9;
  auto b = task(2, TaskStatus::open, {});
  EXPECT_EQ(ids(unreviewedTasks({a, b})), (std::vector<Id>{2}));
}

TEST(TaskValidation, NeedsDescriptionOwnersAndDeadline) {
  Task t;
  auto s = validateTask(t, "tasks[0].");
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.error().field_errors.size(), 3u);
  EXPECT_EQ(s.error().field_errors[0].field, "tasks[0].description");
  EXPECT_EQ(s.error().field_errors[1].field, "tasks[0].assignee_member_ids");
  EXPECT_EQ(s.error().field_errors[2].field, "tasks[0].deadline");
  t = task(1, TaskStatus::open, d("2026-04-01"));
  EXPECT_TRUE(validateTask(t).ok());
  t.assignee_member_ids = {3, 3};
  EXPECT_EQ(validateTask(t).error().field_errors[0].code, "duplicate");
}

TEST(TaskCodes, RoundTrip) {
  for (auto s : {TaskStatus::open, TaskStatus::done, TaskStatus::late, TaskStatus::carried_over, TaskStatus::dropped}) {
    EXPECT_EQ(taskStatusFromCode(toCode(s)), s);
    EXPECT_FALSE(label(s).empty());
  }
}

TEST(Targets, MetByNumbersOrByJudgementAndUnevaluatedStayOut) {
  Target numeric{1, "Thu quỹ", "triệu đồng", 10.0, 12.0, std::nullopt, ""};
  Target short_of{2, "Hộ đăng ký gia đình văn hóa", "hộ", 50.0, 45.0, std::nullopt, ""};
  Target judged{3, "Giữ vững an ninh trật tự", "", std::nullopt, std::nullopt, true, ""};
  Target overridden{4, "Số hộ", "hộ", 10.0, 12.0, false, "Số liệu chưa xác minh"};
  Target unknown{5, "Chưa có số liệu", "", 10.0, std::nullopt, std::nullopt, ""};
  EXPECT_EQ(targetMet(numeric), true);
  EXPECT_EQ(targetMet(short_of), false);
  EXPECT_EQ(targetMet(judged), true);
  EXPECT_EQ(targetMet(overridden), false);
  EXPECT_FALSE(targetMet(unknown));
  auto t = tallyTargets({numeric, short_of, judged, overridden, unknown});
  EXPECT_EQ(t.total, 5);
  EXPECT_EQ(t.evaluated, 4);
  EXPECT_EQ(t.met, 2);
  EXPECT_DOUBLE_EQ(t.met_percent, 50.0);
}

TEST(ResolutionValidation, TitleTypeTargetsAndVote) {
  Resolution r;
  r.doc_type = DocType::minutes;
  r.targets = {Target{}};
  r.vote = Vote{5, 0, 0, 3, VoteRule::majority_present};
  auto s = validateResolution(r);
  ASSERT_FALSE(s.ok());
  std::vector<std::string> fields;
  for (const auto& fe : s.error().field_errors) fields.push_back(fe.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"doc_type", "title", "targets[0].description", "vote.votes_for"}));
}

}  // namespace
}  // namespace chibo
