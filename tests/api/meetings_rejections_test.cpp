// Every rejection issue 3 lists, each leaving nothing behind, and the
// amendment path for locked minutes.
#include <set>

#include "api/meeting_fixture.h"

namespace chibo::testing {

class MeetingRejectionTest : public MeetingApiTest {};

// Each refused edit leaves the minutes as they were and one audit row saying who
// tried what (issue 3: "rejects a direct edit … and accepts an amendment …, both audited").
TEST_F(MeetingRejectionTest, LockedMinutesRejectDirectEditsWith409ChangeNothingAndAuditTheAttempt) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-02");
  completeRecord(c, id, "2027-04-02");
  ASSERT_EQ(c.post(meetingPath(id, "/finalize"), json::object{}).status, 200);
  auto m = c.get(meetingPath(id)).obj();
  auto before = auditCount();
  auto patch = c.patch(meetingPath(id), json::object{{"place", "Trụ sở khu phố"}});
  EXPECT_EQ(patch.status, 409);
  EXPECT_EQ(patch.code(), "meeting_locked");
  EXPECT_EQ(c.put(meetingPath(id, "/attendance"), json::object{{"items", json::array{}}}).code(), "meeting_locked");
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", expectedIds(m)[0]}, {"summary", "x"}}).code(),
            "meeting_locked");
  auto rid = m.at("resolutions").as_array()[0].as_object().at("id").as_int64();
  EXPECT_EQ(c.put("/api/v1/resolutions/" + std::to_string(rid) + "/vote",
                  json::object{{"votes_for", 1}, {"eligible", 1}}).code(), "meeting_locked");
  EXPECT_EQ(c.post("/api/v1/resolutions/" + std::to_string(rid) + "/tasks",
                   json::object{{"description", "x"}, {"deadline", "2027-05-01"}, {"assignee_member_ids", json::array{expectedIds(m)[0]}}})
                .code(),
            "meeting_locked");
  EXPECT_EQ(c.post(meetingPath(id, "/finalize"), json::object{}).code(), "meeting_locked");
  EXPECT_EQ(auditCount(), before + 6);  // the six attempts above
  auto after = c.get(meetingPath(id)).obj();
  EXPECT_EQ(after.at("place").as_string(), "Nhà văn hóa khu phố");
  EXPECT_EQ(after.at("version").as_int64(), m.at("version").as_int64());
  EXPECT_EQ(json::serialize(after.at("roll")), json::serialize(m.at("roll")));
  EXPECT_EQ(json::serialize(after.at("speeches")), json::serialize(m.at("speeches")));
  EXPECT_EQ(json::serialize(after.at("tasks")), json::serialize(m.at("tasks")));
  auto staff = as("canbo.phuong");
  auto audit = staff.get("/api/v1/audit?org=" + std::to_string(ward_) + "&target_type=meeting&target_id=" +
                         std::to_string(id) + "&limit=6");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  ASSERT_EQ(audit.obj().at("items").as_array().size(), 6u);
  std::set<std::string> attempted;
  for (auto& row : audit.obj().at("items").as_array()) {
    EXPECT_EQ(row.as_object().at("action").as_string(), "meeting.locked_edit_rejected");
    EXPECT_EQ(row.as_object().at("actor_username").as_string(), "bithu.kp1");
    attempted.insert(std::string(row.as_object().at("changes").as_array()[0].as_object().at("after").as_string()));
  }
  EXPECT_TRUE(attempted.count("sửa thông tin cuộc họp"));
  EXPECT_TRUE(attempted.count("điểm danh"));
  EXPECT_TRUE(attempted.count("khóa biên bản"));
}

TEST_F(MeetingRejectionTest, AmendmentNeedsAReasonThenIsVersionedAndAudited) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-09");
  EXPECT_EQ(c.post(meetingPath(id, "/amendments"), json::object{{"reason", "x"}, {"meeting", json::object{{"place", "y"}}}}).code(),
            "not_finalized");
  completeRecord(c, id, "2027-04-09");
  ASSERT_EQ(c.post(meetingPath(id, "/finalize"), json::object{}).status, 200);
  auto before = auditCount();
  auto noReason = c.post(meetingPath(id, "/amendments"), json::object{{"meeting", json::object{{"place", "Trụ sở"}}}});
  ASSERT_EQ(noReason.status, 422);
  EXPECT_EQ(noReason.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "reason");
  auto nothing = c.post(meetingPath(id, "/amendments"), json::object{{"reason", "Không đổi gì"}});
  EXPECT_EQ(nothing.status, 422);
  EXPECT_EQ(auditCount(), before);

  auto ok = c.post(meetingPath(id, "/amendments"),
                   json::object{{"reason", "Ghi nhầm địa điểm"}, {"version", 1}, {"meeting", json::object{{"place", "Trụ sở khu phố"}}}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  EXPECT_EQ(ok.obj().at("version").as_int64(), 2);
  EXPECT_EQ(ok.obj().at("place").as_string(), "Trụ sở khu phố");
  EXPECT_EQ(ok.obj().at("status").as_string(), "finalized");
  EXPECT_EQ(auditCount(), before + 1);
  auto stale = c.post(meetingPath(id, "/amendments"),
                      json::object{{"reason", "Lần nữa"}, {"version", 1}, {"meeting", json::object{{"place", "Khác"}}}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.code(), "stale_version");

  auto h = c.get(meetingPath(id, "/history"));
  ASSERT_EQ(h.status, 200);
  auto items = h.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  auto v2 = items[1].as_object();
  EXPECT_EQ(v2.at("version").as_int64(), 2);
  EXPECT_EQ(v2.at("kind").as_string(), "amendment");
  EXPECT_EQ(v2.at("reason").as_string(), "Ghi nhầm địa điểm");
  EXPECT_EQ(v2.at("by_username").as_string(), "bithu.kp1");
  EXPECT_EQ(v2.at("changes").as_array()[0].as_object().at("field").as_string(), "place");
  EXPECT_EQ(items[0].as_object().at("snapshot").as_object().at("place").as_string(), "Nhà văn hóa khu phố");
  EXPECT_EQ(v2.at("snapshot").as_object().at("place").as_string(), "Trụ sở khu phố");

  auto staff = as("canbo.phuong");
  auto audit = staff.get("/api/v1/audit?org=" + std::to_string(ward_) + "&target_type=meeting&target_id=" + std::to_string(id) + "&limit=1");
  auto row = audit.obj().at("items").as_array()[0].as_object();
  EXPECT_EQ(row.at("action").as_string(), "meeting.amend");
  bool reason = false;
  for (auto& ch : row.at("changes").as_array())
    reason |= ch.as_object().at("field").as_string() == "reason" && ch.as_object().at("after").as_string() == "Ghi nhầm địa điểm";
  EXPECT_TRUE(reason);
}

TEST_F(MeetingRejectionTest, AttendanceForSomeoneNotOnTheRollIs422WithItsIndex) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-16");
  auto m = c.get(meetingPath(id)).obj();
  auto before = auditCount();
  int64_t outsider = firstMemberOf(kp2_);
  json::array items{json::object{{"member_id", expectedIds(m)[0]}, {"status", "present"}},
                    json::object{{"member_id", outsider}, {"status", "present"}}};
  auto r = c.put(meetingPath(id, "/attendance"), json::object{{"items", items}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto e = r.obj().at("errors").as_array()[0].as_object();
  EXPECT_EQ(e.at("field").as_string(), "items[1].member_id");
  EXPECT_EQ(e.at("code").as_string(), "not_on_roll");
  // An excused absence needs its reason; a bad status is named too.
  auto bad = c.put(meetingPath(id, "/attendance"),
                   json::object{{"items", json::array{json::object{{"member_id", expectedIds(m)[0]}, {"status", "absent_excused"}},
                                                      json::object{{"member_id", expectedIds(m)[1]}, {"status", "asleep"}}}}});
  ASSERT_EQ(bad.status, 422);
  auto errs = bad.obj().at("errors").as_array();
  EXPECT_EQ(errs[0].as_object().at("field").as_string(), "items[0].reason_category");
  EXPECT_EQ(errs[1].as_object().at("field").as_string(), "items[1].status");
  EXPECT_EQ(auditCount(), before);
  EXPECT_EQ(c.get(meetingPath(id)).obj().at("attendance").as_object().at("unmarked").as_int64(),
            int64_t(expectedIds(m).size()));
}

TEST_F(MeetingRejectionTest, TaskWithoutADeadlineIs422) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-23");
  auto m = c.get(meetingPath(id)).obj();
  auto res = c.post(meetingPath(id, "/resolutions"), json::object{{"title", "Nghị quyết tháng 4"}});
  ASSERT_EQ(res.status, 201);
  auto before = auditCount();
  auto r = c.post("/api/v1/resolutions/" + std::to_string(idOf(res)) + "/tasks",
                  json::object{{"description", "Vận động hiến máu"}, {"assignee_member_ids", json::array{expectedIds(m)[0]}}});
  ASSERT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "deadline");
  EXPECT_EQ(r.obj().at("errors").as_array()[0].as_object().at("code").as_string(), "required");
  auto nobody = c.post("/api/v1/resolutions/" + std::to_string(idOf(res)) + "/tasks",
                       json::object{{"description", "Vận động hiến máu"}, {"deadline", "2027-05-01"}});
  EXPECT_EQ(nobody.status, 422);
  EXPECT_EQ(auditCount(), before);
}

TEST_F(MeetingRejectionTest, ADuplicateNumberIs409AndAGapIs422) {
  auto c = as("bithu.kp1");
  auto a = plan(c, kp1_, "2027-05-07");
  auto first = c.post(meetingPath(a, "/resolutions"), json::object{{"title", "Nghị quyết tháng 5"}});
  ASSERT_EQ(first.status, 201);
  auto issued = first.obj().at("number").as_int64();
  auto before = auditCount();
  auto dup = c.post(meetingPath(a, "/resolutions"), json::object{{"title", "Nhập lại"}, {"number", issued}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.code(), "duplicate_number");
  auto gap = c.post(meetingPath(a, "/resolutions"), json::object{{"title", "Nhảy số"}, {"number", issued + 2}});
  EXPECT_EQ(gap.status, 422);
  EXPECT_EQ(gap.obj().at("errors").as_array()[0].as_object().at("code").as_string(), "number_gap");
  EXPECT_EQ(auditCount(), before);
  auto next = c.post(meetingPath(a, "/resolutions"), json::object{{"title", "Số kế tiếp"}, {"number", issued + 1}});
  EXPECT_EQ(next.status, 201) << next.raw;
  // Conclusions are their own sequence.
  auto kl = c.post(meetingPath(a, "/resolutions"), json::object{{"title", "Kết luận"}, {"doc_type", "conclusion"}});
  ASSERT_EQ(kl.status, 201);
  EXPECT_EQ(kl.obj().at("symbol").as_string(), "KL/CB");
}

TEST_F(MeetingRejectionTest, CancellingAndLifecycleConflicts) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-05-14");
  EXPECT_EQ(c.post(meetingPath(id, "/end"), json::object{}).code(), "not_started");
  EXPECT_EQ(c.patch(meetingPath(id), json::object{{"status", "finalized"}}).status, 422);
  EXPECT_EQ(c.patch(meetingPath(id), json::object{{"kind", "thematic"}}).status, 422);
  auto cancelled = c.patch(meetingPath(id), json::object{{"status", "cancelled"}});
  ASSERT_EQ(cancelled.status, 200);
  EXPECT_EQ(cancelled.obj().at("status").as_string(), "cancelled");
  EXPECT_EQ(c.post(meetingPath(id, "/start"), json::object{}).code(), "meeting_cancelled");
  auto thematic = c.post(path("/api/v1/orgs/", kp1_, "/meetings"), json::object{{"kind", "thematic"}, {"planned_start", "2027-05-20T19:30"}});
  EXPECT_EQ(thematic.status, 422);
  EXPECT_EQ(thematic.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "topic");
}

}  // namespace chibo::testing
