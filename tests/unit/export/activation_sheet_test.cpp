#include "export/activation_sheet.h"

#include <gtest/gtest.h>

#include <regex>

#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

ActivationCard card(const std::string& name, const std::string& cell, const std::string& code) {
  return {name, cell, "nguyen.thi.ha", code, "20/12/2026", "http://chibo.example/#/activate?code=" + code};
}

TEST(ActivationSheet, EmptyIsRefused) {
  auto r = renderActivationSheet({}, "http://chibo.example");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "no_accounts");
}

TEST(ActivationSheet, CarriesNameUsernameCodeAndExpiryInVietnamese) {
  if (!test::haveTool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto pdf = renderActivationSheet({card("Nguyễn Thị Hà", "Chi bộ Khu phố 1", "K7QX-M3PD-9WTA")},
                                   "http://chibo.example");
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  test::TempDir dir;
  test::writeFile(dir.file("s.pdf"), *pdf);
  auto text = test::pdfText(dir.file("s.pdf"));
  EXPECT_NE(text.find("Nguyễn Thị Hà"), std::string::npos) << text;
  EXPECT_NE(text.find("nguyen.thi.ha"), std::string::npos) << text;
  EXPECT_NE(text.find("K7QX-M3PD-9WTA"), std::string::npos) << text;
  EXPECT_NE(text.find("20/12/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Chi bộ Khu phố 1"), std::string::npos) << text;
}

TEST(ActivationSheet, EightCardsAPageAndEachCellOnItsOwnPages) {
  if (!test::haveTool("pdfinfo")) GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
  std::vector<ActivationCard> cards;
  for (int i = 0; i < 9; ++i) cards.push_back(card("Đảng viên " + std::to_string(i), "Chi bộ A", "AAAA-BBBB-CCC" + std::string(1, char('D' + i))));
  cards.push_back(card("Đảng viên B", "Chi bộ B", "AAAA-BBBB-DDDD"));
  auto pdf = renderActivationSheet(cards, "http://chibo.example");
  ASSERT_TRUE(pdf.ok());
  test::TempDir dir;
  test::writeFile(dir.file("s.pdf"), *pdf);
  auto info = test::run("pdfinfo '" + dir.file("s.pdf") + "'");
  // 8 + 1 cards of cell A on two pages, cell B's one card on a page of its own.
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+3\n)"))) << info;
}

}  // namespace
}  // namespace chibo
