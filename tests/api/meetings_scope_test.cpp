// Who sees and changes meetings: members read their cell's (basic), monitors
// read the cells they follow, the cell committee writes; other cells are 404.
#include "api/meeting_fixture.h"

namespace chibo::testing {

class MeetingScopeTest : public MeetingApiTest {};

TEST_F(MeetingScopeTest, MembersAndMonitorsReadTheirCellsMeetingsOnly) {
  auto staff = as("canbo.phuong");
  auto kp1 = plan(staff, kp1_, "2027-07-02");
  auto kp2 = plan(staff, kp2_, "2027-07-02");
  struct Row {
    const char* user;
    int read_kp1, write_kp1, read_kp2, list_kp1, create_kp1;
    const char* access;
  };
  const Row rows[] = {
      {"canbo.phuong", 200, 200, 200, 200, 201, "write"},
      {"bithu.kp1", 200, 200, 404, 200, 201, "write"},
      {"giamsat.phuong", 200, 403, 404, 200, 403, "read"},
      {"dangvien.kp1", 200, 403, 404, 200, 403, "basic"},
      {"bithu.ubnd", 404, 404, 404, 404, 404, ""},
  };
  int day = 10;
  for (const auto& r : rows) {
    SCOPED_TRACE(r.user);
    auto c = as(r.user);
    auto got = c.get(meetingPath(kp1));
    EXPECT_EQ(got.status, r.read_kp1);
    if (got.status == 200) EXPECT_EQ(got.obj().at("access").as_string(), r.access);
    auto before = auditCount();
    int w = c.patch(meetingPath(kp1), json::object{{"place", std::string("Phòng họp ") + r.user}}).status;
    EXPECT_EQ(w, r.write_kp1);
    EXPECT_EQ(auditCount() - before, w == 200 ? 1 : 0);
    EXPECT_EQ(c.get(meetingPath(kp2)).status, r.read_kp2);
    EXPECT_EQ(c.get(meetingPath(kp2, "/history")).status, r.read_kp2);
    EXPECT_EQ(c.patch(meetingPath(kp2), json::object{{"place", "x"}}).status, r.read_kp2 == 200 ? 200 : 404);
    EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_, "/meetings")).status, r.list_kp1);
    auto created = c.post(path("/api/v1/orgs/", kp1_, "/meetings"),
                          json::object{{"kind", "regular"}, {"planned_start", "2027-08-" + std::to_string(day++) + "T19:30"}});
    EXPECT_EQ(created.status, r.create_kp1);
  }
}

TEST_F(MeetingScopeTest, TasksAreReadableByTheirAssigneeAndWritableByTheCell) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-07-09");
  auto task = completeRecord(sec, id, "2027-07-09");
  // Not the assignee, a member of the cell: sees the meeting, may not touch the task.
  EXPECT_EQ(as("dangvien.kp1").patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "done"}}).status, 403);
  EXPECT_EQ(as("bithu.ubnd").patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "done"}}).status, 404);
  auto late = sec.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "late"}, {"result_note", "Chậm do mưa"}});
  ASSERT_EQ(late.status, 200) << late.raw;
  EXPECT_EQ(late.obj().at("status").as_string(), "late");
  EXPECT_EQ(sec.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"deadline", ""}}).status, 422);
  EXPECT_EQ(as("dangvien.kp1").get("/api/v1/me/tasks").status, 200);
  EXPECT_EQ(as("admin").get("/api/v1/me/meetings").obj().at("total").as_int64(), 0);  // no member, no meetings
}

}  // namespace chibo::testing
