// A write answered 2xx survives kill -9 of the server (WAL, synchronous=FULL).
#include "api/api_fixture.h"

namespace chibo::testing {

TEST(DurabilityTest, AcknowledgedWritesSurviveKill9) {
  ServerProcess server(true);
  server.start();
  std::vector<int64_t> ids;
  {
    Client c(server.port());
    ASSERT_EQ(c.login("bithu.kp1").status, 200);
    auto cell = c.get("/api/v1/orgs").obj().at("items").as_array().at(0).as_object().at("id").as_int64();
    for (int i = 0; i < 20; ++i) {
      auto r = c.post("/api/v1/members", json::object{{"full_name", "Bền Vững " + std::to_string(i)},
                                                      {"birth_date", "1985-01-01"}, {"gender", "male"},
                                                      {"cell_id", cell}});
      ASSERT_EQ(r.status, 201) << r.raw;
      ids.push_back(r.obj().at("id").as_int64());
    }
  }
  server.crash();
  server.start();
  Client c(server.port());
  ASSERT_EQ(c.login("bithu.kp1").status, 200);
  for (auto id : ids) {
    auto r = c.get("/api/v1/members/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << id;
  }
}

TEST(DurabilityTest, ServeRefusesAMissingDatabaseInsteadOfCreatingOne) {
  ServerProcess server(false);
  EXPECT_THROW(server.start(), std::runtime_error);
}

}  // namespace chibo::testing
