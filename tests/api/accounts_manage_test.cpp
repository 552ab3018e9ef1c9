// Accounts created and managed by the people who run the ward.
#include <set>

#include "api/accounts_fixture.h"

namespace chibo::testing {

class AccountsManageTest : public AccountsTest {};

TEST_F(AccountsManageTest, StaffCreateAccountsForAWholeCellOnceWithCodesShownOnlyThen) {
  auto staff = as("canbo.phuong");
  auto missing = staff.get(path("/api/v1/orgs/", kp2_, "/accounts/missing"));
  ASSERT_EQ(missing.status, 200) << missing.raw;
  auto expected = missing.obj().at("total").as_int64();
  ASSERT_GT(expected, 10);
  auto before = auditCount();
  auto r = staff.post(path("/api/v1/orgs/", kp2_, "/accounts"), json::object{});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.obj().at("created").as_int64(), expected);
  std::set<std::string> names, codes;
  for (auto& v : r.obj().at("items").as_array()) {
    auto& a = v.as_object();
    std::string u(a.at("username").as_string());
    EXPECT_EQ(u.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789."), std::string::npos) << u;
    names.insert(u);
    codes.insert(std::string(a.at("activation_code").as_string()));
    EXPECT_EQ(a.at("cell_id").as_int64(), kp2_);
    EXPECT_FALSE(a.at("activated").as_bool());
    EXPECT_FALSE(a.at("grants").as_array().empty());
  }
  EXPECT_EQ(int64_t(names.size()), expected);  // usernames unique
  EXPECT_EQ(int64_t(codes.size()), expected);
  EXPECT_EQ(auditCount(), before + expected);  // one audit row per account
  // Everyone on the roll has one now: a second run creates nothing.
  auto again = staff.post(path("/api/v1/orgs/", kp2_, "/accounts"), json::object{});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.obj().at("created").as_int64(), 0);
  EXPECT_EQ(staff.get(path("/api/v1/orgs/", kp2_, "/accounts/missing")).obj().at("total").as_int64(), 0);
  // The list shows them as never activated, and never a code or a hash.
  auto list = staff.get(path("/api/v1/orgs/", kp2_, "/accounts?show=never_activated&limit=500"));
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.obj().at("total").as_int64(), expected);
  for (const auto& code : codes) EXPECT_EQ(list.raw.find(code), std::string::npos);
  EXPECT_EQ(list.raw.find("argon2"), std::string::npos);
  EXPECT_EQ(list.raw.find("activation_code"), std::string::npos);
  // Nor in the audit log.
  auto audit = staff.get(path("/api/v1/audit?org=", kp2_, "&limit=200"));
  ASSERT_EQ(audit.status, 200);
  for (const auto& code : codes) EXPECT_EQ(audit.raw.find(code), std::string::npos);
}

TEST_F(AccountsManageTest, MemberActivatesWithAStrongPasswordThenLogsIn) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Lê Thị Kích Hoạt");
  EXPECT_EQ(p.username, "le.thi.kich.hoat");
  Client anon(server_->port());
  auto info = anon.post("/api/v1/auth/activation", json::object{{"code", p.code}});
  ASSERT_EQ(info.status, 200) << info.raw;
  EXPECT_EQ(info.obj().at("username").as_string(), p.username);
  EXPECT_EQ(info.obj().at("min_length").as_int64(), 10);
  // Not yet: an account waiting for activation cannot log in.
  EXPECT_EQ(Client(server_->port()).login(p.username, "bat-ky-mat-khau").status, 401);
  auto before = auditCount();
  auto short_pw = activate(p.code, "ngan-qua");
  EXPECT_EQ(short_pw.status, 422);
  EXPECT_EQ(fieldCodes(short_pw)["password"], "weak_password");
  EXPECT_NE(short_pw.raw.find("ít nhất 10 ký tự"), std::string::npos) << short_pw.raw;
  auto common = activate(p.code, "matkhau123456");
  EXPECT_EQ(common.status, 422);
  EXPECT_NE(common.raw.find("quá phổ biến"), std::string::npos) << common.raw;
  EXPECT_EQ(activate(p.code, "Password2024!").status, 422);
  EXPECT_EQ(auditCount(), before);  // refusals write nothing
  auto ok = activate(p.code, "hoa-sen-no-giua-dam");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(auditCount(), before + 1);
  // The code is spent.
  auto reuse = activate(p.code, "hoa-sen-no-giua-dam-2");
  EXPECT_EQ(reuse.status, 404);
  EXPECT_EQ(reuse.code(), "invalid_code");
  Client member(server_->port());
  ASSERT_EQ(member.login(p.username, "hoa-sen-no-giua-dam").status, 200);
  auto me = member.get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.obj().at("user").as_object().at("grants").as_array().at(0).as_object().at("role").as_string(),
            "member");
  // Staff now see it active, with a last log-in.
  auto list = staff.get(path("/api/v1/orgs/", kp1_, "/accounts?q=kich%20hoat"));
  ASSERT_EQ(list.obj().at("total").as_int64(), 1) << list.raw;
  auto row = list.obj().at("items").as_array().at(0).as_object();
  EXPECT_EQ(row.at("status").as_string(), "active");
  EXPECT_TRUE(row.at("last_login_at").is_string());
}

TEST_F(AccountsManageTest, ResetEndsSessionsAndTheOldPasswordAndIssuesANewCode) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Phạm Văn Đặt Lại");
  ASSERT_EQ(activate(p.code, "con-duong-nho-xiu").status, 200);
  Client member(server_->port());
  ASSERT_EQ(member.login(p.username, "con-duong-nho-xiu").status, 200);
  auto r = staff.post(path("/api/v1/accounts/", p.user_id, "/reset"), json::object{});
  ASSERT_EQ(r.status, 200) << r.raw;
  std::string code(r.obj().at("activation_code").as_string());
  EXPECT_NE(code, p.code);
  EXPECT_EQ(member.get("/api/v1/me").status, 401);  // the session ended
  EXPECT_EQ(Client(server_->port()).login(p.username, "con-duong-nho-xiu").status, 401);
  EXPECT_EQ(activate(code, "con-duong-nho-xiu-moi").status, 200);
  EXPECT_EQ(Client(server_->port()).login(p.username, "con-duong-nho-xiu-moi").status, 200);
}

TEST_F(AccountsManageTest, DisableRefusesLogInAndEnableRestoresIt) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Vũ Thị Khóa");
  ASSERT_EQ(activate(p.code, "mua-thu-ha-noi-dep").status, 200);
  Client member(server_->port());
  ASSERT_EQ(member.login(p.username, "mua-thu-ha-noi-dep").status, 200);
  auto before = auditCount();
  auto d = staff.post(path("/api/v1/accounts/", p.user_id, "/disable"), json::object{});
  ASSERT_EQ(d.status, 200) << d.raw;
  EXPECT_TRUE(d.obj().at("disabled").as_bool());
  EXPECT_EQ(member.get("/api/v1/me").status, 401);
  EXPECT_EQ(Client(server_->port()).login(p.username, "mua-thu-ha-noi-dep").status, 401);
  auto disabled = staff.get(path("/api/v1/orgs/", kp1_, "/accounts?show=disabled"));
  EXPECT_NE(disabled.raw.find(p.username), std::string::npos);
  ASSERT_EQ(staff.post(path("/api/v1/accounts/", p.user_id, "/enable"), json::object{}).status, 200);
  EXPECT_EQ(auditCount(), before + 2);
  EXPECT_EQ(Client(server_->port()).login(p.username, "mua-thu-ha-noi-dep").status, 200);
  // Staff cannot lock themselves out.
  auto me = staff.get("/api/v1/me");
  auto own = staff.post(path("/api/v1/accounts/", me.obj().at("user").as_object().at("id").as_int64(), "/disable"),
                        json::object{});
  EXPECT_EQ(own.status, 409);
  EXPECT_EQ(own.code(), "own_account");
}

TEST_F(AccountsManageTest, GrantsNeverExceedTheGrantersOwnAndDerivedOnesAreNotStoredTwice) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Đỗ Văn Quyền");
  auto tooHigh = staff.put(path("/api/v1/accounts/", p.user_id, "/grants"),
                           json::object{{"grants", json::array{json::object{{"role", "admin"}, {"org_id", ward_}}}}});
  EXPECT_EQ(tooHigh.status, 422);
  EXPECT_EQ(fieldCodes(tooHigh)["grants[0].role"], "exceeds_own");
  auto outside = staff.put(path("/api/v1/accounts/", p.user_id, "/grants"),
                           json::object{{"grants", json::array{json::object{{"role", "committee"}, {"org_id", city_}}}}});
  EXPECT_EQ(outside.status, 422);
  EXPECT_EQ(fieldCodes(outside)["grants[0].org_id"], "not_found");
  // The member grant is derived from the roster; sending it again changes nothing.
  auto r = staff.put(path("/api/v1/accounts/", p.user_id, "/grants"),
                     json::object{{"grants", json::array{json::object{{"role", "member"}, {"org_id", kp1_}},
                                                         json::object{{"role", "committee"}, {"org_id", ward_}}}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto& g = r.obj().at("grants").as_array();
  ASSERT_EQ(g.size(), 2u) << r.raw;
  EXPECT_EQ(g.at(0).as_object().at("role").as_string(), "member");
  EXPECT_TRUE(g.at(0).as_object().at("derived").as_bool());
  EXPECT_EQ(g.at(1).as_object().at("role").as_string(), "committee");
  EXPECT_FALSE(g.at(1).as_object().at("derived").as_bool());
  // Now staff: the activation asks for 12 characters.
  Client anon(server_->port());
  auto info = anon.post("/api/v1/auth/activation", json::object{{"code", p.code}});
  EXPECT_EQ(info.obj().at("min_length").as_int64(), 12);
  EXPECT_EQ(activate(p.code, "mat-khau-11").status, 422);
}

TEST_F(AccountsManageTest, ACellSecretaryManagesOnlyMemberAccountsOfTheirOwnCell) {
  auto sec = as("bithu.kp1");
  auto staff = as("canbo.phuong");
  EXPECT_EQ(sec.get(path("/api/v1/orgs/", kp2_, "/accounts")).status, 404);
  EXPECT_EQ(sec.get(path("/api/v1/orgs/", ward_, "/accounts")).status, 404);
  EXPECT_EQ(sec.post(path("/api/v1/orgs/", ward_, "/accounts"), json::object{}).status, 404);
  auto other = staff.post("/api/v1/members", newMember(kp2_, "Ngô Thị Ngoài Chi Bộ"));
  ASSERT_EQ(other.status, 201);
  EXPECT_EQ(sec.post(path("/api/v1/members/", other.obj().at("id").as_int64(), "/account"), json::object{}).status,
            404);
  auto mine = sec.post("/api/v1/members", newMember(kp1_, "Hồ Văn Trong Chi Bộ"));
  ASSERT_EQ(mine.status, 201);
  auto a = sec.post(path("/api/v1/members/", mine.obj().at("id").as_int64(), "/account"), json::object{});
  ASSERT_EQ(a.status, 201) << a.raw;
  auto uid = a.obj().at("id").as_int64();
  // Only staff disable accounts or change grants; a secretary does not learn more.
  EXPECT_EQ(sec.post(path("/api/v1/accounts/", uid, "/disable"), json::object{}).status, 404);
  EXPECT_EQ(sec.put(path("/api/v1/accounts/", uid, "/grants"), json::object{{"grants", json::array{}}}).status, 404);
  // A member manages no accounts at all.
  auto member = as("dangvien.kp1");
  EXPECT_EQ(member.get(path("/api/v1/orgs/", kp1_, "/accounts")).status, 404);
  EXPECT_EQ(member.post(path("/api/v1/accounts/", uid, "/reset"), json::object{}).status, 404);
  // The ward's staff cannot reset an administrator above them.
  auto admin_id = as("admin").get("/api/v1/me").obj().at("user").as_object().at("id").as_int64();
  EXPECT_EQ(staff.post(path("/api/v1/accounts/", admin_id, "/reset"), json::object{}).status, 404);
}

TEST_F(AccountsManageTest, ActivationSheetIsAPdfOfLiveCodesOnly) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Trịnh Thị In Phiếu");
  auto pdf = staff.post(path("/api/v1/orgs/", kp1_, "/accounts/activation-sheet"),
                        json::object{{"codes", json::array{json::object{{"user_id", p.user_id}, {"code", p.code}}}}});
  ASSERT_EQ(pdf.status, 200) << pdf.raw;
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.raw.substr(0, 5), "%PDF-");
  auto wrong = staff.post(path("/api/v1/orgs/", kp1_, "/accounts/activation-sheet"),
                          json::object{{"codes", json::array{json::object{{"user_id", p.user_id}, {"code", "AAAA-BBBB-CCCC"}}}}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(fieldCodes(wrong)["codes[0]"], "invalid_code");
  // Printing anew re-issues codes: the old one stops working.
  auto before = auditCount();
  auto reissue = staff.post(path("/api/v1/orgs/", kp1_, "/accounts/activation-sheet"), json::object{});
  ASSERT_EQ(reissue.status, 200) << reissue.raw;
  EXPECT_EQ(reissue.raw.substr(0, 5), "%PDF-");
  EXPECT_GT(auditCount(), before);
  EXPECT_EQ(activate(p.code, "cay-tre-viet-nam-xanh").status, 404);
  // Outside the caller's scope: 404, not a sheet.
  EXPECT_EQ(as("bithu.kp1").post(path("/api/v1/orgs/", kp2_, "/accounts/activation-sheet"), json::object{}).status,
            404);
}

TEST_F(AccountsManageTest, InactiveFilterListsAccountsWithoutARecentLogIn) {
  auto staff = as("canbo.phuong");
  as("dangvien.kp1");  // logs in now
  auto recent = staff.get(path("/api/v1/orgs/", kp1_, "/accounts?show=inactive&days=30&limit=500"));
  ASSERT_EQ(recent.status, 200) << recent.raw;
  EXPECT_EQ(recent.raw.find("\"dangvien.kp1\""), std::string::npos);
  auto secretary = as("bithu.kp1");
  (void)secretary;
  // Demo accounts that never logged in count as inactive.
  auto list = staff.get(path("/api/v1/orgs/", ward_, "/accounts?show=inactive&days=1&limit=500"));
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.raw.find("\"dangvien.kp2\""), std::string::npos) << list.raw;
}

}  // namespace chibo::testing
