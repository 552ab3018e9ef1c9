// Party dues use cases over a real SQLite file and the shipped rule files: the
// month sheet with amounts due, recording payments (scope, validation, nothing
// written on refusal, audit), the kept month figures, the member's basis and
// reliefs, and the unpaid-month counter of R-ATT-4 b.
#include "app/dues/dues.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/demo/demo.h"
#include "app/demo/demo_dues.h"
#include "app/quality/quality.h"

namespace chibo {
namespace {
namespace fs = std::filesystem;

Date d(const char* s) { return *Date::parseIso(s); }

class DuesUseCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cat = loadRuleCatalog(CHIBO_RULES_DIR);
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    cat_ = std::move(*cat);
    dir_ = fs::temp_directory_path() / ("chibo-dues-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = openSqliteStore({(dir_ / "t.db").string(), true, 2});
    auto tx = store_->write();
    ward_.name = "Đảng ủy phường Thử";
    ward_.kind = OrgKind::committee;
    tx->insertOrg(ward_);
    cell_.name = "Chi bộ Khu phố 9";
    cell_.kind = OrgKind::cell;
    cell_.parent_id = ward_.id;
    tx->insertOrg(cell_);
    other_.name = "Chi bộ Khu phố 10";
    other_.kind = OrgKind::cell;
    other_.parent_id = ward_.id;
    tx->insertOrg(other_);
    auto member = [&](const char* name, Date from, std::optional<StatusKind> status = std::nullopt) {
      Member m;
      m.full_name = name;
      m.cell_id = cell_.id;
      Id id = tx->insertMember(m);
      tx->insertCellPeriod(CellPeriod{0, id, cell_.id, std::nullopt, from, std::nullopt, ""});
      if (status) tx->insertStatusPeriod(StatusPeriod{0, id, *status, from, std::nullopt, ""});
      return id;
    };
    an_ = member("Nguyễn Văn An", d("2025-01-01"));
    binh_ = member("Trần Thị Bình", d("2025-01-01"), StatusKind::probationary);
    cuong_ = member("Lê Văn Cường", d("2025-01-01"), StatusKind::exempt);
    dung_ = member("Phạm Văn Dũng", d("2026-04-10"));  // joined in April
    tx->commit();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  Caller as(UserRole role, const Org& org, Date day = *Date::parseIso("2026-06-15")) {
    Caller c;
    c.principal.user_id = 1;
    c.principal.grants = {Grant{role, org.id, org.path}};
    c.now = DateTime{int64_t(day.days()) * 86400 + 5 * 3600};
    return c;
  }
  void basis(Id member, DuesBasisKind kind, int64_t amount, const char* from = "2026-01") {
    DuesBasisInput in;
    in.kind = std::string(toCode(kind));
    in.amount = amount;
    in.from = from;
    auto r = putDuesBasis(*store_, cat_, as(UserRole::cell, cell_), member, in);
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  static DuesPaymentInput paid(Id id, const char* channel = "cash") {
    DuesPaymentInput p;
    p.member_id = id;
    p.status = "paid";
    p.channel = channel;
    if (std::string(channel) == "portal") p.reference = "DVC-123";
    return p;
  }
  int64_t auditRows() {
    AuditQuery q;
    q.org_path = ward_.path;
    return store_->read()->auditCount(q);
  }

  RuleCatalog cat_;
  fs::path dir_;
  std::unique_ptr<Store> store_;
  Org ward_, cell_, other_;
  Id an_ = 0, binh_ = 0, cuong_ = 0, dung_ = 0;
};

TEST_F(DuesUseCaseTest, TheSheetListsTheMonthsRollWithTheAmountDue) {
  basis(an_, DuesBasisKind::salary, 12'345'000);
  basis(binh_, DuesBasisKind::pension, 6'500'000);
  auto s = getDuesSheet(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-03"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto& lines = s->sheet.lines;
  ASSERT_EQ(lines.size(), 3u);  // Dũng joined in April
  // Sorted by given name: An, Bình, Cường.
  EXPECT_EQ(lines[0].member.full_name, "Nguyễn Văn An");
  EXPECT_EQ(*lines[0].due.amount, 123'000);  // 1% of 12.345.000, rounded to 1.000
  EXPECT_EQ(lines[1].member.full_name, "Trần Thị Bình");
  EXPECT_TRUE(lines[1].due.owed);  // probationary members pay
  EXPECT_EQ(*lines[1].due.amount, 33'000);  // 0,5% of 6.500.000 = 32.500 -> 33.000
  EXPECT_EQ(lines[2].member.full_name, "Lê Văn Cường");
  EXPECT_FALSE(lines[2].due.owed);  // exempt from meetings: not owed under the shipped file
  EXPECT_EQ(s->sheet.totals.members_due, 2);
  EXPECT_EQ(s->sheet.totals.amount_due, 156'000);
  EXPECT_EQ(s->sheet.rules.id, "dues-qd01-2026");
  auto april = getDuesSheet(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-04"));
  EXPECT_EQ(april->sheet.lines.size(), 4u);
}

TEST_F(DuesUseCaseTest, RecordingPaymentsKeepsFiguresAndAudits) {
  basis(an_, DuesBasisKind::salary, 10'000'000);
  basis(binh_, DuesBasisKind::other, 20'000);
  const int64_t before = auditRows();
  auto r = putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-05"),
                           {paid(an_), paid(binh_, "portal")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->sheet.totals.members_paid, 2);
  EXPECT_EQ(r->sheet.totals.amount_collected, 120'000);
  EXPECT_EQ(r->sheet.totals.amount_cash, 100'000);
  EXPECT_EQ(auditRows(), before + 1);
  auto tx = store_->read();
  auto kept = tx->dues().cellMonthStats(cell_.id, 202605, 202605);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].amount_collected, 120'000);
  EXPECT_EQ(kept[0].members_due, 3);  // An, Bình, Dũng (no basis yet, still owed)
  // The ward's sum of May (the basis writes kept every month from January).
  auto sum = tx->dues().subtreeMonthTotals(ward_.path, 202605, 202605);
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].amount_collected, 120'000);
  EXPECT_EQ(tx->dues().subtreeMonthTotals(ward_.path, 202601, 202612).size(), 6u);  // January to June
  // The same again writes nothing more.
  tx.reset();
  ASSERT_TRUE(putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-05"),
                              {paid(an_), paid(binh_, "portal")}).ok());
  EXPECT_EQ(auditRows(), before + 1);
}

TEST_F(DuesUseCaseTest, ARefusedBatchWritesNothing) {
  basis(an_, DuesBasisKind::salary, 10'000'000);
  const int64_t before = auditRows();
  auto low = paid(an_);
  low.amount = 50'000;  // below the 100.000 due
  auto portal = paid(binh_, "portal");
  portal.reference.reset();
  auto r = putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-05"),
                           {low, portal});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::validation);
  std::set<std::string> codes;
  for (const auto& e : r.error().field_errors) codes.insert(e.field + ":" + e.code);
  EXPECT_TRUE(codes.count("payments[0].amount:amount_below_due"));
  EXPECT_TRUE(codes.count("payments[1].reference:required"));
  EXPECT_EQ(auditRows(), before);
  EXPECT_TRUE(store_->read()->dues().paymentsOfCell(cell_.id, 202601, 202612).empty());
  // Dũng is not on March's roll; an unknown month; a month to come.
  auto off = putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-03"), {paid(dung_)});
  EXPECT_EQ(off.error().field_errors.at(0).code, "not_on_roll");
  EXPECT_EQ(putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-7"), {paid(an_)})
                .error().field_errors.at(0).code, "invalid_month");
  EXPECT_EQ(putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-07"), {paid(an_)})
                .error().field_errors.at(0).code, "month_in_future");
  // Before any dues rule file (2010) the month is refused with its own code.
  EXPECT_EQ(getDuesSheet(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2010-05"))
                .error().code, "no_dues_rules");
}

TEST_F(DuesUseCaseTest, ScopeComesBeforeValidation) {
  // Another cell's secretary: 404 even for a bad month; a monitor-like read grant: 403 on write.
  auto r = putDuesPayments(*store_, cat_, as(UserRole::cell, other_), cell_.id, std::string("bad"), {paid(an_)});
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  Caller monitor = as(UserRole::monitor, cell_);
  monitor.principal.monitored_cell_paths = {cell_.path};
  auto w = putDuesPayments(*store_, cat_, monitor, cell_.id, std::string("bad"), {paid(an_)});
  EXPECT_EQ(w.error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(getDuesSheet(*store_, cat_, monitor, cell_.id, std::string("2026-05")).ok());
  EXPECT_EQ(getDuesSheet(*store_, cat_, as(UserRole::committee, ward_), ward_.id, std::nullopt).error().code,
            "validation_failed");
}

TEST_F(DuesUseCaseTest, ReliefsAreCheckedAgainstTheRuleFile) {
  basis(an_, DuesBasisKind::salary, 10'000'000);
  DuesReliefInput in;
  in.kind = "reduction";
  in.percent = 40;
  in.from = "2026-03";
  in.to = "2026-05";
  in.decision = "Nghị quyết chi bộ số 05";
  auto bad = addDuesRelief(*store_, cat_, as(UserRole::cell, cell_), an_, in);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field_errors.at(0).field, "percent");
  in.percent = 50;
  in.to = "2027-03";
  EXPECT_EQ(addDuesRelief(*store_, cat_, as(UserRole::cell, cell_), an_, in).error().field_errors.at(0).code,
            "too_long");
  in.to = "2026-05";
  auto ok = addDuesRelief(*store_, cat_, as(UserRole::cell, cell_), an_, in);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(*ok->months.at(3).due.amount, 50'000);  // April: halved
  EXPECT_EQ(*ok->months.at(5).due.amount, 100'000);  // June: full
  EXPECT_EQ(addDuesRelief(*store_, cat_, as(UserRole::cell, cell_), an_, in).error().code, "relief_overlap");
  auto gone = deleteDuesRelief(*store_, cat_, as(UserRole::cell, cell_), an_, ok->reliefs.at(0).id);
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(gone->reliefs.empty());
}

TEST_F(DuesUseCaseTest, UnpaidMonthsCountInMonthsTheCellRecorded) {
  basis(an_, DuesBasisKind::salary, 10'000'000);
  basis(binh_, DuesBasisKind::salary, 8'000'000);
  auto tx = store_->read();
  auto m = *tx->member(an_);
  // Nothing recorded in the cell yet: the book is kept elsewhere, nothing counts.
  EXPECT_TRUE(memberUnpaidDuesMonths(*tx, cat_, m, tx->statusPeriods(an_), 2026, d("2026-06-15")).empty());
  tx.reset();
  // The cell records March, May and June (Bình pays); April only An's good reason; An pays nothing.
  for (const char* m : {"2026-03", "2026-05", "2026-06"})
    ASSERT_TRUE(putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string(m), {paid(binh_)}).ok());
  DuesPaymentInput excused;
  excused.member_id = an_;
  excused.status = "excused";
  excused.note = "Nằm viện";
  ASSERT_TRUE(putDuesPayments(*store_, cat_, as(UserRole::cell, cell_), cell_.id, std::string("2026-04"),
                              {excused}).ok());
  tx = store_->read();
  // March and May ended unpaid (January, February: not recorded here; April excused; June not over on 15/6).
  EXPECT_EQ(memberUnpaidDuesMonths(*tx, cat_, m, tx->statusPeriods(an_), 2026, d("2026-06-15")),
            (std::vector<unsigned>{3, 5}));
  EXPECT_EQ(memberUnpaidDuesMonths(*tx, cat_, m, tx->statusPeriods(an_), 2026, d("2026-07-01")),
            (std::vector<unsigned>{3, 5, 6}));
  // The exempt member never counts.
  auto cm = *tx->member(cuong_);
  EXPECT_TRUE(memberUnpaidDuesMonths(*tx, cat_, cm, tx->statusPeriods(cuong_), 2026, d("2026-07-01")).empty());
  // A month nobody recorded never counts: July, judged in August.
  EXPECT_EQ(memberUnpaidDuesMonths(*tx, cat_, m, tx->statusPeriods(an_), 2026, d("2026-08-15")),
            (std::vector<unsigned>{3, 5, 6}));
  // The minutes sentence for March.
  auto s = computeDuesSheet(*tx, *duesRulesInForce(cat_.dues, d("2026-03-01")), cell_, 202603, d("2026-06-15"));
  EXPECT_EQ(duesMinutesSentence(s), "đã thu đảng phí tháng 3/2026 của 1/2 đồng chí, tổng 80.000 đồng");
}

// The demo's year of dues, on a real SQLite file: the same seed gives the same rows, every past
// month of every cell is paid or excused (no removal warning from dues), the month in progress
// is partly collected.
TEST(DuesDemo, AYearOfDuesDeterministicAndComplete) {
  auto cat = loadRuleCatalog(CHIBO_RULES_DIR);
  ASSERT_TRUE(cat.ok());
  const Date today = d("2026-11-22");
  auto dir = fs::temp_directory_path() / ("chibo-dues-demo-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<std::string> dumps;
  for (int run = 0; run < 2; ++run) {
    auto store = openSqliteStore({(dir / ("d" + std::to_string(run) + ".db")).string(), true, 1});
    auto tx = store->write();
    loadDemo(*tx, 20090422, today);
    int written = loadDemoDues(*tx, 20090422, today, cat->dues);
    EXPECT_GT(written, 640 * 10);
    tx->commit();
    tx.reset();
    auto r = store->read();
    std::string dump;
    int cells = 0;
    for (const auto& o : r->orgSubtree("/")) {
      if (o.kind != OrgKind::cell || o.archived) continue;
      ++cells;
      for (const auto& p : r->dues().paymentsOfCell(o.id, 202500, 202700))
        dump += std::to_string(p.member_id) + ":" + std::to_string(p.ym) + ":" + std::string(toCode(p.status)) + ":" +
                std::to_string(p.amount) + ":" + p.reference + ";";
      for (int ym = 202511; ym <= 202610; ym = ymNext(ym)) {
        auto s = computeDuesSheet(*r, *duesRulesInForce(cat->dues, ymFirstDay(ym)), o, ym, today);
        EXPECT_EQ(s.totals.members_due, s.totals.members_paid + s.totals.members_excused) << o.name << " " << ym;
      }
      auto now = computeDuesSheet(*r, *duesRulesInForce(cat->dues, ymFirstDay(202611)), o, 202611, today);
      EXPECT_LE(now.totals.members_paid + 2, now.totals.members_due) << o.name;
    }
    EXPECT_EQ(cells, 19);
    dumps.push_back(std::move(dump));
  }
  EXPECT_EQ(dumps[0], dumps[1]);
  fs::remove_all(dir);
}

TEST(DuesRuleFiles, TheShippedFilesLoadWithTheirSources) {
  auto cat = loadRuleCatalog(CHIBO_RULES_DIR);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_EQ(cat->dues.size(), 2u);
  const DuesRules* now = duesRulesInForce(cat->dues, d("2026-03-01"));
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->id, "dues-qd01-2026");
  EXPECT_EQ(now->salary_rate_bp.value, 100);
  EXPECT_EQ(now->pension_rate_bp.value, 50);
  EXPECT_EQ(now->reduction_percents, (std::vector<int>{30, 50, 70}));
  EXPECT_EQ(now->max_reduction_months.value, 12);
  EXPECT_NE(now->salary_rate_bp.source.find("01-QĐ/TW"), std::string::npos);
  EXPECT_EQ(now->salary_rate_bp.origin, "dues-qd01-2026");
  EXPECT_EQ(duesRulesInForce(cat->dues, d("2026-01-31"))->id, "dues-qd342-2010");
}

TEST(DuesRuleFiles, ABadFileIsRefusedWithTheFieldNamed) {
  const std::string head = R"({"kind": "dues", "id": "x", "name": "x", "version": 1, "issuer_document": "x",
    "effective_from": "2026-02-01", "thresholds": {)";
  const std::string rest = R"("pension_rate_bp": {"value": 50, "source": "s"},
    "other_rate_bp": {"value": 10000, "source": "s"}, "rounding_unit": {"value": 1000, "source": "s"},
    "reduction_percents": {"value": [30, 50, 70], "source": "s"}, "max_reduction_months": {"value": 12, "source": "s"},
    "exempt_members_pay": {"value": 0, "source": "s"}, "grace_days": {"value": 0, "source": "s"}}})";
  EXPECT_TRUE(parseDuesRules(head + R"("salary_rate_bp": {"value": 100, "source": "s"}, )" + rest, "ok.json").ok());
  auto missing_source = parseDuesRules(head + R"("salary_rate_bp": {"value": 100}, )" + rest, "a.json");
  ASSERT_FALSE(missing_source.ok());
  EXPECT_EQ(missing_source.error().field_errors.at(0).field, "thresholds.salary_rate_bp.source");
  auto too_high = parseDuesRules(head + R"("salary_rate_bp": {"value": 20000, "source": "s"}, )" + rest, "b.json");
  ASSERT_FALSE(too_high.ok());
  EXPECT_EQ(too_high.error().field_errors.at(0).field, "thresholds.salary_rate_bp");
  EXPECT_NE(too_high.error().message.find("b.json"), std::string::npos);
  auto unknown = parseDuesRules(head + R"("salary_rate_bp": {"value": 100, "source": "s"}, "bonus": {"value": 1, "source": "s"}, )" + rest, "c.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field_errors.at(0).code, "unknown_field");
}

}  // namespace
}  // namespace chibo
