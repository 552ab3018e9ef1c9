// Early warnings (issue 4 §3, "Must show"): each at its threshold and one step
// below, the exempt member never, every warning naming its rule and source,
// acknowledgement with an audit row, and who may see what.
#include "api/quality_fixture.h"

namespace chibo::testing {

class QualityWarningsTest : public QualityApiTest {
 protected:
  struct Found {
    bool ok = false;
    json::object w;
  };
  static Found find(const Resp& list, const std::string& code, int64_t subject_id) {
    for (auto& v : list.obj().at("items").as_array()) {
      const auto& w = v.as_object();
      if (w.at("code").as_string() == code && w.at("subject").as_object().at("id").as_int64() == subject_id)
        return {true, w};
    }
    return {};
  }
  static std::set<std::string> codesFor(const Resp& list, const std::string& type, int64_t subject_id) {
    std::set<std::string> out;
    for (auto& v : list.obj().at("items").as_array()) {
      const auto& s = v.as_object().at("subject").as_object();
      if (s.at("type").as_string() == type && s.at("id").as_int64() == subject_id)
        out.insert(str(v.as_object().at("code")));
    }
    return out;
  }
  Resp warnings(Client& c, int64_t org, const std::string& at, const std::string& extra = "") {
    return c.get("/api/v1/orgs/" + std::to_string(org) + "/warnings?limit=500&at=" + at + extra);
  }

  // One cell, eight members placed from 1 December 2026, four monthly meetings in 2027:
  //            Jan      Feb      Mar      Apr
  //   A        unexc.   unexc.   present  present   -> 2 months: removal_watch
  //   B        unexc.   unexc.   unexc.   present   -> 3 months: removal_proposal_due
  //   C        unexc.   unexc.   unexc.   (exempt from 20/3) -> exempt: nothing
  //   D        unexc.   present  present  present   -> 1 month: nothing
  //   E        excused  excused  excused  excused   -> 4 in a row: excused_streak
  //   F        excused  excused  excused  present   -> 3 in a row: nothing
  //   G        probationary, admitted 4/5/2026      -> probation ends 4/5/2027: probation_ending
  //   H        present throughout
  // The March meeting lasts 60 minutes; January's documents are posted on the day and the monitor is never told;
  // January's task (deadline 31/01) is never reviewed.
  struct World {
    CellSetup cell;
    int64_t a, b, c, d, e, f, g, h;
    int64_t jan, feb, mar, apr, jan_task, jan_resolution;
  };
  static inline World w_;
  static inline bool built_ = false;

  void SetUp() override {
    QualityApiTest::SetUp();
    if (HasFatalFailure() || built_) return;
    built_ = true;
    auto c = as("canbo.phuong");
    World& w = w_;
    w.cell.id = newCell(c, ward_, "Chi bộ Thử nghiệm cảnh báo", 0, "2026-12-01").id;
    for (int i = 0; i < 6; ++i) w.cell.members.push_back(addMember(c, w.cell.id, "2026-12-01"));
    w.cell.members.push_back(addMember(c, w.cell.id, "2026-12-01", true));
    w.cell.members.push_back(addMember(c, w.cell.id, "2026-12-01"));
    auto& m = w.cell.members;
    w.a = m[0], w.b = m[1], w.c = m[2], w.d = m[3], w.e = m[4], w.f = m[5], w.g = m[6], w.h = m[7];
    // Chair and secretary are the first two members: put H and G there instead.
    std::swap(m[0], m[7]);
    std::swap(m[1], m[6]);

    Run jan;
    jan.day = "2027-01-08";
    jan.start = "19:30", jan.end = "21:30";
    jan.marks = {{w.a, "absent_unexcused"}, {w.b, "absent_unexcused"}, {w.c, "absent_unexcused"},
                 {w.d, "absent_unexcused"}, {w.e, "absent_excused"},   {w.f, "absent_excused"}};
    jan.speakers = {w.h};
    jan.prep = json::object{{"notice_members_at", "2027-01-05T08:00"}, {"documents_published_at", "2027-01-08T08:00"}};
    jan.task_deadline = "2027-01-31";
    w.jan = hold(c, w.cell, jan);
    auto jm = c.get(meetingPath(w.jan));
    w.jan_resolution = jm.obj().at("resolutions").as_array()[0].as_object().at("id").as_int64();
    w.jan_task = jm.obj().at("tasks").as_array()[0].as_object().at("id").as_int64();

    Run feb = jan;
    feb.day = "2027-02-05";
    feb.marks = {{w.a, "absent_unexcused"}, {w.b, "absent_unexcused"}, {w.c, "absent_unexcused"},
                 {w.e, "absent_excused"},   {w.f, "absent_excused"}};
    feb.prep = json::object{};
    feb.task_deadline = "2027-12-31";
    feb.review_carried = false;  // January's task is never reviewed
    w.feb = hold(c, w.cell, feb);

    Run mar = feb;
    mar.day = "2027-03-05";
    mar.end = "20:30";  // 60 minutes
    mar.marks = {{w.b, "absent_unexcused"}, {w.c, "absent_unexcused"}, {w.e, "absent_excused"}, {w.f, "absent_excused"}};
    w.mar = hold(c, w.cell, mar);

    auto ex = c.post("/api/v1/members/" + std::to_string(w.c) + "/statuses",
                     json::object{{"kind", "exempt"}, {"from", "2027-03-20"}, {"note", "Tuổi cao, sức khỏe yếu"}});
    ASSERT_EQ(ex.status, 201) << ex.raw;

    Run apr = feb;
    apr.day = "2027-04-02";
    apr.end = "21:30";
    apr.marks = {{w.c, "skip"}, {w.e, "absent_excused"}};
    w.apr = hold(c, w.cell, apr);
  }
};

TEST_F(QualityWarningsTest, MemberWarningsAtEachThresholdAndOneStepBelow) {
  auto c = as("canbo.phuong");
  auto list = warnings(c, w_.cell.id, "2027-04-30");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.obj().at("at").as_string(), "2027-04-30");

  // 2 months without a valid reason: a warning.
  auto a = find(list, "removal_watch", w_.a);
  ASSERT_TRUE(a.ok) << list.raw;
  EXPECT_EQ(a.w.at("severity").as_string(), "warning");
  EXPECT_EQ(a.w.at("rule").as_string(), "R-ATT-4");
  // The removal rule is the Điều lệ's: it is judged by the charter set in force (QĐ 294/2025), not HD 42.
  EXPECT_EQ(a.w.at("rule_set_id").as_string(), "charter-qd294-2025");
  EXPECT_EQ(a.w.at("subject").as_object().at("type").as_string(), "member");
  EXPECT_NE(str(a.w.at("source")).find("Điều lệ Đảng Điều 8(1)"), std::string::npos);
  EXPECT_NE(str(a.w.at("message")).find("tháng 1, 2"), std::string::npos) << a.w.at("message");
  EXPECT_EQ(a.w.at("key").as_string(), "removal_watch:member:" + std::to_string(w_.a) + ":2027");
  EXPECT_TRUE(a.w.at("acknowledged").is_null());
  // 3 months: the cell must consider a proposal to remove (flag only).
  auto b = find(list, "removal_proposal_due", w_.b);
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(b.w.at("severity").as_string(), "serious");
  EXPECT_EQ(b.w.at("rule").as_string(), "R-ATT-4");
  EXPECT_NE(str(b.w.at("source")).find("ba tháng trong năm"), std::string::npos);
  EXPECT_FALSE(find(list, "removal_watch", w_.b).ok);
  // The exempt member (3 unexcused months before the exemption): nothing.
  EXPECT_TRUE(codesFor(list, "member", w_.c).empty());
  // 1 month: one step below the warning.
  EXPECT_TRUE(codesFor(list, "member", w_.d).empty());
  // Excused 4 times in a row (> 3): a warning; 3 in a row: nothing.
  auto e = find(list, "excused_streak", w_.e);
  ASSERT_TRUE(e.ok);
  EXPECT_EQ(e.w.at("rule").as_string(), "R-ATT-3");
  EXPECT_NE(str(e.w.at("source")).find("HD 12-HD/BTCTW"), std::string::npos);
  EXPECT_TRUE(codesFor(list, "member", w_.f).empty());
  EXPECT_TRUE(codesFor(list, "member", w_.h).empty());
  // Probation ends on 4 May 2027: the reminder starts 30 days before.
  auto g = find(list, "probation_ending", w_.g);
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(g.w.at("severity").as_string(), "info");
  EXPECT_EQ(g.w.at("rule").as_string(), "R-DUBI-1");

  // Most serious first.
  EXPECT_EQ(list.obj().at("items").as_array()[0].as_object().at("severity").as_string(), "serious");

  // At the end of February B had 2 months (a warning, not yet the flag) and E 2 excused in a row.
  auto feb = warnings(c, w_.cell.id, "2027-02-28");
  ASSERT_EQ(feb.status, 200);
  EXPECT_TRUE(find(feb, "removal_watch", w_.b).ok);
  EXPECT_FALSE(find(feb, "removal_proposal_due", w_.b).ok);
  EXPECT_FALSE(find(feb, "excused_streak", w_.e).ok);
  EXPECT_FALSE(find(feb, "probation_ending", w_.g).ok);
  // Before the exemption C was on the removal watch like B.
  auto mar = warnings(c, w_.cell.id, "2027-03-10");
  EXPECT_TRUE(find(mar, "removal_proposal_due", w_.c).ok);
}

TEST_F(QualityWarningsTest, ScheduleMeetingAndTaskWarningsNameTheirRuleAndSource) {
  auto c = as("canbo.phuong");
  auto list = warnings(c, w_.cell.id, "2027-04-30");
  ASSERT_EQ(list.status, 200);
  for (auto& v : list.obj().at("items").as_array()) {
    const auto& w = v.as_object();
    EXPECT_FALSE(w.at("rule").as_string().empty()) << w;
    EXPECT_FALSE(w.at("source").as_string().empty()) << w;
    EXPECT_FALSE(w.at("rule_set_id").as_string().empty()) << w;
    EXPECT_FALSE(w.at("message").as_string().empty()) << w;
    EXPECT_FALSE(w.at("subject").as_object().at("name").as_string().empty()) << w;
    EXPECT_EQ(w.at("org").as_object().at("id").as_int64(), w_.cell.id);
  }
  // The 60-minute meeting against the 90-minute minimum of HD 42.
  auto short_meeting = find(list, "meeting_too_short", w_.mar);
  ASSERT_TRUE(short_meeting.ok) << list.raw;
  EXPECT_EQ(short_meeting.w.at("rule").as_string(), "R-DUR-1");
  EXPECT_NE(str(short_meeting.w.at("source")).find("90 phút"), std::string::npos);
  EXPECT_FALSE(find(list, "meeting_too_short", w_.jan).ok);
  // January: documents posted on the day (HD 42: at least one day before); the monitor never told.
  auto late = find(list, "documents_published_late", w_.jan);
  ASSERT_TRUE(late.ok);
  EXPECT_EQ(late.w.at("rule").as_string(), "R-PREP-1");
  EXPECT_NE(str(late.w.at("source")).find("1 ngày"), std::string::npos);
  EXPECT_TRUE(find(list, "monitor_not_notified", w_.jan).ok);
  EXPECT_FALSE(find(list, "members_not_notified", w_.jan).ok);
  // No regular meeting in December 2026 (the cell's first month); none in April is due yet.
  auto dec = find(list, "monthly_meeting_missing", w_.cell.id);
  ASSERT_TRUE(dec.ok);
  EXPECT_EQ(dec.w.at("key").as_string(), "monthly_meeting_missing:org:" + std::to_string(w_.cell.id) + ":2026-12");
  EXPECT_EQ(dec.w.at("rule").as_string(), "R-FREQ-1");
  int monthly = 0;
  for (auto& v : list.obj().at("items").as_array()) monthly += v.as_object().at("code").as_string() == "monthly_meeting_missing";
  EXPECT_EQ(monthly, 1);
  // No thematic meeting in the first quarter of 2027.
  auto q1 = find(list, "thematic_meeting_missing", w_.cell.id);
  ASSERT_TRUE(q1.ok);
  EXPECT_EQ(q1.w.at("rule").as_string(), "R-FREQ-2");
  EXPECT_EQ(q1.w.at("key").as_string(), "thematic_meeting_missing:org:" + std::to_string(w_.cell.id) + ":2027-Q1");
  // January's task: overdue, and never reviewed by February's meeting.
  auto overdue = find(list, "task_overdue", w_.jan_task);
  ASSERT_TRUE(overdue.ok);
  EXPECT_EQ(overdue.w.at("subject").as_object().at("type").as_string(), "task");
  auto unreviewed = find(list, "resolution_tasks_not_reviewed", w_.jan_resolution);
  ASSERT_TRUE(unreviewed.ok);
  EXPECT_EQ(unreviewed.w.at("rule").as_string(), "R-RES-1");
  EXPECT_EQ(unreviewed.w.at("subject").as_object().at("type").as_string(), "resolution");

  // The committee sees them across the ward, paginated.
  auto ward = c.get(path("/api/v1/orgs/", ward_, "/warnings?at=2027-04-30&limit=5"));
  ASSERT_EQ(ward.status, 200) << ward.raw;
  EXPECT_EQ(ward.obj().at("items").as_array().size(), 5u);
  EXPECT_GE(ward.obj().at("total").as_int64(), list.obj().at("total").as_int64());
  auto whole = warnings(c, ward_, "2027-04-30");
  EXPECT_TRUE(find(whole, "removal_proposal_due", w_.b).ok);
}

TEST_F(QualityWarningsTest, AcknowledgingRemovesFromTheOpenListAndIsAudited) {
  auto c = as("canbo.phuong");
  auto list = warnings(c, w_.cell.id, "2027-04-30");
  auto a = find(list, "removal_watch", w_.a);
  ASSERT_TRUE(a.ok);
  auto id = a.w.at("id").as_int64();
  auto total = list.obj().at("total").as_int64();

  auto cell_user = as("bithu.kp1");
  auto before = auditCount();  // after the log-ins: logging in is audited too
  auto no_note = c.post("/api/v1/warnings/" + std::to_string(id) + "/ack", json::object{{"at", "2027-04-30"}});
  EXPECT_EQ(no_note.status, 422) << no_note.raw;
  // Another cell's committee cannot see it.
  EXPECT_EQ(cell_user.post("/api/v1/warnings/" + std::to_string(id) + "/ack",
                           json::object{{"note", "x"}, {"at", "2027-04-30"}}).status,
            404);
  EXPECT_EQ(auditCount(), before);

  auto ack = c.post("/api/v1/warnings/" + std::to_string(id) + "/ack",
                    json::object{{"note", "Chi ủy đã gặp, đồng chí đi làm ăn xa có báo"}, {"at", "2027-04-30"}});
  ASSERT_EQ(ack.status, 200) << ack.raw;
  EXPECT_EQ(ack.obj().at("acknowledged").as_object().at("by_username").as_string(), "canbo.phuong");
  EXPECT_EQ(auditCount(), before + 1);
  auto audit = c.get(path("/api/v1/audit?org=", w_.cell.id, "&target_type=warning"));
  ASSERT_EQ(audit.status, 200) << audit.raw;
  ASSERT_GE(audit.obj().at("total").as_int64(), 1);
  EXPECT_EQ(audit.obj().at("items").as_array()[0].as_object().at("action").as_string(), "warning.ack");

  auto open = warnings(c, w_.cell.id, "2027-04-30");
  EXPECT_FALSE(find(open, "removal_watch", w_.a).ok);
  EXPECT_EQ(open.obj().at("total").as_int64(), total - 1);
  auto all = warnings(c, w_.cell.id, "2027-04-30", "&include_acknowledged=1");
  auto again = find(all, "removal_watch", w_.a);
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.w.at("acknowledged").as_object().at("note").as_string(), "Chi ủy đã gặp, đồng chí đi làm ăn xa có báo");
  EXPECT_EQ(again.w.at("id").as_int64(), id);
  // Acknowledged once; the escalation to 3 months would be a new warning with its own key.
  auto twice = c.post("/api/v1/warnings/" + std::to_string(id) + "/ack", json::object{{"note", "Lần nữa"}, {"at", "2027-04-30"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.code(), "already_acknowledged");
  EXPECT_EQ(c.post("/api/v1/warnings/12345/ack", json::object{{"note", "x"}}).status, 404);
}

TEST_F(QualityWarningsTest, WhoSeesWhichWarnings) {
  auto member = as("dangvien.kp1");
  auto monitor = as("giamsat.phuong");
  auto cell_user = as("bithu.kp1");
  auto staff = as("canbo.phuong");
  EXPECT_EQ(member.get(path("/api/v1/orgs/", kp1_, "/warnings")).status, 404);
  EXPECT_EQ(monitor.get(path("/api/v1/orgs/", kp1_, "/warnings")).status, 200);
  EXPECT_EQ(monitor.get(path("/api/v1/orgs/", ward_, "/warnings")).status, 404);
  EXPECT_EQ(monitor.get(path("/api/v1/orgs/", w_.cell.id, "/warnings")).status, 404);
  EXPECT_EQ(cell_user.get(path("/api/v1/orgs/", kp1_, "/warnings")).status, 200);
  EXPECT_EQ(cell_user.get(path("/api/v1/orgs/", kp2_, "/warnings")).status, 404);
  EXPECT_EQ(staff.get(path("/api/v1/orgs/", kp2_, "/warnings")).status, 200);
  EXPECT_EQ(staff.get(path("/api/v1/orgs/", kp2_, "/warnings?at=bad")).status, 422);
  // A monitor reads the cell's warnings but acknowledging is a write.
  auto kp1 = monitor.get(path("/api/v1/orgs/", kp1_, "/warnings?limit=1"));
  ASSERT_EQ(kp1.status, 200);
  if (!kp1.obj().at("items").as_array().empty()) {
    auto id = kp1.obj().at("items").as_array()[0].as_object().at("id").as_int64();
    EXPECT_EQ(monitor.post("/api/v1/warnings/" + std::to_string(id) + "/ack", json::object{{"note", "Đã xem"}}).status, 403);
  }
}

}  // namespace chibo::testing
