#pragma once
// One demo server per test suite; tests create what they change, so order
// does not matter.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "support/server_process.h"

namespace chibo::testing {

namespace json = boost::json;

class ApiTest : public ::testing::Test {
 protected:
  // A suite set-up that throws leaves GoogleTest reporting the suite's tests as skipped, and
  // CTest counts a skip as not failed: a server that did not start would go unnoticed. Set-ups
  // run through this, and every test of the suite then fails with the reason.
  template <class F>
  static void guardSetUp(F&& f) {
    setup_error_.clear();
    try {
      f();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  void SetUp() override {
    if (!setup_error_.empty()) GTEST_FAIL() << "the suite's set-up failed: " << setup_error_;
  }
  static inline std::string setup_error_;

  static void SetUpTestSuite() { guardSetUp([] { startDemoServer(); }); }
  // `args`: more `chibo serve` options, such as a test clock (`--now`).
  static void startDemoServer(std::vector<std::string> args = {}) {
    server_ = new ServerProcess(true);
    ServerProcess::Options o;
    o.args = std::move(args);
    server_->start(o);
    Client admin(server_->port());
    if (admin.login("admin").status != 200) throw std::runtime_error("admin login failed");
    auto roots = admin.get("/api/v1/orgs");
    city_ = roots.obj().at("items").as_array().at(0).as_object().at("id").as_int64();
    ward_ = childId(admin, city_, "Đảng ủy phường Tân Định");
    kp1_ = childId(admin, ward_, "Chi bộ Khu phố 1");
    kp2_ = childId(admin, ward_, "Chi bộ Khu phố 2");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  Client as(const std::string& user) {
    Client c(server_->port());
    auto r = c.login(user);
    EXPECT_EQ(r.status, 200) << user << ": " << r.raw;
    return c;
  }
  static std::string path(const std::string& p, int64_t id, const std::string& rest = "") {
    return p + std::to_string(id) + rest;
  }
  // Total audit rows under the ward, read as the committee staff.
  // Reuses one session: logging in is itself audited.
  int64_t auditCount() {
    if (!auditor_) {
      auditor_ = std::make_unique<Client>(server_->port());
      auditor_->login("canbo.phuong");
    }
    auto r = auditor_->get("/api/v1/audit?org=" + std::to_string(ward_) + "&limit=1");
    return r.obj().at("total").as_int64();
  }
  std::unique_ptr<Client> auditor_;
  // The id of some member of `cell` (first on the roll).
  int64_t firstMemberOf(int64_t cell) {
    auto c = as("admin");
    auto r = c.get("/api/v1/orgs/" + std::to_string(cell) + "/members?limit=1");
    return r.obj().at("items").as_array().at(0).as_object().at("id").as_int64();
  }
  json::object newMember(int64_t cell, const std::string& name) {
    return {{"full_name", name}, {"birth_date", "1980-05-17"}, {"gender", "female"}, {"cell_id", cell},
            {"phone", "0903 123 456"}, {"admission_decision_date", "2005-03-01"},
            {"admission_ceremony_date", "2005-03-20"}, {"official_date", "2006-03-20"}};
  }

  static inline ServerProcess* server_ = nullptr;
  static inline int64_t city_ = 0, ward_ = 0, kp1_ = 0, kp2_ = 0;
};

}  // namespace chibo::testing
