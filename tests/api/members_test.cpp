#include "api/api_fixture.h"
#include "domain/text/vn_text.h"

namespace chibo::testing {

class MembersTest : public ApiTest {};

TEST_F(MembersTest, DemoWardHas19CellsAnd640MembersOnTheRollToday) {
  auto c = as("canbo.phuong");
  auto ward = c.get(path("/api/v1/orgs/", ward_));
  ASSERT_EQ(ward.status, 200);
  int cells = 0;
  for (auto& ch : ward.obj().at("children").as_array())
    if (ch.as_object().at("kind").as_string() == "cell") ++cells;
  EXPECT_EQ(cells, 19);
  auto roster = c.get(path("/api/v1/orgs/", ward_, "/members?limit=1"));
  ASSERT_EQ(roster.status, 200);
  EXPECT_EQ(roster.obj().at("total").as_int64(), 640);
  auto counts = roster.obj().at("counts").as_object();
  EXPECT_EQ(counts.at("on_roll").as_int64(), 640);
  // The denominator leaves out the exempt, the away and those on special duty.
  EXPECT_EQ(counts.at("expected").as_int64(),
            640 - counts.at("exempt").as_int64() - counts.at("away").as_int64() - counts.at("special_duty").as_int64());
}

TEST_F(MembersTest, CreateValidatesEveryFieldAndWritesNothingWhenRejected) {
  auto c = as("bithu.kp1");
  auto before = auditCount();
  json::object bad{{"full_name", "  "}, {"birth_date", "2099-01-01"}, {"gender", "x"}, {"cell_id", kp1_},
                   {"phone", "12345"}, {"admission_decision_date", "2020-02-30"}};
  auto r = c.post("/api/v1/members", bad);
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "validation_failed");
  std::map<std::string, std::string> errs;
  for (auto& e : r.obj().at("errors").as_array())
    errs[std::string(e.as_object().at("field").as_string())] = std::string(e.as_object().at("code").as_string());
  EXPECT_EQ(errs["full_name"], "required");
  EXPECT_EQ(errs["birth_date"], "future_date");
  EXPECT_EQ(errs["gender"], "invalid_choice");
  EXPECT_EQ(errs["phone"], "invalid_phone");
  EXPECT_EQ(errs["admission_decision_date"], "invalid_date");
  for (auto& e : r.obj().at("errors").as_array()) EXPECT_FALSE(e.as_object().at("message").as_string().empty());
  EXPECT_EQ(auditCount(), before);
  auto order = newMember(kp1_, "Trần Thị Thứ Tự");
  order["official_date"] = "2004-01-01";
  auto r2 = c.post("/api/v1/members", order);
  EXPECT_EQ(r2.status, 422);
  EXPECT_EQ(r2.obj().at("errors").as_array().at(0).as_object().at("code").as_string(), "date_order");
}

TEST_F(MembersTest, CreateThenSeeItListedSortedByGivenNameAndAudited) {
  auto c = as("bithu.kp1");
  auto before = auditCount();
  // NFD input is stored as NFC.
  auto r = c.post("/api/v1/members", newMember(kp1_, "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh"));
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.obj().at("full_name").as_string(), "Nguyễn Thị Ánh");
  EXPECT_EQ(r.obj().at("phone").as_string(), "0903123456");
  auto id = r.obj().at("id").as_int64();
  EXPECT_EQ(auditCount(), before + 1);
  auto roster = c.get(path("/api/v1/orgs/", kp1_, "/members?limit=500&q=nguyen thi anh"));
  ASSERT_EQ(roster.status, 200);
  bool found = false;
  for (auto& m : roster.obj().at("items").as_array()) found |= m.as_object().at("id").as_int64() == id;
  EXPECT_TRUE(found);
  auto all = c.get(path("/api/v1/orgs/", kp1_, "/members?limit=500"));
  std::vector<std::string> names;
  for (auto& m : all.obj().at("items").as_array()) names.emplace_back(m.as_object().at("full_name").as_string());
  ASSERT_GT(names.size(), 10u);
  for (size_t i = 1; i < names.size(); ++i)
    EXPECT_LE(compareVietnameseNames(names[i - 1], names[i]), 0) << names[i - 1] << " / " << names[i];
  // By given name: the last word decides first.
  EXPECT_NE(foldForSearch(names.front().substr(names.front().rfind(' ') + 1)).substr(0, 1), "y");
}

TEST_F(MembersTest, UpdateWithStaleVersionConflictsAndDiffIsAudited) {
  auto c = as("bithu.kp1");
  auto r = c.post("/api/v1/members", newMember(kp1_, "Lê Văn Cập Nhật"));
  ASSERT_EQ(r.status, 201);
  auto id = r.obj().at("id").as_int64();
  auto ok = c.patch(path("/api/v1/members/", id), json::object{{"phone", "0912345678"}, {"version", 1}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.obj().at("version").as_int64(), 2);
  auto stale = c.patch(path("/api/v1/members/", id), json::object{{"phone", "0987654321"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.code(), "version_conflict");
  auto staff = as("canbo.phuong");
  auto audit = staff.get("/api/v1/audit?org=" + std::to_string(ward_) + "&target_type=member&target_id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200);
  auto items = audit.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);  // create + one update; the rejected one left nothing
  auto upd = items[0].as_object();
  EXPECT_EQ(upd.at("action").as_string(), "member.update");
  EXPECT_EQ(upd.at("actor_username").as_string(), "bithu.kp1");
  auto ch = upd.at("changes").as_array().at(0).as_object();
  EXPECT_EQ(ch.at("field").as_string(), "phone");
  EXPECT_EQ(ch.at("before").as_string(), "0903123456");
  EXPECT_EQ(ch.at("after").as_string(), "0912345678");
}

TEST_F(MembersTest, TransferKeepsHistoryAndPastRosterIsReconstructed) {
  auto staff = as("canbo.phuong");
  auto m = newMember(kp1_, "Phạm Văn Chuyển");
  m["joined_on"] = "2024-01-01";
  auto r = staff.post("/api/v1/members", m);
  ASSERT_EQ(r.status, 201);
  auto id = r.obj().at("id").as_int64();
  auto t = staff.post(path("/api/v1/members/", id, "/transfer"),
                      json::object{{"to_cell_id", kp2_}, {"date", "2025-06-01"}, {"note", "Chuyển nơi cư trú"}});
  ASSERT_EQ(t.status, 200) << t.raw;
  auto periods = t.obj().at("cell_periods").as_array();
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].as_object().at("to").as_string(), "2025-05-31");
  EXPECT_EQ(periods[1].as_object().at("cell_id").as_int64(), kp2_);
  auto inKp1 = [&](const std::string& at) {
    auto ro = staff.get(path("/api/v1/orgs/", kp1_, "/members?limit=500&at=" + at));
    for (auto& x : ro.obj().at("items").as_array())
      if (x.as_object().at("id").as_int64() == id) return true;
    return false;
  };
  EXPECT_TRUE(inKp1("2025-05-31"));
  EXPECT_FALSE(inKp1("2025-06-01"));
  auto same = staff.post(path("/api/v1/members/", id, "/transfer"), json::object{{"to_cell_id", kp2_}, {"date", "2025-07-01"}});
  EXPECT_EQ(same.status, 422);
  EXPECT_EQ(same.obj().at("errors").as_array().at(0).as_object().at("code").as_string(), "same_placement");
}

TEST_F(MembersTest, ExemptStatusLeavesTheDenominatorButStaysOnTheRoll) {
  auto c = as("bithu.kp1");
  auto r = c.post("/api/v1/members", newMember(kp1_, "Hồ Thị Miễn"));
  ASSERT_EQ(r.status, 201);
  auto id = r.obj().at("id").as_int64();
  auto before = c.get(path("/api/v1/orgs/", kp1_, "/members?limit=1")).obj().at("counts").as_object();
  auto s = c.post(path("/api/v1/members/", id, "/statuses"),
                  json::object{{"kind", "exempt"}, {"from", "2026-01-01"}, {"note", "Tuổi cao, sức khỏe yếu"}});
  ASSERT_EQ(s.status, 201) << s.raw;
  EXPECT_TRUE(s.obj().at("state").as_object().at("exempt").as_bool());
  EXPECT_FALSE(s.obj().at("state").as_object().at("counts_for_attendance").as_bool());
  auto after = c.get(path("/api/v1/orgs/", kp1_, "/members?limit=1")).obj().at("counts").as_object();
  EXPECT_EQ(after.at("on_roll").as_int64(), before.at("on_roll").as_int64());
  EXPECT_EQ(after.at("expected").as_int64(), before.at("expected").as_int64() - 1);
  auto overlap = c.post(path("/api/v1/members/", id, "/statuses"), json::object{{"kind", "exempt"}, {"from", "2026-02-01"}});
  EXPECT_EQ(overlap.status, 422);
  EXPECT_EQ(overlap.code(), "status_overlap");
}

TEST_F(MembersTest, DuplicateCardNumberIsAConflict) {
  auto c = as("bithu.kp1");
  auto m = newMember(kp1_, "Vũ Văn Thẻ");
  m["card_no"] = "99887766";
  ASSERT_EQ(c.post("/api/v1/members", m).status, 201);
  m["full_name"] = "Vũ Văn Thẻ Hai";
  auto r = c.post("/api/v1/members", m);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.code(), "duplicate_card_no");
}

TEST_F(MembersTest, RolesAndMonitorAssignment) {
  auto staff = as("canbo.phuong");
  auto member = firstMemberOf(kp2_);
  auto r = staff.post(path("/api/v1/orgs/", kp2_, "/roles"), json::object{{"member_id", member}, {"role", "committee_member"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  auto dup = staff.post(path("/api/v1/orgs/", kp2_, "/roles"), json::object{{"member_id", member}, {"role", "committee_member"}});
  EXPECT_EQ(dup.status, 409);
  auto outsider = firstMemberOf(kp1_);
  auto wrong = staff.post(path("/api/v1/orgs/", kp2_, "/roles"), json::object{{"member_id", outsider}, {"role", "deputy_secretary"}});
  EXPECT_EQ(wrong.status, 422);
  auto cands = staff.get(path("/api/v1/orgs/", kp2_, "/monitor-candidates"));
  ASSERT_EQ(cands.status, 200);
  ASSERT_GT(cands.obj().at("total").as_int64(), 0);
  auto cand = cands.obj().at("items").as_array().at(0).as_object().at("member_id").as_int64();
  auto org = staff.get(path("/api/v1/orgs/", kp2_));
  bool already = false;
  for (auto& m : org.obj().at("monitors").as_array()) already |= m.as_object().at("member_id").as_int64() == cand;
  auto a = staff.post(path("/api/v1/orgs/", kp2_, "/monitors"), json::object{{"member_id", cand}});
  EXPECT_EQ(a.status, already ? 409 : 201) << a.raw;
  auto notCommittee = staff.post(path("/api/v1/orgs/", kp2_, "/monitors"), json::object{{"member_id", outsider}});
  EXPECT_EQ(notCommittee.status, 422);
  EXPECT_EQ(notCommittee.obj().at("errors").as_array().at(0).as_object().at("code").as_string(), "not_committee_member");
}

TEST_F(MembersTest, OrgCreateAndUpdate) {
  auto staff = as("canbo.phuong");
  auto r = staff.post("/api/v1/orgs", json::object{{"parent_id", kp1_}, {"name", "Tổ đảng số 9"}, {"kind", "subgroup"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  auto id = r.obj().at("id").as_int64();
  EXPECT_EQ(r.obj().at("ancestors").as_array().back().as_object().at("id").as_int64(), kp1_);
  auto bad = staff.post("/api/v1/orgs", json::object{{"parent_id", ward_}, {"name", "Tổ lạc chỗ"}, {"kind", "subgroup"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "invalid_child_kind");
  auto up = staff.patch(path("/api/v1/orgs/", id), json::object{{"name", "Tổ đảng số 10"}, {"version", 1}});
  ASSERT_EQ(up.status, 200);
  EXPECT_EQ(up.obj().at("name").as_string(), "Tổ đảng số 10");
  auto stale = staff.patch(path("/api/v1/orgs/", id), json::object{{"name", "Tổ đảng số 11"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
}

}  // namespace chibo::testing
