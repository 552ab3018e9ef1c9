#include "api/api_fixture.h"

namespace chibo::testing {

class AuthTest : public ApiTest {};

TEST_F(AuthTest, LoginSetsHttpOnlySameSiteCookieAndReturnsCsrf) {
  httplib::Client h("127.0.0.1", server_->port());
  auto r = h.Post("/api/v1/auth/login", R"({"username":"bithu.kp1","password":"chibo-demo"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("chibo_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto body = json::parse(r->body).as_object();
  EXPECT_EQ(body.at("csrf_token").as_string().size(), 64u);
  EXPECT_EQ(body.at("user").as_object().at("username").as_string(), "bithu.kp1");
  auto grants = body.at("user").as_object().at("grants").as_array();
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(grants[0].as_object().at("role").as_string(), "cell");
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Client a(server_->port()), b(server_->port());
  auto r1 = a.login("bithu.kp2", "sai-mat-khau");
  auto r2 = b.login("khong.ton.tai", "sai-mat-khau");
  EXPECT_EQ(r1.status, 401);
  EXPECT_EQ(r2.status, 401);
  EXPECT_EQ(r1.code(), "bad_credentials");
  EXPECT_EQ(r1.sameness(), r2.sameness());
}

TEST_F(AuthTest, MeNeedsASessionAndReturnsCsrf) {
  Client anon(server_->port());
  auto r = anon.get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.code(), "unauthenticated");
  EXPECT_NE(r.content_type.find("application/problem+json"), std::string::npos);
  auto c = as("dangvien.kp1");
  auto me = c.get("/api/v1/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.obj().at("csrf_token").as_string(), c.csrf);
}

TEST_F(AuthTest, WritesWithoutCsrfTokenAreRefusedAndWriteNothing) {
  auto c = as("bithu.kp1");
  auto before = auditCount();
  auto r = c.send("POST", "/api/v1/members", json::serialize(newMember(kp1_, "Không Có Token")), false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.code(), "csrf_failed");
  EXPECT_EQ(auditCount(), before);
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  auto c = as("dangvien.kp2");
  EXPECT_EQ(c.post("/api/v1/auth/logout", json::object{}).status, 204);
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST_F(AuthTest, RepeatedFailuresAreThrottledPerAccount) {
  Client c(server_->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.login("bithu.ubnd", "wrong-password").status, 401);
  auto r = c.login("bithu.ubnd", "wrong-password");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.code(), "rate_limited");
  // Even the right password waits: the throttle is checked before hashing.
  EXPECT_EQ(c.login("bithu.ubnd", "chibo-demo").status, 429);
}

TEST_F(AuthTest, MalformedJsonIsABadRequest) {
  auto c = as("bithu.kp1");
  auto r = c.send("POST", "/api/v1/members", "{not json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code(), "bad_json");
  auto arr = c.send("POST", "/api/v1/members", "[1,2]");
  EXPECT_EQ(arr.status, 400);
}

TEST_F(AuthTest, OversizedBodyIsRefusedWith413) {
  auto c = as("bithu.kp1");
  std::string big = "{\"full_name\":\"" + std::string(1100 * 1024, 'a') + "\"}";
  auto r = c.send("POST", "/api/v1/members", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.code(), "body_too_large");
}

TEST_F(AuthTest, UnknownApiPathIsProblemJson404) {
  auto c = as("admin");
  auto r = c.get("/api/v1/khong-co");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.code(), "not_found");
}

}  // namespace chibo::testing
