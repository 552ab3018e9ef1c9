#include "app/demo/demo.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "app/auth/password.h"
#include "domain/roster.h"
#include "domain/text/vn_text.h"
#include "unit/app/fake_store.h"

namespace chibo {
namespace {

const Date kToday = *Date::fromYmd(2026, 11, 22);
constexpr uint64_t kSeed = 20260101;

struct Loaded {
  fake::FakeStore store;
  DemoSummary summary;
};

std::unique_ptr<Loaded> load(uint64_t seed, Date today = kToday) {
  auto l = std::make_unique<Loaded>();
  auto tx = l->store.write();
  l->summary = loadDemo(*tx, seed, today);
  tx->commit();
  return l;
}

std::string opt(const std::optional<Date>& d) { return d ? d->iso() : "-"; }
std::string opt(const std::optional<Id>& i) { return i ? std::to_string(*i) : "-"; }

// Every committed row as text, password hashes left out (libsodium salts them).
std::string dump(const fake::Data& d) {
  std::ostringstream o;
  for (auto& x : d.orgs)
    o << "O" << x.id << opt(x.parent_id) << x.path << x.name << x.code << toCode(x.kind) << toCode(x.level)
      << toCode(x.cell_type) << x.grassroots << x.address << "\n";
  for (auto& t : d.terms) o << "T" << t.org_id << t.name << t.start.iso() << opt(t.end) << "\n";
  for (auto& m : d.members)
    o << "M" << m.id << m.full_name << opt(m.birth_date) << toCode(m.gender) << m.phone << m.card_no
      << opt(m.admission_decision_date) << opt(m.admission_ceremony_date) << opt(m.official_date) << m.workplace
      << m.serving << opt(m.cell_id) << opt(m.subgroup_id) << "\n";
  for (auto& p : d.cell_periods)
    o << "C" << p.member_id << p.cell_id << opt(p.subgroup_id) << p.from.iso() << opt(p.to) << p.note << "\n";
  for (auto& s : d.status_periods) o << "S" << s.member_id << toCode(s.kind) << s.from.iso() << opt(s.to) << s.note << "\n";
  for (auto& r : d.roles) o << "R" << r.member_id << r.org_id << toCode(r.role) << r.from.iso() << opt(r.to) << "\n";
  for (auto& a : d.monitors) o << "A" << a.member_id << a.cell_id << a.from.iso() << opt(a.to) << "\n";
  for (auto& u : d.users) o << "U" << u.username << u.display_name << opt(u.member_id) << "\n";
  for (auto& g : d.grants) o << "G" << g.user_id << toCode(g.role) << g.org_id << "\n";
  for (auto& e : d.audit) o << "L" << e.at.unix_seconds << e.action << e.target_type << e.target_id << e.org_path << "\n";
  return o.str();
}

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { loaded_ = load(kSeed).release(); }
  static void TearDownTestSuite() { delete loaded_; }

  const fake::Data& data() { return loaded_->store.data(); }
  const DemoSummary& summary() { return loaded_->summary; }
  std::unique_ptr<ReadTx> read() { return loaded_->store.read(); }
  Org ward() { return *read()->org(summary().ward_id); }
  std::vector<Org> cells() {
    std::vector<Org> out;
    for (auto& o : read()->orgChildren(summary().ward_id))
      if (o.kind == OrgKind::cell) out.push_back(o);
    return out;
  }
  Org cell(std::string_view code) {
    for (auto& c : cells())
      if (c.code == code) return c;
    throw std::runtime_error("no cell");
  }
  // The roster of `org` today, the server's way: candidates from the store, state from the domain.
  std::vector<RosterEntry> roster(const Org& org) {
    std::vector<RosterEntry> out;
    for (auto& c : read()->rosterCandidates(org.path, kToday)) {
      RosterEntry e{c.member, c.placement, stateOn(c.member, c.statuses, kToday)};
      if (e.state.on_roll) out.push_back(e);
    }
    return out;
  }

  static Loaded* loaded_;
};
Loaded* DemoTest::loaded_ = nullptr;

TEST_F(DemoTest, TreeHasProvinceWardAndNineteenCells) {
  auto tx = read();
  Org w = ward();
  EXPECT_EQ(w.name, "Đảng ủy phường Tân Định");
  EXPECT_EQ(w.level, OrgLevel::ward);
  auto parent = tx->org(*w.parent_id);
  ASSERT_TRUE(parent);
  EXPECT_EQ(parent->name, "Thành ủy Thành phố Hồ Chí Minh");
  EXPECT_EQ(parent->level, OrgLevel::province);
  EXPECT_FALSE(parent->parent_id);

  auto cs = cells();
  ASSERT_EQ(cs.size(), 19u);
  EXPECT_EQ(summary().cells, 19);
  int residential = 0;
  for (auto& c : cs) residential += c.cell_type == CellType::residential;
  EXPECT_EQ(residential, 9);
  for (int i = 1; i <= 9; ++i) EXPECT_EQ(cell("KP" + std::to_string(i)).name, "Chi bộ Khu phố " + std::to_string(i));
  EXPECT_EQ(cell("CA").cell_type, CellType::armed_forces);
  EXPECT_EQ(cell("UBND").name, "Chi bộ Ủy ban nhân dân phường");
  for (auto& c : cs) EXPECT_EQ(tx->terms(c.id).size(), 2u) << c.name;
  auto terms = tx->terms(w.id);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[1].name, "Nhiệm kỳ 2025–2030");
  EXPECT_EQ(terms[1].start, *Date::fromYmd(2025, 6, 1));
}

TEST_F(DemoTest, SixHundredFortyOnTheRollOfWhomOneHundredTwoServing) {
  auto r = roster(ward());
  EXPECT_EQ(r.size(), 640u);
  EXPECT_EQ(summary().members, 640);
  int serving = 0;
  auto tx = read();
  for (auto& e : r) {
    serving += e.member.serving;
    auto c = tx->org(e.placement.cell_id);
    EXPECT_EQ(e.member.serving, c->cell_type != CellType::residential) << e.member.full_name;
    if (e.member.serving) {
      EXPECT_FALSE(e.member.workplace.empty());
    }
  }
  EXPECT_EQ(serving, 102);
  EXPECT_EQ(summary().serving, 102);

  // The same count member by member, from each member's own periods.
  int on_roll = 0;
  for (auto& m : data().members) {
    auto p = placementOn(tx->cellPeriods(m.id), kToday);
    if (p && stateOn(m, tx->statusPeriods(m.id), kToday).on_roll) ++on_roll;
  }
  EXPECT_EQ(on_roll, 640);
  EXPECT_EQ(data().members.size(), 642u);  // plus one deceased and one transferred out
}

TEST_F(DemoTest, SpecialStatusesToday) {
  auto c = countRoster(roster(ward()));
  EXPECT_EQ(c.on_roll, 640);
  EXPECT_EQ(c.probationary, 10);
  EXPECT_EQ(c.exempt, 18);  // 15 miễn + 3 tạm miễn
  EXPECT_EQ(c.away, 6);
  EXPECT_EQ(c.incoming, 5);
  EXPECT_EQ(c.special_duty, 2);
  EXPECT_EQ(c.expected, 640 - 18 - 6 - 2);
}

TEST_F(DemoTest, LastYearsStories) {
  int deceased = 0, transferred_out = 0, moved_between_cells = 0;
  auto tx = read();
  for (auto& m : data().members) {
    auto st = stateOn(m, tx->statusPeriods(m.id), kToday);
    if (st.terminal == StatusKind::deceased) ++deceased;
    if (st.terminal == StatusKind::transferred_out) ++transferred_out;
    if (st.terminal) {
      EXPECT_FALSE(m.cell_id) << m.full_name;
    }
    auto periods = tx->cellPeriods(m.id);
    if (periods.size() == 2) {
      ++moved_between_cells;
      EXPECT_EQ(periods[0].to->addDays(1), periods[1].from);
      EXPECT_EQ(periods[1].from.year(), 2025);
      EXPECT_EQ(m.cell_id, periods[1].cell_id);
    }
  }
  EXPECT_EQ(deceased, 1);
  EXPECT_EQ(transferred_out, 1);
  EXPECT_EQ(moved_between_cells, 1);
}

bool holdsToday(const std::vector<RolePeriod>& roles, MemberRole role) {
  for (auto& r : roles)
    if (r.role == role && covers(r, kToday)) return true;
  return false;
}

TEST_F(DemoTest, EveryCellHasASecretaryAndAMonitor) {
  auto tx = read();
  Id ward_id = summary().ward_id;
  for (auto& c : cells()) {
    auto roles = tx->rolesInOrg(c.id);
    EXPECT_TRUE(holdsToday(roles, MemberRole::secretary)) << c.name;
    for (auto& r : roles) {  // role holders sit in the cell while they hold the role
      auto p = placementOn(tx->cellPeriods(r.member_id), r.to.value_or(kToday));
      ASSERT_TRUE(p) << c.name;
      EXPECT_EQ(p->cell_id, c.id);
    }
    int monitors = 0;
    for (auto& a : tx->monitorsOfCell(c.id)) {
      if (!covers(a, kToday)) continue;
      ++monitors;
      auto on_ward = tx->rolesOfMember(a.member_id);
      bool ward_member = false;
      for (auto& r : on_ward) ward_member |= r.org_id == ward_id && covers(r, kToday);
      EXPECT_TRUE(ward_member) << c.name;
      EXPECT_NE(tx->member(a.member_id)->cell_id, c.id) << "a monitor does not follow their own cell";
    }
    EXPECT_EQ(monitors, 1) << c.name;
  }
  auto ward_roles = tx->rolesInOrg(ward_id);
  int committee = 0;
  for (auto& r : ward_roles) committee += r.role == MemberRole::committee_member && covers(r, kToday);
  EXPECT_EQ(committee, 9);
  EXPECT_TRUE(holdsToday(ward_roles, MemberRole::secretary));
  EXPECT_TRUE(holdsToday(ward_roles, MemberRole::deputy_secretary));
}

TEST_F(DemoTest, LargeCellIsSplitIntoSubgroupsWithEveryMemberPlaced) {
  Org kp5 = cell("KP5");
  auto r = roster(kp5);
  EXPECT_GE(r.size(), 100u);
  auto tx = read();
  auto groups = tx->orgChildren(kp5.id);
  ASSERT_GE(groups.size(), 3u);
  ASSERT_LE(groups.size(), 4u);
  for (auto& e : r) {
    ASSERT_TRUE(e.placement.subgroup_id) << e.member.full_name;
    EXPECT_EQ(e.member.subgroup_id, e.placement.subgroup_id);
  }
  for (auto& g : groups) {
    EXPECT_EQ(g.kind, OrgKind::subgroup);
    EXPECT_GT(roster(g).size(), 20u);
    bool leader = false;
    for (auto& role : tx->rolesInOrg(g.id))
      if (role.role == MemberRole::subgroup_leader && covers(role, kToday)) {
        leader = true;
        EXPECT_EQ(tx->member(role.member_id)->subgroup_id, g.id);
      }
    EXPECT_TRUE(leader) << g.name;
  }
  // Khu phố 1 stays medium-sized: browser tests open it.
  auto kp1 = roster(cell("KP1")).size();
  EXPECT_GE(kp1, 40u);
  EXPECT_LE(kp1, 60u);
}

TEST_F(DemoTest, NamesPhonesAndCardsAreWellFormed) {
  std::set<std::string> cards, names;
  for (auto& m : data().members) {
    EXPECT_TRUE(isValidUtf8(m.full_name)) << m.full_name;
    EXPECT_EQ(nfc(m.full_name), m.full_name);
    EXPECT_GE(std::count(m.full_name.begin(), m.full_name.end(), ' '), 2);
    EXPECT_TRUE(names.insert(m.full_name).second) << "duplicate name " << m.full_name;
    ASSERT_EQ(m.card_no.size(), 8u);
    EXPECT_EQ(m.card_no.find_first_not_of("0123456789"), std::string::npos);
    EXPECT_TRUE(cards.insert(m.card_no).second) << "duplicate card " << m.card_no;
    if (!m.phone.empty()) {
      EXPECT_EQ(m.phone.size(), 10u);
      EXPECT_NE(std::string("3789").find(m.phone.substr(1, 1)), std::string::npos) << m.phone;
      EXPECT_EQ(m.phone[0], '0');
    }
  }
  for (auto& o : data().orgs) EXPECT_EQ(nfc(o.name), o.name);
}

TEST_F(DemoTest, DatesTellAConsistentStory) {
  auto tx = read();
  for (auto& m : data().members) {
    ASSERT_TRUE(m.birth_date && m.admission_decision_date && m.admission_ceremony_date) << m.full_name;
    int age = ageOn(*m.birth_date, kToday);
    int admitted_at = ageOn(*m.birth_date, *m.admission_decision_date);
    EXPECT_GE(age, 20);
    EXPECT_LE(age, 95);
    EXPECT_GE(admitted_at, 18) << m.full_name;
    EXPECT_LE(admitted_at, 45) << m.full_name;
    int weeks = m.admission_ceremony_date->days() - m.admission_decision_date->days();
    EXPECT_GE(weeks, 14);
    EXPECT_LE(weeks, 45);
    if (m.official_date) {
      EXPECT_EQ(*m.official_date, m.admission_ceremony_date->addMonths(12));
      EXPECT_LE(*m.official_date, kToday);
    } else {
      EXPECT_GT(m.admission_ceremony_date->addMonths(12), kToday) << "probationary for under a year";
    }
    for (auto& p : tx->cellPeriods(m.id)) EXPECT_GE(p.from, *m.admission_ceremony_date) << m.full_name;
  }
}

TEST_F(DemoTest, AccountsAreLinkedAndShareOneHash) {
  auto tx = read();
  ASSERT_EQ(summary().accounts.size(), 7u);
  std::map<std::string, User> users;
  for (auto& a : summary().accounts) {
    auto u = tx->userByUsername(a.username);
    ASSERT_TRUE(u) << a.username;
    EXPECT_EQ(a.password, "chibo-demo");
    auto grants = tx->grantsOf(u->id);
    ASSERT_EQ(grants.size(), 1u);
    EXPECT_EQ(grants[0].role, a.role);
    EXPECT_EQ(tx->org(grants[0].org_id)->name, a.org_name);
    users[a.username] = *u;
  }
  EXPECT_EQ(users["admin"].password_hash, users["dangvien.kp2"].password_hash);
  EXPECT_TRUE(verifyPassword("chibo-demo", users["admin"].password_hash));

  Org kp1 = cell("KP1");
  auto bithu = *users["bithu.kp1"].member_id;
  EXPECT_TRUE(holdsToday(tx->rolesOfMember(bithu), MemberRole::secretary));
  EXPECT_EQ(tx->member(bithu)->cell_id, kp1.id);

  auto dv = *users["dangvien.kp1"].member_id;
  EXPECT_EQ(tx->member(dv)->cell_id, kp1.id);
  for (auto& r : tx->rolesOfMember(dv)) EXPECT_FALSE(covers(r, kToday)) << "an ordinary member";
  EXPECT_TRUE(stateOn(*tx->member(dv), tx->statusPeriods(dv), kToday).countsForAttendance());
  EXPECT_EQ(tx->member(*users["dangvien.kp2"].member_id)->cell_id, cell("KP2").id);

  std::set<Id> followed;
  for (auto& a : tx->assignmentsOfMember(*users["giamsat.phuong"].member_id))
    if (covers(a, kToday)) followed.insert(a.cell_id);
  EXPECT_TRUE(followed.count(kp1.id));
  EXPECT_LE(followed.size(), 2u);
  EXPECT_FALSE(users["admin"].member_id);
}

TEST_F(DemoTest, OneSystemAuditRowPerOrgMemberAndAccount) {
  const auto& d = data();
  EXPECT_EQ(d.audit.size(), d.orgs.size() + d.members.size() + d.users.size());
  for (auto& e : d.audit) {
    EXPECT_EQ(e.action, "demo.load");
    EXPECT_FALSE(e.actor_id);
    EXPECT_EQ(e.at.date(), kToday);
    EXPECT_FALSE(e.org_path.empty());
  }
  AuditQuery q;
  q.org_path = ward().path;
  q.target_type = "member";
  EXPECT_EQ(read()->auditCount(q), 642);
}

TEST_F(DemoTest, LoadingTwiceIsRefused) {
  auto tx = loaded_->store.write();
  EXPECT_THROW(loadDemo(*tx, kSeed, kToday), std::logic_error);
}

TEST(DemoDeterminism, SameSeedSameRowsOtherSeedOtherNames) {
  auto a = load(kSeed), b = load(kSeed), c = load(kSeed + 1);
  EXPECT_EQ(dump(a->store.data()), dump(b->store.data()));
  EXPECT_NE(dump(a->store.data()), dump(c->store.data()));
  size_t same = 0;
  const auto& ma = a->store.data().members;
  const auto& mc = c->store.data().members;
  for (size_t i = 0; i < ma.size() && i < mc.size(); ++i) same += ma[i].full_name == mc[i].full_name;
  EXPECT_LT(same, 20u);
  // Both still meet the figures.
  EXPECT_EQ(c->summary.members, 640);
  EXPECT_EQ(c->summary.serving, 102);
}

TEST(DemoDeterminism, FiguresHoldForOtherDates) {
  for (Date today : {*Date::fromYmd(2025, 7, 1), *Date::fromYmd(2028, 2, 29), *Date::fromYmd(2031, 1, 5)}) {
    auto l = load(7, today);
    EXPECT_EQ(l->summary.members, 640) << today.iso();
    EXPECT_EQ(l->summary.serving, 102) << today.iso();
  }
}

}  // namespace
}  // namespace chibo
