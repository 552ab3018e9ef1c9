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

TEST(ValidateTest, AnOversizedFieldIsRefusedOnItsBytesBeforeAnyNormalisation) {
  Validator v;
  // A megabyte of decomposed letters: refused by size, never normalised.
  std::string big;
  while (big.size() < (1u << 20)) big += "e\xcc\x82\xcc\x83";
  EXPECT_FALSE(cleanText(v, "topic", big, false, 500, "tên chuyên đề"));
  ASSERT_EQ(v.errors().size(), 1u);
  EXPECT_EQ(v.errors()[0].code, "too_long");
  EXPECT_EQ(v.errors()[0].message, "Tên chuyên đề dài quá 500 ký tự.");
  // At the limit in characters but decomposed (5 bytes each) is still accepted.
  std::string nfd;
  for (int i = 0; i < 500; ++i) nfd += "e\xcc\xa3\xcc\x82";  // ệ as e + dot below + circumflex
  Validator ok;
  auto s = cleanText(ok, "topic", nfd, false, 500, "tên chuyên đề");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->size(), 500u * 3);
}

TEST(ValidateTest, ControlBidiAndInvisibleOnlyTextGetVietnameseFieldErrors) {
  Validator v;
  EXPECT_FALSE(cleanText(v, "a", std::string("Nguy\x7f" "en"), true, 100, "họ và tên"));
  EXPECT_FALSE(cleanText(v, "b", std::string("Nguy\xc2\x85" "en"), true, 100, "họ và tên"));
  EXPECT_FALSE(cleanText(v, "c", std::string("\xe2\x80\xae" "A van Nguyen"), true, 100, "họ và tên"));
  EXPECT_FALSE(cleanText(v, "d", std::string("\xe2\x80\x8b\xe2\x80\x8b"), true, 100, "họ và tên"));
  EXPECT_FALSE(cleanText(v, "e", std::string("\xe2\x80\x8b"), false, 100, "chức vụ"));
  ASSERT_EQ(v.errors().size(), 5u);
  EXPECT_EQ(v.errors()[0].message, "Họ và tên chứa ký tự điều khiển.");
  EXPECT_EQ(v.errors()[1].code, "invalid_text");
  EXPECT_EQ(v.errors()[2].message, "Họ và tên chứa ký tự đảo chiều văn bản.");
  EXPECT_EQ(v.errors()[3].code, "required");
  EXPECT_EQ(v.errors()[4].message, "Chức vụ chỉ gồm ký tự vô hình.");
}

}  // namespace chibo
