// Rules as data (issue 4 §1, "Must show"): attaching a local rule file to the
// ward changes the scores of that subtree only, and only from its effective
// date; the rules in force say where every number comes from.
#include "api/quality_fixture.h"

namespace chibo::testing {

class QualityRulesTest : public QualityApiTest {
 protected:
  // 10 members, 9 present and 1 excused, 4 speakers, 80 minutes, preparation
  // 4 of 6, minutes not read back, previous resolution 3 of 4 targets.
  Run standard(const CellSetup& cell, const std::string& day, const std::string& prev_day) {
    Run r;
    r.day = day;
    r.marks[cell.members.at(9)] = "absent_excused";
    r.speakers = {cell.members.at(0), cell.members.at(1), cell.members.at(2), cell.members.at(3)};
    r.prep = json::object{{"chi_uy_meeting_at", prev_day + "T19:00"},
                          {"content_preparer_member_id", cell.members.at(1)},
                          {"draft_resolution_at", prev_day + "T20:00"},
                          {"notice_members_at", prev_day + "T20:30"},
                          {"documents_published_at", day + "T08:00"}};
    return r;
  }
  std::string rulesOf(Client& c, int64_t org, const std::string& date) {
    auto r = c.get("/api/v1/rules?org=" + std::to_string(org) + "&date=" + date);
    EXPECT_EQ(r.status, 200) << r.raw;
    return r.status == 200 ? str(r.obj().at("rule_set").as_object().at("id")) : "";
  }
};

TEST_F(QualityRulesTest, LocalRulesChangeTheirSubtreeOnlyAndOnlyFromTheirDate) {
  auto staff = as("canbo.phuong");
  auto admin = as("admin");
  // A cell in the ward, and one in another ward of the city that the attachment must not touch.
  auto a = newCell(staff, ward_, "Chi bộ Thử nghiệm quy tắc", 10, "2026-11-01");
  auto other_ward = admin.post("/api/v1/orgs", json::object{{"parent_id", city_}, {"name", "Đảng ủy phường Thử nghiệm"},
                                                           {"kind", "committee"}, {"level", "ward"}});
  ASSERT_EQ(other_ward.status, 201) << other_ward.raw;
  auto b = newCell(admin, idOf(other_ward), "Chi bộ Phường khác", 10, "2026-11-01");

  plannedWithResolution(staff, a, "2027-01-08", 3, 4);
  auto feb = hold(staff, a, standard(a, "2027-02-05", "2027-02-02"));
  auto apr = hold(staff, a, standard(a, "2027-04-09", "2027-04-06"));
  plannedWithResolution(admin, b, "2027-03-05", 3, 4);
  auto apr_b = hold(admin, b, standard(b, "2027-04-09", "2027-04-06"));

  // Under HD 42 alone all three score 0 + 5 + 6.67 + 22.5 + 4.58 = 38.75.
  for (auto id : {feb, apr, apr_b}) {
    auto s = staff.get(meetingPath(id, "/score"));
    if (id == apr_b) s = admin.get(meetingPath(id, "/score"));
    ASSERT_EQ(s.status, 200) << s.raw;
    EXPECT_EQ(s.obj().at("rule_set").as_object().at("id").as_string(), "central-hd42-2025") << id;
    EXPECT_DOUBLE_EQ(num(s.obj().at("total")), 38.75) << id;
  }
  EXPECT_EQ(rulesOf(staff, a.id, "2027-04-09"), "central-hd42-2025");

  // Warnings follow the same rules: two 100-minute meetings of KP1 (48 on the roll) are long
  // enough under HD 42 (90 minutes).
  auto kp1_user = as("bithu.kp1");
  auto held100 = [&](const std::string& day) {
    auto id = plan(kp1_user, kp1_, day);
    EXPECT_EQ(kp1_user.post(meetingPath(id, "/start"), json::object{{"at", day + "T19:30"}}).status, 200);
    EXPECT_EQ(kp1_user.post(meetingPath(id, "/end"), json::object{{"at", day + "T21:10"}}).status, 200);
    return id;
  };
  auto kp1_feb = held100("2027-02-12"), kp1_apr = held100("2027-04-16");
  auto tooShort = [&](int64_t meeting) -> std::optional<json::object> {
    auto list = staff.get(path("/api/v1/orgs/", kp1_, "/warnings?at=2027-04-30&limit=500"));
    EXPECT_EQ(list.status, 200) << list.raw;
    for (auto& w : list.obj().at("items").as_array())
      if (w.as_object().at("code") == "meeting_too_short" && w.as_object().at("subject").as_object().at("id") == meeting)
        return w.as_object();
    return std::nullopt;
  };
  EXPECT_FALSE(tooShort(kp1_feb));
  EXPECT_FALSE(tooShort(kp1_apr));

  // The ward attaches the An Phú rubric from 1 March 2027.
  auto before = auditCount();
  auto att = staff.put(path("/api/v1/orgs/", ward_, "/rules"),
                       json::object{{"rule_id", "local-an-phu-2025"}, {"from", "2027-03-01"}});
  ASSERT_EQ(att.status, 200) << att.raw;
  EXPECT_EQ(att.obj().at("from").as_string(), "2027-03-01");
  EXPECT_EQ(att.obj().at("org_id").as_int64(), ward_);
  EXPECT_EQ(auditCount(), before + 1);

  // February: still HD 42 (before the attachment's date).
  auto s_feb = staff.get(meetingPath(feb, "/score"));
  EXPECT_EQ(s_feb.obj().at("rule_set").as_object().at("id").as_string(), "central-hd42-2025");
  EXPECT_DOUBLE_EQ(num(s_feb.obj().at("total")), 38.75);
  // April in the ward: the An Phú rubric. duration 10 min short -> 4; attendance 90% -> 4, +1 bonus
  // (nobody over 3 excused in a row) = 5; speakers 4/9 = 44.4% -> 4; preparation 6.67;
  // targets 75% -> 24; closing 4.58. Total 48.25, conduct and principles pending.
  auto s_apr = staff.get(meetingPath(apr, "/score"));
  ASSERT_EQ(s_apr.status, 200) << s_apr.raw;
  const auto& rs = s_apr.obj().at("rule_set").as_object();
  EXPECT_EQ(rs.at("id").as_string(), "central-hd42-2025+local-an-phu-2025");
  // Applied in order: the central set, the Điều lệ's rules of the day (QĐ 294/2025 from 28/10/2025), the local set.
  ASSERT_EQ(rs.at("applied").as_array().size(), 3u) << json::serialize(rs);
  EXPECT_EQ(rs.at("applied").as_array().at(0).as_string(), "central-hd42-2025");
  EXPECT_EQ(rs.at("applied").as_array().at(1).as_string(), "charter-qd294-2025");
  EXPECT_EQ(rs.at("applied").as_array().at(2).as_string(), "local-an-phu-2025");
  EXPECT_EQ(s_apr.obj().at("rubric").as_object().at("id").as_string(), "an-phu-2025");
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "duration").at("points")), 4);
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "attendance").at("points")), 5);
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "speakers").at("points")), 4);
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "preparation").at("points")), 6.67);
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "resolution_results").at("points")), 24);
  EXPECT_DOUBLE_EQ(num(criterion(s_apr, "closing").at("points")), 4.58);
  EXPECT_EQ(str(criterion(s_apr, "speakers").at("rule_set_id")), "local-an-phu-2025");
  EXPECT_NE(str(criterion(s_apr, "resolution_results").at("source")).find("An Phú"), std::string::npos);
  EXPECT_DOUBLE_EQ(num(s_apr.obj().at("total")), 48.25);
  // The other ward: unchanged.
  auto s_b = admin.get(meetingPath(apr_b, "/score"));
  EXPECT_EQ(s_b.obj().at("rule_set").as_object().at("id").as_string(), "central-hd42-2025");
  EXPECT_DOUBLE_EQ(num(s_b.obj().at("total")), 38.75);

  // An Phú sets 120 minutes from 30 members: April's meeting is now too short, February's is not.
  EXPECT_FALSE(tooShort(kp1_feb));
  auto w = tooShort(kp1_apr);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->at("rule_set_id").as_string(), "local-an-phu-2025");
  EXPECT_NE(str(w->at("source")).find("120 phút từ 30 đảng viên"), std::string::npos) << *w;
  EXPECT_NE(str(w->at("message")).find("120 phút"), std::string::npos);

  // The rules in force, with every number's value, source and origin.
  EXPECT_EQ(rulesOf(staff, a.id, "2027-02-28"), "central-hd42-2025");
  auto in_force = staff.get("/api/v1/rules?org=" + std::to_string(a.id) + "&date=2027-03-01");
  ASSERT_EQ(in_force.status, 200);
  const auto& th = in_force.obj().at("rule_set").as_object().at("thresholds").as_object();
  EXPECT_EQ(th.at("large_cell_members").as_object().at("value").as_int64(), 30);
  EXPECT_EQ(th.at("large_cell_members").as_object().at("origin").as_string(), "local-an-phu-2025");
  EXPECT_EQ(th.at("min_duration_minutes").as_object().at("value").as_int64(), 90);
  EXPECT_EQ(th.at("min_duration_minutes").as_object().at("origin").as_string(), "central-hd42-2025");
  for (auto& [name, v] : th) EXPECT_FALSE(v.as_object().at("source").as_string().empty()) << name;
  EXPECT_EQ(in_force.obj().at("attachments").as_array().size(), 1u);
  EXPECT_EQ(rulesOf(admin, b.id, "2027-03-01"), "central-hd42-2025");
  EXPECT_EQ(rulesOf(staff, a.id, "2024-06-01"), "central-hd12-2018");
  auto too_old = staff.get("/api/v1/rules?org=" + std::to_string(a.id) + "&date=2010-01-01");
  EXPECT_EQ(too_old.status, 404);
  EXPECT_EQ(too_old.code(), "no_rule_set");

  // Attachments: on the ward itself, inherited by the cell.
  auto on_ward = staff.get(path("/api/v1/orgs/", ward_, "/rules"));
  ASSERT_EQ(on_ward.status, 200);
  ASSERT_EQ(on_ward.obj().at("total").as_int64(), 1);
  EXPECT_FALSE(on_ward.obj().at("items").as_array()[0].as_object().at("inherited").as_bool());
  auto on_cell = staff.get(path("/api/v1/orgs/", a.id, "/rules"));
  ASSERT_EQ(on_cell.obj().at("total").as_int64(), 1);
  EXPECT_TRUE(on_cell.obj().at("items").as_array()[0].as_object().at("inherited").as_bool());
  EXPECT_EQ(admin.get(path("/api/v1/orgs/", b.id, "/rules")).obj().at("total").as_int64(), 0);
}

TEST_F(QualityRulesTest, AttachingIsValidatedAndLimitedToCommitteeStaff) {
  auto staff = as("canbo.phuong");
  auto cell_user = as("bithu.kp1");
  auto monitor = as("giamsat.phuong");
  auto member = as("dangvien.kp1");
  auto before = auditCount();  // after the log-ins: logging in is audited too
  auto put = [&](Client& c, int64_t org, json::object body) { return c.put(path("/api/v1/orgs/", org, "/rules"), body); };
  auto code = [&](const Resp& r) {
    auto& e = r.obj().at("errors").as_array();
    return e.empty() ? std::string() : str(e[0].as_object().at("code"));
  };
  auto r1 = put(staff, kp2_, {{"rule_id", "central-hd42-2025"}});
  EXPECT_EQ(r1.status, 422);
  EXPECT_EQ(code(r1), "not_local");
  auto r2 = put(staff, kp2_, {{"rule_id", "local-nowhere"}});
  EXPECT_EQ(r2.status, 422);
  EXPECT_EQ(code(r2), "unknown_rule");
  auto r3 = put(staff, kp2_, {{"rule_id", "local-an-phu-2025"}, {"from", "2025-01-01"}});
  EXPECT_EQ(r3.status, 422);
  EXPECT_EQ(code(r3), "before_effective_from");
  auto r4 = put(staff, kp2_, {{"rule_id", "local-an-phu-2025"}, {"from", "2027-01-01"}, {"to", "2026-01-01"}});
  EXPECT_EQ(r4.status, 422);
  EXPECT_EQ(code(r4), "date_order");
  EXPECT_EQ(put(staff, kp2_, {}).status, 422);
  EXPECT_EQ(auditCount(), before);

  // The cell committee and the monitor see the cell but may not change its rules; outside one's tree is 404.
  EXPECT_EQ(put(cell_user, kp1_, {{"rule_id", "local-an-phu-2025"}}).status, 403);
  EXPECT_EQ(put(monitor, kp1_, {{"rule_id", "local-an-phu-2025"}}).status, 403);
  EXPECT_EQ(put(member, kp1_, {{"rule_id", "local-an-phu-2025"}}).status, 403);
  EXPECT_EQ(put(cell_user, ward_, {{"rule_id", "local-an-phu-2025"}}).status, 404);
  EXPECT_EQ(put(cell_user, kp2_, {{"rule_id", "local-an-phu-2025"}}).status, 404);
  EXPECT_EQ(cell_user.get(path("/api/v1/orgs/", kp2_, "/rules")).status, 404);
  EXPECT_EQ(member.get("/api/v1/rules?org=" + std::to_string(kp1_)).status, 200);
  EXPECT_EQ(member.get("/api/v1/rules?org=" + std::to_string(kp2_)).status, 404);
  EXPECT_EQ(member.get("/api/v1/rules").status, 422);
  EXPECT_EQ(auditCount(), before);

  // Defaults to the file's own effective date; re-dating the same attachment updates it.
  auto ok = put(staff, kp2_, {{"rule_id", "local-an-phu-2025"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.obj().at("from").as_string(), "2025-11-01");
  auto redated = put(staff, kp2_, {{"rule_id", "local-an-phu-2025"}, {"from", "2026-01-01"}, {"to", "2026-12-31"}});
  ASSERT_EQ(redated.status, 200) << redated.raw;
  EXPECT_EQ(redated.obj().at("id").as_int64(), ok.obj().at("id").as_int64());
  EXPECT_EQ(redated.obj().at("to").as_string(), "2026-12-31");
  EXPECT_EQ(auditCount(), before + 2);
  int own = 0;  // the ward's attachment (another test) is listed as inherited
  auto listed = staff.get(path("/api/v1/orgs/", kp2_, "/rules"));
  for (auto& a : listed.obj().at("items").as_array())
    own += !a.as_object().at("inherited").as_bool();
  EXPECT_EQ(own, 1);
  EXPECT_EQ(staff.get("/api/v1/rules?org=" + std::to_string(kp2_) + "&date=2026-06-01").obj().at("rule_set").as_object().at("id").as_string(),
            "central-hd42-2025+local-an-phu-2025");
  EXPECT_EQ(staff.get("/api/v1/rules?org=" + std::to_string(kp2_) + "&date=2027-01-01").obj().at("rule_set").as_object().at("id").as_string(),
            "central-hd42-2025");
}

}  // namespace chibo::testing

namespace chibo::testing {

// R-PREP-1 on the meeting page follows the rule files: HD 12 (2018) asks documents
// only before the meeting, HD 42 (2025) one day before. The same morning posting
// is on time for a 2024 meeting and late for a 2027 one.
TEST_F(QualityRulesTest, TheMeetingPagesDocumentsDeadlineComesFromTheRulesInForce) {
  auto c = as("bithu.kp1");
  auto docsItem = [&](const std::string& day) {
    auto id = plan(c, kp1_, day);
    auto p = c.patch(meetingPath(id, "/preparation"), json::object{{"documents_published_at", day + "T08:00"}});
    EXPECT_EQ(p.status, 200) << p.raw;
    for (auto& i : p.obj().at("preparation").as_object().at("items").as_array())
      if (i.as_object().at("item").as_string() == "documents_on_time") return i.as_object().at("satisfied").as_bool();
    ADD_FAILURE() << "no documents_on_time item";
    return false;
  };
  EXPECT_TRUE(docsItem("2024-05-17")) << "HD 12-HD/BTCTW (2018): before the meeting is enough";
  EXPECT_FALSE(docsItem("2027-05-14")) << "HD 42-HD/BTCTW (2025): at least one day before";
}

}  // namespace chibo::testing
