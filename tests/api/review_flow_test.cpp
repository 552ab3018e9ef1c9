// Year-end review and classification (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): the
// committee opens a round for 2026; each member's review is prefilled with the
// year's record; the member assesses themself, the cell votes a level against
// its roll, the committee decides (the xuất sắc quota checked on the round)
// and an appeal adds a decision after the first. Bad input writes nothing;
// scope answers 404 for what the caller may not know, 403 for what they see
// but may not do. The server runs on a test clock (15 January 2027).
#include "api/quality_fixture.h"

namespace chibo::testing {

class ReviewFlowTest : public QualityApiTest {
 protected:
  static constexpr const char* kNow = "2027-01-15T09:00+07:00";
  static void SetUpTestSuite() {
    guardSetUp([] { startDemoServer({"--now", kNow}); });
  }

  // An account for `member`, activated with a password; the client logged in.
  Client memberClient(Client& staff, int64_t member) {
    auto a = staff.post(path("/api/v1/members/", member, "/account"), json::object{});
    EXPECT_EQ(a.status, 201) << a.raw;
    std::string user(a.obj().at("username").as_string()), code(a.obj().at("activation_code").as_string());
    Client anon(server_->port());
    auto act = anon.post("/api/v1/auth/activate", json::object{{"code", code}, {"password", "Kiem-diem-2026!"}});
    EXPECT_EQ(act.status, 200) << act.raw;
    Client c(server_->port());
    EXPECT_EQ(c.login(user, "Kiem-diem-2026!").status, 200);
    return c;
  }

  static int64_t reviewOf(const Resp& round, int64_t member) {
    for (auto& r : round.obj().at("reviews").as_array())
      if (r.as_object().at("member_id").as_int64() == member) return r.as_object().at("id").as_int64();
    ADD_FAILURE() << "no review for member " << member;
    return 0;
  }
  // A committee of its own under the ward, so the rounds of these tests meet no other round.
  int64_t newCommittee(Client& c, const std::string& name) {
    auto r = c.post("/api/v1/orgs", json::object{{"parent_id", ward_}, {"name", name}, {"kind", "committee"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.status == 201 ? idOf(r) : 0;
  }
  static std::string reviewPath(int64_t id, const std::string& rest = "") { return path("/api/v1/reviews/", id, rest); }
  static int64_t version(Client& c, int64_t review) {
    return c.get(reviewPath(review)).obj().at("review").as_object().at("version").as_int64();
  }
  static std::string code(const Resp& r) {
    return r.body.is_object() && r.obj().contains("code") ? std::string(r.obj().at("code").as_string()) : "";
  }
};

TEST_F(ReviewFlowTest, TheYearFromSelfAssessmentToAppeal) {
  auto staff = as("canbo.phuong");
  const int64_t unit = newCommittee(staff, "Đảng bộ bộ phận số 9");
  auto cell = newCell(staff, unit, "Chi bộ Khu phố 9", 4, "2026-01-01");
  const int64_t m0 = cell.members[0], m1 = cell.members[1], m3 = cell.members[3];
  Run march;
  march.day = "2026-03-10";
  march.marks = {{m3, "absent_unexcused"}};
  march.speakers = {m1};
  hold(staff, cell, march);  // a task for m0, due 28/3, reviewed done in April
  Run april;
  april.day = "2026-04-10";
  hold(staff, cell, april);  // a task for m0, due 28/4, never reviewed: overdue at the year's end

  // Opening: the committee only, once per year, not for a year to come.
  const std::string rounds = path("/api/v1/orgs/", unit, "/review-rounds");
  EXPECT_EQ(as("bithu.kp1").post(rounds, json::object{{"year", 2026}}).status, 404);  // not theirs to see
  auto future = staff.post(rounds, json::object{{"year", 2028}});
  EXPECT_EQ(future.status, 422) << future.raw;
  auto on_cell = staff.post(path("/api/v1/orgs/", cell.id, "/review-rounds"), json::object{{"year", 2026}});
  EXPECT_EQ(code(on_cell), "not_a_committee") << on_cell.raw;
  const auto audit0 = auditCount();
  auto opened = staff.post(rounds, json::object{{"year", 2026}});
  ASSERT_EQ(opened.status, 201) << opened.raw;
  EXPECT_EQ(auditCount(), audit0 + 1);
  EXPECT_EQ(code(staff.post(rounds, json::object{{"year", 2026}})), "review_round_exists");
  const int64_t round = opened.obj().at("round").as_object().at("id").as_int64();
  EXPECT_EQ(opened.obj().at("rules").as_object().at("id").as_string(), "evaluation-qd366-2025");
  const int64_t r0 = reviewOf(opened, m0), r1 = reviewOf(opened, m1), r3 = reviewOf(opened, m3);

  // The form is prefilled with the year's record, for the member and the cell only.
  auto member1 = memberClient(staff, m1);
  auto form = member1.get(reviewPath(r1));
  ASSERT_EQ(form.status, 200) << form.raw;
  const auto& ev = form.obj().at("evidence").as_object();
  EXPECT_EQ(ev.at("meetings_expected").as_int64(), 2);
  EXPECT_EQ(ev.at("meetings_attended").as_int64(), 2);
  EXPECT_EQ(ev.at("speeches").as_int64(), 1);
  EXPECT_TRUE(form.obj().at("may_self_assess").as_bool());
  EXPECT_FALSE(form.obj().at("may_decide").as_bool());
  auto absent = staff.get(reviewPath(r3));
  EXPECT_EQ(absent.obj().at("evidence").as_object().at("absent_unexcused").as_int64(), 1);
  auto tasks0 = staff.get(reviewPath(r0)).obj().at("evidence").as_object();
  EXPECT_EQ(tasks0.at("tasks_on_time").as_int64(), 1);
  EXPECT_EQ(tasks0.at("tasks_overdue").as_int64(), 1);
  EXPECT_EQ(as("bithu.kp1").get(reviewPath(r1)).status, 404);  // another cell's secretary
  EXPECT_EQ(member1.get(reviewPath(r0)).status, 404);            // another member's review

  // Self-assessment: the member's own; bad input names each field and writes nothing.
  auto member0 = memberClient(staff, m0);
  EXPECT_EQ(member0.post(reviewPath(r1, "/self-assessment"),
                         json::object{{"level", "good"}, {"points", 80}, {"note", "Tự đánh giá"}})
                .status,
            404);  // another member's review is not theirs to know
  EXPECT_EQ(staff.post(reviewPath(r1, "/self-assessment"),
                       json::object{{"level", "good"}, {"points", 80}, {"note", "Tự đánh giá"}})
                .status,
            403);  // the committee sees it but does not write it
  const auto audit1 = auditCount();
  auto bad = member1.post(reviewPath(r1, "/self-assessment"), json::object{{"level", "tot"}, {"points", 101}});
  ASSERT_EQ(bad.status, 422) << bad.raw;
  std::set<std::string> fields;
  for (auto& e : bad.obj().at("errors").as_array()) fields.insert(std::string(e.as_object().at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"level", "points", "note"}));
  auto band = member1.post(reviewPath(r1, "/self-assessment"),
                           json::object{{"level", "excellent"}, {"points", 80}, {"note", "Hoàn thành tốt"}});
  EXPECT_EQ(code(band), "level_not_allowed") << band.raw;
  EXPECT_NE(band.raw.find("cần từ 90 điểm, đã chấm 80 điểm"), std::string::npos) << band.raw;
  EXPECT_EQ(auditCount(), audit1);
  EXPECT_EQ(version(staff, r1), 1);
  auto self = member1.post(reviewPath(r1, "/self-assessment"),
                           json::object{{"level", "good"}, {"points", 85},
                                        {"note", "Dự đủ các buổi sinh hoạt, hoàn thành nhiệm vụ được giao."}});
  ASSERT_EQ(self.status, 200) << self.raw;
  EXPECT_EQ(self.obj().at("review").as_object().at("stage").as_string(), "self_assessed");
  EXPECT_EQ(auditCount(), audit1 + 1);

  // The cell votes against its roll of four: more than half must agree.
  EXPECT_EQ(member1.post(reviewPath(r1, "/cell-vote"), json::object{{"level", "good"}, {"points", 85}, {"vote_for", 4}})
                .status,
            403);
  auto few = staff.post(reviewPath(r1, "/cell-vote"),
                        json::object{{"level", "good"}, {"points", 85}, {"vote_for", 2}, {"vote_against", 2}});
  EXPECT_EQ(few.status, 422) << few.raw;
  EXPECT_NE(few.raw.find("vote_not_passed"), std::string::npos) << few.raw;
  auto stale = staff.post(reviewPath(r1, "/cell-vote"),
                          json::object{{"level", "good"}, {"points", 85}, {"vote_for", 4}, {"version", 1}});
  EXPECT_EQ(code(stale), "stale_version");
  auto voted = staff.post(reviewPath(r1, "/cell-vote"),
                          json::object{{"level", "good"}, {"points", 85}, {"vote_for", 4}, {"version", 2}});
  ASSERT_EQ(voted.status, 200) << voted.raw;
  EXPECT_EQ(voted.obj().at("review").as_object().at("vote").as_object().at("eligible").as_int64(), 4);
  auto late = member1.post(reviewPath(r1, "/self-assessment"),
                           json::object{{"level", "excellent"}, {"points", 95}, {"note", "Sửa lại"}});
  EXPECT_EQ(code(late), "review_step_refused") << late.raw;

  // A member with an overdue task: the cell may not vote "hoàn thành tốt".
  ASSERT_EQ(member0.post(reviewPath(r0, "/self-assessment"),
                         json::object{{"level", "good"}, {"points", 80}, {"note", "Tự nhận hoàn thành tốt."}})
                .status,
            200);
  auto cond = staff.post(reviewPath(r0, "/cell-vote"), json::object{{"level", "good"}, {"points", 80}, {"vote_for", 4}});
  EXPECT_EQ(code(cond), "level_not_allowed") << cond.raw;
  EXPECT_NE(cond.raw.find("100% nhiệm vụ đúng hạn"), std::string::npos) << cond.raw;

  // The committee decides; the quota on xuất sắc is checked on the round.
  EXPECT_EQ(as("bithu.kp1").post(reviewPath(r1, "/decision"), json::object{{"level", "good"}, {"points", 85}}).status,
            404);
  auto quota = staff.post(reviewPath(r1, "/decision"), json::object{{"level", "excellent"}, {"points", 95}});
  EXPECT_EQ(code(quota), "quota_exceeded") << quota.raw;
  EXPECT_NE(quota.raw.find("vượt quá 20%"), std::string::npos) << quota.raw;
  auto decided = staff.post(reviewPath(r1, "/decision"), json::object{{"level", "good"}, {"points", 85}});
  ASSERT_EQ(decided.status, 200) << decided.raw;
  EXPECT_EQ(decided.obj().at("review").as_object().at("stage").as_string(), "decided");
  EXPECT_EQ(code(staff.post(reviewPath(r1, "/decision"), json::object{{"level", "done"}, {"points", 60}})),
            "review_step_refused");
  auto no_reason = staff.post(reviewPath(r1, "/appeal"), json::object{{"level", "done"}, {"points", 60}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.raw;
  auto appeal = staff.post(reviewPath(r1, "/appeal"),
                           json::object{{"level", "done"}, {"points", 65}, {"note", "Kiến nghị của chi bộ ngày 10/01/2027"}});
  ASSERT_EQ(appeal.status, 200) << appeal.raw;
  const auto& steps = appeal.obj().at("steps").as_array();
  ASSERT_EQ(steps.size(), 4u);  // the first decision stays in the history
  EXPECT_EQ(steps[2].as_object().at("step").as_string(), "decide");
  EXPECT_EQ(steps[2].as_object().at("level").as_string(), "good");
  EXPECT_EQ(steps[3].as_object().at("level").as_string(), "done");
  EXPECT_EQ(appeal.obj().at("review").as_object().at("decided_level").as_string(), "done");

  // The papers: the member's form, the round's result list, one cell's summary list.
  auto paper = member1.get(reviewPath(r1, "/form.pdf"));
  ASSERT_EQ(paper.status, 200) << form.raw.substr(0, 300);
  EXPECT_EQ(paper.content_type, "application/pdf");
  EXPECT_EQ(paper.raw.substr(0, 5), "%PDF-");
  EXPECT_EQ(member1.get(reviewPath(r1, "/form.docx")).raw.substr(0, 2), "PK");
  EXPECT_EQ(member1.get(reviewPath(r0, "/form.pdf")).status, 404);
  auto table = staff.get(path("/api/v1/review-rounds/", round, "/results.xlsx"));
  ASSERT_EQ(table.status, 200) << table.raw.substr(0, 300);
  EXPECT_EQ(table.raw.substr(0, 2), "PK");
  EXPECT_EQ(staff.get(path("/api/v1/review-rounds/", round, "/results.pdf?cell=" + std::to_string(cell.id))).status,
            200);
  EXPECT_EQ(staff.get(path("/api/v1/review-rounds/", round, "/results.pdf?cell=" + std::to_string(kp1_))).status,
            404);  // not a cell of this round
  EXPECT_EQ(staff.get(path("/api/v1/review-rounds/", round, "/results.docx?cell=x")).status, 422);

  // The ward's view of its cell.
  auto view = staff.get(path("/api/v1/review-rounds/", round));
  ASSERT_EQ(view.status, 200) << view.raw;
  bool found = false;
  for (auto& c : view.obj().at("cells").as_array()) {
    const auto& o = c.as_object();
    if (o.at("cell_id").as_int64() != cell.id) continue;
    found = true;
    EXPECT_EQ(o.at("members").as_int64(), 4);
    EXPECT_EQ(o.at("by_level").as_object().at("done").as_int64(), 1);
    EXPECT_EQ(o.at("by_stage").as_object().at("open").as_int64(), 2);
    EXPECT_EQ(o.at("tasks").as_object().at("total").as_int64(), 2);
  }
  EXPECT_TRUE(found);
  auto mine = member1.get(path("/api/v1/orgs/", cell.id, "/review-rounds"));
  ASSERT_EQ(mine.status, 200) << mine.raw;
  bool listed = false;  // the rounds of every committee above the cell (the demo ward's too)
  for (auto& r : mine.obj().at("items").as_array()) listed |= r.as_object().at("id").as_int64() == round;
  EXPECT_TRUE(listed) << mine.raw;
  auto own = member1.get(path("/api/v1/review-rounds/", round));
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_EQ(own.obj().at("reviews").as_array().size(), 1u);  // a member sees their own line only
}

TEST_F(ReviewFlowTest, TheCommitteeClassifiesACellOnItsRecord) {
  auto staff = as("canbo.phuong");
  const int64_t unit = newCommittee(staff, "Đảng bộ bộ phận số 10");
  auto cell = newCell(staff, unit, "Chi bộ Khu phố 10", 3, "2026-01-01");
  Run may;
  may.day = "2026-05-12";
  hold(staff, cell, may);  // one task, due 28/5, never reviewed
  auto o = staff.post(path("/api/v1/orgs/", unit, "/review-rounds"), json::object{{"year", 2026}});
  ASSERT_EQ(o.status, 201) << o.raw;
  const int64_t round = o.obj().at("round").as_object().at("id").as_int64();
  auto listed = staff.get(path("/api/v1/orgs/", unit, "/review-rounds"));
  ASSERT_EQ(listed.status, 200) << listed.raw;
  EXPECT_EQ(listed.obj().at("items").as_array().at(0).as_object().at("id").as_int64(), round);
  const std::string put = path("/api/v1/review-rounds/", round, "/cells/" + std::to_string(cell.id));
  EXPECT_EQ(as("bithu.kp1").put(put, json::object{{"level", "not_done"}, {"points", 40}}).status, 404);
  EXPECT_EQ(staff.put(path("/api/v1/review-rounds/", round, "/cells/" + std::to_string(kp1_)),
                      json::object{{"level", "good"}, {"points", 80}})
                .status,
            404);  // a cell outside the round's committee
  const auto before = auditCount();
  auto ex = staff.put(put, json::object{{"level", "excellent"}, {"points", 95}});
  EXPECT_EQ(code(ex), "level_not_allowed") << ex.raw;
  auto done = staff.put(put, json::object{{"level", "done"}, {"points", 60}});
  EXPECT_EQ(code(done), "level_not_allowed") << done.raw;
  EXPECT_NE(done.raw.find("đã hoàn thành 0/1"), std::string::npos) << done.raw;
  EXPECT_EQ(staff.put(put, json::object{{"level", "good"}, {"points", 20}}).status, 422);  // outside the band
  EXPECT_EQ(auditCount(), before);
  auto ok = staff.put(put, json::object{{"level", "not_done"}, {"points", 45}, {"note", "Chưa hoàn thành nhiệm vụ tháng 5"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(auditCount(), before + 1);
  for (auto& c : ok.obj().at("cells").as_array())
    if (c.as_object().at("cell_id").as_int64() == cell.id)
      EXPECT_EQ(c.as_object().at("classification").as_object().at("level").as_string(), "not_done");
  auto outside = staff.put(path("/api/v1/review-rounds/", round, "/cells/" + std::to_string(unit)),
                           json::object{{"level", "good"}, {"points", 80}});
  EXPECT_EQ(outside.status, 404);  // the committee itself is not a cell of the round
}

}  // namespace chibo::testing
