// Every role × in scope or out of scope × read or write. Out of scope answers
// 404 (callers must not learn what exists); in scope but read-only answers 403.
#include "api/api_fixture.h"

namespace chibo::testing {

class AuthzMatrixTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    Client admin(server_->port());
    admin.login("admin");
    // A second ward with one cell and one member: outside every ward-level grant.
    auto w = admin.post("/api/v1/orgs", json::object{{"parent_id", city_}, {"name", "Đảng ủy phường Đa Kao"},
                                                     {"kind", "committee"}, {"level", "ward"}});
    other_cell_ = admin.post("/api/v1/orgs", json::object{{"parent_id", w.obj().at("id").as_int64()},
                                                          {"name", "Chi bộ Khu phố A"}, {"kind", "cell"},
                                                          {"cell_type", "residential"}})
                      .obj().at("id").as_int64();
    auto m = admin.post("/api/v1/members", json::object{{"full_name", "Đinh Văn Ngoài"}, {"birth_date", "1970-01-01"},
                                                        {"gender", "male"}, {"cell_id", other_cell_}});
    other_member_ = m.obj().at("id").as_int64();
    auto me = admin.get("/api/v1/orgs/" + std::to_string(kp1_) + "/members?limit=500");
    for (auto& x : me.obj().at("items").as_array()) kp1_members_.push_back(x.as_object().at("id").as_int64());
    auto k2 = admin.get("/api/v1/orgs/" + std::to_string(kp2_) + "/members?limit=1");
    kp2_member_ = k2.obj().at("items").as_array().at(0).as_object().at("id").as_int64();
  }
  static inline int64_t other_cell_ = 0, other_member_ = 0, kp2_member_ = 0;
  static inline std::vector<int64_t> kp1_members_;

  int readMember(Client& c, int64_t id) { return c.get(path("/api/v1/members/", id)).status; }
  // A distinct value each time: an unchanged record is a no-op and leaves no audit row.
  int writeMember(Client& c, int64_t id) {
    static int n = 0;
    return c.patch(path("/api/v1/members/", id), json::object{{"workplace", "Ghi thử quyền " + std::to_string(++n)}})
        .status;
  }
  int readRoster(Client& c, int64_t org) { return c.get(path("/api/v1/orgs/", org, "/members")).status; }
  int64_t auditTotal() {
    if (!admin_) {
      admin_ = std::make_unique<Client>(server_->port());
      admin_->login("admin");
    }
    return admin_->get("/api/v1/audit?org=" + std::to_string(city_) + "&limit=1").obj().at("total").as_int64();
  }
  std::unique_ptr<Client> admin_;
};

struct Row {
  const char* user;
  int read_in, write_in, roster_in;     // a KP1 member / the KP1 roster
  int read_out, write_out, roster_out;  // a member / roster outside the user's scope
  bool out_is_kp2;                      // out of scope is KP2 (else the other ward)
};

TEST_F(AuthzMatrixTest, EveryRoleInAndOutOfScope) {
  const Row rows[] = {
      {"admin", 200, 200, 200, 200, 200, 200, false},  // the whole tree is in scope
      {"canbo.phuong", 200, 200, 200, 404, 404, 404, false},
      {"giamsat.phuong", 200, 403, 200, 404, 404, 404, true},
      {"bithu.kp1", 200, 200, 200, 404, 404, 404, true},
  };
  int64_t in_member = kp1_members_.at(1);
  for (const auto& r : rows) {
    SCOPED_TRACE(r.user);
    auditTotal();  // the auditor's own log-in must not count below
    auto c = as(r.user);
    int64_t out_member = r.out_is_kp2 ? kp2_member_ : other_member_;
    int64_t out_org = r.out_is_kp2 ? kp2_ : other_cell_;
    EXPECT_EQ(readMember(c, in_member), r.read_in);
    EXPECT_EQ(readRoster(c, kp1_), r.roster_in);
    EXPECT_EQ(readMember(c, out_member), r.read_out);
    EXPECT_EQ(readRoster(c, out_org), r.roster_out);
    auto before = auditTotal();
    int w_in = writeMember(c, in_member), w_out = writeMember(c, out_member);
    EXPECT_EQ(w_in, r.write_in);
    EXPECT_EQ(w_out, r.write_out);
    // Exactly the accepted writes left audit rows.
    EXPECT_EQ(auditTotal() - before, (w_in == 200) + (w_out == 200));
  }
}

TEST_F(AuthzMatrixTest, MemberSeesOwnRecordOnlyAndCannotWriteAnothers) {
  auto c = as("dangvien.kp1");
  auto me = c.get("/api/v1/me");
  auto own = me.obj().at("user").as_object().at("member_id").as_int64();
  EXPECT_EQ(readMember(c, own), 200);
  int64_t other = kp1_members_.front() == own ? kp1_members_.at(1) : kp1_members_.front();
  EXPECT_EQ(readMember(c, other), 404);
  EXPECT_EQ(writeMember(c, other), 404);
  EXPECT_EQ(writeMember(c, own), 403);        // sees it, may not change it
  EXPECT_EQ(readRoster(c, kp1_), 403);        // knows the cell, not its roster
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_)).status, 200);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp2_)).status, 404);
  EXPECT_EQ(readMember(c, kp2_member_), 404);
  EXPECT_EQ(c.get("/api/v1/audit?org=" + std::to_string(kp1_)).status, 403);
}

TEST_F(AuthzMatrixTest, SecretaryOfOneCellGets404ForAnotherCellsMember) {
  auto c = as("bithu.ubnd");
  EXPECT_EQ(readMember(c, kp1_members_.front()), 404);
  EXPECT_EQ(c.post("/api/v1/members", json::object{{"full_name", "Xâm Phạm"}, {"birth_date", "1990-01-01"},
                                                    {"gender", "male"}, {"cell_id", kp1_}}).status,
            404);
}

TEST_F(AuthzMatrixTest, MonitorSeesOnlyAssignedCells) {
  auto c = as("giamsat.phuong");
  auto roots = c.get("/api/v1/orgs");
  ASSERT_EQ(roots.status, 200);
  std::vector<std::string> names;
  for (auto& o : roots.obj().at("items").as_array()) names.emplace_back(o.as_object().at("name").as_string());
  EXPECT_EQ(names.size(), 2u);
  EXPECT_NE(std::find(names.begin(), names.end(), "Chi bộ Khu phố 1"), names.end());
  EXPECT_EQ(c.get(path("/api/v1/orgs/", ward_)).status, 404);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp2_)).status, 404);
}

}  // namespace chibo::testing
