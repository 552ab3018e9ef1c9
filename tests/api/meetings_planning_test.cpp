// Planning ahead: resolution numbers under concurrency, the thematic plan,
// and finding a time most members can attend.
#include <algorithm>
#include <thread>

#include "api/meeting_fixture.h"

namespace chibo::testing {

class MeetingPlanningTest : public MeetingApiTest {};

TEST_F(MeetingPlanningTest, ConcurrentResolutionsAreNumberedWithoutGapsOrDuplicates) {
  // A fresh cell: its sequence starts empty whatever the demo holds.
  auto staff = as("canbo.phuong");
  auto cell = staff.post("/api/v1/orgs", json::object{{"parent_id", ward_}, {"name", "Chi bộ Thử đánh số"}, {"kind", "cell"}});
  ASSERT_EQ(cell.status, 201) << cell.raw;
  auto cell_id = idOf(cell);
  constexpr int kThreads = 12;
  std::vector<int64_t> meetings;
  for (int i = 0; i < kThreads; ++i) {
    auto r = staff.post(path("/api/v1/orgs/", cell_id, "/meetings"),
                        json::object{{"kind", "extraordinary"}, {"planned_start", "2027-09-" + std::to_string(10 + i) + "T19:30"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    meetings.push_back(idOf(r));
  }
  std::vector<Client> clients;
  clients.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) clients.push_back(as("canbo.phuong"));
  std::vector<int> numbers(kThreads, -1), statuses(kThreads, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      auto r = clients[size_t(i)].post(meetingPath(meetings[size_t(i)], "/resolutions"),
                                       json::object{{"title", "Nghị quyết chuyên đề " + std::to_string(i)}});
      statuses[size_t(i)] = r.status;
      if (r.status == 201) numbers[size_t(i)] = int(r.obj().at("number").as_int64());
    });
  for (auto& t : threads) t.join();
  for (int s : statuses) EXPECT_EQ(s, 201);
  std::sort(numbers.begin(), numbers.end());
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(numbers[size_t(i)], i + 1);
}

TEST_F(MeetingPlanningTest, CellsAdoptTheWardsSuggestedTopicsAndLinkTheirMeetings) {
  auto staff = as("canbo.phuong");
  auto sug = staff.post(path("/api/v1/orgs/", ward_, "/thematic-plan"),
                        json::object{{"year", 2027}, {"quarter", 1}, {"topic", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
                                     {"source", "Định hướng của Đảng ủy phường"}});
  ASSERT_EQ(sug.status, 201) << sug.raw;
  auto sec = as("bithu.kp1");
  auto view = sec.get(path("/api/v1/orgs/", kp1_, "/thematic-plan?year=2027"));
  ASSERT_EQ(view.status, 200);
  bool offered = false;
  for (auto& s : view.obj().at("suggestions").as_array()) offered |= s.as_object().at("id") == sug.obj().at("id");
  EXPECT_TRUE(offered);
  EXPECT_EQ(view.obj().at("quarters_without_topic").as_array().size(), 4u);
  auto own = sec.post(path("/api/v1/orgs/", kp1_, "/thematic-plan"),
                      json::object{{"year", 2027}, {"quarter", 1}, {"suggestion_id", sug.obj().at("id")}});
  ASSERT_EQ(own.status, 201) << own.raw;
  EXPECT_EQ(own.obj().at("topic"), sug.obj().at("topic"));
  EXPECT_EQ(sec.post(path("/api/v1/orgs/", kp1_, "/thematic-plan"), json::object{{"year", 2027}, {"quarter", 5}, {"topic", "x"}}).status, 422);
  auto meeting = sec.post(path("/api/v1/orgs/", kp1_, "/meetings"),
                          json::object{{"kind", "thematic"}, {"planned_start", "2027-03-19T19:30"}, {"thematic_plan_id", own.obj().at("id")}});
  ASSERT_EQ(meeting.status, 201) << meeting.raw;
  EXPECT_EQ(meeting.obj().at("topic"), sug.obj().at("topic"));
  auto after = sec.get(path("/api/v1/orgs/", kp1_, "/thematic-plan?year=2027"));
  EXPECT_EQ(after.obj().at("items").as_array()[0].as_object().at("meeting_id").as_int64(), idOf(meeting));
  EXPECT_EQ(after.obj().at("quarters_without_topic").as_array().size(), 3u);
  // Members read the plan; they do not write it.
  auto member = as("dangvien.kp1");
  EXPECT_EQ(member.get(path("/api/v1/orgs/", kp1_, "/thematic-plan?year=2027")).status, 200);
  EXPECT_EQ(member.post(path("/api/v1/orgs/", kp1_, "/thematic-plan"), json::object{{"year", 2027}, {"quarter", 2}, {"topic", "x"}}).status, 403);
}

TEST_F(MeetingPlanningTest, TheSlotMostMembersCanAttendIsShown) {
  auto sec = as("bithu.kp1");
  auto member = as("dangvien.kp1");
  auto own = member.get("/api/v1/me").obj().at("user").as_object().at("member_id").as_int64();
  auto id = plan(sec, kp1_, "2027-10-01");
  auto proposed = sec.post(meetingPath(id, "/slots"), json::object{{"slots", json::array{"2027-10-01T19:30", "2027-10-02T08:00"}}});
  ASSERT_EQ(proposed.status, 200) << proposed.raw;
  auto slots = proposed.obj().at("slots").as_object().at("items").as_array();
  ASSERT_EQ(slots.size(), 2u);
  auto evening = slots[0].as_object().at("id").as_int64(), morning = slots[1].as_object().at("id").as_int64();
  EXPECT_TRUE(proposed.obj().at("slots").as_object().at("best_slot_id").is_null());
  ASSERT_EQ(member.put(meetingPath(id, "/slots/availability"), json::object{{"slot_ids", json::array{morning}}}).status, 200);
  auto others = expectedIds(proposed.obj());
  int64_t other = others[0] == own ? others[1] : others[0];
  // The secretary records a phone answer; a member may not answer for someone else.
  ASSERT_EQ(sec.put(meetingPath(id, "/slots/availability"), json::object{{"member_id", other}, {"slot_ids", json::array{morning, evening}}}).status, 200);
  EXPECT_EQ(member.put(meetingPath(id, "/slots/availability"), json::object{{"member_id", other}, {"slot_ids", json::array{}}}).status, 403);
  auto m = sec.get(meetingPath(id)).obj();
  EXPECT_EQ(m.at("slots").as_object().at("best_slot_id").as_int64(), morning);
  EXPECT_EQ(sec.put(meetingPath(id, "/slots/availability"), json::object{{"slot_ids", json::array{999999}}}).status, 422);
}

}  // namespace chibo::testing
