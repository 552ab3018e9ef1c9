// A monthly meeting run through the API from plan to locked minutes, then its
// open tasks on the next meeting (issue 3 "Must show").
#include "api/meeting_fixture.h"

namespace chibo::testing {

class MeetingFlowTest : public MeetingApiTest {};

TEST_F(MeetingFlowTest, PlanPrepareHoldResolveFinalizeThenNextMeetingCarriesOpenTasks) {
  auto c = as("bithu.kp1");
  // Plan.
  auto id = plan(c, kp1_, "2027-01-08");
  auto m = c.get(meetingPath(id));
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.obj().at("status").as_string(), "planned");
  EXPECT_EQ(m.obj().at("access").as_string(), "write");
  EXPECT_GE(m.obj().at("agenda").as_array().size(), 10u);  // the HD 42 steps of a regular meeting
  auto expected = expectedIds(m.obj());
  ASSERT_GE(expected.size(), 5u);
  int64_t chair = expected[0], secretary = expected[1], absentee = expected[2], late = expected[3];

  // Prepare: every checklist item in time.
  auto prep = c.patch(meetingPath(id, "/preparation"),
                      json::object{{"chi_uy_meeting_at", "2027-01-03T19:00"}, {"content_preparer_member_id", secretary},
                                   {"draft_resolution_at", "2027-01-04T08:00"}, {"notice_members_at", "2027-01-05T08:00"},
                                   {"notice_monitor_at", "2027-01-05T08:05"}, {"documents_published_at", "2027-01-06T20:00"}});
  ASSERT_EQ(prep.status, 200) << prep.raw;
  EXPECT_EQ(prep.obj().at("preparation").as_object().at("satisfied").as_int64(), 6);
  ASSERT_EQ(c.patch(meetingPath(id), json::object{{"chair_member_id", chair}, {"secretary_member_id", secretary}}).status, 200);

  // Start; locking now lists what is missing and writes nothing.
  auto started = c.post(meetingPath(id, "/start"), json::object{{"at", "2027-01-08T19:35"}});
  ASSERT_EQ(started.status, 200) << started.raw;
  EXPECT_EQ(started.obj().at("status").as_string(), "held");
  auto before = auditCount();
  auto early = c.post(meetingPath(id, "/finalize"), json::object{});
  ASSERT_EQ(early.status, 422) << early.raw;
  EXPECT_EQ(early.code(), "incomplete");
  auto codes = missingCodes(early);
  for (const char* code : {"end_time", "attendance", "speeches", "resolution", "tasks", "minutes_read_back"})
    EXPECT_TRUE(codes.count(code)) << code;
  EXPECT_EQ(auditCount(), before);
  EXPECT_EQ(c.get(meetingPath(id)).obj().at("status").as_string(), "held");

  // Roll call: everyone present but one excused absence and one late arrival.
  json::array items;
  for (auto mid : expected) {
    if (mid == absentee)
      items.push_back(json::object{{"member_id", mid}, {"status", "absent_excused"}, {"reason_category", "illness"},
                                   {"reason", "Nằm viện"}});
    else
      items.push_back(json::object{{"member_id", mid}, {"status", mid == late ? "late" : "present"}});
  }
  auto att = c.put(meetingPath(id, "/attendance"), json::object{{"items", items}});
  ASSERT_EQ(att.status, 200) << att.raw;
  auto summary = att.obj().at("attendance").as_object();
  int n = int(expected.size());
  EXPECT_EQ(summary.at("expected").as_int64(), n);
  EXPECT_EQ(summary.at("present").as_int64(), n - 1);
  EXPECT_EQ(summary.at("late").as_int64(), 1);
  EXPECT_EQ(summary.at("excused").as_int64(), 1);
  EXPECT_EQ(summary.at("unmarked").as_int64(), 0);
  EXPECT_NEAR(summary.at("rate_percent").as_double(), 100.0 * (n - 1) / n, 1e-9);
  // Whatever earlier meetings left open is reviewed here.
  json::array reviews;
  for (auto& t : att.obj().at("carried_tasks").as_array())
    reviews.push_back(json::object{{"task_id", t.as_object().at("id")}, {"outcome", "done"}});
  if (!reviews.empty()) ASSERT_EQ(c.put(meetingPath(id, "/task-reviews"), json::object{{"items", reviews}}).status, 200);

  // Speakers.
  for (auto who : {chair, late}) {
    auto s = c.post(meetingPath(id, "/speeches"),
                    json::object{{"member_id", who}, {"summary", "Đề nghị tăng cường tuần tra"}, {"duration_seconds", 180}});
    ASSERT_EQ(s.status, 201) << s.raw;
  }
  // Resolution, vote, tasks.
  auto res = c.post(meetingPath(id, "/resolutions"),
                    json::object{{"title", "Lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2027"},
                                 {"assessment", "Hoàn thành các chỉ tiêu tháng trước."},
                                 {"direction", "Tập trung vệ sinh môi trường."},
                                 {"targets", json::array{json::object{{"description", "Thu quỹ"}, {"unit", "%"}, {"target_value", 100}}}}});
  ASSERT_EQ(res.status, 201) << res.raw;
  auto rid = idOf(res);
  EXPECT_EQ(str(res.obj().at("number_text")).rfind("Số ", 0), 0u) << res.raw;
  // Voters present as the server counts them from the roll (official members, not exempt).
  int voters = int(c.get(meetingPath(id)).obj().at("voters").as_object().at("present").as_int64());
  auto vote = c.put("/api/v1/resolutions/" + std::to_string(rid) + "/vote",
                    json::object{{"votes_for", voters - 1}, {"against", 1}, {"abstain", 0}, {"eligible", voters}});
  ASSERT_EQ(vote.status, 200) << vote.raw;
  EXPECT_TRUE(vote.obj().at("vote").as_object().at("passed").as_bool());
  std::vector<int64_t> tasks;
  for (auto who : {chair, late}) {
    auto t = c.post("/api/v1/resolutions/" + std::to_string(rid) + "/tasks",
                    json::object{{"description", "Tuyên truyền phòng chống cháy nổ"}, {"deadline", "2027-01-31"},
                                 {"assignee_member_ids", json::array{who}}});
    ASSERT_EQ(t.status, 201) << t.raw;
    tasks.push_back(idOf(t));
  }
  ASSERT_EQ(c.post(meetingPath(id, "/end"), json::object{{"at", "2027-01-08T21:20"}}).status, 200);
  auto still = c.post(meetingPath(id, "/finalize"), json::object{});
  ASSERT_EQ(still.status, 422);
  EXPECT_EQ(missingCodes(still), std::set<std::string>{"minutes_read_back"});

  // Read back, lock.
  ASSERT_EQ(c.post(meetingPath(id, "/end"), json::object{{"at", "2027-01-08T21:20"}, {"minutes_read_back", true}}).status, 200);
  auto locked = c.post(meetingPath(id, "/finalize"), json::object{});
  ASSERT_EQ(locked.status, 200) << locked.raw;
  EXPECT_EQ(locked.obj().at("status").as_string(), "finalized");
  EXPECT_FALSE(locked.obj().at("locked_at").is_null());
  EXPECT_TRUE(locked.obj().at("completeness").as_object().at("complete").as_bool());
  EXPECT_EQ(locked.obj().at("duration_minutes").as_int64(), 105);
  EXPECT_EQ(locked.obj().at("resolutions").as_array().at(0).as_object().at("issued_on").as_string(), "2027-01-08");
  auto history = c.get(meetingPath(id, "/history"));
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.obj().at("total").as_int64(), 1);
  EXPECT_EQ(history.obj().at("items").as_array()[0].as_object().at("kind").as_string(), "finalize");

  // The next month's meeting carries the open tasks onto its agenda.
  auto next = plan(c, kp1_, "2027-02-05");
  auto nm = c.get(meetingPath(next));
  std::set<int64_t> carried;
  for (auto& t : nm.obj().at("carried_tasks").as_array()) {
    carried.insert(t.as_object().at("id").as_int64());
    EXPECT_EQ(t.as_object().at("status").as_string(), "open");
  }
  for (auto t : tasks) EXPECT_TRUE(carried.count(t)) << t;
  // Reviewing one as done and carrying the other over: only the second goes on again.
  ASSERT_EQ(c.put(meetingPath(next, "/task-reviews"),
                  json::object{{"items", json::array{json::object{{"task_id", tasks[0]}, {"outcome", "done"}},
                                                     json::object{{"task_id", tasks[1]}, {"outcome", "carried_over"},
                                                                  {"note", "Chờ kinh phí"}}}}})
                .status,
            200);
  auto third = plan(c, kp1_, "2027-03-05");
  std::set<int64_t> again;
  auto third_view = c.get(meetingPath(third));
  for (auto& t : third_view.obj().at("carried_tasks").as_array()) again.insert(t.as_object().at("id").as_int64());
  EXPECT_FALSE(again.count(tasks[0]));
  EXPECT_TRUE(again.count(tasks[1]));
}

TEST_F(MeetingFlowTest, ListsByDateRangeAndMembersSeeTheirOwn) {
  auto c = as("bithu.kp1");
  auto me = as("dangvien.kp1");
  auto own = me.get("/api/v1/me").obj().at("user").as_object().at("member_id").as_int64();
  auto id = plan(c, kp1_, "2027-06-04");
  auto task = completeRecord(c, id, "2027-06-04", own);
  auto list = c.get(path("/api/v1/orgs/", kp1_, "/meetings?from=2027-06-01&to=2027-06-30"));
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.obj().at("total").as_int64(), 1);
  EXPECT_EQ(list.obj().at("items").as_array()[0].as_object().at("id").as_int64(), id);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_, "/meetings?from=2027-06-05&to=2027-06-30")).obj().at("total").as_int64(), 0);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_, "/meetings?from=bad")).status, 422);

  auto mine = me.get("/api/v1/me/meetings?from=2027-06-01&to=2027-06-30");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.obj().at("total").as_int64(), 1);
  auto mark = mine.obj().at("items").as_array()[0].as_object().at("my_attendance");
  ASSERT_TRUE(mark.is_object()) << mine.raw;
  EXPECT_EQ(mark.as_object().at("status").as_string(), "present");

  auto tasks = me.get("/api/v1/me/tasks");
  ASSERT_EQ(tasks.status, 200);
  bool found = false;
  for (auto& t : tasks.obj().at("items").as_array()) found |= t.as_object().at("id").as_int64() == task;
  EXPECT_TRUE(found);
  // The assignee reports progress and marks it done, but may not rewrite it.
  auto done = me.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "done"}, {"progress_note", "Đã thu đủ"}});
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.obj().at("status").as_string(), "done");
  EXPECT_EQ(done.obj().at("progress").as_array().size(), 1u);
  EXPECT_EQ(me.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"description", "Khác"}}).status, 403);
  EXPECT_EQ(me.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "dropped"}}).status, 422);
}

}  // namespace chibo::testing
