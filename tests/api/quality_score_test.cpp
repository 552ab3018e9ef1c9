// The quality score of a meeting run through the API (issue 4 §2, §6):
// hand-computed totals under HD 42 (2025) and HD 12 (2018), both evaluations
// kept, and the evaluation's validation and permissions.
#include "api/quality_fixture.h"

namespace chibo::testing {

class QualityScoreTest : public QualityApiTest {
 protected:
  // The record every hand-computed meeting here shares: 10 members, 9 present
  // and 1 excused, 4 speakers, 80 minutes, preparation 4 of 6 (no notice to the
  // monitor, documents posted on the day), minutes not read back (11 of 12
  // checks), and the previous resolution met 3 of its 4 targets.
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
};

TEST_F(QualityScoreTest, Hd42ScoreIsComputedFromTheRecordAndExplained) {
  auto c = as("canbo.phuong");
  auto cell = newCell(c, ward_, "Chi bộ Thử nghiệm chấm điểm", 10, "2026-11-01");
  auto prev = plannedWithResolution(c, cell, "2027-01-08", 3, 4);
  auto id = hold(c, cell, standard(cell, "2027-02-05", "2027-02-02"));

  auto s = c.get(meetingPath(id, "/score"));
  ASSERT_EQ(s.status, 200) << s.raw;
  const auto& o = s.obj();
  EXPECT_EQ(o.at("rule_set").as_object().at("id").as_string(), "central-hd42-2025");
  EXPECT_EQ(o.at("rubric").as_object().at("id").as_string(), "hd42-2025-khung-100");
  EXPECT_EQ(o.at("date").as_string(), "2027-02-05");
  EXPECT_DOUBLE_EQ(num(o.at("max")), 100);

  // duration: 80 minutes against the HD 42 minimum of 90 -> the "not enough" band, 0 of 5.
  EXPECT_DOUBLE_EQ(num(criterion(s, "duration").at("points")), 0);
  EXPECT_NE(str(criterion(s, "duration").at("source")).find("90 phút"), std::string::npos);
  EXPECT_NE(str(criterion(s, "duration").at("source")).find("HD 42-HD/BTCTW"), std::string::npos);
  // attendance: 9/10 = 90% > 85%, nobody unexcused, no excused run over 3 -> 5 of 5.
  EXPECT_DOUBLE_EQ(num(criterion(s, "attendance").at("points")), 5);
  EXPECT_NE(str(criterion(s, "attendance").at("source")).find("85%"), std::string::npos);
  // preparation: proportional, 10 x 4/6 = 6.67 (no notice to the monitor, documents late).
  EXPECT_DOUBLE_EQ(num(criterion(s, "preparation").at("points")), 6.67);
  // previous resolution: 3 of 4 targets, 30 x 75% = 22.5.
  EXPECT_DOUBLE_EQ(num(criterion(s, "resolution_results").at("points")), 22.5);
  // closing: 11 of 12 completeness checks (minutes not read back), 5 x 11/12 = 4.58.
  EXPECT_DOUBLE_EQ(num(criterion(s, "closing").at("points")), 4.58);
  // Judgement criteria wait for a person.
  for (const char* j : {"conduct", "chairing", "principles"}) {
    EXPECT_TRUE(criterion(s, j).at("pending").as_bool()) << j;
    EXPECT_DOUBLE_EQ(num(criterion(s, j).at("points")), 0) << j;
  }
  EXPECT_DOUBLE_EQ(num(o.at("total")), 38.75);
  EXPECT_TRUE(o.at("pending").as_bool());
  EXPECT_EQ(o.at("grade").as_string(), "poor");
  EXPECT_TRUE(o.at("judged_by").is_null());

  const auto& f = o.at("facts").as_object();
  EXPECT_EQ(f.at("duration_minutes").as_int64(), 80);
  EXPECT_EQ(f.at("expected").as_int64(), 10);
  EXPECT_EQ(f.at("present").as_int64(), 9);
  EXPECT_EQ(f.at("excused").as_int64(), 1);
  EXPECT_EQ(f.at("distinct_speakers").as_int64(), 4);
  EXPECT_EQ(f.at("targets_met").as_int64(), 3);
  EXPECT_EQ(f.at("targets_evaluated").as_int64(), 4);
  EXPECT_EQ(f.at("completeness_checks").as_int64(), 12);
  EXPECT_EQ(f.at("completeness_failed").as_int64(), 1);
  EXPECT_EQ(f.at("longest_excused_streak").as_int64(), 1);
  auto prev_meeting = c.get(meetingPath(prev));
  EXPECT_EQ(o.at("reviewed_resolution_id").as_int64(),
            prev_meeting.obj().at("resolutions").as_array().at(0).as_object().at("id").as_int64());

  // Every criterion says where it came from and how it was reached; the
  // biggest loss is listed first.
  for (auto& cr : o.at("criteria").as_array()) {
    EXPECT_FALSE(cr.as_object().at("source").as_string().empty());
    EXPECT_FALSE(cr.as_object().at("rule_set_id").as_string().empty());
    EXPECT_FALSE(cr.as_object().at("explanation").as_string().empty());
  }
  EXPECT_EQ(o.at("pulled_down_by").as_array().at(0).as_object().at("code").as_string(), "conduct");

  // The committee enters the judgement criteria: 38.75 + 20 + 7 + 4 = 69.75, one step below Khá.
  auto before = auditCount();
  auto e = c.put(meetingPath(id, "/evaluation"),
                 json::object{{"evaluator", "committee"},
                              {"criteria", json::object{{"conduct", 20}, {"chairing", 7}, {"principles", 4}}},
                              {"note", "Nội dung sinh hoạt còn chung chung"}});
  ASSERT_EQ(e.status, 200) << e.raw;
  EXPECT_DOUBLE_EQ(num(e.obj().at("total")), 69.75);
  EXPECT_EQ(e.obj().at("grade").as_string(), "average");
  EXPECT_EQ(e.obj().at("grade_label").as_string(), "Trung bình");
  EXPECT_FALSE(e.obj().at("pending").as_bool());
  EXPECT_EQ(e.obj().at("judged_by").as_string(), "committee");
  EXPECT_EQ(auditCount(), before + 1);
  // At the threshold: 70 is Khá.
  auto e2 = c.put(meetingPath(id, "/evaluation"),
                  json::object{{"evaluator", "committee"},
                               {"criteria", json::object{{"conduct", 20}, {"chairing", 7.25}, {"principles", 4}}}});
  ASSERT_EQ(e2.status, 200) << e2.raw;
  EXPECT_DOUBLE_EQ(num(e2.obj().at("total")), 70);
  EXPECT_EQ(e2.obj().at("grade").as_string(), "fair");
  EXPECT_EQ(e2.obj().at("grade_label").as_string(), "Khá");
  // Judging again later gives the same result.
  auto again = c.get(meetingPath(id, "/score"));
  EXPECT_DOUBLE_EQ(num(again.obj().at("total")), 70);
}

TEST_F(QualityScoreTest, A2024MeetingIsJudgedByHd12Of2018) {
  auto c = as("canbo.phuong");
  auto cell = newCell(c, ward_, "Chi bộ Thử nghiệm năm 2024", 10, "2024-01-01");
  plannedWithResolution(c, cell, "2024-04-05", 3, 4);
  auto id = hold(c, cell, standard(cell, "2024-05-10", "2024-05-07"));
  auto s = c.get(meetingPath(id, "/score"));
  ASSERT_EQ(s.status, 200) << s.raw;
  EXPECT_EQ(s.obj().at("rule_set").as_object().at("id").as_string(), "central-hd12-2018");
  EXPECT_EQ(s.obj().at("rubric").as_object().at("id").as_string(), "hd12-2018-tieu-chi-khung");
  // HD 12/2018 sets no duration: the criterion is not in its frame.
  std::set<std::string> codes;
  for (auto& cr : s.obj().at("criteria").as_array()) codes.insert(str(cr.as_object().at("code")));
  EXPECT_EQ(codes, (std::set<std::string>{"attendance", "preparation", "conduct", "principles", "resolution_results"}));
  // attendance 90% > 85% -> 20; preparation 4 of its 5 items (documents not counted) -> 16;
  // targets 3/4 -> 20 x 75% = 15; the two judgement criteria pending.
  EXPECT_DOUBLE_EQ(num(criterion(s, "attendance").at("points")), 20);
  EXPECT_NE(str(criterion(s, "attendance").at("source")).find("HD 12-HD/BTCTW"), std::string::npos);
  EXPECT_DOUBLE_EQ(num(criterion(s, "preparation").at("points")), 16);
  EXPECT_DOUBLE_EQ(num(criterion(s, "resolution_results").at("points")), 15);
  EXPECT_DOUBLE_EQ(num(s.obj().at("total")), 51);
  EXPECT_EQ(s.obj().at("grade").as_string(), "average");
  EXPECT_TRUE(s.obj().at("pending").as_bool());

  // The same cell's rules on that date say so too.
  auto rules = c.get("/api/v1/rules?org=" + std::to_string(cell.id) + "&date=2024-05-10");
  ASSERT_EQ(rules.status, 200) << rules.raw;
  const auto& rs = rules.obj().at("rule_set").as_object();
  EXPECT_EQ(rs.at("id").as_string(), "central-hd12-2018");
  EXPECT_EQ(rs.at("thresholds").as_object().at("min_duration_minutes").as_object().at("value").as_int64(), 0);
  EXPECT_EQ(rs.at("thresholds").as_object().at("attendance_threshold_percent").as_object().at("origin").as_string(),
            "central-hd12-2018");
}

TEST_F(QualityScoreTest, SelfAndCommitteeEvaluationsAreBothKeptAndValidated) {
  auto cell_user = as("bithu.kp1");
  auto monitor = as("giamsat.phuong");
  auto member = as("dangvien.kp1");
  auto id = plan(cell_user, kp1_, "2027-05-07");
  // Not held yet: nothing to evaluate.
  auto early = cell_user.put(meetingPath(id, "/evaluation"),
                             json::object{{"evaluator", "self"}, {"criteria", json::object{{"conduct", 20}}}});
  EXPECT_EQ(early.status, 409) << early.raw;
  EXPECT_EQ(early.code(), "not_held");
  ASSERT_EQ(cell_user.post(meetingPath(id, "/start"), json::object{{"at", "2027-05-07T19:30"}}).status, 200);
  ASSERT_EQ(cell_user.post(meetingPath(id, "/end"), json::object{{"at", "2027-05-07T21:00"}}).status, 200);

  auto before = auditCount();
  // Validation against the rubric in force (HD 42): over the maximum, an
  // objective criterion that has data, a criterion the rubric does not have.
  auto bad = monitor.put(meetingPath(id, "/evaluation"),
                         json::object{{"evaluator", "committee"},
                                      {"criteria", json::object{{"conduct", 31}, {"duration", 5}, {"speakers", 3}}}});
  ASSERT_EQ(bad.status, 422) << bad.raw;
  std::map<std::string, std::string> errs;
  for (auto& fe : bad.obj().at("errors").as_array())
    errs[str(fe.as_object().at("field"))] = str(fe.as_object().at("code"));
  EXPECT_EQ(errs["criteria.conduct"], "out_of_range");
  EXPECT_EQ(errs["criteria.duration"], "objective_criterion");
  EXPECT_EQ(errs["criteria.speakers"], "unknown_criterion");
  EXPECT_EQ(monitor.put(meetingPath(id, "/evaluation"), json::object{{"evaluator", "boss"}, {"criteria", json::object{}}})
                .status,
            422);
  EXPECT_EQ(auditCount(), before);

  // Who may enter what: the cell committee its own evaluation, the monitor the committee's.
  EXPECT_EQ(cell_user.put(meetingPath(id, "/evaluation"),
                          json::object{{"evaluator", "committee"}, {"criteria", json::object{{"conduct", 20}}}})
                .status,
            403);
  EXPECT_EQ(monitor.put(meetingPath(id, "/evaluation"),
                        json::object{{"evaluator", "self"}, {"criteria", json::object{{"conduct", 20}}}})
                .status,
            403);
  EXPECT_EQ(member.put(meetingPath(id, "/evaluation"),
                       json::object{{"evaluator", "self"}, {"criteria", json::object{{"conduct", 20}}}})
                .status,
            403);
  EXPECT_EQ(member.get(meetingPath(id, "/score")).status, 200);  // a member sees their cell's score

  auto self = cell_user.put(meetingPath(id, "/evaluation"),
                            json::object{{"evaluator", "self"},
                                         {"criteria", json::object{{"conduct", 25}, {"chairing", 8}, {"principles", 5}}},
                                         {"note", "Chi bộ tự đánh giá"}});
  ASSERT_EQ(self.status, 200) << self.raw;
  EXPECT_EQ(self.obj().at("judged_by").as_string(), "self");
  auto committee = monitor.put(meetingPath(id, "/evaluation"),
                               json::object{{"evaluator", "committee"},
                                            {"criteria", json::object{{"conduct", 20}, {"chairing", 7}, {"principles", 4}}}});
  ASSERT_EQ(committee.status, 200) << committee.raw;
  EXPECT_EQ(auditCount(), before + 2);

  auto s = member.get(meetingPath(id, "/score"));
  ASSERT_EQ(s.status, 200);
  EXPECT_EQ(s.obj().at("judged_by").as_string(), "committee");
  const auto& ev = s.obj().at("evaluations").as_object();
  ASSERT_TRUE(ev.at("self").is_object());
  ASSERT_TRUE(ev.at("committee").is_object());
  EXPECT_EQ(ev.at("self").as_object().at("note").as_string(), "Chi bộ tự đánh giá");
  EXPECT_EQ(ev.at("committee").as_object().at("by_username").as_string(), "giamsat.phuong");
  // Same record, so the totals differ by exactly the judgement points: 38 - 31 = 7.
  double self_total = num(ev.at("self").as_object().at("total"));
  double committee_total = num(ev.at("committee").as_object().at("total"));
  EXPECT_DOUBLE_EQ(self_total - committee_total, 7);
  EXPECT_DOUBLE_EQ(num(s.obj().at("total")), committee_total);
  EXPECT_DOUBLE_EQ(num(criterion(s, "conduct").at("points")), 20);
}

}  // namespace chibo::testing
