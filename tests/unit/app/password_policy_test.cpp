#include "app/auth/password_policy.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

TEST(PasswordPolicy, MembersNeedTenCharactersStaffTwelve) {
  EXPECT_NE(passwordPolicyProblem("hoa-sen-12", PasswordKind::staff), "");
  EXPECT_EQ(passwordPolicyProblem("hoa-sen-12", PasswordKind::member), "");
  EXPECT_NE(passwordPolicyProblem("hoa-sen-1", PasswordKind::member), "");
  EXPECT_EQ(passwordPolicyProblem("hoa-sen-no-12", PasswordKind::staff), "");
  EXPECT_EQ(passwordPolicyProblem("x", PasswordKind::member), "Mật khẩu phải có ít nhất 10 ký tự.");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // "Mặt trời" is 8 characters but 12 bytes in UTF-8.
  EXPECT_NE(passwordPolicyProblem("Mặt trời", PasswordKind::member), "");
  EXPECT_EQ(passwordPolicyProblem("Mặt trời đỏ", PasswordKind::member), "");
}

TEST(PasswordPolicy, CommonPasswordsAreRefusedWhateverTheCaseOrDigitsAdded) {
  EXPECT_TRUE(isCommonPassword("password"));       // Openwall list
  EXPECT_TRUE(isCommonPassword("PASSWORD2024!"));  // core "password"
  EXPECT_TRUE(isCommonPassword("matkhau123456"));  // Vietnamese additions
  EXPECT_TRUE(isCommonPassword("1234567890"));
  EXPECT_TRUE(isCommonPassword("Anhyeuem@2025"));
  EXPECT_FALSE(isCommonPassword("hoa-sen-no-giua-dam"));
  EXPECT_NE(passwordPolicyProblem("qwertyuiop", PasswordKind::member).find("phổ biến"), std::string::npos);
}

TEST(PasswordPolicy, RefusesRepeatsTheUsernameAndOverlongInput) {
  EXPECT_NE(passwordPolicyProblem("aaaaaaaaaaaa", PasswordKind::staff), "");
  EXPECT_NE(passwordPolicyProblem("nguyen.thi.ha2026", PasswordKind::member, "nguyen.thi.ha"), "");
  EXPECT_NE(passwordPolicyProblem(std::string(300, 'x') + "y", PasswordKind::member), "");
  EXPECT_NE(passwordPolicyProblem("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6", PasswordKind::member), "");
}

}  // namespace
}  // namespace chibo
