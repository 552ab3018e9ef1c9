// Bad input on every account route: refused with a stable code and a
// Vietnamese message, writing nothing.
#include "api/accounts_fixture.h"

namespace chibo::testing {

class AccountsBadInputTest : public AccountsTest {};

TEST_F(AccountsBadInputTest, ListRejectsUnknownFiltersAndDays) {
  auto staff = as("canbo.phuong");
  auto show = staff.get(path("/api/v1/orgs/", kp1_, "/accounts?show=everyone"));
  EXPECT_EQ(show.status, 422);
  EXPECT_EQ(fieldCodes(show)["show"], "invalid_choice");
  for (const char* d : {"abc", "0", "-3", "99999", "5x"}) {
    auto r = staff.get(path("/api/v1/orgs/", kp1_, std::string("/accounts?show=inactive&days=") + d));
    EXPECT_EQ(r.status, 422) << d;
    EXPECT_EQ(fieldCodes(r)["days"], "out_of_range") << d;
  }
  EXPECT_EQ(staff.get("/api/v1/orgs/999999/accounts").status, 404);
  EXPECT_EQ(staff.get("/api/v1/orgs/999999/accounts/missing").status, 404);
  EXPECT_EQ(Client(server_->port()).get(path("/api/v1/orgs/", kp1_, "/accounts")).status, 401);
}

TEST_F(AccountsBadInputTest, CreateRefusesUnknownMembersMembersWithAnAccountAndBadJson) {
  auto staff = as("canbo.phuong");
  auto before = auditCount();
  EXPECT_EQ(staff.post("/api/v1/members/999999/account", json::object{}).status, 404);
  EXPECT_EQ(staff.post("/api/v1/orgs/999999/accounts", json::object{}).status, 404);
  auto bad = staff.send("POST", path("/api/v1/orgs/", kp1_, "/accounts"), "[1,2");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.code(), "bad_json");
  auto p = pendingAccount(staff, kp1_, "Đinh Văn Hai Lần");
  before = auditCount();
  auto twice = staff.post(path("/api/v1/members/", p.member_id, "/account"), json::object{});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.code(), "has_account");
  EXPECT_NE(std::string(twice.obj().at("detail").as_string()).find("đã có tài khoản"), std::string::npos);
  EXPECT_EQ(auditCount(), before);
}

TEST_F(AccountsBadInputTest, SheetRejectsMalformedCodeLists) {
  auto staff = as("canbo.phuong");
  auto url = path("/api/v1/orgs/", kp1_, "/accounts/activation-sheet");
  auto notArray = staff.post(url, json::object{{"codes", "AAAA"}});
  EXPECT_EQ(notArray.status, 422);
  EXPECT_EQ(fieldCodes(notArray)["codes"], "invalid_type");
  auto empty = staff.post(url, json::object{{"codes", json::array{}}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(fieldCodes(empty)["codes"], "required");
  auto shape = staff.post(url, json::object{{"codes", json::array{json::object{{"user_id", "x"}, {"code", 5}}}}});
  EXPECT_EQ(shape.status, 422);
  EXPECT_EQ(fieldCodes(shape)["codes[0]"], "invalid_type");
  EXPECT_EQ(staff.send("POST", url, "{").status, 400);
}

TEST_F(AccountsBadInputTest, ResetDisableAndGrantsRefuseUnknownAccountsAndBadBodies) {
  auto staff = as("canbo.phuong");
  EXPECT_EQ(staff.post("/api/v1/accounts/999999/reset", json::object{}).status, 404);
  EXPECT_EQ(staff.post("/api/v1/accounts/999999/disable", json::object{}).status, 404);
  EXPECT_EQ(staff.post("/api/v1/accounts/999999/enable", json::object{}).status, 404);
  auto p = pendingAccount(staff, kp1_, "Tạ Thị Quyền Sai");
  auto url = path("/api/v1/accounts/", p.user_id, "/grants");
  auto before = auditCount();
  auto missing = staff.put(url, json::object{});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(fieldCodes(missing)["grants"], "required");
  auto role = staff.put(url, json::object{{"grants", json::array{json::object{{"role", "king"}, {"org_id", kp1_}}}}});
  EXPECT_EQ(role.status, 422);
  EXPECT_EQ(fieldCodes(role)["grants[0].role"], "invalid_choice");
  auto org = staff.put(url, json::object{{"grants", json::array{json::object{{"role", "cell"}, {"org_id", "kp1"}}}}});
  EXPECT_EQ(org.status, 422);
  EXPECT_EQ(fieldCodes(org)["grants[0].org_id"], "required");
  json::array many;
  for (int i = 0; i < 21; ++i) many.push_back(json::object{{"role", "member"}, {"org_id", kp1_}});
  auto tooMany = staff.put(url, json::object{{"grants", many}});
  EXPECT_EQ(tooMany.status, 422);
  EXPECT_EQ(fieldCodes(tooMany)["grants"], "too_many");
  EXPECT_EQ(staff.send("PUT", url, "nope").status, 400);
  EXPECT_EQ(auditCount(), before);
}

TEST_F(AccountsBadInputTest, ActivationRefusesMissingMalformedAndUnknownCodes) {
  Client anon(server_->port());
  auto none = anon.post("/api/v1/auth/activation", json::object{});
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(fieldCodes(none)["code"], "required");
  auto longCode = anon.post("/api/v1/auth/activation", json::object{{"code", std::string(100, 'A')}});
  EXPECT_EQ(longCode.status, 422);
  EXPECT_EQ(fieldCodes(longCode)["code"], "too_long");
  auto unknown = anon.post("/api/v1/auth/activation", json::object{{"code", "ABCD-EFGH-JKMN"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.code(), "invalid_code");
  EXPECT_NE(unknown.raw.find("Mã kích hoạt"), std::string::npos);
  auto noPassword = anon.post("/api/v1/auth/activate", json::object{{"code", "ABCD-EFGH-JKMN"}});
  EXPECT_EQ(noPassword.status, 422);
  EXPECT_EQ(fieldCodes(noPassword)["password"], "required");
  auto typed = anon.post("/api/v1/auth/activate", json::object{{"code", 12345}, {"password", "x"}});
  EXPECT_EQ(typed.status, 422);
  EXPECT_EQ(anon.send("POST", "/api/v1/auth/activate", "{\"code\":").status, 400);
}

// Its own server: the throttle it trips would refuse the other tests' codes.
class AccountsThrottleTest : public AccountsTest {};

TEST_F(AccountsThrottleTest, GuessingCodesIsThrottledPerAddressButLogInIsNot) {
  Client anon(server_->port());
  int last = 0;
  for (int i = 0; i < 30 && last != 429; ++i)
    last = anon.post("/api/v1/auth/activation", json::object{{"code", "ZZZZ-ZZZZ-ZZZ" + std::string(1, "ABCDEFGHJK"[i % 10])}})
               .status;
  EXPECT_EQ(last, 429);
  EXPECT_EQ(Client(server_->port()).login("canbo.phuong").status, 200);
}

TEST_F(AccountsBadInputTest, OwnPasswordAndSessionsRefuseBadInput) {
  auto c = as("dangvien.kp2");
  auto empty = c.post("/api/v1/me/password", json::object{});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(fieldCodes(empty)["current_password"], "required");
  EXPECT_EQ(fieldCodes(empty)["new_password"], "required");
  auto same = c.post("/api/v1/me/password", json::object{{"current_password", "chibo-demo"}, {"new_password", "chibo-demo"}});
  EXPECT_EQ(same.status, 422);
  EXPECT_EQ(c.send("POST", "/api/v1/me/password", "[]").status, 400);
  EXPECT_EQ(c.send("DELETE", "/api/v1/me/sessions/999999", "").status, 404);
  EXPECT_EQ(Client(server_->port()).get("/api/v1/me/sessions").status, 401);
}

}  // namespace chibo::testing
