#include "domain/text/text_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace chibo {

TEST(TextChecksTest, OrdinaryVietnameseTextPasses) {
  EXPECT_EQ(textProblem("Nguyễn Thị Hà"), TextProblem::none);
  EXPECT_EQ(textProblem("Hội trường UBND phường, 12 Trần Quang Khải"), TextProblem::none);
  EXPECT_EQ(textProblem(""), TextProblem::none);
  EXPECT_EQ(textProblem("Nguy\u200Bễn"), TextProblem::none) << "a zero-width space among letters is harmless";
}

TEST(TextChecksTest, ControlCharactersIncludingDelAndC1AreRefused) {
  EXPECT_EQ(textProblem(std::string("a\x01" "b")), TextProblem::control);
  EXPECT_EQ(textProblem("a\x7f" "b"), TextProblem::control);
  EXPECT_EQ(textProblem("a\u0085b"), TextProblem::control);  // NEL, a C1 control
  EXPECT_EQ(textProblem("a\u009Bb"), TextProblem::control);  // CSI
}

TEST(TextChecksTest, BidiOverridesAndIsolatesAreRefused) {
  for (const char* s : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    EXPECT_EQ(textProblem(std::string("Nguyễn ") + s + "Văn A"), TextProblem::bidi_override) << s;
}

TEST(TextChecksTest, TextOfInvisibleCharactersOnlyIsRefused) {
  EXPECT_EQ(textProblem("\u200B\u200C\u200D"), TextProblem::invisible_only);
  EXPECT_EQ(textProblem("\u2060 \uFEFF"), TextProblem::invisible_only);
  EXPECT_EQ(textProblem("\u00A0\u3000"), TextProblem::invisible_only) << "no-break and ideographic spaces";
}

TEST(TextChecksTest, RawByteBudgetCoversDecomposedVietnamese) {
  // "ệ" decomposed is e + U+0323 + U+0302: 5 bytes for one character.
  EXPECT_GE(maxRawBytes(200), 200u * 5);
  EXPECT_LT(maxRawBytes(200), 1u << 20);
}

}  // namespace chibo
