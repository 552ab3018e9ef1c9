// What everyone does with their own account: change the password, see and
// end their sessions.
#include "api/accounts_fixture.h"

namespace chibo::testing {

class AccountsSelfTest : public AccountsTest {};

TEST_F(AccountsSelfTest, ChangeOwnPasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Mai Thị Đổi Mật Khẩu");
  ASSERT_EQ(activate(p.code, "trang-sang-tren-song").status, 200);
  Client phone(server_->port()), laptop(server_->port());
  ASSERT_EQ(phone.login(p.username, "trang-sang-tren-song").status, 200);
  ASSERT_EQ(laptop.login(p.username, "trang-sang-tren-song").status, 200);
  auto before = auditCount();
  auto wrong = laptop.post("/api/v1/me/password",
                           json::object{{"current_password", "sai-mat-khau-roi"}, {"new_password", "bien-xanh-cat-trang"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(fieldCodes(wrong)["current_password"], "wrong_password");
  auto weak = laptop.post("/api/v1/me/password",
                          json::object{{"current_password", "trang-sang-tren-song"}, {"new_password", "123456789"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(fieldCodes(weak)["new_password"], "weak_password");
  EXPECT_EQ(auditCount(), before);
  auto ok = laptop.post("/api/v1/me/password",
                        json::object{{"current_password", "trang-sang-tren-song"}, {"new_password", "bien-xanh-cat-trang"}});
  ASSERT_EQ(ok.status, 204) << ok.raw;
  EXPECT_EQ(auditCount(), before + 1);
  EXPECT_EQ(laptop.get("/api/v1/me").status, 200);  // the session that changed it stays
  EXPECT_EQ(phone.get("/api/v1/me").status, 401);   // the other one ended
  EXPECT_EQ(Client(server_->port()).login(p.username, "trang-sang-tren-song").status, 401);
  EXPECT_EQ(Client(server_->port()).login(p.username, "bien-xanh-cat-trang").status, 200);
}

TEST_F(AccountsSelfTest, SeeOwnSessionsAndEndOneButNotSomeoneElses) {
  auto staff = as("canbo.phuong");
  auto p = pendingAccount(staff, kp1_, "Lý Văn Phiên");
  ASSERT_EQ(activate(p.code, "nui-cao-suoi-sau-xa").status, 200);
  Client a(server_->port()), b(server_->port());
  ASSERT_EQ(a.login(p.username, "nui-cao-suoi-sau-xa").status, 200);
  ASSERT_EQ(b.login(p.username, "nui-cao-suoi-sau-xa").status, 200);
  auto list = a.get("/api/v1/me/sessions");
  ASSERT_EQ(list.status, 200) << list.raw;
  auto& items = list.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  int64_t other = 0;
  int current = 0;
  for (auto& s : items) {
    EXPECT_EQ(s.as_object().at("address").as_string(), "127.0.0.1");
    EXPECT_FALSE(s.as_object().contains("token_hash"));
    if (s.as_object().at("current").as_bool()) ++current;
    else other = s.as_object().at("id").as_int64();
  }
  EXPECT_EQ(current, 1);
  // Someone else's session id is not found for staff either.
  EXPECT_EQ(staff.send("DELETE", "/api/v1/me/sessions/" + std::to_string(other), "").status, 404);
  EXPECT_EQ(b.get("/api/v1/me").status, 200);
  auto before = auditCount();
  EXPECT_EQ(a.send("DELETE", "/api/v1/me/sessions/" + std::to_string(other), "").status, 204);
  EXPECT_EQ(auditCount(), before + 1);
  EXPECT_EQ(b.get("/api/v1/me").status, 401);
  EXPECT_EQ(a.get("/api/v1/me").status, 200);
  EXPECT_EQ(a.send("DELETE", "/api/v1/me/sessions/" + std::to_string(other), "").status, 404);
}

}  // namespace chibo::testing
