#pragma once
// Helpers for the meeting API tests: plan a meeting, read its roll, and run it
// to a record that passes the completeness check. Meetings are planned in
// 2027 and later so they follow any history the demo holds; each test plans
// its own, so order does not matter.
#include <set>
#include <string>
#include <vector>

#include "api/api_fixture.h"

namespace chibo::testing {

class MeetingApiTest : public ApiTest {
 protected:
  static std::string meetingPath(int64_t id, const std::string& rest = "") {
    return "/api/v1/meetings/" + std::to_string(id) + rest;
  }
  static int64_t idOf(const Resp& r) { return r.obj().at("id").as_int64(); }
  static std::string str(const json::value& v) { return std::string(v.as_string()); }

  // Plans a meeting of `org` on `day` (YYYY-MM-DD) at 19:30; asserts 201.
  int64_t plan(Client& c, int64_t org, const std::string& day, const std::string& kind = "regular",
               const std::string& topic = "") {
    json::object body{{"kind", kind}, {"planned_start", day + "T19:30"}, {"place", "Nhà văn hóa khu phố"}};
    if (!topic.empty()) body["topic"] = topic;
    auto r = c.post("/api/v1/orgs/" + std::to_string(org) + "/meetings", body);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.status == 201 ? idOf(r) : 0;
  }

  // Members of the roll that count for attendance, and those shown but left out.
  static std::vector<int64_t> expectedIds(const json::object& meeting) {
    std::vector<int64_t> out;
    for (auto& l : meeting.at("roll").as_array())
      if (l.as_object().at("counts_for_attendance").as_bool()) out.push_back(l.as_object().at("member_id").as_int64());
    return out;
  }
  static std::vector<int64_t> excludedIds(const json::object& meeting) {
    std::vector<int64_t> out;
    for (auto& l : meeting.at("roll").as_array())
      if (!l.as_object().at("counts_for_attendance").as_bool()) out.push_back(l.as_object().at("member_id").as_int64());
    return out;
  }
  static json::array allPresent(const std::vector<int64_t>& ids) {
    json::array items;
    for (auto id : ids) items.push_back(json::object{{"member_id", id}, {"status", "present"}});
    return items;
  }
  static std::set<std::string> missingCodes(const Resp& r) {
    std::set<std::string> out;
    for (auto& e : r.obj().at("errors").as_array()) out.insert(str(e.as_object().at("code")));
    return out;
  }

  // Runs meeting `id` planned on `day` to a record the completeness check
  // accepts: chair and secretary, start, everyone present, every carried task
  // reviewed as done, a speech, a voted resolution with one task (assigned to
  // `assignee`, or the chair), end with the minutes read back. Returns the task id.
  int64_t completeRecord(Client& c, int64_t id, const std::string& day, int64_t assignee = 0) {
    auto m = c.get(meetingPath(id)).obj();
    auto expected = expectedIds(m);
    EXPECT_GE(expected.size(), 3u);
    int64_t chair = expected.at(0), secretary = expected.at(1);
    EXPECT_EQ(c.patch(meetingPath(id), json::object{{"chair_member_id", chair}, {"secretary_member_id", secretary}}).status, 200);
    EXPECT_EQ(c.post(meetingPath(id, "/start"), json::object{{"at", day + "T19:30"}}).status, 200);
    auto att = c.put(meetingPath(id, "/attendance"), json::object{{"items", allPresent(expected)}});
    EXPECT_EQ(att.status, 200) << att.raw;
    json::array reviews;
    for (auto& t : att.obj().at("carried_tasks").as_array())
      reviews.push_back(json::object{{"task_id", t.as_object().at("id")}, {"outcome", "done"}, {"note", "Đã xong"}});
    if (!reviews.empty())
      EXPECT_EQ(c.put(meetingPath(id, "/task-reviews"), json::object{{"items", reviews}}).status, 200);
    EXPECT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", chair}, {"summary", "Ý kiến về vệ sinh môi trường"}}).status, 201);
    // The server counts who may vote from the roll (official members, not exempt) and checks it.
    int n = int(c.get(meetingPath(id)).obj().at("voters").as_object().at("present").as_int64());
    auto res = c.post(meetingPath(id, "/resolutions"),
                      json::object{{"title", "Lãnh đạo thực hiện nhiệm vụ tháng"},
                                   {"vote", json::object{{"votes_for", n}, {"against", 0}, {"abstain", 0}, {"eligible", n}}}});
    EXPECT_EQ(res.status, 201) << res.raw;
    auto task = c.post("/api/v1/resolutions/" + std::to_string(idOf(res)) + "/tasks",
                       json::object{{"description", "Vận động hội viên đóng quỹ"},
                                    {"deadline", day.substr(0, 8) + "28"},
                                    {"assignee_member_ids", json::array{assignee ? assignee : chair}}});
    EXPECT_EQ(task.status, 201) << task.raw;
    EXPECT_EQ(c.post(meetingPath(id, "/end"), json::object{{"at", day + "T21:30"}, {"minutes_read_back", true}}).status, 200);
    return task.status == 201 ? idOf(task) : 0;
  }
};

}  // namespace chibo::testing
