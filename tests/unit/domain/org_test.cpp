#include "domain/org.h"

#include <gtest/gtest.h>

namespace chibo {

TEST(OrgTest, ContainmentRules) {
  EXPECT_TRUE(mayContain(OrgKind::committee, OrgKind::committee));  // any depth: district or not
  EXPECT_TRUE(mayContain(OrgKind::committee, OrgKind::cell));
  EXPECT_TRUE(mayContain(OrgKind::cell, OrgKind::subgroup));
  EXPECT_FALSE(mayContain(OrgKind::committee, OrgKind::subgroup));
  EXPECT_FALSE(mayContain(OrgKind::subgroup, OrgKind::subgroup));
  EXPECT_FALSE(mayContain(OrgKind::cell, OrgKind::cell));
}

TEST(OrgTest, CodesRoundTrip) {
  for (auto k : {OrgKind::committee, OrgKind::cell, OrgKind::subgroup}) EXPECT_EQ(orgKindFromCode(toCode(k)), k);
  for (auto t : {CellType::residential, CellType::armed_forces, CellType::public_service}) EXPECT_EQ(cellTypeFromCode(toCode(t)), t);
  EXPECT_FALSE(orgKindFromCode("district"));
}

TEST(OrgTest, PathHelpers) {
  EXPECT_EQ(pathIds("/1/25/300/"), (std::vector<Id>{1, 25, 300}));
  EXPECT_TRUE(inSubtree("/1/2/3/", "/1/2/"));
  EXPECT_FALSE(inSubtree("/1/23/", "/1/2/"));
}

}  // namespace chibo
