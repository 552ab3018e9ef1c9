// Rules across time: records before 06/7/2018 are judged by Hướng dẫn
// 09-HD/BTCTW (02/3/2012) and the Điều lệ's member rules hold from the Điều lệ
// version in force; a day before every rule gets one answer from every route;
// the server computes a vote's `eligible` from the roll; a record entered from
// the paper minutes book is not judged on preparation timing.
#include "api/quality_fixture.h"

namespace chibo::testing {

class QualityHistoryTest : public QualityApiTest {
 protected:
  Resp rules(Client& c, int64_t org, const std::string& date) {
    return c.get("/api/v1/rules?org=" + std::to_string(org) + "&date=" + date);
  }
  std::string ruleId(Client& c, int64_t org, const std::string& date) {
    auto r = rules(c, org, date);
    EXPECT_EQ(r.status, 200) << date << " " << r.raw;
    return r.status == 200 ? str(r.obj().at("rule_set").as_object().at("id")) : "";
  }
  std::string originOf(Client& c, int64_t org, const std::string& date, const std::string& field) {
    auto r = rules(c, org, date);
    if (r.status != 200) return "";
    return str(r.obj().at("rule_set").as_object().at("thresholds").as_object().at(field).as_object().at("origin"));
  }
  static std::string firstFieldCode(const Resp& r, const std::string& field) {
    for (auto& e : r.obj().at("errors").as_array())
      if (e.as_object().at("field").as_string() == field) return str(e.as_object().at("code"));
    return "";
  }
};

TEST_F(QualityHistoryTest, EachRuleChangeDateSelectsTheSetInForce) {
  auto staff = as("canbo.phuong");
  EXPECT_EQ(ruleId(staff, kp1_, "2012-03-02"), "central-hd09-2012");
  EXPECT_EQ(ruleId(staff, kp1_, "2014-03-15"), "central-hd09-2012");
  EXPECT_EQ(ruleId(staff, kp1_, "2018-07-05"), "central-hd09-2012");
  EXPECT_EQ(ruleId(staff, kp1_, "2018-07-06"), "central-hd12-2018");
  EXPECT_EQ(ruleId(staff, kp1_, "2025-10-27"), "central-hd12-2018");
  EXPECT_EQ(ruleId(staff, kp1_, "2025-10-28"), "central-hd42-2025");

  // The Điều lệ's rules come from the implementing regulation of the day.
  EXPECT_EQ(originOf(staff, kp1_, "2014-03-15", "removal_months"), "charter-dieu-le-2011");
  EXPECT_EQ(originOf(staff, kp1_, "2019-03-15", "removal_months"), "charter-qd29-2016");
  EXPECT_EQ(originOf(staff, kp1_, "2022-03-15", "probation_review_working_days"), "charter-qd24-2021");
  EXPECT_EQ(originOf(staff, kp1_, "2026-03-15", "probationary_votes"), "charter-qd294-2025");
  // Meeting guidance stays with the central file.
  EXPECT_EQ(originOf(staff, kp1_, "2014-03-15", "min_duration_minutes"), "central-hd09-2012");

  // Nothing a user sees says UNCONFIRMED; what cannot be sourced says so in Vietnamese.
  auto r2014 = rules(staff, kp1_, "2014-03-15");
  ASSERT_EQ(r2014.status, 200);
  EXPECT_EQ(r2014.raw.find("UNCONFIRMED"), std::string::npos);
  EXPECT_NE(r2014.raw.find("chưa có văn bản xác nhận"), std::string::npos);
}

TEST_F(QualityHistoryTest, ADayBeforeEveryRuleGetsTheSameAnswerFromEveryRoute) {
  auto staff = as("canbo.phuong");
  auto cell = newCell(staff, ward_, "Chi bộ Lịch sử 2011", 4, "2010-01-01");
  // 01/3/2012: the Điều lệ's rules hold, the meeting guidance does not yet.
  auto before_hd09 = rules(staff, cell.id, "2012-03-01");
  EXPECT_EQ(before_hd09.status, 404);
  EXPECT_EQ(before_hd09.code(), "no_rule_set");
  EXPECT_NE(before_hd09.raw.find("02/03/2012"), std::string::npos) << before_hd09.raw;
  auto m2011 = plan(staff, cell.id, "2011-11-10");
  auto score = staff.get(meetingPath(m2011, "/score"));
  EXPECT_EQ(score.status, 404) << score.raw;
  EXPECT_EQ(score.code(), "no_rule_set");
  // Member warnings are judged in 2011 (the Điều lệ 2011 was in force).
  auto w2011 = staff.get(path("/api/v1/orgs/", cell.id, "/warnings?at=2011-12-31"));
  EXPECT_EQ(w2011.status, 200) << w2011.raw;

  // Before the Điều lệ 2011: nothing judges, and every route says so the same way.
  auto r = rules(staff, cell.id, "2010-06-01");
  auto w = staff.get(path("/api/v1/orgs/", cell.id, "/warnings?at=2010-06-01"));
  auto m2010 = plan(staff, cell.id, "2010-06-01");
  auto s = staff.get(meetingPath(m2010, "/score"));
  for (const auto* x : {&r, &w, &s}) {
    EXPECT_EQ(x->status, 404) << x->raw;
    EXPECT_EQ(x->code(), "no_rule_set") << x->raw;
    EXPECT_NE(x->raw.find("Chưa có bộ quy tắc nào có hiệu lực vào ngày 01/06/2010"), std::string::npos) << x->raw;
  }
}

TEST_F(QualityHistoryTest, ATamperedVoteIsRefusedAndNothingIsWritten) {
  auto staff = as("canbo.phuong");
  auto cell = newCell(staff, ward_, "Chi bộ Biểu quyết", 6, "2026-01-01");
  auto prob = addMember(staff, cell.id, "2026-05-04", true);  // probationary: no vote (Điều lệ Điều 3)
  auto id = plan(staff, cell.id, "2027-03-05");
  json::array items;
  for (auto m : cell.members) items.push_back(json::object{{"member_id", m}, {"status", "present"}});
  items.push_back(json::object{{"member_id", prob}, {"status", "present"}});
  ASSERT_EQ(staff.put(meetingPath(id, "/attendance"), json::object{{"items", items}}).status, 200);

  auto count = [&] { return staff.get(meetingPath(id)).obj().at("resolutions").as_array().size(); };
  const auto before = count();
  const auto audit_before = auditCount();
  // Two thirds of a roll of 4 would pass with 3 votes; the roll has 6 voters.
  auto bad = staff.post(meetingPath(id, "/resolutions"),
                        json::object{{"title", "Đề nghị kết nạp"},
                                     {"vote", json::object{{"votes_for", 3}, {"against", 0}, {"abstain", 0},
                                                           {"eligible", 4}, {"rule", "two_thirds_roll"}}}});
  ASSERT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(firstFieldCode(bad, "vote.eligible"), "eligible_mismatch");
  EXPECT_NE(bad.raw.find("là 6"), std::string::npos) << bad.raw;
  EXPECT_EQ(count(), before);
  EXPECT_EQ(auditCount(), audit_before);

  // The probationary member is present but does not count.
  auto seven = staff.post(meetingPath(id, "/resolutions"),
                          json::object{{"title", "Lãnh đạo nhiệm vụ tháng"},
                                       {"vote", json::object{{"votes_for", 7}, {"eligible", 7}}}});
  ASSERT_EQ(seven.status, 422) << seven.raw;
  // Absent: computed; the right number: accepted.
  auto computed = staff.post(meetingPath(id, "/resolutions"),
                             json::object{{"title", "Đề nghị kết nạp"},
                                          {"vote", json::object{{"votes_for", 4}, {"rule", "two_thirds_roll"}}}});
  ASSERT_EQ(computed.status, 201) << computed.raw;
  EXPECT_EQ(computed.obj().at("vote").as_object().at("eligible").as_int64(), 6);
  auto right = staff.post(meetingPath(id, "/resolutions"),
                          json::object{{"title", "Lãnh đạo nhiệm vụ tháng"},
                                       {"vote", json::object{{"votes_for", 6}, {"eligible", 6}}}});
  EXPECT_EQ(right.status, 201) << right.raw;
}

TEST_F(QualityHistoryTest, APaperBookRecordIsNotJudgedOnPreparationTiming) {
  auto staff = as("canbo.phuong");
  auto cell = newCell(staff, ward_, "Chi bộ Sổ giấy", 4, "2026-01-01");
  auto paper = staff.post(path("/api/v1/orgs/", cell.id, "/meetings"),
                          json::object{{"kind", "regular"}, {"planned_start", "2027-02-05T19:30"},
                                       {"place", "Nhà văn hóa"}, {"from_paper_book", true}});
  ASSERT_EQ(paper.status, 201) << paper.raw;
  auto paper_id = idOf(paper);
  EXPECT_TRUE(paper.obj().at("from_paper_book").as_bool()) << paper.raw;
  auto typed = plan(staff, cell.id, "2027-03-05");  // entered late, not from the book

  auto w = staff.get(path("/api/v1/orgs/", cell.id, "/warnings?limit=500&at=2027-03-20"));
  ASSERT_EQ(w.status, 200) << w.raw;
  int paper_prep = 0, typed_prep = 0;
  for (auto& x : w.obj().at("items").as_array()) {
    const auto& o = x.as_object();
    std::string key = str(o.at("key"));
    // R-PREP-1 (documents_*) and R-PREP-2 (*_not_notified).
    bool prep = key.rfind("documents_", 0) == 0 || key.find("_not_notified:") != std::string::npos;
    if (!prep) continue;
    if (key.find(":meeting:" + std::to_string(paper_id)) != std::string::npos) ++paper_prep;
    if (key.find(":meeting:" + std::to_string(typed)) != std::string::npos) ++typed_prep;
  }
  EXPECT_EQ(paper_prep, 0) << w.raw;
  EXPECT_GT(typed_prep, 0) << w.raw;  // the rule still judges records typed in

  // Marking a record afterwards is audited, with its Vietnamese label.
  auto mark = staff.patch(meetingPath(typed), json::object{{"from_paper_book", true}});
  ASSERT_EQ(mark.status, 200) << mark.raw;
  auto audit = staff.get("/api/v1/audit?org=" + std::to_string(ward_) + "&target_type=meeting&target_id=" +
                         std::to_string(typed));
  ASSERT_EQ(audit.status, 200) << audit.raw;
  EXPECT_NE(audit.raw.find("Nhập lại từ sổ biên bản giấy"), std::string::npos) << audit.raw;
}

}  // namespace chibo::testing
