#include "export/resolution.h"

#include <gtest/gtest.h>

#include "export/pdf_renderer.h"
#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

ResolutionInput sample() {
  ResolutionInput in;
  in.heading = {"ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "Số 01-NQ/CB", "Tân Định", *Date::fromYmd(2026, 3, 5)};
  in.period = "tháng 3/2026";
  in.start = *DateTime::parseIso("2026-03-05T19:30:00+07:00");
  in.end = *DateTime::parseIso("2026-03-05T21:15:00+07:00");
  in.place = "Nhà văn hóa Khu phố 1";
  in.expected = 20;
  in.present = 18;
  in.chair = "Nguyễn Văn Ánh";
  in.secretary = "Trần Thị Thu Hương";
  in.dues_status = "đã thu đủ";
  in.previous_resolution = "Nghị quyết số 12-NQ/CB ngày 05/02/2026";
  in.previous_tasks = {{"Vận động quỹ vì người nghèo", "Đạt 120%", "Hoàn thành"},
                       {"Làm sạch hẻm 12", "40/52 hộ ký cam kết", "Chưa hoàn thành"}};
  in.strengths = {"Sinh hoạt đúng giờ."};
  in.weaknesses = {"Vận động còn chậm."};
  in.directions = {"Tuyên truyền phòng chống sốt xuất huyết."};
  in.assignments = {{"Ra quân làm sạch hẻm 12", "Đồng chí Hoàng Minh Tuấn", Date::fromYmd(2026, 3, 15)},
                    {"Theo dõi hộ nghèo", "Đồng chí Bùi Thị Yến", std::nullopt}};
  in.quality_rating = "Tốt";
  in.vote = {18, 18, 0};
  in.signer.name = "Nguyễn Văn Ánh";
  return in;
}

TEST(Resolution, CamLeStructure) {
  auto doc = buildResolution(sample());
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->doc_type, "NGHỊ QUYẾT");
  EXPECT_EQ(doc->title, "Lãnh đạo thực hiện nhiệm vụ tháng 3/2026");
  std::string t = documentPlainText(*doc);
  std::vector<std::string> inOrder = {
      "Đảng viên phải dự: 20 đồng chí; có mặt: 18 đồng chí (90%); vắng: 2 đồng chí.",
      "từ 19 giờ 30 phút đến 21 giờ 15 phút (105 phút)",
      "Chủ trì: đồng chí Nguyễn Văn Ánh; thư ký: đồng chí Trần Thị Thu Hương.",
      "I. ĐÁNH GIÁ KẾT QUẢ",
      "Kết quả thực hiện Nghị quyết số 12-NQ/CB ngày 05/02/2026 như sau:",
      "STT | Nhiệm vụ theo nghị quyết | Kết quả thực hiện | Đánh giá",
      "2 | Làm sạch hẻm 12 | 40/52 hộ ký cam kết | Chưa hoàn thành",
      "1. Ưu điểm",
      "2. Hạn chế, nguyên nhân",
      "II. PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 3/2026",
      "III. PHÂN CÔNG VÀ TỔ CHỨC THỰC HIỆN",
      "1 | Ra quân làm sạch hẻm 12 | Đồng chí Hoàng Minh Tuấn | 15/03/2026",
      "2 | Theo dõi hộ nghèo | Đồng chí Bùi Thị Yến | Thường xuyên",
      "IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT",
      "Chi bộ tự đánh giá kỳ sinh hoạt đạt chất lượng: Tốt.",
      "Nghị quyết được Chi bộ biểu quyết thông qua với 18/18 đồng chí tán thành (100%), 0 không tán thành, 0 không "
      "biểu quyết.",
      "T/M CHI ỦY\nBÍ THƯ\nNguyễn Văn Ánh",
      "Nơi nhận:\n- Đảng ủy phường (b/c),",
      "- Lưu chi bộ.",
  };
  size_t pos = 0;
  for (const auto& s : inOrder) {
    size_t at = t.find(s, pos);
    EXPECT_NE(at, std::string::npos) << "missing or out of order: " << s << "\n" << t;
    if (at != std::string::npos) pos = at;
  }
}

TEST(Resolution, CustomRecipientsAndSigner) {
  auto in = sample();
  in.recipients = {"Đảng ủy phường,", "Lưu."};
  in.signer = {"T/M CHI BỘ", "BÍ THƯ", "Lê Thị Ơn"};
  auto doc = buildResolution(in);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->recipients, in.recipients);
  ASSERT_EQ(doc->signatures.size(), 1u);
  EXPECT_EQ(doc->signatures[0].authority, "T/M CHI BỘ");
}

TEST(Resolution, Validation) {
  auto in = sample();
  in.period.clear();
  in.signer.name.clear();
  in.present = 21;
  in.previous_tasks[0].task.clear();
  in.vote = {18, 19, 0};
  auto doc = buildResolution(in);
  ASSERT_FALSE(doc.ok());
  std::vector<std::string> fields;
  for (const auto& fe : doc.error().field_errors) fields.push_back(fe.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"period", "signer.name", "present", "previous_tasks[0].task", "vote"}));
}

TEST(Resolution, PdfKeepsVoteLineWithSignature) {
  // Whatever the page break, the vote line and "T/M CHI ỦY" land on the same page.
  test::TempDir dir;
  auto in = sample();
  for (int extra = 0; extra < 12; ++extra) {
    in.directions.push_back("Phương hướng bổ sung số " + std::to_string(extra) +
                            ": tiếp tục tuyên truyền, vận động nhân dân thực hiện tốt các chủ trương.");
    auto doc = buildResolution(in);
    ASSERT_TRUE(doc.ok());
    ASSERT_TRUE(writePdfFile(*doc, dir.file("nq.pdf")).ok());
    std::string info = test::run("pdfinfo '" + dir.file("nq.pdf") + "'");
    int pages = std::stoi(info.substr(info.find("Pages:") + 6));
    std::string last = test::squash(test::run("pdftotext -enc UTF-8 -f " + std::to_string(pages) + " -l " +
                                              std::to_string(pages) + " '" + dir.file("nq.pdf") + "' -"));
    EXPECT_NE(last.find("T/M CHI ỦY"), std::string::npos);
    EXPECT_NE(last.find("Nghị quyết được Chi bộ biểu quyết thông qua"), std::string::npos)
        << "extra=" << extra << " last page: " << last;
  }
}

}  // namespace
}  // namespace chibo
