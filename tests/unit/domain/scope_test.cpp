#include "domain/scope.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {
Principal with(UserRole r, const char* path) { return {1, "u", std::nullopt, {{r, 0, path}}, {}, std::nullopt}; }
}  // namespace

TEST(ScopeTest, CommitteeAndCellWriteTheirSubtreeOnly) {
  for (auto r : {UserRole::admin, UserRole::committee, UserRole::cell}) {
    auto p = with(r, "/1/2/");
    EXPECT_EQ(orgAccess(p, "/1/2/"), Access::write);
    EXPECT_EQ(orgAccess(p, "/1/2/3/9/"), Access::write);
    EXPECT_EQ(orgAccess(p, "/1/"), Access::none);
    EXPECT_EQ(orgAccess(p, "/1/20/"), Access::none) << "prefix must stop at a path separator";
  }
}

TEST(ScopeTest, MonitorReadsAssignedCellsOnly) {
  auto p = with(UserRole::monitor, "/1/2/");
  p.monitored_cell_paths = {"/1/2/3/"};
  EXPECT_EQ(orgAccess(p, "/1/2/3/"), Access::read);
  EXPECT_EQ(orgAccess(p, "/1/2/3/7/"), Access::read);
  EXPECT_EQ(orgAccess(p, "/1/2/4/"), Access::none);
  EXPECT_EQ(orgAccess(p, "/1/2/"), Access::none);
}

TEST(ScopeTest, MemberKnowsTheirCellAndReadsOnlyTheirOwnRecord) {
  auto p = with(UserRole::member, "/1/2/3/");
  p.member_id = 42;
  p.own_cell_path = "/1/2/3/";
  EXPECT_EQ(orgAccess(p, "/1/2/3/"), Access::basic);
  EXPECT_EQ(memberAccess(p, "/1/2/3/", 42), Access::read);
  EXPECT_EQ(memberAccess(p, "/1/2/3/", 43), Access::none);
  EXPECT_EQ(memberAccess(p, "/1/2/4/", 44), Access::none);
}

TEST(ScopeTest, VisibleRootsDropNestedNodes) {
  Principal p{1, "u", 7, {{UserRole::committee, 2, "/1/2/"}, {UserRole::monitor, 2, "/1/2/"}}, {"/1/2/3/", "/1/9/4/"}, std::nullopt};
  auto roots = visibleRoots(p);
  ASSERT_EQ(roots.size(), 2u);
  EXPECT_EQ(roots[0], "/1/2/");
  EXPECT_EQ(roots[1], "/1/9/4/");
}

TEST(ScopeTest, OnlyAdminsAdminister) {
  EXPECT_TRUE(mayAdminister(with(UserRole::admin, "/1/"), "/1/2/"));
  EXPECT_FALSE(mayAdminister(with(UserRole::committee, "/1/"), "/1/2/"));
}

}  // namespace chibo
