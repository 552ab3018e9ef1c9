// The rule catalog at server start, the attachments turned into overrides, and
// attaching a local set through the use case (app/quality).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/quality/quality_internal.h"
#include "unit/app/fake_store.h"

namespace chibo {
namespace {
namespace fs = std::filesystem;

const fs::path kDir = CHIBO_RULES_DIR;

Date d(const char* s) { return *Date::parseIso(s); }

// A scratch directory with copies of some rule files, removed afterwards.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    char tmpl[] = "/tmp/chibo-rules-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void copy(const char* name, const char* as = nullptr) { fs::copy_file(kDir / name, path / (as ? as : name)); }
  void write(const char* name, const std::string& text) { std::ofstream(path / name) << text; }
};

TEST(QualityCatalog, TheShippedDirectoryLoads) {
  auto cat = loadRuleCatalog(kDir);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  EXPECT_EQ(cat->central.size(), 3u);
  EXPECT_EQ(cat->charter.size(), 4u);
  EXPECT_EQ(cat->local.size(), 1u);
  EXPECT_TRUE(quality::findCentral(*cat, "central-hd42-2025"));
  EXPECT_TRUE(quality::findCentral(*cat, "central-hd09-2012"));
  EXPECT_TRUE(quality::findLocal(*cat, "local-an-phu-2025"));
  EXPECT_FALSE(quality::findLocal(*cat, "central-hd42-2025"));
}

TEST(QualityCatalog, ABadDirectoryIsRefusedWithTheFileAndTheReason) {
  EXPECT_EQ(loadRuleCatalog("/nonexistent/rules").error().code, "rule_file_unreadable");

  ScratchDir only_local;
  only_local.copy("local-an-phu-2025.json");
  auto r1 = loadRuleCatalog(only_local.path);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, "no_central_rules");

  ScratchDir dup;
  dup.copy("central-hd42-2025.json");
  dup.copy("central-hd42-2025.json", "zz-copy.json");
  auto r2 = loadRuleCatalog(dup.path);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().code, "duplicate_rule_id");

  ScratchDir bad;
  bad.copy("central-hd42-2025.json");
  bad.write("local-bad.json", R"({"kind": "local", "id": "local-bad", "name": "x", "version": 1,
    "issuer_document": "x", "effective_from": "2026-01-01", "effective_to": null,
    "thresholds": {"min_duraton_minutes": {"value": 60, "source": "s"}}})");
  auto r3 = loadRuleCatalog(bad.path);
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.error().message.find("local-bad.json"), std::string::npos) << r3.error().message;

  // A charter file sets the Điều lệ's fields and nothing else.
  ScratchDir charter;
  charter.copy("central-hd42-2025.json");
  charter.write("charter-bad.json", R"({"kind": "charter", "id": "charter-bad", "name": "x", "version": 1,
    "issuer_document": "x", "effective_from": "2011-01-19", "effective_to": null,
    "thresholds": {"min_duration_minutes": {"value": 60, "source": "s"}}})");
  auto r4 = loadRuleCatalog(charter.path);
  ASSERT_FALSE(r4.ok());
  EXPECT_NE(r4.error().message.find("charter-bad.json"), std::string::npos) << r4.error().message;
}

TEST(QualityResolve, AnAttachmentAppliesToItsSubtreeOnTheIntersectionOfDates) {
  auto cat = loadRuleCatalog(kDir);
  ASSERT_TRUE(cat.ok());
  RuleAttachment a;
  a.org_id = 5;
  a.org_path = "/1/5/";
  a.rule_id = "local-an-phu-2025";
  a.from = d("2027-03-01");
  a.to = d("2027-12-31");
  auto ovs = quality::attachedOverrides(*cat, {a});
  ASSERT_EQ(ovs.size(), 1u);
  EXPECT_EQ(ovs[0].effective_from, d("2027-03-01"));
  EXPECT_EQ(*ovs[0].effective_to, d("2027-12-31"));
  EXPECT_EQ(ovs[0].org_path, "/1/5/");

  quality::RuleResolver rr(*cat, {a});
  EXPECT_EQ(rr.find("/1/5/9/", d("2027-02-28"))->id, "central-hd42-2025");
  EXPECT_EQ(rr.find("/1/5/9/", d("2027-03-01"))->id, "central-hd42-2025+local-an-phu-2025");
  EXPECT_EQ(rr.find("/1/5/9/", d("2027-03-01"))->rubric.id, "an-phu-2025");
  EXPECT_EQ(rr.find("/1/5/", d("2027-06-01"))->rubric.id, "an-phu-2025");
  EXPECT_EQ(rr.find("/1/6/", d("2027-06-01"))->id, "central-hd42-2025");  // a sibling ward
  EXPECT_EQ(rr.find("/1/", d("2027-06-01"))->id, "central-hd42-2025");    // the node above
  EXPECT_EQ(rr.find("/1/5/9/", d("2028-01-01"))->id, "central-hd42-2025");
  EXPECT_EQ(rr.find("/1/5/9/", d("2024-06-01"))->id, "central-hd12-2018");
  EXPECT_EQ(rr.find("/1/5/9/", d("2010-01-01")), nullptr);
  EXPECT_EQ(rr.at("/1/5/9/", d("2010-01-01")).error().code, "no_rule_set");

  // An attachment that ends before the file starts never applies; an unknown file is skipped.
  RuleAttachment early = a;
  early.from = d("2024-01-01");
  early.to = d("2024-12-31");
  RuleAttachment gone = a;
  gone.rule_id = "local-removed";
  EXPECT_TRUE(quality::attachedOverrides(*cat, {early, gone}).empty());
}

TEST(QualityWarningId, IsStableAndFitsInAJavaScriptNumber) {
  auto a = warningIdOf("removal_watch:member:45:2027");
  EXPECT_EQ(a, warningIdOf("removal_watch:member:45:2027"));
  EXPECT_NE(a, warningIdOf("removal_proposal_due:member:45:2027"));
  EXPECT_NE(a, warningIdOf("removal_watch:member:45:2028"));
  EXPECT_GT(a, 0);
  EXPECT_LT(a, int64_t(1) << 53);
}

class QualityAttachTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = loadRuleCatalog(kDir);
    ASSERT_TRUE(c.ok());
    cat_ = std::move(*c);
    auto tx = store_.write();
    auto node = [&](std::optional<Id> parent, const char* name, OrgKind kind) {
      Org o;
      o.parent_id = parent;
      o.name = name;
      o.kind = kind;
      tx->insertOrg(o);
      return o;
    };
    Org city = node(std::nullopt, "Thành ủy", OrgKind::committee);
    Org ward = node(city.id, "Đảng ủy phường", OrgKind::committee);
    Org cell = node(ward.id, "Chi bộ Khu phố 1", OrgKind::cell);
    tx->commit();
    ward_ = ward;
    cell_ = cell;
  }
  Caller as(UserRole role, const Org& on) {
    Caller c;
    c.principal.user_id = 7;
    c.principal.username = "tester";
    c.principal.grants.push_back({role, on.id, on.path});
    c.now = DateTime{int64_t(d("2026-11-22").days()) * 86400};
    return c;
  }
  fake::FakeStore store_;
  RuleCatalog cat_;
  Org ward_, cell_;
};

TEST_F(QualityAttachTest, CommitteeStaffAttachAndEveryAttachIsAudited) {
  auto staff = as(UserRole::committee, ward_);
  auto r = attachRule(store_, cat_, staff, ward_.id, {std::string("local-an-phu-2025"), std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->attachment.from, d("2025-11-01"));  // the file's own date
  EXPECT_FALSE(r->inherited);
  ASSERT_EQ(store_.data().rule_attachments.size(), 1u);
  ASSERT_EQ(store_.data().audit.size(), 1u);
  EXPECT_EQ(store_.data().audit[0].action, "rules.attach");
  EXPECT_EQ(store_.data().audit[0].org_id, ward_.id);

  // The same again changes nothing and writes nothing.
  ASSERT_TRUE(attachRule(store_, cat_, staff, ward_.id, {std::string("local-an-phu-2025"), std::nullopt, std::nullopt}).ok());
  EXPECT_EQ(store_.data().audit.size(), 1u);

  auto in_force = rulesInForce(store_, cat_, staff, cell_.id, d("2026-01-01"));
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->rules.rubric.id, "an-phu-2025");
  ASSERT_EQ(in_force->attachments.size(), 1u);
  EXPECT_TRUE(in_force->attachments[0].inherited);
}

TEST_F(QualityAttachTest, TheCellCommitteeMayNotAttachAndOutsidersDoNotSeeTheNode) {
  auto cell_user = as(UserRole::cell, cell_);
  auto r = attachRule(store_, cat_, cell_user, cell_.id, {std::string("local-an-phu-2025"), std::nullopt, std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  auto r2 = attachRule(store_, cat_, cell_user, ward_.id, {std::string("local-an-phu-2025"), std::nullopt, std::nullopt});
  EXPECT_EQ(r2.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(store_.data().audit.empty());
}

}  // namespace
}  // namespace chibo
