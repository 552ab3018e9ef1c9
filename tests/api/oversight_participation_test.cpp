// Member participation over time (issue 5 §3): counts for every level that may
// read the member, what was said only for the cell committee and the member,
// and the cell's list of members silent for N meetings.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class OversightParticipationTest : public OversightTest {
 protected:
  std::string memberPath(int64_t id) {
    auto [first, last] = lastMonth();
    return "/api/v1/members/" + std::to_string(id) + "/participation?from=" + first.addMonths(-11).iso() +
           "&to=" + last.iso();
  }
  // A member of KP1 who spoke at least once in the last year, from the cell's list.
  int64_t speakerOfKp1(Client& c) {
    auto [first, last] = lastMonth();
    auto r = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/participation?from=" + first.addMonths(-11).iso() +
                   "&to=" + last.iso());
    EXPECT_EQ(r.status, 200) << r.raw;
    for (auto& i : r.obj().at("items").as_array())
      if (i.as_object().at("speeches").as_int64() > 0) return i.as_object().at("member_id").as_int64();
    return 0;
  }
};

TEST_F(OversightParticipationTest, HigherLevelsSeeCountsTheCellCommitteeSeesWhatWasSaid) {
  auto sec = as("bithu.kp1");
  int64_t member = speakerOfKp1(sec);
  ASSERT_GT(member, 0);
  auto cell = sec.get(memberPath(member));
  ASSERT_EQ(cell.status, 200) << cell.raw;
  EXPECT_TRUE(cell.obj().at("content_visible").as_bool());
  const auto& totals = cell.obj().at("totals").as_object();
  EXPECT_GT(num(totals, "meetings"), 10);
  EXPECT_GT(num(totals, "speeches"), 0);
  EXPECT_EQ(num(totals, "meetings"), int64_t(cell.obj().at("meetings").as_array().size()));
  int64_t summaries = 0, spoke_at = 0;
  for (auto& m : cell.obj().at("meetings").as_array()) {
    summaries += int64_t(m.as_object().at("summaries").as_array().size());
    spoke_at += m.as_object().at("speeches").as_int64() > 0;
  }
  EXPECT_EQ(summaries, num(totals, "speeches"));
  EXPECT_EQ(spoke_at, num(totals, "spoke_at"));

  for (const char* user : {"canbo.phuong", "giamsat.phuong", "admin"}) {
    SCOPED_TRACE(user);
    auto up = as(user).get(memberPath(member));
    ASSERT_EQ(up.status, 200) << up.raw;
    EXPECT_FALSE(up.obj().at("content_visible").as_bool());
    for (auto& m : up.obj().at("meetings").as_array()) EXPECT_FALSE(m.as_object().contains("summaries"));
    EXPECT_EQ(json::serialize(up.obj().at("totals")), json::serialize(cell.obj().at("totals")));
    EXPECT_EQ(up.raw.find("summaries"), std::string::npos);
  }
  EXPECT_EQ(as("bithu.ubnd").get(memberPath(member)).status, 404);
  EXPECT_EQ(as("dangvien.kp2").get(memberPath(member)).status, 404);
  // Another member of the same cell sees neither.
  auto me = as("dangvien.kp1").get("/api/v1/me").obj().at("user").as_object();
  if (me.at("member_id").as_int64() != member) EXPECT_EQ(as("dangvien.kp1").get(memberPath(member)).status, 404);
  // The member sees their own, with what they said.
  auto own = as("dangvien.kp1").get(memberPath(me.at("member_id").as_int64()));
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_TRUE(own.obj().at("content_visible").as_bool());
}

TEST_F(OversightParticipationTest, CellListAgreesWithEachMemberAndFiltersTheSilent) {
  auto sec = as("bithu.kp1");
  auto [first, last] = lastMonth();
  std::string q = "?from=" + first.addMonths(-11).iso() + "&to=" + last.iso();
  auto list = sec.get("/api/v1/orgs/" + std::to_string(kp1_) + "/participation" + q);
  ASSERT_EQ(list.status, 200) << list.raw;
  const auto& items = list.obj().at("items").as_array();
  ASSERT_GT(items.size(), 20u);
  EXPECT_GT(num(list.obj(), "meetings"), 12);
  // Each line equals the member's own figures over the same period.
  for (size_t i = 0; i < items.size(); i += 7) {
    const auto& l = items[i].as_object();
    auto one = sec.get("/api/v1/members/" + std::to_string(l.at("member_id").as_int64()) + "/participation" + q);
    ASSERT_EQ(one.status, 200);
    const auto& t = one.obj().at("totals").as_object();
    for (const char* k : {"meetings", "expected", "attended", "excused", "unexcused", "speeches", "spoke_at", "silent_for",
                          "tasks_assigned", "tasks_done"})
      EXPECT_EQ(num(l, k), num(t, k)) << k << " of member " << l.at("member_id").as_int64();
  }
  // ?silent_for=N keeps exactly those silent for at least N meetings.
  int64_t n = 3, expected = 0;
  for (auto& i : items) expected += i.as_object().at("silent_for").as_int64() >= n;
  auto silent = sec.get("/api/v1/orgs/" + std::to_string(kp1_) + "/participation" + q + "&silent_for=3");
  ASSERT_EQ(silent.status, 200);
  EXPECT_EQ(num(silent.obj(), "total"), expected);
  for (auto& i : silent.obj().at("items").as_array()) EXPECT_GE(i.as_object().at("silent_for").as_int64(), n);
  EXPECT_EQ(sec.get("/api/v1/orgs/" + std::to_string(kp1_) + "/participation?silent_for=x").status, 422);
  EXPECT_EQ(sec.get("/api/v1/orgs/" + std::to_string(kp2_) + "/participation").status, 404);
  EXPECT_EQ(as("dangvien.kp1").get("/api/v1/orgs/" + std::to_string(kp1_) + "/participation").status, 403);
  auto staff = as("canbo.phuong");
  EXPECT_EQ(staff.get("/api/v1/orgs/" + std::to_string(ward_) + "/participation").code(), "not_a_cell");
}

}  // namespace chibo::testing
