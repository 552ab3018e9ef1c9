#pragma once
// Helpers for the account tests: a fresh member with an account waiting for
// activation, and the activation itself, through the API only.
#include <map>

#include "api/api_fixture.h"

namespace chibo::testing {

class AccountsTest : public ApiTest {
 protected:
  struct Pending {
    int64_t user_id = 0;
    int64_t member_id = 0;
    std::string username;
    std::string code;
  };
  // A new member of `cell` and their account, created by `staff`.
  Pending pendingAccount(Client& staff, int64_t cell, const std::string& name) {
    auto m = staff.post("/api/v1/members", newMember(cell, name));
    EXPECT_EQ(m.status, 201) << m.raw;
    auto member_id = m.obj().at("id").as_int64();
    auto a = staff.post(path("/api/v1/members/", member_id, "/account"), json::object{});
    EXPECT_EQ(a.status, 201) << a.raw;
    return {a.obj().at("id").as_int64(), member_id, std::string(a.obj().at("username").as_string()),
            std::string(a.obj().at("activation_code").as_string())};
  }
  Resp activate(const std::string& code, const std::string& password) {
    Client anon(server_->port());
    return anon.post("/api/v1/auth/activate", json::object{{"code", code}, {"password", password}});
  }
  static std::map<std::string, std::string> fieldCodes(const Resp& r) {
    std::map<std::string, std::string> out;
    if (!r.body.is_object() || !r.obj().contains("errors")) return out;
    for (auto& e : r.obj().at("errors").as_array())
      out[std::string(e.as_object().at("field").as_string())] = std::string(e.as_object().at("code").as_string());
    return out;
  }
};

}  // namespace chibo::testing
