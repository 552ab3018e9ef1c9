#include "domain/meeting/numbering.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

TEST(Numbering, NextNumberStartsAtOneAndFollowsTheHighest) {
  EXPECT_EQ(nextNumber({}), 1);
  EXPECT_EQ(nextNumber({1, 2, 3}), 4);
  EXPECT_EQ(nextNumber({3, 1, 2}), 4);
}

TEST(Numbering, FormatHasTwoDigitsTypeAndIssuer) {
  EXPECT_EQ(formatNumber(1, DocType::resolution), "Số 01-NQ/CB");
  EXPECT_EQ(formatNumber(12, DocType::minutes, "ĐU"), "Số 12-BB/ĐU");
  EXPECT_EQ(formatNumber(3, DocType::conclusion), "Số 03-KL/CB");
  EXPECT_EQ(formatNumber(105, DocType::resolution), "Số 105-NQ/CB");
  EXPECT_EQ(docSymbol(DocType::decision), "QĐ");
}

TEST(Numbering, ValidatorAcceptsOnlyTheNextNumber) {
  EXPECT_TRUE(validateNumber({}, 1).ok());
  EXPECT_TRUE(validateNumber({1, 2, 3}, 4).ok());

  auto dup = validateNumber({1, 2, 3}, 3);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  EXPECT_EQ(dup.error().code, "duplicate_number");

  auto gap = validateNumber({1, 2, 3}, 5);
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.error().kind, ErrorKind::validation);
  EXPECT_EQ(gap.error().field_errors[0].code, "number_gap");
  EXPECT_EQ(validateNumber({}, 2).error().field_errors[0].code, "number_gap");
  EXPECT_EQ(validateNumber({}, 0).error().field_errors[0].code, "out_of_range");
}

TEST(Numbering, AuditFindsDuplicatesAndMissingNumbers) {
  auto p = auditSequence({1, 2, 2, 5});
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.duplicates, (std::vector<int>{2}));
  EXPECT_EQ(p.missing, (std::vector<int>{3, 4}));
  EXPECT_TRUE(auditSequence({2, 1, 3}).ok());
  EXPECT_TRUE(auditSequence({}).ok());
}

TEST(Numbering, TypeCodesRoundTrip) {
  for (auto t : {DocType::resolution, DocType::minutes, DocType::conclusion, DocType::report, DocType::plan,
                 DocType::notice, DocType::decision}) {
    EXPECT_EQ(docTypeFromCode(toCode(t)), t);
    EXPECT_FALSE(label(t).empty());
    EXPECT_FALSE(docSymbol(t).empty());
  }
}

}  // namespace
}  // namespace chibo
