// Party dues over HTTP (QĐ 01-QĐ/TW): the month sheet with amounts prefilled,
// recording a month's payments, a member's basis and reliefs, the dues book
// files, the roll-up's dues figures; bad input (422 with Vietnamese messages,
// nothing written), scope (404 outside, 403 read-only), audit in Vietnamese.
#include "api/api_fixture.h"

namespace chibo::testing {

class DuesApiTest : public ApiTest {
 protected:
  static std::string sheetPath(int64_t cell, const std::string& month = "") {
    return "/api/v1/orgs/" + std::to_string(cell) + "/dues" + (month.empty() ? "" : "?month=" + month);
  }
  static std::string prevMonth(const std::string& month) {
    int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
    if (--m == 0) m = 12, --y;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
  }
  // A line of the sheet owing and with no record yet, or null.
  static const json::object* openLine(const Resp& sheet) {
    for (auto& l : sheet.obj().at("lines").as_array()) {
      const auto& o = l.as_object();
      if (o.at("due").as_object().at("owed").as_bool() && o.at("payment").is_null() &&
          o.at("due").as_object().at("amount").is_int64())
        return &o;
    }
    return nullptr;
  }
  static std::map<std::string, std::string> fieldCodes(const Resp& r) {
    std::map<std::string, std::string> out;
    for (auto& e : r.obj().at("errors").as_array()) {
      const auto& o = e.as_object();
      out[std::string(o.at("field").as_string())] = std::string(o.at("code").as_string());
      EXPECT_FALSE(o.at("message").as_string().empty());
    }
    return out;
  }
};

TEST_F(DuesApiTest, TheDemoCellHasAYearOfDuesAndTheSheetPrefillsTheAmounts) {
  auto c = as("bithu.kp1");
  auto now = c.get(sheetPath(kp1_));
  ASSERT_EQ(now.status, 200) << now.raw;
  EXPECT_TRUE(now.obj().at("can_edit").as_bool());
  EXPECT_EQ(now.obj().at("rules").as_object().at("id").as_string(), "dues-qd01-2026");
  const auto& lines = now.obj().at("lines").as_array();
  ASSERT_GT(lines.size(), 10u);
  int with_amount = 0;
  for (auto& l : lines)
    if (l.as_object().at("due").as_object().at("amount").is_int64()) ++with_amount;
  EXPECT_GT(with_amount, 10);
  // Every past month of the year is recorded: paid or excused for each member owing.
  std::string month = std::string(now.obj().at("month").as_string());
  for (int i = 0; i < 11; ++i) {
    month = prevMonth(month);
    if (month < "2026-02") break;  // before QĐ 01 the older file applies; also recorded
    auto s = c.get(sheetPath(kp1_, month));
    ASSERT_EQ(s.status, 200) << month << s.raw;
    const auto& t = s.obj().at("totals").as_object();
    EXPECT_GT(t.at("members_due").as_int64(), 0) << month;
    EXPECT_EQ(t.at("members_behind").as_int64(), 0) << month;
    EXPECT_GT(t.at("amount_collected").as_int64(), 0) << month;
  }
}

TEST_F(DuesApiTest, RecordingAPaymentIsAuditedInVietnameseAndReachesTheRollup) {
  auto c = as("bithu.kp1");
  auto sheet = c.get(sheetPath(kp1_));
  ASSERT_EQ(sheet.status, 200);
  const std::string month(sheet.obj().at("month").as_string());
  const json::object* line = openLine(sheet);
  ASSERT_NE(line, nullptr) << "the month in progress should have someone still to pay";
  const int64_t member = line->at("member_id").as_int64();
  const int64_t amount = line->at("due").as_object().at("amount").as_int64();
  auto staff = as("canbo.phuong");
  auto rollup_before = staff.get(path("/api/v1/orgs/", ward_, "/rollup?from=" + month + "-01&to=" + month + "-01"));
  ASSERT_EQ(rollup_before.status, 200) << rollup_before.raw;
  const int64_t collected_before =
      rollup_before.obj().at("dues").as_object().at("amount_collected").as_int64();
  const int64_t audit_before = auditCount();

  auto r = c.put(sheetPath(kp1_), json::object{{"month", month},
                                                {"payments", json::array{json::object{{"member_id", member},
                                                                                      {"status", "paid"},
                                                                                      {"channel", "cash"}}}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  bool found = false;
  for (auto& l : r.obj().at("lines").as_array())
    if (l.as_object().at("member_id").as_int64() == member) {
      found = true;
      const auto& p = l.as_object().at("payment").as_object();
      EXPECT_EQ(p.at("status").as_string(), "paid");
      EXPECT_EQ(p.at("channel").as_string(), "cash");
      EXPECT_EQ(p.at("amount").as_int64(), amount);  // the amount due, prefilled
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(auditCount(), audit_before + 1);
  auto audit = staff.get(path("/api/v1/audit?org=", kp1_, "&limit=1"));
  const auto& row = audit.obj().at("items").as_array().at(0).as_object();
  EXPECT_EQ(row.at("action_label").as_string(), "Thu đảng phí");
  bool named = false;
  for (auto& ch : row.at("changes").as_array()) {
    std::string label(ch.as_object().at("field_label").as_string());
    if (label.rfind("Đảng phí: ", 0) == 0) {
      named = true;
      EXPECT_NE(std::string(ch.as_object().at("after_text").as_string()).find("Đã đóng"), std::string::npos);
    }
  }
  EXPECT_TRUE(named);
  auto rollup_after = staff.get(path("/api/v1/orgs/", ward_, "/rollup?from=" + month + "-01&to=" + month + "-01"));
  EXPECT_EQ(rollup_after.obj().at("dues").as_object().at("amount_collected").as_int64(), collected_before + amount);

  // The national portal needs its reference; then the line changes and is audited again.
  auto portal = c.put(sheetPath(kp1_), json::object{{"month", month},
                                                     {"payments", json::array{json::object{{"member_id", member},
                                                                                           {"status", "paid"},
                                                                                           {"channel", "portal"},
                                                                                           {"reference", "DVC-2026-889"}}}}});
  ASSERT_EQ(portal.status, 200) << portal.raw;
  EXPECT_EQ(auditCount(), audit_before + 2);
  // Clearing it ("unpaid") takes it out of the figures again.
  auto clear = c.put(sheetPath(kp1_), json::object{{"month", month},
                                                    {"payments", json::array{json::object{{"member_id", member},
                                                                                          {"status", "unpaid"}}}}});
  ASSERT_EQ(clear.status, 200);
  auto rollup_cleared = staff.get(path("/api/v1/orgs/", ward_, "/rollup?from=" + month + "-01&to=" + month + "-01"));
  EXPECT_EQ(rollup_cleared.obj().at("dues").as_object().at("amount_collected").as_int64(), collected_before);
}

// R-ATT-4 (b): two past months of the year cleared for one member raise the dues removal watch,
// counted apart from missed meetings; paying them again corrects it.
TEST_F(DuesApiTest, UnpaidMonthsRaiseTheDuesRemovalWatch) {
  auto c = as("bithu.kp1");
  const std::string now(c.get(sheetPath(kp1_)).obj().at("month").as_string());
  int year = std::stoi(now.substr(0, 4)), month = std::stoi(now.substr(5, 2));
  std::string at;  // judged today, or at the end of last year early in a year
  if (month < 3) {
    --year;
    month = 12;
    at = std::to_string(year) + "-12-31";
  }
  char m1[8], m2[8];
  std::snprintf(m1, sizeof m1, "%04d-%02d", year, month - 2);
  std::snprintf(m2, sizeof m2, "%04d-%02d", year, month - 1);
  // A member paid in both months (the demo's), not the one the other tests change.
  auto s1 = c.get(sheetPath(kp1_, m1));
  auto s2 = c.get(sheetPath(kp1_, m2));
  int64_t member = 0;
  for (auto& l : s1.obj().at("lines").as_array()) {
    const auto& o = l.as_object();
    if (o.at("payment").is_null() || o.at("payment").as_object().at("status").as_string() != "paid") continue;
    for (auto& l2 : s2.obj().at("lines").as_array())
      if (l2.as_object().at("member_id") == o.at("member_id") && !l2.as_object().at("payment").is_null() &&
          l2.as_object().at("payment").as_object().at("status").as_string() == "paid")
        member = o.at("member_id").as_int64();
    if (member) break;
  }
  ASSERT_NE(member, 0);
  auto clear = [&](const char* m, const char* status) {
    json::object line{{"member_id", member}, {"status", status}};
    if (std::string(status) == "paid") line["channel"] = "cash";
    auto r = c.put(sheetPath(kp1_), json::object{{"month", m}, {"payments", json::array{line}}});
    ASSERT_EQ(r.status, 200) << r.raw;
  };
  auto duesWatch = [&]() -> std::string {
    auto w = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/warnings?limit=500" + (at.empty() ? "" : "&at=" + at));
    EXPECT_EQ(w.status, 200) << w.raw;
    for (auto& v : w.obj().at("items").as_array()) {
      const auto& o = v.as_object();
      std::string key(o.at("key").as_string());
      if (o.at("subject").as_object().at("id").as_int64() == member && key.find(":dues:") != std::string::npos)
        return std::string(o.at("code").as_string()) + " " + std::string(o.at("message").as_string());
    }
    return "";
  };
  EXPECT_EQ(duesWatch(), "");
  clear(m1, "unpaid");
  clear(m2, "unpaid");
  std::string w = duesWatch();
  EXPECT_EQ(w.rfind("removal_watch ", 0), 0u) << w;
  EXPECT_NE(w.find("không đóng đảng phí không có lý do chính đáng 2 tháng"), std::string::npos) << w;
  auto member_view = c.get(path("/api/v1/members/", member, "/dues?year=" + std::to_string(year)));
  EXPECT_EQ(member_view.obj().at("unpaid_months").as_int64(), 2);
  clear(m1, "paid");
  clear(m2, "paid");
  EXPECT_EQ(duesWatch(), "");
}

TEST_F(DuesApiTest, BadInputIsRefusedWithCodesAndWritesNothing) {
  auto c = as("bithu.kp1");
  auto sheet = c.get(sheetPath(kp1_));
  const std::string month(sheet.obj().at("month").as_string());
  const json::object* line = openLine(sheet);
  ASSERT_NE(line, nullptr);
  const int64_t member = line->at("member_id").as_int64();
  const int64_t audit_before = auditCount();

  auto bad_month = c.get(sheetPath(kp1_, "2026-13"));
  EXPECT_EQ(bad_month.status, 422);
  EXPECT_EQ(fieldCodes(bad_month)["month"], "invalid_month");
  EXPECT_EQ(fieldCodes(c.get(sheetPath(kp1_, "2099-01")))["month"], "month_in_future");
  auto old = c.get(sheetPath(kp1_, "2005-01"));
  EXPECT_EQ(old.status, 422);
  EXPECT_EQ(old.code(), "no_dues_rules");
  EXPECT_NE(std::string(old.obj().at("detail").as_string()).find("đảng phí"), std::string::npos);

  auto r = c.put(sheetPath(kp1_),
                 json::object{{"month", month},
                              {"payments", json::array{json::object{{"member_id", member}, {"status", "paid"},
                                                                    {"channel", "portal"}},
                                                       json::object{{"member_id", 999999999}, {"status", "paid"},
                                                                    {"channel", "cash"}},
                                                       json::object{{"member_id", member}, {"status", "maybe"}},
                                                       json::object{{"status", "paid"}, {"amount", "nhiều"}}}}});
  ASSERT_EQ(r.status, 422) << r.raw;
  auto codes = fieldCodes(r);
  EXPECT_EQ(codes["payments[3].amount"], "invalid_amount");
  auto r2 = c.put(sheetPath(kp1_),
                  json::object{{"month", month},
                               {"payments", json::array{json::object{{"member_id", member}, {"status", "paid"},
                                                                     {"channel", "portal"}},
                                                        json::object{{"member_id", 999999999}, {"status", "paid"},
                                                                     {"channel", "cash"}},
                                                        json::object{{"member_id", member}, {"status", "maybe"}},
                                                        json::object{{"member_id", member}, {"status", "paid"},
                                                                     {"channel", "cash"}, {"amount", 1}}}}});
  ASSERT_EQ(r2.status, 422) << r2.raw;
  codes = fieldCodes(r2);
  EXPECT_EQ(codes["payments[0].reference"], "required");
  EXPECT_EQ(codes["payments[1].member_id"], "not_on_roll");
  EXPECT_EQ(codes["payments[2].status"], "invalid_choice");
  EXPECT_EQ(codes["payments[3].member_id"], "duplicate");
  EXPECT_EQ(fieldCodes(c.put(sheetPath(kp1_), json::object{{"payments", "tất cả"}}))["payments"], "invalid_type");
  EXPECT_EQ(auditCount(), audit_before);
  auto after = c.get(sheetPath(kp1_, month));
  EXPECT_EQ(after.obj().at("totals").as_object().at("amount_collected").as_int64(),
            sheet.obj().at("totals").as_object().at("amount_collected").as_int64());
}

TEST_F(DuesApiTest, ScopeHidesOtherCellsAndReadOnlyRolesCannotWrite) {
  // Logging in is audited: every session first, then the count.
  auto secretary = as("bithu.kp1");
  auto monitor = as("giamsat.phuong");
  auto member = as("dangvien.kp1");
  auto staff = as("canbo.phuong");
  const int64_t audit_before = auditCount();
  json::object body{{"payments", json::array{}}};
  EXPECT_EQ(secretary.get(sheetPath(kp2_)).status, 404);
  EXPECT_EQ(secretary.put(sheetPath(kp2_), body).status, 404);
  EXPECT_EQ(secretary.get(sheetPath(987654321)).status, 404);
  EXPECT_EQ(secretary.get("/api/v1/orgs/" + std::to_string(kp2_) + "/reports/dues-book.pdf").status, 404);
  EXPECT_EQ(monitor.get(sheetPath(kp1_)).status, 200);
  auto refused = monitor.put(sheetPath(kp1_), body);
  EXPECT_EQ(refused.status, 403);
  EXPECT_FALSE(refused.obj().at("detail").as_string().empty());
  EXPECT_EQ(member.get(sheetPath(kp1_)).status, 403);
  EXPECT_EQ(auditCount(), audit_before);
  // A ward is not a cell.
  auto ward = staff.get(sheetPath(ward_));
  EXPECT_EQ(ward.status, 422);
  EXPECT_EQ(fieldCodes(ward)["id"], "not_a_cell");
}

TEST_F(DuesApiTest, AMembersBasisAndReliefsAreDatedCheckedAndAudited) {
  auto c = as("bithu.kp1");
  // A member owing this month, with no relief on it.
  auto sheet = c.get(sheetPath(kp1_));
  int64_t id = 0;
  for (auto& l : sheet.obj().at("lines").as_array()) {
    const auto& due = l.as_object().at("due").as_object();
    if (due.at("owed").as_bool() && due.at("reduction_percent").as_int64() == 0) {
      id = l.as_object().at("member_id").as_int64();
      break;
    }
  }
  ASSERT_NE(id, 0);
  auto before = c.get(path("/api/v1/members/", id, "/dues"));
  ASSERT_EQ(before.status, 200) << before.raw;
  EXPECT_FALSE(before.obj().at("bases").as_array().empty());  // the demo's
  auto other_cell = as("bithu.ubnd");
  auto monitor = as("giamsat.phuong");
  const int64_t audit_before = auditCount();
  const std::string month(c.get(sheetPath(kp1_)).obj().at("month").as_string());

  auto bad = c.put(path("/api/v1/members/", id, "/dues/basis"),
                   json::object{{"kind", "lương"}, {"amount", -5}, {"from", "2026/03"}});
  ASSERT_EQ(bad.status, 422);
  auto codes = fieldCodes(bad);
  EXPECT_EQ(codes["kind"], "invalid_choice");
  EXPECT_EQ(codes["amount"], "invalid_amount");
  EXPECT_EQ(codes["from"], "invalid_month");
  EXPECT_EQ(auditCount(), audit_before);

  auto ok = c.put(path("/api/v1/members/", id, "/dues/basis"),
                  json::object{{"kind", "salary"}, {"amount", 12345000}, {"from", month}, {"note", "Nâng bậc lương"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(auditCount(), audit_before + 1);
  const auto& last = ok.obj().at("months").as_array().back().as_object();
  EXPECT_EQ(last.at("due").as_object().at("amount").as_int64(), 123000);  // 1% rounded to 1.000 đồng

  auto pct = c.post(path("/api/v1/members/", id, "/dues/reliefs"),
                    json::object{{"kind", "reduction"}, {"percent", 40}, {"from", month}, {"to", month},
                                 {"decision", "Nghị quyết chi bộ"}});
  ASSERT_EQ(pct.status, 422);
  EXPECT_EQ(fieldCodes(pct)["percent"], "invalid_choice");
  auto rel = c.post(path("/api/v1/members/", id, "/dues/reliefs"),
                    json::object{{"kind", "reduction"}, {"percent", 30}, {"from", month}, {"to", month},
                                 {"decision", "Nghị quyết chi bộ số 12"}});
  ASSERT_EQ(rel.status, 201) << rel.raw;
  EXPECT_EQ(rel.obj().at("months").as_array().back().as_object().at("due").as_object().at("amount").as_int64(),
            86000);  // 123.450 × 70 % = 86.415 -> 86.000
  int64_t relief = 0;
  for (auto& r : rel.obj().at("reliefs").as_array())
    if (r.as_object().at("percent").as_int64() == 30) relief = r.as_object().at("id").as_int64();
  ASSERT_NE(relief, 0);
  EXPECT_EQ(auditCount(), audit_before + 2);
  // Outside scope the relief is hidden; read-only roles are refused; then it is removed.
  EXPECT_EQ(other_cell.send("DELETE", path("/api/v1/members/", id, "/dues/reliefs/" + std::to_string(relief)), "")
                .status,
            404);
  EXPECT_EQ(monitor
                .send("DELETE", path("/api/v1/members/", id, "/dues/reliefs/" + std::to_string(relief)), "")
                .status,
            403);
  auto del = c.send("DELETE", path("/api/v1/members/", id, "/dues/reliefs/" + std::to_string(relief)), "");
  ASSERT_EQ(del.status, 200) << del.raw;
  EXPECT_EQ(auditCount(), audit_before + 3);
}

TEST_F(DuesApiTest, TheDuesBookIsAWorkbookAndAPdfForAMonthOrAYear) {
  auto c = as("bithu.kp1");
  auto xlsx = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/reports/dues-book.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
  auto pdf = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/reports/dues-book.pdf?year=2026");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.raw.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.headers.find("Content-Disposition")->second.find("so-thu-nop-dang-phi"), std::string::npos)
      << pdf.headers.find("Content-Disposition")->second;
  auto bad = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/reports/dues-book.pdf?year=20x6");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(as("dangvien.kp1").get("/api/v1/orgs/" + std::to_string(kp1_) + "/reports/dues-book.xlsx").status, 403);
}

TEST_F(DuesApiTest, AMemberReadsTheirOwnDuesOnly) {
  auto me = as("dangvien.kp1");
  auto who = me.get("/api/v1/me");
  ASSERT_EQ(who.status, 200);
  const auto& mid = who.obj().at("user").as_object().at("member_id");
  ASSERT_TRUE(mid.is_int64()) << who.raw;
  auto own = me.get(path("/api/v1/members/", mid.as_int64(), "/dues"));
  EXPECT_EQ(own.status, 200) << own.raw;
  EXPECT_FALSE(own.obj().at("can_edit").as_bool());
  EXPECT_EQ(me.get(path("/api/v1/members/", firstMemberOf(kp2_), "/dues")).status, 404);
  EXPECT_EQ(me.get(path("/api/v1/members/", mid.as_int64(), "/dues?year=abc")).status, 422);
}

}  // namespace chibo::testing
