// Tổ đảng pilots (R-TOĐẢNG-1; Hướng dẫn 03-HD/TW of 27/12/2022): a committee
// attaches the pilot to a cell for some months; under it the tổ đảng meetings
// of a month stand for the cell's monthly meeting when every tổ đảng met, with
// attendance summed over them; the thematic meeting stays the cell's; the kept
// warnings and the roll-up follow at once; detaching reverts; without the
// pilot nothing changes. The server runs on a test clock (10 April 2027).
#include "api/quality_fixture.h"

namespace chibo::testing {

class SubgroupPilotTest : public QualityApiTest {
 protected:
  static constexpr const char* kNow = "2027-04-10T09:00+07:00";

  static void SetUpTestSuite() {
    guardSetUp([] { startDemoServer({"--now", kNow}); });
  }

  struct Group {
    int64_t id = 0;
    std::vector<int64_t> members;
  };
  struct PilotCell {
    int64_t id = 0;
    Group to1, to2;
  };

  // A cell with no member of its own and two tổ đảng of two members each, placed from December 2026.
  PilotCell newPilotCell(Client& c, const std::string& name) {
    PilotCell out;
    out.id = newCell(c, ward_, name, 0, "2026-12-01").id;
    int n = 0;
    for (Group* g : {&out.to1, &out.to2}) {
      auto r = c.post("/api/v1/orgs", json::object{{"parent_id", out.id},
                                                   {"name", "Tổ đảng số " + std::to_string(++n)},
                                                   {"kind", "subgroup"}});
      EXPECT_EQ(r.status, 201) << r.raw;
      g->id = r.status == 201 ? idOf(r) : 0;
      for (const char* who : {"Trần Thị Mai", "Lê Văn Hùng"}) {
        json::object m = newMember(out.id, who);
        m["subgroup_id"] = g->id;
        m["joined_on"] = "2026-12-01";
        auto mr = c.post("/api/v1/members", m);
        EXPECT_EQ(mr.status, 201) << mr.raw;
        if (mr.status == 201) g->members.push_back(idOf(mr));
      }
    }
    return out;
  }

  // A sinh hoạt tổ đảng held on `day`; the second member absent with a reason when `one_absent`.
  int64_t holdGroup(Client& c, const Group& g, const std::string& day, bool one_absent = false,
                    const std::string& absence = "absent_excused") {
    auto id = plan(c, g.id, day, "subgroup");
    EXPECT_EQ(c.patch(meetingPath(id), json::object{{"chair_member_id", g.members.at(0)},
                                                    {"secretary_member_id", g.members.at(1)}})
                  .status,
              200);
    auto st = c.post(meetingPath(id, "/start"), json::object{{"at", day + "T19:30"}});
    EXPECT_EQ(st.status, 200) << st.raw;
    json::array items;
    items.push_back(json::object{{"member_id", g.members.at(0)}, {"status", "present"}});
    json::object second{{"member_id", g.members.at(1)}, {"status", one_absent ? absence : "present"}};
    if (one_absent && absence == "absent_excused") second["reason_category"] = "illness";
    items.push_back(std::move(second));
    auto att = c.put(meetingPath(id, "/attendance"), json::object{{"items", std::move(items)}});
    EXPECT_EQ(att.status, 200) << att.raw;
    auto end = c.post(meetingPath(id, "/end"), json::object{{"at", day + "T21:00"}, {"minutes_read_back", true}});
    EXPECT_EQ(end.status, 200) << end.raw;
    return id;
  }

  static std::string pilotPath(int64_t org) { return "/api/v1/orgs/" + std::to_string(org) + "/subgroup-pilot"; }

  // The open "no monthly meeting" warnings of the cell, as month -> message.
  std::map<std::string, std::string> missingMonths(Client& c, int64_t cell) {
    std::map<std::string, std::string> out;
    auto r = c.get(path("/api/v1/orgs/", cell, "/warnings?limit=500&code=monthly_meeting_missing"));
    EXPECT_EQ(r.status, 200) << r.raw;
    if (r.status != 200) return out;
    for (auto& v : r.obj().at("items").as_array()) {
      std::string key = str(v.as_object().at("key"));
      out[key.substr(key.rfind(':') + 1)] = str(v.as_object().at("message"));
    }
    return out;
  }
  bool hasWarning(Client& c, int64_t cell, const std::string& key) {
    auto r = c.get(path("/api/v1/orgs/", cell, "/warnings?limit=500"));
    for (auto& v : r.obj().at("items").as_array())
      if (str(v.as_object().at("key")) == key) return true;
    return false;
  }

  // The roll-up of December 2026 to March 2027: months[0] is December.
  json::object rollup(Client& c, int64_t org) {
    auto r = c.get(path("/api/v1/orgs/", org, "/rollup?from=2026-12-01&to=2027-03-31"));
    EXPECT_EQ(r.status, 200) << r.raw;
    return r.status == 200 ? r.obj() : json::object{};
  }
  static int64_t n(const json::object& o, const char* k) { return o.at(k).as_int64(); }
  static const json::object& month(const json::object& r, size_t i) { return r.at("months").as_array().at(i).as_object(); }
};

TEST_F(SubgroupPilotTest, AttachInScopeNotFoundOutOfScopeForbiddenForCellAndMember) {
  auto staff = as("canbo.phuong");
  auto cell = newPilotCell(staff, "Chi bộ Thử thí điểm quyền");
  // The cell's own secretary and members read it but may not change it; KP1's do not know it exists.
  auto secretary = as("bithu.kp1");
  EXPECT_EQ(secretary.get(pilotPath(cell.id)).status, 404);
  EXPECT_EQ(secretary.put(pilotPath(cell.id), json::object{{"from", "2027-01"}, {"decision", "QĐ 1"}}).status, 404);
  EXPECT_EQ(secretary.put(pilotPath(kp1_), json::object{{"from", "2027-01"}, {"decision", "QĐ 1"}}).status, 403);
  auto member = as("dangvien.kp1");
  auto seen = member.get(pilotPath(kp1_));
  ASSERT_EQ(seen.status, 200) << seen.raw;
  EXPECT_FALSE(seen.obj().at("may_change").as_bool());
  EXPECT_EQ(member.put(pilotPath(kp1_), json::object{{"from", "2027-01"}, {"decision", "QĐ 1"}}).status, 403);
  EXPECT_EQ(member.send("DELETE", pilotPath(kp1_), "").status, 403);

  auto before = auditCount();
  auto r = staff.put(pilotPath(cell.id), json::object{{"from", "2027-01"}, {"decision", "Quyết định 125-QĐ/ĐU ngày 20/12/2026"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(auditCount(), before + 1);
  const auto& p = r.obj().at("pilot").as_object();
  EXPECT_EQ(str(p.at("from")), "2027-01");
  EXPECT_TRUE(p.at("to").is_null());
  EXPECT_EQ(str(p.at("decision")), "Quyết định 125-QĐ/ĐU ngày 20/12/2026");
  EXPECT_EQ(str(p.at("by_username")), "canbo.phuong");
  EXPECT_NE(str(r.obj().at("basis")).find("03-HD/TW"), std::string::npos);
  EXPECT_EQ(r.obj().at("subgroups").as_array().size(), 2u);
  EXPECT_TRUE(r.obj().at("may_change").as_bool());
  // The same again changes nothing and writes no audit row.
  EXPECT_EQ(staff.put(pilotPath(cell.id), json::object{{"from", "2027-01"}, {"decision", "Quyết định 125-QĐ/ĐU ngày 20/12/2026"}}).status, 200);
  EXPECT_EQ(auditCount(), before + 1);
  auto audit = staff.get(path("/api/v1/audit?org=", cell.id, "&limit=5"));
  ASSERT_EQ(audit.status, 200) << audit.raw;
  EXPECT_NE(audit.raw.find("subgroup_pilot.attach"), std::string::npos);
  // Detaching: audited; a second detach is a conflict with the state (nothing attached).
  auto d = staff.send("DELETE", pilotPath(cell.id), "");
  EXPECT_EQ(d.status, 204) << d.raw;
  EXPECT_EQ(auditCount(), before + 2);
  auto again = staff.send("DELETE", pilotPath(cell.id), "");
  EXPECT_EQ(again.status, 409) << again.raw;
  EXPECT_EQ(str(again.obj().at("code")), "no_subgroup_pilot");
  EXPECT_TRUE(staff.get(pilotPath(cell.id)).obj().at("pilot").is_null());
}

TEST_F(SubgroupPilotTest, ValidationErrorsWriteNothing) {
  auto staff = as("canbo.phuong");
  auto cell = newPilotCell(staff, "Chi bộ Thử thí điểm sai");
  auto plain = newCell(staff, ward_, "Chi bộ Thử không có tổ", 1, "2026-12-01");
  auto before = auditCount();
  auto fieldCode = [&](const json::object& body) {
    auto r = staff.put(pilotPath(cell.id), body);
    EXPECT_EQ(r.status, 422) << r.raw;
    std::set<std::string> out;
    if (r.status == 422)
      for (auto& e : r.obj().at("errors").as_array())
        out.insert(str(e.as_object().at("field")) + ":" + str(e.as_object().at("code")));
    return out;
  };
  EXPECT_EQ(fieldCode(json::object{{"decision", "QĐ 1"}}), (std::set<std::string>{"from:required"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "2027-13"}, {"decision", "QĐ 1"}}), (std::set<std::string>{"from:invalid_month"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "01/2027"}, {"decision", "QĐ 1"}}), (std::set<std::string>{"from:invalid_month"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "2022-11"}, {"decision", "QĐ 1"}}), (std::set<std::string>{"from:before_basis"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "2027-03"}, {"to", "2027-02"}, {"decision", "QĐ 1"}}),
            (std::set<std::string>{"to:month_order"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "2027-01"}, {"decision", "   "}}), (std::set<std::string>{"decision:required"}));
  EXPECT_EQ(fieldCode(json::object{{"from", "2027-01"}, {"decision", std::string(301, 'x')}}),
            (std::set<std::string>{"decision:too_long"}));
  // Not a cell, and a cell with no tổ đảng: problem codes with a Vietnamese message.
  auto ward = staff.put(pilotPath(ward_), json::object{{"from", "2027-01"}, {"decision", "QĐ 1"}});
  EXPECT_EQ(ward.status, 422) << ward.raw;
  EXPECT_EQ(str(ward.obj().at("code")), "not_a_cell");
  auto none = staff.put(pilotPath(plain.id), json::object{{"from", "2027-01"}, {"decision", "QĐ 1"}});
  EXPECT_EQ(none.status, 422) << none.raw;
  EXPECT_EQ(str(none.obj().at("code")), "no_subgroups");
  EXPECT_NE(str(none.obj().at("title")).find("tổ đảng"), std::string::npos) << none.raw;
  EXPECT_EQ(auditCount(), before);
  EXPECT_TRUE(staff.get(pilotPath(cell.id)).obj().at("pilot").is_null());
}

TEST_F(SubgroupPilotTest, ToDangMeetingsStandForTheMonthlyMeetingOnlyUnderThePilot) {
  auto c = as("canbo.phuong");
  auto cell = newPilotCell(c, "Chi bộ Thử thí điểm tổ đảng");
  // January: both tổ met (one member of tổ 2 excused). February: only tổ 1. March: both.
  holdGroup(c, cell.to1, "2027-01-10");
  holdGroup(c, cell.to2, "2027-01-12", true);
  holdGroup(c, cell.to1, "2027-02-07");
  holdGroup(c, cell.to1, "2027-03-07");
  holdGroup(c, cell.to2, "2027-03-09");

  // Without the pilot: every month is missing, the cell's figures are zeros.
  const std::set<std::string> all_four{"2026-12", "2027-01", "2027-02", "2027-03"};
  auto missing = missingMonths(c, cell.id);
  EXPECT_EQ(missing.size(), 4u);
  for (auto& m : all_four) EXPECT_TRUE(missing.count(m)) << m;
  auto r0 = rollup(c, cell.id);
  EXPECT_EQ(n(r0, "meetings_held"), 0);
  EXPECT_EQ(n(r0, "meetings_total"), 0);
  EXPECT_EQ(n(r0, "expected"), 0);
  // A tổ đảng's own roll-up shows its meetings, not zeros; without a pilot it owes no monthly meeting.
  auto g0 = rollup(c, cell.to1.id);
  EXPECT_EQ(n(g0, "meetings_total"), 3);
  EXPECT_EQ(n(g0, "present"), 6);
  EXPECT_EQ(n(g0, "meetings_held"), 0);
  const int64_t ward_held = n(rollup(c, ward_), "meetings_held");

  // Attached from January (open-ended): January and March are held, February (one of two) stays,
  // December (before the pilot) stays; the quarter's thematic meeting is still the cell's.
  auto at = c.put(pilotPath(cell.id), json::object{{"from", "2027-01"}, {"decision", "Quyết định 125-QĐ/ĐU ngày 20/12/2026"}});
  ASSERT_EQ(at.status, 200) << at.raw;
  missing = missingMonths(c, cell.id);
  EXPECT_EQ(missing.size(), 2u);
  EXPECT_TRUE(missing.count("2026-12"));
  ASSERT_TRUE(missing.count("2027-02"));
  EXPECT_NE(missing["2027-02"].find("1/2 tổ đảng"), std::string::npos) << missing["2027-02"];
  EXPECT_TRUE(hasWarning(c, cell.id, "thematic_meeting_missing:org:" + std::to_string(cell.id) + ":2027-Q1"));

  auto r1 = rollup(c, cell.id);
  EXPECT_EQ(n(r1, "meetings_held"), 2);
  EXPECT_EQ(n(r1, "meetings_on_time"), 2);
  EXPECT_EQ(n(r1, "thematic_held"), 0);
  EXPECT_EQ(n(r1, "meetings_total"), 5);
  const auto& jan = month(r1, 1);
  EXPECT_EQ(n(jan, "meetings_held"), 1);
  EXPECT_EQ(n(jan, "meetings_total"), 2);
  EXPECT_EQ(n(jan, "expected"), 4);  // summed over both tổ đảng meetings
  EXPECT_EQ(n(jan, "present"), 3);
  EXPECT_EQ(n(jan, "excused_absences"), 1);
  EXPECT_EQ(n(month(r1, 2), "meetings_held"), 0);
  EXPECT_EQ(n(month(r1, 2), "meetings_total"), 1);
  EXPECT_EQ(n(month(r1, 0), "meetings_held"), 0);  // December, before the pilot
  EXPECT_EQ(n(rollup(c, ward_), "meetings_held"), ward_held + 2);  // up the tree in the same write
  auto g1 = rollup(c, cell.to1.id);
  EXPECT_EQ(n(g1, "meetings_held"), 3);
  EXPECT_EQ(n(g1, "meetings_due"), 3);  // January to March, over by 10 April

  // Tổ 2's February meeting entered now: February becomes held in that write's transaction.
  holdGroup(c, cell.to2, "2027-02-09");
  missing = missingMonths(c, cell.id);
  EXPECT_EQ(missing.size(), 1u);
  EXPECT_TRUE(missing.count("2026-12"));
  EXPECT_EQ(n(rollup(c, cell.id), "meetings_held"), 3);

  // Ended after February: March is judged without the pilot again.
  ASSERT_EQ(c.put(pilotPath(cell.id), json::object{{"from", "2027-01"}, {"to", "2027-02"},
                                                   {"decision", "Quyết định 125-QĐ/ĐU ngày 20/12/2026"}})
                .status,
            200);
  missing = missingMonths(c, cell.id);
  EXPECT_EQ(missing.size(), 2u);
  EXPECT_TRUE(missing.count("2027-03"));
  EXPECT_EQ(missing["2027-03"].find("tổ đảng"), std::string::npos) << "outside the pilot the message is the plain one";
  auto r2 = rollup(c, cell.id);
  EXPECT_EQ(n(r2, "meetings_held"), 2);
  EXPECT_EQ(n(month(r2, 3), "meetings_total"), 0);

  // Detached: back to where it started.
  ASSERT_EQ(c.send("DELETE", pilotPath(cell.id), "").status, 204);
  missing = missingMonths(c, cell.id);
  EXPECT_EQ(missing.size(), 4u);
  auto r3 = rollup(c, cell.id);
  EXPECT_EQ(n(r3, "meetings_held"), 0);
  EXPECT_EQ(n(r3, "meetings_total"), 0);
  EXPECT_EQ(n(r3, "expected"), 0);
  EXPECT_EQ(n(rollup(c, ward_), "meetings_held"), ward_held);
  auto g3 = rollup(c, cell.to1.id);
  EXPECT_EQ(n(g3, "meetings_total"), 3);
  EXPECT_EQ(n(g3, "meetings_held"), 0);
}

TEST_F(SubgroupPilotTest, WithoutThePilotAToDangMeetingNeverReplacesTheCells) {
  auto c = as("canbo.phuong");
  auto cell = newPilotCell(c, "Chi bộ Thử không thí điểm");
  holdGroup(c, cell.to1, "2027-01-10");
  holdGroup(c, cell.to2, "2027-01-12");
  // Another cell's pilot changes nothing here.
  auto other = newPilotCell(c, "Chi bộ Thử thí điểm bên cạnh");
  ASSERT_EQ(c.put(pilotPath(other.id), json::object{{"from", "2027-01"}, {"decision", "QĐ 7-QĐ/ĐU"}}).status, 200);
  auto missing = missingMonths(c, cell.id);
  EXPECT_TRUE(missing.count("2027-01"));
  EXPECT_EQ(missing["2027-01"].find("tổ đảng"), std::string::npos);
  auto r = rollup(c, cell.id);
  EXPECT_EQ(n(r, "meetings_held"), 0);
  EXPECT_EQ(n(r, "meetings_total"), 0);
  EXPECT_EQ(n(rollup(c, cell.to1.id), "meetings_total"), 1);
}

TEST_F(SubgroupPilotTest, UnderThePilotAnAbsenceFromTheToDangMeetingCountsForTheRemovalWatch) {
  auto c = as("canbo.phuong");
  auto piloted = newPilotCell(c, "Chi bộ Thử thí điểm vắng");
  auto plain = newPilotCell(c, "Chi bộ Thử không thí điểm vắng");
  ASSERT_EQ(c.put(pilotPath(piloted.id), json::object{{"from", "2027-01"}, {"decision", "QĐ 9-QĐ/ĐU"}}).status, 200);
  for (auto* cell : {&piloted, &plain})
    for (const char* day : {"2027-01-10", "2027-02-07"}) holdGroup(c, cell->to1, day, true, "absent_unexcused");
  // Two months absent without reason from the meeting that stands for the monthly one: the watch
  // (Điều lệ Điều 8(1)) is raised under the pilot, and not where the tổ đảng meeting replaces nothing.
  EXPECT_TRUE(hasWarning(c, piloted.id, "removal_watch:member:" + std::to_string(piloted.to1.members[1]) + ":2027"));
  EXPECT_FALSE(hasWarning(c, plain.id, "removal_watch:member:" + std::to_string(plain.to1.members[1]) + ":2027"));
  // Detached: nothing counts the tổ đảng meetings any more and the watch is resolved.
  ASSERT_EQ(c.send("DELETE", pilotPath(piloted.id), "").status, 204);
  EXPECT_FALSE(hasWarning(c, piloted.id, "removal_watch:member:" + std::to_string(piloted.to1.members[1]) + ":2027"));
}

}  // namespace chibo::testing
