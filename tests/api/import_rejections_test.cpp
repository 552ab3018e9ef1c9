// The import route's refusals: scope before the file, limits, bad files and
// bad parameters; each answers problem+json and writes nothing.
#include <cstdlib>

#include "api/import_fixture.h"

namespace chibo::testing {

class ImportRejectionsTest : public ImportApiTest {};

TEST_F(ImportRejectionsTest, ScopeComesBeforeTheFile) {
  std::string garbage = "not a spreadsheet at all \x01\x02";
  // A cell secretary does not know other cells exist: 404, whatever the body.
  auto sec = as("bithu.kp1");
  EXPECT_EQ(postFile(sec, kp2_, "x.csv", garbage, false).status, 404);
  EXPECT_EQ(postFile(sec, ward_, "x.csv", garbage, false).status, 404);
  EXPECT_EQ(postFile(sec, 999999, "x.csv", garbage, false).status, 404);
  auto member = as("dangvien.kp1");
  // A member knows their own cell (403: not allowed), not the others (404).
  EXPECT_EQ(postFile(member, kp1_, "x.csv", garbage, false).status, 403);
  auto r = postFile(member, kp2_, "x.csv", garbage, false);
  EXPECT_EQ(r.status, 404) << r.raw;
  // The monitor reads the cells they follow but may not write them.
  auto monitor = as("giamsat.phuong");
  auto m = postFile(monitor, kp1_, "x.csv", garbage, false);
  EXPECT_EQ(m.status, 403) << m.raw;
  // Export follows read scope.
  httplib::Client http("127.0.0.1", server_->port());
  auto x = http.Get(("/api/v1/orgs/" + std::to_string(kp2_) + "/roster.xlsx").c_str(), httplib::Headers{{"Cookie", sec.cookie}});
  ASSERT_TRUE(x);
  EXPECT_EQ(x->status, 404);
}

TEST_F(ImportRejectionsTest, BadFilesAndParameters) {
  auto staff = as("canbo.phuong");
  int64_t audit_before = auditCount();
  int64_t total = rosterTotal(ward_);
  struct Case {
    std::string bytes, query;
    int status;
    std::string code;
  };
  std::string good = "Họ và tên,Ngày sinh,Giới tính,Chi bộ\nBùi Văn Lỗi,01/01/1970,Nam,Chi bộ Khu phố 1\n";
  std::vector<Case> cases = {
      {"", "", 400, "empty_file"},
      {std::string("PK\x03\x04garbage", 11), "", 400, "malformed_workbook"},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "", 400, "malformed_workbook"},
      {"a,b\n1,2\n", "", 422, "validation_failed"},
      {good, "&mapping=" + urlEncoded("zz"), 422, "validation_failed"},
      {good, "&mapping=" + urlEncoded("0:nonsense"), 422, "validation_failed"},
      {good, "&mapping=" + urlEncoded("1:full_name"), 422, "validation_failed"},
      {good, "&mapping=" + urlEncoded("40:phone"), 422, "validation_failed"},
  };
  for (const auto& c : cases) {
    auto r = postFile(staff, ward_, "f.csv", c.bytes, true, c.query);
    EXPECT_EQ(r.status, c.status) << c.query << " " << r.raw;
    EXPECT_EQ(r.code(), c.code) << c.query << " " << r.raw;
    EXPECT_NE(r.content_type.find("application/problem+json"), std::string::npos) << r.raw;
  }
  // An unknown mode.
  httplib::Client http("127.0.0.1", server_->port());
  auto bad_mode = http.Post(("/api/v1/orgs/" + std::to_string(ward_) + "/roster-import?mode=now").c_str(),
                            httplib::Headers{{"Cookie", staff.cookie}, {"X-CSRF-Token", staff.csrf}}, good,
                            "text/csv");
  ASSERT_TRUE(bad_mode);
  EXPECT_EQ(bad_mode->status, 422);
  // Without the CSRF token.
  EXPECT_EQ(postFile(staff, ward_, "f.csv", good, true, "", false).status, 403);
  // Above 20 MB: refused before reading.
  auto big = postFile(staff, ward_, "big.csv", std::string((20u << 20) + 1, 'a'), true);
  EXPECT_EQ(big.status, 413) << big.raw.substr(0, 300);
  EXPECT_EQ(big.code(), "file_too_large");
  EXPECT_EQ(auditCount(), audit_before);
  EXPECT_EQ(rosterTotal(ward_), total);
}

TEST_F(ImportRejectionsTest, RowsWithBadValuesAreRefusedOneByOne) {
  auto staff = as("canbo.phuong");
  std::string csv =
      "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Chi bộ,Tổ đảng\n"
      "Ngô Văn Ngày Sai,31/02/1980,Nam,,Chi bộ Khu phố 1,\n"
      "Ngô Văn Giới Sai,01/02/1980,Không rõ,,Chi bộ Khu phố 1,\n"
      "Ngô Văn Căn Cước,01/02/1980,Nam,123,Chi bộ Khu phố 1,\n"
      "Ngô Văn Tổ Sai,01/02/1980,Nam,,Chi bộ Khu phố 1,Tổ đảng 9\n"
      ",01/02/1980,Nam,,Chi bộ Khu phố 1,\n"
      "Ngô Văn Tương Lai,01/02/2090,Nam,,Chi bộ Khu phố 1,\n";
  auto r = postFile(staff, ward_, "loi.csv", csv, false);
  ASSERT_EQ(r.status, 200) << r.raw;
  auto refused = rowsWith(r, "refuse");
  ASSERT_EQ(refused.size(), 6u) << r.raw;
  std::vector<std::string> codes;
  for (auto& row : refused) codes.push_back(std::string(row.at("problems").as_array()[0].as_object().at("code").as_string()));
  EXPECT_EQ(codes, (std::vector<std::string>{"invalid_date", "invalid_gender", "invalid_citizen_id", "subgroup_missing",
                                             "required", "future_date"}));
  EXPECT_EQ(refused[0].at("row").as_int64(), 2);
  EXPECT_EQ(refused[0].at("problems").as_array()[0].as_object().at("column").as_string(), "Ngày sinh");
}

TEST_F(ImportRejectionsTest, CommandLineDryRunAndRefusal) {
  const char* bin = std::getenv("CHIBO_BIN");
  ASSERT_NE(bin, nullptr);
  std::string dir = server_->dir();
  std::string csv = dir + "/cli.csv";
  {
    std::ofstream f(csv);
    f << "Họ và tên,Ngày sinh,Giới tính,Chi bộ\nLý Văn Dòng Lệnh,01/01/1975,Nam,Chi bộ Khu phố 1\n";
  }
  std::string base = std::string(bin) + " import --db " + server_->dbPath() + " --org " + std::to_string(ward_) + " ";
  int64_t total = rosterTotal(ward_);
  EXPECT_EQ(std::system((base + csv + " --dry-run > " + dir + "/out.txt").c_str()), 0);
  std::ifstream out(dir + "/out.txt");
  std::stringstream ss;
  ss << out.rdbuf();
  EXPECT_NE(ss.str().find("Dòng 2: Thêm mới — Lý Văn Dòng Lệnh"), std::string::npos) << ss.str();
  EXPECT_NE(ss.str().find("Chạy thử"), std::string::npos);
  EXPECT_EQ(rosterTotal(ward_), total);
  {
    std::ofstream f(dir + "/bad.xlsx");
    f << "PK\x03\x04 broken";
  }
  EXPECT_NE(std::system((base + dir + "/bad.xlsx 2> /dev/null").c_str()), 0);
  std::string exp = std::string(bin) + " export-roster --db " + server_->dbPath() + " --org " + std::to_string(kp1_) +
                    " --out " + dir + "/kp1.xlsx > /dev/null";
  EXPECT_EQ(std::system(exp.c_str()), 0);
  std::ifstream x(dir + "/kp1.xlsx", std::ios::binary);
  char pk[2] = {};
  x.read(pk, 2);
  EXPECT_EQ(std::string(pk, 2), "PK");
}

}  // namespace chibo::testing
