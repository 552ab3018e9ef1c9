#include "export/party_document.h"

#include <gtest/gtest.h>

#include "export/document_inputs.h"
#include "export/text.h"

namespace chibo {
namespace {

TEST(PlaceDateLine, LeadingZeroForDaysBelowTenAndMonthsOneAndTwo) {
  EXPECT_EQ(placeDateLine("Tân Định", *Date::fromYmd(2026, 3, 5)), "Tân Định, ngày 05 tháng 3 năm 2026");
  EXPECT_EQ(placeDateLine("Tân Định", *Date::fromYmd(2026, 1, 9)), "Tân Định, ngày 09 tháng 01 năm 2026");
  EXPECT_EQ(placeDateLine("Hà Nội", *Date::fromYmd(2026, 2, 28)), "Hà Nội, ngày 28 tháng 02 năm 2026");
  EXPECT_EQ(placeDateLine("Cẩm Lệ", *Date::fromYmd(2025, 12, 31)), "Cẩm Lệ, ngày 31 tháng 12 năm 2025");
  EXPECT_EQ(placeDateLine("", *Date::fromYmd(2026, 10, 10)), "ngày 10 tháng 10 năm 2026");
}

TEST(TextHelpers, Percent) {
  EXPECT_EQ(percentOf(18, 20), "90%");
  EXPECT_EQ(percentOf(17, 19), "89,5%");
  EXPECT_EQ(percentOf(2, 3), "66,7%");
  EXPECT_EQ(percentOf(20, 20), "100%");
  EXPECT_EQ(percentOf(0, 0), "0%");
}

TEST(TextHelpers, XmlEscapeAndUpper) {
  EXPECT_EQ(xmlEscape("a<b>&\"c'\x01"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(upperVn("tháng 3/2026 – đảng ủy"), "THÁNG 3/2026 – ĐẢNG ỦY");
  EXPECT_EQ(trimAscii("  a b \n"), "a b");
}

TEST(DocumentInputs, VoteSummaryAndChecks) {
  EXPECT_EQ(voteSummary({20, 18, 0}), "18/20 đồng chí tán thành (90%), 0 không tán thành, 2 không biểu quyết");
  Validator v;
  checkVote(v, "vote", {10, 8, 3});
  checkVote(v, "vote2", {10, -1, 0});
  checkVote(v, "vote3", {10, 5, 5});
  ASSERT_EQ(v.errors().size(), 2u);
  EXPECT_EQ(v.errors()[0].code, "vote_exceeds_eligible");
  EXPECT_EQ(v.errors()[1].code, "negative");
}

TEST(DocumentInputs, ClockPhraseIsLocalTime) {
  EXPECT_EQ(clockPhrase(*DateTime::parseIso("2026-03-05T12:05:00Z")), "19 giờ 05 phút");
  EXPECT_EQ(clockPhrase(*DateTime::parseIso("2026-03-05T07:30:00+07:00")), "7 giờ 30 phút");
  EXPECT_EQ(comrade({"Lê Văn Tám", ""}), "đồng chí Lê Văn Tám");
  EXPECT_EQ(comrade({"Lê Văn Tám", "Chi ủy viên"}), "đồng chí Lê Văn Tám, Chi ủy viên");
}

TEST(PartyDocument, PlainTextListsEverythingInOrder) {
  PartyDocument d = startDocument({"ĐẢNG ỦY PHƯỜNG X", "CHI BỘ Y", "Số 01-TB/CB", "X", *Date::fromYmd(2026, 4, 1)},
                                  "THÔNG BÁO", "Lịch sinh hoạt");
  d.body.push_back(Heading{"I. A"});
  d.body.push_back(labelledParagraph("Nhãn: ", "giá trị"));
  d.body.push_back(BulletList{{{{"mục", false, false}}}, "-", 0});
  d.body.push_back(Table{{"STT", "Tên"}, {{"1", "Ơn"}}, {}, {}});
  d.signatures = {{"T/M CHI ỦY", "BÍ THƯ", "Hà"}};
  d.recipients = {"Lưu."};
  EXPECT_EQ(documentPlainText(d),
            "ĐẢNG ỦY PHƯỜNG X\nCHI BỘ Y\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 01-TB/CB\nX, ngày 01 tháng 4 năm 2026\n"
            "THÔNG BÁO\nLịch sinh hoạt\nI. A\nNhãn: giá trị\n- mục\nSTT | Tên\n1 | Ơn\nT/M CHI ỦY\nBÍ THƯ\nHà\n"
            "Nơi nhận:\n- Lưu.\n");
  EXPECT_EQ(documentCaption(d), "THÔNG BÁO Lịch sinh hoạt");
}

}  // namespace
}  // namespace chibo
