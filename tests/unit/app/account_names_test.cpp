#include "app/users/account_names.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "unit/app/fake_store.h"

namespace chibo {
namespace {

TEST(AccountNames, UsernameIsTheNameWithoutDiacriticsJoinedByDots) {
  EXPECT_EQ(usernameBase("Nguyễn Thị Hà"), "nguyen.thi.ha");
  EXPECT_EQ(usernameBase("  Đặng   Văn  Đức "), "dang.van.duc");
  EXPECT_EQ(usernameBase("Lê Thị Kích Hoạt"), "le.thi.kich.hoat");
  EXPECT_EQ(usernameBase("!!!"), "dangvien");
  EXPECT_LE(usernameBase("Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh Hương Giang").size(), 40u);
}

TEST(AccountNames, UsernameTakesTheNextFreeNumber) {
  fake::FakeStore store;
  {
    auto tx = store.write();
    tx->insertUser(User{0, "nguyen.thi.ha", "", "x", std::nullopt, false});
    tx->insertUser(User{0, "nguyen.thi.ha2", "", "x", std::nullopt, false});
    tx->commit();
  }
  auto tx = store.read();
  EXPECT_EQ(uniqueUsername(*tx, "Nguyễn Thị Hà"), "nguyen.thi.ha3");
  EXPECT_EQ(uniqueUsername(*tx, "Nguyễn Thị Hoa"), "nguyen.thi.hoa");
}

TEST(AccountNames, CodesAreRandomReadableAndMatchTheirHashAsTyped) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto c = newActivationCode();
    ASSERT_EQ(c.code.size(), 14u);
    EXPECT_EQ(c.code.find_first_of("01OIL"), std::string::npos) << c.code;
    EXPECT_TRUE(seen.insert(c.code).second);
    EXPECT_EQ(activationHashOf(c.code), c.hash);
    std::string typed;
    for (char ch : c.code)
      if (ch != '-') typed.push_back(char(std::tolower(static_cast<unsigned char>(ch))));
    EXPECT_EQ(activationHashOf(" " + typed.substr(0, 6) + " " + typed.substr(6)), c.hash);
    EXPECT_EQ(c.hash.size(), 64u);
    EXPECT_EQ(c.hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  EXPECT_EQ(activationHashOf(""), "");
  EXPECT_EQ(activationHashOf("ABCD-EFGH-JKM"), "");     // too short
  EXPECT_EQ(activationHashOf("ABCD-EFGH-JKMO"), "");    // O is not in the alphabet
  EXPECT_EQ(activationHashOf("ABCD-EFGH-JKMNP"), "");   // too long
}

}  // namespace
}  // namespace chibo
