// Roster import through the API with the real binary: the LibreOffice
// fixtures in every format and encoding, dry run then commit, re-import,
// a later file with one change, ambiguous matches.
#include "api/import_fixture.h"

namespace chibo::testing {

class ImportRosterTest : public ImportApiTest {};

TEST_F(ImportRosterTest, FixtureFilesDryRunCommitThenEveryFormatChangesNothing) {
  auto staff = as("canbo.phuong");
  int64_t ward_before = rosterTotal(ward_);
  int64_t audit_before = auditCount();
  auto dry = postFile(staff, ward_, "Danh sách phường.xlsx", rosterFixture("ward_roster.xlsx"), false);
  ASSERT_EQ(dry.status, 200) << dry.raw;
  EXPECT_EQ(dry.obj().at("format").as_string(), "xlsx");
  EXPECT_EQ(dry.obj().at("header_row").as_int64(), 3);
  EXPECT_EQ(count(dry, "create"), 4);
  EXPECT_EQ(count(dry, "refuse"), 1);  // Chi bộ Khu phố 10 does not exist yet
  ASSERT_EQ(dry.obj().at("missing_cells").as_array().size(), 1u);
  EXPECT_EQ(dry.obj().at("missing_cells").as_array()[0].as_string(), "Chi bộ Khu phố 10");
  auto refused = rowsWith(dry, "refuse");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].at("row").as_int64(), 8);
  auto problem = refused[0].at("problems").as_array()[0].as_object();
  EXPECT_EQ(problem.at("code").as_string(), "cell_missing");
  EXPECT_EQ(problem.at("column").as_string(), "Chi bộ");
  // Nothing written by the dry run.
  EXPECT_EQ(rosterTotal(ward_), ward_before);
  EXPECT_EQ(auditCount(), audit_before);

  auto commit = postFile(staff, ward_, "Danh sách phường.xlsx", rosterFixture("ward_roster.xlsx"), true,
                         "&create_cells=" + urlEncoded("Chi bộ Khu phố 10"));
  ASSERT_EQ(commit.status, 200) << commit.raw;
  EXPECT_TRUE(commit.obj().at("committed").as_bool());
  EXPECT_EQ(count(commit, "create"), 5);
  EXPECT_EQ(count(commit, "refuse"), 0);
  EXPECT_EQ(rosterTotal(ward_), ward_before + 5);
  // One import row, five member rows, one new cell.
  EXPECT_EQ(auditCount(), audit_before + 7);
  auto created = rowsWith(commit, "create");
  bool saw_citizen = false;
  for (auto& row : created)
    for (auto& ch : row.at("changes").as_array())
      if (ch.as_object().at("field").as_string() == "citizen_id" &&
          ch.as_object().at("after").as_string() == "079175001234")  // the leading zero restored
        saw_citizen = true;
  EXPECT_TRUE(saw_citizen);

  // The same roster again, in every format and encoding: nothing changes, nothing is written.
  int64_t audit_after = auditCount();
  for (const char* f : {"ward_roster.xlsx", "ward_roster.xls", "ward_roster_tcvn3.xls", "ward_roster_vni.csv",
                        "ward_roster_cp1258.csv", "ward_roster_bom.csv"}) {
    auto again = postFile(staff, ward_, f, rosterFixture(f), true);
    ASSERT_EQ(again.status, 200) << f << again.raw;
    EXPECT_EQ(count(again, "unchanged"), 5) << f << again.raw;
    EXPECT_EQ(count(again, "create") + count(again, "update") + count(again, "refuse"), 0) << f << again.raw;
    EXPECT_FALSE(again.obj().at("committed").as_bool()) << f;
  }
  EXPECT_EQ(auditCount(), audit_after);
  auto tcvn = postFile(staff, ward_, "tcvn3.xls", rosterFixture("ward_roster_tcvn3.xls"), false);
  EXPECT_EQ(tcvn.obj().at("encoding").as_string(), "TCVN3 (ABC)");
  EXPECT_GT(tcvn.obj().at("converted_cells").as_int64(), 0);
  auto vni = postFile(staff, ward_, "vni.csv", rosterFixture("ward_roster_vni.csv"), false);
  EXPECT_EQ(vni.obj().at("encoding").as_string(), "VNI");
}

TEST_F(ImportRosterTest, ALaterFileUpdatesExactlyWhatChanged) {
  auto sec = as("bithu.kp1");
  std::string v1 =
      "Họ và tên,Ngày sinh,Giới tính,Số thẻ đảng viên,Số điện thoại,Ngày vào Đảng\n"
      "Đinh Thị Kiểm Thử,03/04/1981,Nữ,79111111,0903000111,05/06/2008\n";
  auto first = postFile(sec, kp1_, "kp1.csv", v1, true);
  ASSERT_EQ(first.status, 200) << first.raw;
  ASSERT_EQ(count(first, "create"), 1) << first.raw;
  int64_t id = rowsWith(first, "create")[0].at("member_id").as_int64();
  std::string v2 =
      "Họ và tên,Ngày sinh,Giới tính,Số thẻ đảng viên,Số điện thoại,Ngày vào Đảng\n"
      "Đinh Thị Kiểm Thử,03/04/1981,Nữ,79111111,0903000222,05/06/2008\n";
  auto dry = postFile(sec, kp1_, "kp1-moi.csv", v2, false);
  ASSERT_EQ(dry.status, 200) << dry.raw;
  auto updated = rowsWith(dry, "update");
  ASSERT_EQ(updated.size(), 1u) << dry.raw;
  auto& changes = updated[0].at("changes").as_array();
  ASSERT_EQ(changes.size(), 1u) << dry.raw;
  EXPECT_EQ(changes[0].as_object().at("field").as_string(), "phone");
  EXPECT_EQ(changes[0].as_object().at("label").as_string(), "Số điện thoại");
  EXPECT_EQ(changes[0].as_object().at("before").as_string(), "0903000111");
  EXPECT_EQ(changes[0].as_object().at("after").as_string(), "0903000222");
  EXPECT_EQ(as("admin").get("/api/v1/members/" + std::to_string(id)).obj().at("phone").as_string(), "0903000111");
  auto commit = postFile(sec, kp1_, "kp1-moi.csv", v2, true);
  ASSERT_EQ(commit.status, 200) << commit.raw;
  EXPECT_EQ(count(commit, "update"), 1);
  auto m = as("admin").get("/api/v1/members/" + std::to_string(id)).obj();
  EXPECT_EQ(m.at("phone").as_string(), "0903000222");
  EXPECT_EQ(m.at("birth_date").as_string(), "1981-04-03");
  EXPECT_EQ(m.at("version").as_int64(), 2);
  // Matched by card number even with the name written without accents and another case.
  std::string v3 = "ho ten,so the dang vien,dien thoai\nDINH THI KIEM THU,79111111,0903000222\n";
  auto same = postFile(sec, kp1_, "kp1.csv", v3, false);
  ASSERT_EQ(same.status, 200) << same.raw;
  auto rows = rowsWith(same, "update");
  ASSERT_EQ(rows.size(), 1u) << same.raw;
  EXPECT_EQ(rows[0].at("changes").as_array()[0].as_object().at("field").as_string(), "full_name");
}

TEST_F(ImportRosterTest, AmbiguousMatchIsRefusedWithTheCandidatesNamed) {
  auto staff = as("canbo.phuong");
  for (int i = 0; i < 2; ++i) {
    auto r = staff.post("/api/v1/members", newMember(kp2_, "Hồ Thị Trùng Tên"));
    ASSERT_EQ(r.status, 201) << r.raw;
  }
  int64_t audit_before = auditCount();
  std::string csv = "Họ và tên,Ngày sinh,Số điện thoại,Chi bộ\nHồ Thị Trùng Tên,17/05/1980,0903999888,Chi bộ Khu phố 2\n";
  auto r = postFile(staff, ward_, "trung.csv", csv, true);
  ASSERT_EQ(r.status, 200) << r.raw;
  auto refused = rowsWith(r, "refuse");
  ASSERT_EQ(refused.size(), 1u) << r.raw;
  EXPECT_EQ(refused[0].at("problems").as_array()[0].as_object().at("code").as_string(), "ambiguous_match");
  EXPECT_EQ(refused[0].at("candidates").as_array().size(), 2u);
  EXPECT_NE(std::string(refused[0].at("candidates").as_array()[0].as_string()).find("Hồ Thị Trùng Tên, sinh 17/05/1980"),
            std::string::npos);
  EXPECT_EQ(auditCount(), audit_before);  // nothing to commit: nothing written
  // Without a birth date a name alone never matches.
  std::string no_dob = "Họ và tên,Chi bộ\nHồ Thị Trùng Tên,Chi bộ Khu phố 2\n";
  auto r2 = postFile(staff, ward_, "trung.csv", no_dob, false);
  ASSERT_EQ(rowsWith(r2, "refuse").size(), 1u) << r2.raw;
}

TEST_F(ImportRosterTest, TheUserFixesAColumnMapping) {
  auto staff = as("canbo.phuong");
  std::string csv = "Họ và tên,NS,Giới tính,Chi bộ\nTạ Văn Ánh Xạ,12/12/1979,Nam,Chi bộ Khu phố 2\n";
  auto dry = postFile(staff, ward_, "ns.csv", csv, false);
  ASSERT_EQ(dry.status, 200) << dry.raw;
  auto cols = dry.obj().at("columns").as_array();
  EXPECT_EQ(cols[1].as_object().at("field").as_string(), "ignore");
  EXPECT_FALSE(cols[1].as_object().at("detected").as_bool());
  EXPECT_EQ(count(dry, "refuse"), 1);  // a new member needs a birth date
  auto fixed = postFile(staff, ward_, "ns.csv", csv, false, "&mapping=" + urlEncoded("1:birth_date"));
  ASSERT_EQ(fixed.status, 200) << fixed.raw;
  EXPECT_EQ(count(fixed, "create"), 1) << fixed.raw;
  EXPECT_EQ(fixed.obj().at("columns").as_array()[1].as_object().at("field").as_string(), "birth_date");
}

TEST_F(ImportRosterTest, ExportThenImportIsARoundTripThatChangesNothing) {
  auto staff = as("canbo.phuong");
  httplib::Client http("127.0.0.1", server_->port());
  http.set_read_timeout(60, 0);
  auto x = http.Get(("/api/v1/orgs/" + std::to_string(ward_) + "/roster.xlsx").c_str(),
                    httplib::Headers{{"Cookie", staff.cookie}});
  ASSERT_TRUE(x);
  ASSERT_EQ(x->status, 200) << x->body;
  EXPECT_EQ(x->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(x->body.substr(0, 2), "PK");
  int64_t total = rosterTotal(ward_);
  int64_t audit_before = auditCount();
  auto r = postFile(staff, ward_, "xuat.xlsx", x->body, true);
  ASSERT_EQ(r.status, 200) << r.raw.substr(0, 2000);
  EXPECT_EQ(count(r, "unchanged"), total) << r.raw.substr(0, 4000);
  EXPECT_EQ(count(r, "create") + count(r, "update") + count(r, "refuse"), 0);
  for (auto& row : r.obj().at("rows").as_array())
    if (row.as_object().at("action").as_string() != "unchanged") ADD_FAILURE() << json::serialize(row);
  EXPECT_EQ(auditCount(), audit_before);
  EXPECT_EQ(rosterTotal(ward_), total);
  // A past date: the export of the roll as it was.
  auto past = http.Get(("/api/v1/orgs/" + std::to_string(kp1_) + "/roster.xlsx?at=2020-01-01").c_str(),
                       httplib::Headers{{"Cookie", staff.cookie}});
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 200);
  auto bad = http.Get(("/api/v1/orgs/" + std::to_string(kp1_) + "/roster.xlsx?at=01-01-2020").c_str(),
                      httplib::Headers{{"Cookie", staff.cookie}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
}

}  // namespace chibo::testing
