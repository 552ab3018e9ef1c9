// Live mode: the denominator of the attendance rate, QR check-in, speakers.
#include "api/meeting_fixture.h"

namespace chibo::testing {

class MeetingLiveTest : public MeetingApiTest {
 protected:
  // A new KP1 member with a status period from 2027-01-01.
  int64_t memberWithStatus(Client& c, const std::string& name, const std::string& kind) {
    auto m = newMember(kp1_, name);
    m["joined_on"] = "2026-01-01";
    auto r = c.post("/api/v1/members", m);
    EXPECT_EQ(r.status, 201) << r.raw;
    auto id = idOf(r);
    if (!kind.empty())
      EXPECT_EQ(c.post(path("/api/v1/members/", id, "/statuses"), json::object{{"kind", kind}, {"from", "2027-01-01"}}).status, 201);
    return id;
  }
};

TEST_F(MeetingLiveTest, RateLeavesOutExemptAndAwayAndCountsIncomingMembers) {
  auto c = as("bithu.kp1");
  auto away = memberWithStatus(c, "Đinh Văn Đi Vắng", "temp_out");
  auto exempt = memberWithStatus(c, "Lâm Thị Miễn", "exempt");
  auto incoming = memberWithStatus(c, "Tạ Văn Đến", "temp_in");
  auto id = plan(c, kp1_, "2027-02-12");
  auto m = c.get(meetingPath(id)).obj();
  std::map<int64_t, json::object> roll;
  for (auto& l : m.at("roll").as_array()) roll[l.as_object().at("member_id").as_int64()] = l.as_object();
  ASSERT_TRUE(roll.count(away) && roll.count(exempt) && roll.count(incoming));
  EXPECT_EQ(roll[away].at("excluded").as_string(), "away");
  EXPECT_EQ(roll[exempt].at("excluded").as_string(), "exempt");
  EXPECT_TRUE(roll[incoming].at("counts_for_attendance").as_bool());
  EXPECT_TRUE(roll[incoming].at("incoming").as_bool());

  auto counts = m.at("attendance").as_object();
  auto expected = expectedIds(m);
  EXPECT_EQ(counts.at("expected").as_int64(), int64_t(expected.size()));
  EXPECT_EQ(counts.at("expected").as_int64(), counts.at("on_roll").as_int64() - counts.at("exempt").as_int64() -
                                                  counts.at("away").as_int64() - counts.at("special_duty").as_int64());

  // Marking an away member absent is refused: they are not expected.
  auto wrong = c.put(meetingPath(id, "/attendance"),
                     json::object{{"items", json::array{json::object{{"member_id", away}, {"status", "absent_unexcused"}}}}});
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.obj().at("errors").as_array()[0].as_object().at("code").as_string(), "excluded_member");

  // Everyone expected present except the incoming member; the away member came anyway.
  json::array items;
  for (auto mid : expected)
    items.push_back(json::object{{"member_id", mid}, {"status", mid == incoming ? "absent_unexcused" : "present"}});
  items.push_back(json::object{{"member_id", away}, {"status", "present"}});
  auto r = c.put(meetingPath(id, "/attendance"), json::object{{"items", items}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto a = r.obj().at("attendance").as_object();
  int64_t n = int64_t(expected.size());
  EXPECT_EQ(a.at("present").as_int64(), n - 1);
  EXPECT_EQ(a.at("unexcused").as_int64(), 1);
  EXPECT_NEAR(a.at("rate_percent").as_double(), 100.0 * double(n - 1) / double(n), 1e-9);
  bool attended = false;
  for (auto& x : a.at("excluded").as_array())
    if (x.as_object().at("member_id").as_int64() == away) attended = x.as_object().at("attended").as_bool();
  EXPECT_TRUE(attended);
}

TEST_F(MeetingLiveTest, QrCheckInMarksTheScanningMemberPresent) {
  auto sec = as("bithu.kp1");
  auto member = as("dangvien.kp1");
  auto own = member.get("/api/v1/me").obj().at("user").as_object().at("member_id").as_int64();
  auto id = plan(sec, kp1_, "2027-02-19");
  EXPECT_EQ(sec.post(meetingPath(id, "/checkin-token"), json::object{}).code(), "not_started");
  ASSERT_EQ(sec.post(meetingPath(id, "/start"), json::object{{"at", "2027-02-19T19:30"}}).status, 200);
  EXPECT_EQ(member.post(meetingPath(id, "/checkin-token"), json::object{}).status, 403);
  auto tok = sec.post(meetingPath(id, "/checkin-token"), json::object{{"minutes", 10}});
  ASSERT_EQ(tok.status, 201) << tok.raw;
  auto token = str(tok.obj().at("token"));
  EXPECT_NE(str(tok.obj().at("svg")).find("<svg"), std::string::npos);
  EXPECT_NE(str(tok.obj().at("url")).find(token), std::string::npos);

  auto done = member.post("/api/v1/checkin", json::object{{"token", token}});
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.obj().at("member_id").as_int64(), own);
  EXPECT_FALSE(done.obj().at("already").as_bool());
  EXPECT_TRUE(member.post("/api/v1/checkin", json::object{{"token", token}}).obj().at("already").as_bool());
  EXPECT_EQ(member.post("/api/v1/checkin", json::object{{"token", "khong-phai-ma"}}).status, 404);
  // Someone from another cell cannot check in here.
  EXPECT_EQ(as("bithu.ubnd").post("/api/v1/checkin", json::object{{"token", token}}).status, 422);

  auto m = sec.get(meetingPath(id)).obj();
  for (auto& l : m.at("roll").as_array())
    if (l.as_object().at("member_id").as_int64() == own) {
      auto mark = l.as_object().at("mark").as_object();
      EXPECT_EQ(mark.at("status").as_string(), "present");
      EXPECT_EQ(mark.at("source").as_string(), "checkin");
    }
  // A roll call that keeps the mark keeps its source.
  json::array items{json::object{{"member_id", own}, {"status", "present"}}};
  auto put = sec.put(meetingPath(id, "/attendance"), json::object{{"items", items}});
  for (auto& l : put.obj().at("roll").as_array())
    if (l.as_object().at("member_id").as_int64() == own)
      EXPECT_EQ(l.as_object().at("mark").as_object().at("source").as_string(), "checkin");
}

TEST_F(MeetingLiveTest, SpeechesNameARollMemberAndAnAgendaItemOfThisMeeting) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-02-26");
  auto m = c.get(meetingPath(id)).obj();
  auto item = m.at("agenda").as_array()[10].as_object().at("id").as_int64();
  auto s = c.post(meetingPath(id, "/speeches"),
                  json::object{{"member_id", expectedIds(m)[0]}, {"agenda_item_id", item}, {"summary", "Góp ý dự thảo"}});
  ASSERT_EQ(s.status, 201) << s.raw;
  EXPECT_EQ(s.obj().at("agenda_item_id").as_int64(), item);
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", firstMemberOf(kp2_)}, {"summary", "x"}}).status, 422);
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", expectedIds(m)[0]}}).status, 422);
  // Ticking agenda steps, keeping their codes.
  auto agenda = m.at("agenda").as_array();
  json::array items;
  for (size_t i = 0; i < agenda.size(); ++i)
    items.push_back(json::object{{"id", agenda[i].as_object().at("id")}, {"done", i < 3}});
  items.push_back(json::object{{"title", "Bầu tổ trưởng tổ dân phố"}, {"phase", "conduct"}});
  auto put = c.put(meetingPath(id, "/agenda"), json::object{{"items", items}});
  ASSERT_EQ(put.status, 200) << put.raw;
  auto after = put.obj().at("agenda").as_array();
  ASSERT_EQ(after.size(), agenda.size() + 1);
  EXPECT_TRUE(after[0].as_object().at("done").as_bool());
  EXPECT_EQ(after[0].as_object().at("step_code").as_string(), agenda[0].as_object().at("step_code").as_string());
  EXPECT_EQ(after.back().as_object().at("step_code").as_string(), "");
  EXPECT_EQ(c.get(meetingPath(id)).obj().at("speeches").as_array().size(), 1u);
}

}  // namespace chibo::testing
