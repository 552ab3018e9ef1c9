#include "app/validate.h"

#include <gtest/gtest.h>

namespace chibo {

TEST(ValidateTest, TextIsTrimmedNormalisedAndLengthCheckedInCharacters) {
  Validator v;
  auto s = cleanText(v, "name", std::string("  Nguye\xcc\x82\xcc\x83n  "), true, 100, "họ và tên");
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "Nguyễn");
  EXPECT_TRUE(v.ok());
  // 5 Vietnamese letters are 5 characters even though they are 11 bytes.
  EXPECT_TRUE(cleanText(v, "name", std::string("Đường"), true, 5, "tên"));
  EXPECT_FALSE(cleanText(v, "name", std::string("Đườngg"), true, 5, "tên"));
  ASSERT_EQ(v.errors().size(), 1u);
  EXPECT_EQ(v.errors()[0].code, "too_long");
}

TEST(ValidateTest, RequiredEmptyAndInvalidUtf8AreReportedWithCapitalisedMessages) {
  Validator v;
  EXPECT_FALSE(cleanText(v, "a", std::string("   "), true, 10, "địa chỉ"));
  EXPECT_FALSE(cleanText(v, "b", std::string("\xff\xfe"), true, 10, "địa chỉ"));
  EXPECT_FALSE(cleanText(v, "c", std::nullopt, true, 10, "ghi chú"));
  ASSERT_EQ(v.errors().size(), 3u);
  EXPECT_EQ(v.errors()[0].code, "required");
  EXPECT_EQ(v.errors()[1].code, "invalid_text");
  EXPECT_EQ(v.errors()[1].message.rfind("Địa chỉ", 0), 0u) << v.errors()[1].message;
  EXPECT_EQ(v.errors()[2].message, "Vui lòng nhập ghi chú.");
}

TEST(ValidateTest, DatesDistinguishAbsentClearedInvalidAndFuture) {
  Validator v;
  Date today = *Date::parseIso("2026-11-22");
  EXPECT_FALSE(parseDateField(v, "d", std::nullopt, false, DateRule::any, today, "ngày"));  // not sent
  auto cleared = parseDateField(v, "d", std::string(""), false, DateRule::any, today, "ngày");
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(*cleared);
  EXPECT_TRUE(v.ok());
  EXPECT_FALSE(parseDateField(v, "d", std::string("2026-02-30"), false, DateRule::any, today, "ngày sinh"));
  EXPECT_FALSE(parseDateField(v, "d", std::string("2026-11-23"), false, DateRule::not_future, today, "ngày sinh"));
  EXPECT_TRUE(parseDateField(v, "d", std::string("2026-11-22"), false, DateRule::not_future, today, "ngày sinh"));
  ASSERT_EQ(v.errors().size(), 2u);
  EXPECT_EQ(v.errors()[0].code, "invalid_date");
  EXPECT_EQ(v.errors()[1].code, "future_date");
  EXPECT_EQ(v.errors()[1].message, "Ngày sinh không được sau ngày hôm nay.");
}

TEST(ValidateTest, PhonesAreNormalisedToTenDigits) {
  Validator v;
  EXPECT_EQ(cleanPhone(v, "p", std::string("0903 123.456")), "0903123456");
  EXPECT_EQ(cleanPhone(v, "p", std::string("+84 903 123 456")), "0903123456");
  EXPECT_EQ(cleanPhone(v, "p", std::string("")), "");
  EXPECT_TRUE(v.ok());
  EXPECT_FALSE(cleanPhone(v, "p", std::string("903123456")));
  EXPECT_FALSE(cleanPhone(v, "p", std::string("09031234ab")));
  EXPECT_EQ(v.errors().size(), 2u);
}

}  // namespace chibo
