// Who may give which grant, and which grants the roster already implies.
#include "app/users/account_scope.h"

#include <gtest/gtest.h>

#include "app/users/derived_grants.h"
#include "unit/app/fake_store.h"

namespace chibo {
namespace {

Principal withGrant(UserRole role, const std::string& path) { return Principal{1, "x", std::nullopt, {{role, 9, path}}, {}, {}}; }

TEST(AccountScope, NobodyGivesMoreThanTheyHold) {
  auto ward = withGrant(UserRole::committee, "/1/2/");
  EXPECT_TRUE(mayGrant(ward, UserRole::committee, "/1/2/"));
  EXPECT_TRUE(mayGrant(ward, UserRole::cell, "/1/2/3/"));
  EXPECT_TRUE(mayGrant(ward, UserRole::monitor, "/1/2/"));
  EXPECT_FALSE(mayGrant(ward, UserRole::admin, "/1/2/"));     // above their own role
  EXPECT_FALSE(mayGrant(ward, UserRole::member, "/1/7/3/"));  // outside their subtree
  EXPECT_FALSE(mayGrant(ward, UserRole::committee, "/1/"));   // above their node
  auto admin = withGrant(UserRole::admin, "/1/");
  EXPECT_TRUE(mayGrant(admin, UserRole::admin, "/1/2/"));
}

TEST(AccountScope, ACellCommitteeGivesOnlyMemberGrantsOfItsOwnCell) {
  auto cell = withGrant(UserRole::cell, "/1/2/3/");
  EXPECT_TRUE(mayGrant(cell, UserRole::member, "/1/2/3/"));
  EXPECT_FALSE(mayGrant(cell, UserRole::cell, "/1/2/3/"));
  EXPECT_FALSE(mayGrant(cell, UserRole::member, "/1/2/4/"));
  EXPECT_TRUE(mayManageAccountsAt(cell, "/1/2/3/"));
  EXPECT_FALSE(mayManageAccountsAt(cell, "/1/2/"));
  EXPECT_FALSE(isStaffOver(cell, "/1/2/3/"));
  // Monitors and members manage no accounts.
  EXPECT_FALSE(mayManageAccountsAt(withGrant(UserRole::monitor, "/1/2/"), "/1/2/3/"));
  EXPECT_FALSE(mayManageAccountsAt(withGrant(UserRole::member, "/1/2/3/"), "/1/2/3/"));
}

TEST(AccountScope, StaffPasswordsFollowAnyGrantAboveMember) {
  EXPECT_EQ(passwordKindOf({{0, 0, UserRole::member, 3, true}}), PasswordKind::member);
  EXPECT_EQ(passwordKindOf({{0, 0, UserRole::member, 3, true}, {0, 0, UserRole::monitor, 2, true}}), PasswordKind::staff);
}

TEST(DerivedGrants, RolesAndMonitorAssignmentsBecomeGrantsNotEnteredTwice) {
  fake::FakeStore store;
  Date start = *Date::fromYmd(2024, 1, 1), today = *Date::fromYmd(2026, 6, 1);
  Id ward = 0, kp1 = 0, kp2 = 0, sec = 0, plain = 0, monitor = 0;
  {
    auto tx = store.write();
    Org w{0, std::nullopt, "", "Đảng ủy phường", "", OrgKind::committee};
    ward = tx->insertOrg(w);
    Org a{0, ward, "", "Chi bộ 1", "", OrgKind::cell};
    kp1 = tx->insertOrg(a);
    Org b{0, ward, "", "Chi bộ 2", "", OrgKind::cell};
    kp2 = tx->insertOrg(b);
    for (auto* id : {&sec, &plain, &monitor}) {
      Member m;
      m.full_name = "Đảng viên";
      m.cell_id = kp1;
      *id = tx->insertMember(m);
      tx->insertCellPeriod({0, *id, kp1, std::nullopt, start, std::nullopt, ""});
    }
    tx->insertRole({0, sec, kp1, MemberRole::secretary, start, std::nullopt});
    tx->insertRole({0, plain, kp1, MemberRole::deputy_secretary, start, *Date::fromYmd(2025, 1, 1)});  // ended
    tx->insertMonitor({0, monitor, kp2, start, std::nullopt});
    tx->commit();
  }
  auto tx = store.read();
  auto s = deriveGrants(*tx, sec, today);
  ASSERT_EQ(s.size(), 1u);  // the cell grant covers membership: no second grant
  EXPECT_EQ(s[0].role, UserRole::cell);
  EXPECT_EQ(s[0].org_id, kp1);
  EXPECT_TRUE(s[0].derived);
  auto p = deriveGrants(*tx, plain, today);
  ASSERT_EQ(p.size(), 1u);  // an ended role gives nothing
  EXPECT_EQ(p[0].role, UserRole::member);
  auto m = deriveGrants(*tx, monitor, today);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].role, UserRole::monitor);
  EXPECT_EQ(m[0].org_id, ward);  // the committee above the monitored cell
  EXPECT_EQ(m[1].role, UserRole::member);
}

}  // namespace
}  // namespace chibo
