// buildReviewForm, buildReviewResults and reviewResultsBook: the year-end review's papers.
#include <gtest/gtest.h>

#include "export/docx_renderer.h"
#include "export/pdf_renderer.h"
#include "export/review_papers.h"

namespace chibo {
namespace {

const DocumentHeading kHeading{"ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "", "Tân Định",
                               *Date::fromYmd(2027, 1, 10)};

TEST(ReviewForm, SectionsInOrderWithTheRecord) {
  ReviewFormInput in;
  in.heading = kHeading;
  in.year = 2026;
  in.member_name = "Cao Thị Khanh";
  in.cell_name = "Chi bộ Khu phố 1";
  in.results = {{"Dự sinh hoạt chi bộ", "11/12 buổi"}, {"Phát biểu trong sinh hoạt", "4 lần"}};
  in.self_text = "Dự đầy đủ sinh hoạt.\n\n  Hạn chế: chưa phát biểu nhiều.  ";
  in.self_level = "Hoàn thành tốt nhiệm vụ (85 điểm)";
  in.decision = "Hoàn thành nhiệm vụ (65 điểm)";
  in.history = {"Cấp ủy quyết định xếp loại ngày 22/12/2026: Hoàn thành tốt nhiệm vụ (85 điểm)",
                "Xem xét lại theo kiến nghị ngày 10/01/2027: Hoàn thành nhiệm vụ (65 điểm)"};
  auto doc = buildReviewForm(in);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->doc_type, "BẢN KIỂM ĐIỂM");
  EXPECT_EQ(doc->title, "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2026");
  std::string t = documentPlainText(*doc);
  auto at = [&](const std::string& s) { return t.find(s); };
  EXPECT_NE(at("Dự sinh hoạt chi bộ | 11/12 buổi"), std::string::npos) << t;
  EXPECT_NE(at("Hạn chế: chưa phát biểu nhiều."), std::string::npos) << t;
  EXPECT_LT(at("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), at("II. TỰ KIỂM ĐIỂM"));
  EXPECT_LT(at("III. TỰ NHẬN MỨC XẾP LOẠI"), at("Hoàn thành tốt nhiệm vụ (85 điểm)"));
  EXPECT_NE(at("IV. Ý KIẾN CỦA CHI BỘ\nChưa có."), std::string::npos) << t;  // the cell has not voted
  EXPECT_NE(at("Xem xét lại theo kiến nghị ngày 10/01/2027"), std::string::npos) << t;
  EXPECT_NE(at("NGƯỜI TỰ KIỂM ĐIỂM"), std::string::npos) << t;
  EXPECT_TRUE(renderPdf(*doc).ok());
  EXPECT_TRUE(renderDocx(*doc).ok());
  in.member_name = " ";
  EXPECT_FALSE(buildReviewForm(in).ok());
}

TEST(ReviewResults, TableTotalsAndCells) {
  ReviewResultInput in;
  in.heading = kHeading;
  in.year = 2026;
  in.scope_name = "Đảng ủy phường Tân Định";
  in.rows = {{"Cao Thị Khanh", "Chi bộ Khu phố 1", "HTTNV", "HTTNV", "HTTNV", 85},
             {"Lê Văn Hùng", "Chi bộ Khu phố 2", "HTTNV", "", "", std::nullopt}};
  in.totals = {{"Hoàn thành xuất sắc nhiệm vụ", 0}, {"Hoàn thành tốt nhiệm vụ", 1}};
  in.not_decided = 1;
  in.cells = {{"Chi bộ Khu phố 1", "Hoàn thành tốt nhiệm vụ (80 điểm)"}};
  auto doc = buildReviewResults(in);
  ASSERT_TRUE(doc.ok());
  std::string t = documentPlainText(*doc);
  EXPECT_NE(t.find("1 | Cao Thị Khanh | Chi bộ Khu phố 1 | HTTNV | HTTNV | HTTNV | 85"), std::string::npos) << t;
  EXPECT_NE(t.find("2 | Lê Văn Hùng | Chi bộ Khu phố 2 | HTTNV |  |  | "), std::string::npos) << t;
  EXPECT_NE(t.find("Tổng số: 2 đảng viên; Hoàn thành xuất sắc nhiệm vụ: 0; Hoàn thành tốt nhiệm vụ: 1; chưa quyết "
                   "định: 1."),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("1 | Chi bộ Khu phố 1 | Hoàn thành tốt nhiệm vụ (80 điểm)"), std::string::npos) << t;
  auto book = reviewResultsBook(in);
  ASSERT_EQ(book.sheets.size(), 2u);
  EXPECT_EQ(book.sheets[0].rows.size(), 2u);
  EXPECT_EQ(std::get<int64_t>(book.sheets[0].rows[0][6]), 85);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(book.sheets[0].rows[1][6]));
  EXPECT_TRUE(buildXlsx(book).ok());
  in.year = 12;
  EXPECT_FALSE(buildReviewResults(in).ok());
}

}  // namespace
}  // namespace chibo
