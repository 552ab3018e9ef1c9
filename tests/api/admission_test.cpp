// The new-member pipeline through the API: one person from the cell's list to
// official member (the ceremony puts them on the roster as probationary, the
// decision makes them official), the checks of R-KN-1 and R-KN-2 with their
// Vietnamese problems, scope (404 outside, 403 for read-only roles), rejected
// requests writing nothing, every write audited, documents of the dossier and
// the ward's pipeline.
#include <set>

#include "api/api_fixture.h"
#include "domain/date.h"

namespace chibo::testing {

namespace {

std::string pdfBytes() {
  std::string s = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  s += std::string("\x00\x01", 2);
  return s;
}

bool vietnamese(const std::string& s) {
  // At least one letter with a Vietnamese diacritic, and no bare code.
  for (const char* mark : {"ư", "ơ", "ạ", "ả", "ấ", "ầ", "ậ", "ệ", "ế", "ề", "ể", "ổ", "ộ", "ờ", "ợ", "đ", "Đ", "ó", "ò", "á", "à", "ú", "ù", "í", "ì", "ẽ", "é", "è", "ố", "ồ", "ủ", "ũ", "ỉ", "ị", "ọ", "ữ", "ự", "ứ", "ừ", "ả", "ă", "ằ", "ắ", "ặ", "â"})
    if (s.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace

class AdmissionTest : public ApiTest {
 protected:
  std::string cand(int64_t id, const std::string& rest = "") { return "/api/v1/candidates/" + std::to_string(id) + rest; }
  std::string candidates(int64_t cell) { return "/api/v1/orgs/" + std::to_string(cell) + "/candidates"; }

  // Official members of kp1 on `at` who are still official members of it today.
  std::vector<int64_t> officialsOfKp1(const std::string& at) {
    auto c = as("admin");
    auto then = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/members?limit=200&at=" + at);
    auto now = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/members?limit=200");
    std::set<int64_t> today;
    for (auto& x : now.obj().at("items").as_array()) {
      auto& st = x.as_object().at("state").as_object();
      if (st.at("standing").as_string() == "official" && st.at("counts_for_attendance").as_bool())
        today.insert(x.as_object().at("id").as_int64());
    }
    std::vector<int64_t> out;
    for (auto& x : then.obj().at("items").as_array()) {
      auto id = x.as_object().at("id").as_int64();
      if (x.as_object().at("state").as_object().at("standing").as_string() == "official" && today.count(id))
        out.push_back(id);
    }
    return out;
  }

  int64_t create(Client& c, const std::string& name, const std::string& birth = "1995-04-10",
                 const std::string& listed = "2024-10-01") {
    auto r = c.post(candidates(kp1_), json::object{{"full_name", name}, {"birth_date", birth}, {"gender", "female"},
                                                    {"phone", "0903 222 111"}, {"listed_on", listed}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.status == 201 ? r.obj().at("id").as_int64() : 0;
  }
  Resp stage(Client& c, int64_t id, json::object body) { return c.post(cand(id, "/stages"), body); }
  std::string stageOf(Client& c, int64_t id) { return std::string(c.get(cand(id)).obj().at("stage").as_string()); }

  // Takes a fresh candidate to `decided` (decision received 2025-06-02).
  int64_t toDecided(Client& c, const std::string& name) {
    int64_t id = create(c, name);
    auto officials = officialsOfKp1("2024-03-01");
    EXPECT_GE(officials.size(), 3u);
    EXPECT_EQ(stage(c, id, {{"stage", "course_completed"}, {"date", "2024-12-10"}, {"reference", "GCN 15/2024"}}).status, 200);
    for (int i = 0; i < 2; ++i) {
      auto r = c.post(cand(id, "/introducers"), json::object{{"member_id", officials[i]}, {"worked_since", "2023-01-01"}});
      EXPECT_EQ(r.status, 201) << r.raw;
    }
    auto r = stage(c, id, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "two_members"}});
    EXPECT_EQ(r.status, 200) << r.raw;
    r = stage(c, id, {{"stage", "cell_voted"}, {"date", "2025-04-15"}, {"reference", "05-NQ/CB"}, {"votes_for", 20}, {"votes_total", 22}});
    EXPECT_EQ(r.status, 200) << r.raw;
    r = stage(c, id, {{"stage", "decided"}, {"date", "2025-06-02"}, {"reference", "120-QĐ/ĐU"}});
    EXPECT_EQ(r.status, 200) << r.raw;
    return id;
  }
};

TEST_F(AdmissionTest, OnePersonFromTheListToOfficialMember) {
  auto c = as("bithu.kp1");
  int64_t before = auditCount();
  int64_t id = toDecided(c, "Phạm Thị Mai Anh");
  // create, course, 2 introducers, introduced, cell vote, decision: 7 audited writes.
  EXPECT_EQ(auditCount(), before + 7);
  auto got = c.get(cand(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.obj().at("stage").as_string(), "decided");
  EXPECT_EQ(got.obj().at("next_stage").as_string(), "admitted");
  EXPECT_EQ(got.obj().at("introducers").as_array().size(), 2u);
  EXPECT_EQ(got.obj().at("stages").as_array().size(), 5u);
  // Ceremony due 30 working days after 02/06/2025 (no holiday in between): 14/07/2025, already past today.
  EXPECT_EQ(got.obj().at("deadline").as_object().at("due").as_string(), "2025-07-14");
  EXPECT_TRUE(got.obj().at("deadline").as_object().at("overdue").as_bool());

  auto officials = officialsOfKp1("2024-03-01");
  auto r = stage(c, id, {{"stage", "admitted"}, {"date", "2025-06-20"}, {"helper_member_ids", json::array{officials[2]}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_TRUE(r.obj().at("member_id").is_int64());
  int64_t member = r.obj().at("member_id").as_int64();
  EXPECT_EQ(r.obj().at("helpers").as_array().size(), 1u);
  // On the roster the day of the ceremony, as a probationary member, without re-typing.
  auto roll = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/members?limit=200&at=2025-06-20");
  bool found = false;
  for (auto& x : roll.obj().at("items").as_array())
    if (x.as_object().at("id").as_int64() == member) {
      found = true;
      EXPECT_EQ(x.as_object().at("full_name").as_string(), "Phạm Thị Mai Anh");
      EXPECT_EQ(x.as_object().at("state").as_object().at("standing").as_string(), "probationary");
    }
  EXPECT_TRUE(found);
  auto m = c.get("/api/v1/members/" + std::to_string(member));
  EXPECT_EQ(m.obj().at("admission_ceremony_date").as_string(), "2025-06-20");
  EXPECT_EQ(m.obj().at("admission_decision_date").as_string(), "2025-06-02");

  // The official vote cannot come before 12 months of probation.
  r = stage(c, id, {{"stage", "official_voted"}, {"date", "2026-06-19"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "probation_not_over");
  r = stage(c, id, {{"stage", "official_voted"}, {"date", "2026-06-22"}, {"reference", "09-NQ/CB"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  r = stage(c, id, {{"stage", "official"}, {"date", "2026-07-01"}, {"reference", "210-QĐ/ĐU"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(r.obj().at("next_stage").is_null());
  m = c.get("/api/v1/members/" + std::to_string(member));
  EXPECT_EQ(m.obj().at("official_date").as_string(), "2026-06-20");  // from the end of probation
  EXPECT_EQ(m.obj().at("state").as_object().at("standing").as_string(), "official");
  // Nothing after the end.
  r = stage(c, id, {{"stage", "refused"}, {"date", "2026-07-02"}, {"note", "x"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.code(), "stage_out_of_order");
}

TEST_F(AdmissionTest, RejectedRequestsWriteNothingAndSpeakVietnamese) {
  auto c = as("bithu.kp1");
  int64_t id = create(c, "Đỗ Văn Bảo");
  int64_t before = auditCount();
  struct Case {
    json::object body;
    int status;
    std::string code;
  };
  std::vector<Case> cases{
      {{{"stage", "introduced"}, {"date", "2025-01-01"}, {"route", "two_members"}}, 409, "stage_out_of_order"},
      {{{"stage", "course_completed"}, {"date", "2025-01-01"}}, 422, "required"},  // no certificate number
      {{{"stage", "course_completed"}, {"date", "2999-01-01"}, {"reference", "GCN"}}, 422, "validation_failed"},
      {{{"stage", "course_completed"}, {"date", "2024-09-01"}, {"reference", "GCN"}}, 422, "date_before_previous"},
      {{{"stage", "nhap"}, {"date", "2025-01-01"}}, 422, "validation_failed"},
      {{{"stage", "refused"}, {"date", "2025-01-01"}}, 422, "reason_required"},
      {{{"stage", "course_completed"}, {"date", "ngày mai"}, {"reference", "GCN"}}, 422, "validation_failed"},
  };
  for (const auto& k : cases) {
    auto r = stage(c, id, k.body);
    EXPECT_EQ(r.status, k.status) << json::serialize(k.body) << " " << r.raw;
    EXPECT_EQ(r.code(), k.code) << r.raw;
    EXPECT_TRUE(vietnamese(std::string(r.obj().at("detail").as_string()))) << r.raw;
  }
  auto r = c.post(candidates(kp1_), json::object{{"full_name", ""}, {"birth_date", "1990-13-01"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.obj().at("errors").as_array().size(), 2u);
  r = c.patch(cand(id), json::object{{"version", 99}, {"phone", "0903 000 111"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(auditCount(), before);
  EXPECT_EQ(stageOf(c, id), "listed");
}

TEST_F(AdmissionTest, AgeOnTheConsiderationDate) {
  auto c = as("bithu.kp1");
  auto officials = officialsOfKp1("2024-03-01");
  // 17 years 11 months on the day of the vote: refused with the reason.
  int64_t young = create(c, "Lý Minh Khôi", "2007-05-20", "2024-06-01");
  ASSERT_EQ(stage(c, young, {{"stage", "course_completed"}, {"date", "2024-09-01"}, {"reference", "GCN 1"}}).status, 200);
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(c.post(cand(young, "/introducers"), json::object{{"member_id", officials[i]}, {"worked_since", "2023-01-01"}}).status, 201);
  ASSERT_EQ(stage(c, young, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "two_members"}}).status, 200);
  int64_t before = auditCount();
  auto r = stage(c, young, {{"stage", "cell_voted"}, {"date", "2025-05-19"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "age_under_limit");
  EXPECT_NE(r.obj().at("detail").as_string().find("17 tuổi 11 tháng"), std::string::npos) << r.raw;
  EXPECT_EQ(auditCount(), before);
  EXPECT_EQ(stage(c, young, {{"stage", "cell_voted"}, {"date", "2025-05-20"}}).status, 200);  // 18 that day

  // Over 60: the provincial route is named; with its consent recorded the vote goes through.
  int64_t old = create(c, "Nguyễn Văn Thọ", "1964-01-10", "2024-06-01");
  ASSERT_EQ(stage(c, old, {{"stage", "course_completed"}, {"date", "2024-09-01"}, {"reference", "GCN 2"}}).status, 200);
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(c.post(cand(old, "/introducers"), json::object{{"member_id", officials[i]}, {"worked_since", "2023-01-01"}}).status, 201);
  ASSERT_EQ(stage(c, old, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "two_members"}}).status, 200);
  r = stage(c, old, {{"stage", "cell_voted"}, {"date", "2025-04-15"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "age_over_limit");
  EXPECT_NE(r.obj().at("detail").as_string().find("cấp ủy trực thuộc Trung ương"), std::string::npos);
  r = stage(c, old, {{"stage", "cell_voted"}, {"date", "2025-04-15"}, {"consent", "Công văn 45-CV/TU"}});
  EXPECT_EQ(r.status, 200) << r.raw;
}

TEST_F(AdmissionTest, IntroducersMustQualify) {
  auto c = as("bithu.kp1");
  auto officials = officialsOfKp1("2024-03-01");
  int64_t id = create(c, "Trương Thị Hạnh");
  int64_t before = auditCount();
  // A member of another cell.
  auto other = firstMemberOf(kp2_);
  auto r = c.post(cand(id, "/introducers"), json::object{{"member_id", other}, {"worked_since", "2020-01-01"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "not_in_cell");
  r = c.post(cand(id, "/introducers"), json::object{{"member_id", officials[0]}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(auditCount(), before);
  // Worked together only since 01/01/2025: less than a year on 01/03/2025.
  ASSERT_EQ(c.post(cand(id, "/introducers"), json::object{{"member_id", officials[0]}, {"worked_since", "2025-01-01"}}).status, 201);
  r = c.post(cand(id, "/introducers"), json::object{{"member_id", officials[0]}, {"worked_since", "2020-01-01"}});
  EXPECT_EQ(r.code(), "duplicate_introducer");
  ASSERT_EQ(stage(c, id, {{"stage", "course_completed"}, {"date", "2024-12-01"}, {"reference", "GCN 3"}}).status, 200);
  r = stage(c, id, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "two_members"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "introducer_too_recent");
  std::set<std::string> codes;
  for (auto& e : r.obj().at("errors").as_array()) codes.insert(std::string(e.as_object().at("code").as_string()));
  EXPECT_TRUE(codes.count("introducer_count"));  // and only one introducer
  // The Đoàn route: one introducer plus the Đoàn's resolution.
  auto intro = c.get(cand(id)).obj().at("introducers").as_array().at(0).as_object().at("id").as_int64();
  ASSERT_EQ(c.send("DELETE", cand(id, "/introducers/" + std::to_string(intro)), "").status, 200);
  ASSERT_EQ(c.post(cand(id, "/introducers"), json::object{{"member_id", officials[1]}, {"worked_since", "2022-06-01"}}).status, 201);
  r = stage(c, id, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "youth_union"}});
  EXPECT_EQ(r.code(), "youth_union_resolution_required");
  r = stage(c, id, {{"stage", "introduced"}, {"date", "2025-03-01"}, {"route", "youth_union"},
                    {"youth_union_resolution", "Nghị quyết 12-NQ/ĐTN ngày 20/02/2025"}});
  EXPECT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.obj().at("route").as_string(), "youth_union");
  // Locked once the introduction is recorded.
  r = c.post(cand(id, "/introducers"), json::object{{"member_id", officials[2]}, {"worked_since", "2020-01-01"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.code(), "introducers_locked");
}

TEST_F(AdmissionTest, LateCeremonyNeedsTheSuperiorsConsentAndRefusalsSayWhy) {
  auto c = as("bithu.kp1");
  auto officials = officialsOfKp1("2024-03-01");
  int64_t id = toDecided(c, "Vũ Thị Lan");
  int64_t before = auditCount();
  auto r = stage(c, id, {{"stage", "admitted"}, {"date", "2025-07-15"}, {"helper_member_ids", json::array{officials[2]}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.code(), "ceremony_consent_required");
  EXPECT_NE(r.obj().at("detail").as_string().find("14/07/2025"), std::string::npos) << r.raw;
  r = stage(c, id, {{"stage", "admitted"}, {"date", "2025-07-01"}});
  EXPECT_EQ(r.code(), "required");  // a helper must be assigned
  EXPECT_EQ(auditCount(), before);
  r = stage(c, id, {{"stage", "admitted"}, {"date", "2025-07-15"}, {"consent", "Công văn 88-CV/ĐU"},
                    {"helper_member_ids", json::array{officials[2]}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  int64_t member = r.obj().at("member_id").as_int64();
  // Probation ended 15/07/2026 and 30 working days passed without the chi bộ's review (R-DUBI-1).
  auto reviewWarnings = [&]() {
    int n = 0;
    auto w = as("canbo.phuong").get("/api/v1/orgs/" + std::to_string(ward_) + "/warnings?limit=500");
    for (auto& x : w.obj().at("items").as_array()) {
      auto& o = x.as_object();
      n += o.at("code").as_string() == "probation_review_overdue" && o.at("subject").as_object().at("id").as_int64() == member;
    }
    return n;
  };
  EXPECT_EQ(reviewWarnings(), 1);
  // Not recognised: the history keeps the reason, the roster shows the removal.
  r = stage(c, id, {{"stage", "refused"}, {"date", "2026-08-01"}, {"note", "Không đủ tư cách đảng viên"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto& last = r.obj().at("stages").as_array().back().as_object();
  EXPECT_EQ(last.at("stage").as_string(), "refused");
  EXPECT_EQ(last.at("note").as_string(), "Không đủ tư cách đảng viên");
  auto m = c.get("/api/v1/members/" + std::to_string(member));
  EXPECT_EQ(m.obj().at("state").as_object().at("terminal").as_string(), "removed");
  EXPECT_EQ(reviewWarnings(), 0);  // the refusal is the review
}

TEST_F(AdmissionTest, ScopeAndReadOnlyRoles) {
  auto sec = as("bithu.kp1");
  int64_t id = create(sec, "Hồ Văn Tâm");
  // Another cell's list, a plain member, and anything that does not exist: 404, alike.
  auto other = as("bithu.kp1").get(candidates(kp2_));
  EXPECT_EQ(other.status, 404);
  auto member = as("dangvien.kp1");
  EXPECT_EQ(member.get(cand(id)).status, 404);
  EXPECT_EQ(member.get(candidates(kp1_)).status, 404);
  EXPECT_EQ(member.get(cand(id)).sameness(), member.get(cand(999999)).sameness());
  EXPECT_EQ(as("dangvien.kp2").post(cand(id, "/stages"), json::object{{"stage", "refused"}}).status, 404);
  // The monitor reads but does not write.
  auto monitor = as("giamsat.phuong");
  EXPECT_EQ(monitor.get(cand(id)).status, 200);
  int64_t before = auditCount();
  auto r = monitor.post(cand(id, "/stages"), json::object{{"stage", "course_completed"}, {"date", "2025-01-01"}, {"reference", "x"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.code(), "forbidden");
  EXPECT_EQ(monitor.post(candidates(kp1_), json::object{{"full_name", "A"}, {"birth_date", "1990-01-01"}}).status, 403);
  EXPECT_EQ(auditCount(), before);
  // The ward's pipeline: every stage counted, overdue deadlines flagged.
  auto staff = as("canbo.phuong");
  auto p = staff.get("/api/v1/orgs/" + std::to_string(ward_) + "/admission-pipeline");
  ASSERT_EQ(p.status, 200) << p.raw;
  EXPECT_EQ(p.obj().at("counts").as_array().size(), 9u);
  bool listed = false;
  for (auto& x : p.obj().at("items").as_array()) listed = listed || x.as_object().at("id").as_int64() == id;
  EXPECT_TRUE(listed);
  EXPECT_EQ(sec.get("/api/v1/orgs/" + std::to_string(kp2_) + "/admission-pipeline").status, 404);
}

TEST_F(AdmissionTest, DossierDocuments) {
  auto c = as("bithu.kp1");
  int64_t id = create(c, "Mai Thị Thu");
  httplib::Client http("127.0.0.1", server_->port());
  httplib::Headers h{{"Cookie", c.cookie}, {"X-CSRF-Token", c.csrf}};
  std::string path = cand(id, "/documents?name=giay-chung-nhan.pdf&stage=course_completed");
  auto bytes = pdfBytes();
  int64_t before = auditCount();
  auto r = http.Post(path.c_str(), h, bytes, "application/pdf");
  ASSERT_TRUE(r);
  holdToContract("POST", path, "", *r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto doc = json::parse(r->body).as_object();
  EXPECT_EQ(auditCount(), before + 1);
  auto dl = http.Get(("/api/v1/candidate-documents/" + std::to_string(doc.at("id").as_int64())).c_str(),
                     httplib::Headers{{"Cookie", c.cookie}});
  ASSERT_TRUE(dl);
  holdToContract("GET", "/api/v1/candidate-documents/" + std::to_string(doc.at("id").as_int64()), "", *dl);
  EXPECT_EQ(dl->body, bytes);
  EXPECT_EQ(c.get(cand(id)).obj().at("documents").as_array().size(), 1u);
  // Not a PDF though named one: refused, nothing written.
  std::string bad = cand(id, "/documents?name=x.pdf");
  auto r2 = http.Post(bad.c_str(), h, std::string("MZ\x90\x00 not a pdf", 14), "application/pdf");
  ASSERT_TRUE(r2);
  holdToContract("POST", bad, "", *r2);
  EXPECT_EQ(r2->status, 422);
  EXPECT_EQ(auditCount(), before + 1);
  auto del = c.send("DELETE", "/api/v1/candidate-documents/" + std::to_string(doc.at("id").as_int64()), "");
  EXPECT_EQ(del.status, 204);
  EXPECT_EQ(c.get(cand(id)).obj().at("documents").as_array().size(), 0u);
  EXPECT_EQ(auditCount(), before + 2);
  // A plain member of the cell does not see the dossier's files (a deleted one is 404 to all).
  auto second = http.Post(cand(id, "/documents?name=don.pdf").c_str(), h, bytes, "application/pdf");
  ASSERT_TRUE(second);
  holdToContract("POST", cand(id, "/documents?name=don.pdf"), "", *second);
  auto kept = json::parse(second->body).as_object().at("id").as_int64();
  auto member = as("dangvien.kp1");
  EXPECT_EQ(member.get("/api/v1/candidate-documents/" + std::to_string(kept)).status, 404);
  EXPECT_EQ(member.get("/api/v1/candidate-documents/" + std::to_string(doc.at("id").as_int64())).status, 404);
}

TEST_F(AdmissionTest, OverdueCeremonyIsAWarningUntilTheCeremonyIsHeld) {
  // The demo's Ngô Văn Đức: decision received 60 days ago, no ceremony (R-KN-1).
  auto staff = as("canbo.phuong");
  auto warningsOf = [&]() {
    std::vector<json::object> out;
    auto r = staff.get("/api/v1/orgs/" + std::to_string(ward_) + "/warnings?limit=500");
    EXPECT_EQ(r.status, 200) << r.raw;
    if (r.status != 200) return out;
    for (auto& w : r.obj().at("items").as_array())
      if (w.as_object().at("code").as_string() == "admission_ceremony_overdue") out.push_back(w.as_object());
    return out;
  };
  auto before = warningsOf();
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].at("rule").as_string(), "R-KN-1");
  EXPECT_EQ(before[0].at("severity").as_string(), "serious");
  EXPECT_NE(before[0].at("message").as_string().find("Ngô Văn Đức"), std::string::npos);
  EXPECT_NE(before[0].at("message").as_string().find("lễ kết nạp"), std::string::npos);

  auto sec = as("bithu.kp1");
  int64_t id = 0;
  auto list = sec.get(candidates(kp1_));  // named: the loop must not outlive the answer
  for (auto& x : list.obj().at("items").as_array())
    if (x.as_object().at("full_name").as_string() == "Ngô Văn Đức") id = x.as_object().at("id").as_int64();
  ASSERT_NE(id, 0);
  auto got = sec.get(cand(id));
  ASSERT_TRUE(got.obj().at("deadline").is_object()) << got.raw;
  EXPECT_TRUE(got.obj().at("deadline").as_object().at("overdue").as_bool());
  auto officials = officialsOfKp1("2024-03-01");
  auto r = stage(sec, id, {{"stage", "admitted"}, {"date", Date::today().addDays(-1).iso()}, {"consent", "Công văn 12-CV/ĐU"},
                           {"helper_member_ids", json::array{officials[0]}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(warningsOf().empty());
}

}  // namespace chibo::testing
