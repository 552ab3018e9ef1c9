// The PDF renderer, checked through Poppler: what pdftotext reads back is what
// a member would copy out of the file.
#include "export/pdf_renderer.h"

#include <gtest/gtest.h>

#include <thread>

#include "export/minutes.h"
#include "export/pango_text.h"
#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

using test::pdfText;
using test::TempDir;

std::string renderToText(const PartyDocument& doc, const TempDir& dir, const std::string& name) {
  auto pdf = renderPdf(doc);
  EXPECT_TRUE(pdf.ok());
  if (!pdf.ok()) return "";
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  test::writeFile(dir.file(name), *pdf);
  return pdfText(dir.file(name));
}

TEST(PdfRenderer, MinutesTextComesBackFromPdftotext) {
  TempDir dir;
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  std::string text = renderToText(*doc, dir, "minutes.pdf");

  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "Số 03-BB/CB",
                        "Tân Định, ngày 05 tháng 3 năm 2026", "BIÊN BẢN", "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                        // chair and secretary, in the text and in the signature blocks
                        "Chủ trì: đồng chí Nguyễn Văn Ánh, Bí thư Chi bộ",
                        "Thư ký: đồng chí Trần Thị Thu Hương, Chi ủy viên", "THƯ KÝ", "CHỦ TRÌ",
                        // every absentee with their reason, and the one without
                        "Đồng chí Phạm Quốc Việt: đi công tác tại Đà Nẵng.", "Đồng chí Đặng Thị Ngọc Ẩn: ốm, nằm viện.",
                        "Vắng không có lý do: 1 đồng chí (đồng chí Vũ Đức Thắng).",
                        "có mặt: 18 đồng chí (85,7%)",
                        "Biểu quyết thông qua Nghị quyết: 16/18 đồng chí tán thành (88,9%), 1 không tán thành, 1 không biểu quyết.",
                        "Đồng chí Hoàng Minh Tuấn: Đề nghị đẩy nhanh", "kết thúc lúc 21 giờ 15 phút cùng ngày"})
    EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s << "\n--- text:\n" << text;
}

TEST(PdfRenderer, NfdInputRendersAndExtractsAsNfc) {
  TempDir dir;
  PartyDocument doc;
  doc.issuing_body = "CHI BỘ KHU PHỐ 1";
  doc.doc_type = "THÔNG BÁO";
  // "Nguyễn Thị Thu Hà – Đặng Ẩn" decomposed: base letters + combining marks.
  doc.body.push_back(plainParagraph("Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Thu Ha\xCC\x80 \xE2\x80\x93 \xC4\x90" "a\xCC\x86\xCC\xA3ng A\xCC\x82\xCC\x89n"));
  std::string text = renderToText(doc, dir, "nfd.pdf");
  EXPECT_NE(text.find("Nguyễn Thị Thu Hà – Đặng Ẩn"), std::string::npos) << text;
}

TEST(PdfRenderer, LongDocumentBreaksPagesRepeatsTableHeaderAndNumbersPages) {
  TempDir dir;
  PartyDocument doc;
  doc.issuing_body = "CHI BỘ KHU PHỐ 1";
  doc.doc_type = "DANH SÁCH";
  doc.title = "Kiểm tra ngắt trang";
  Table t;
  t.header = {"STT", "Nội dung rất dài cần xuống dòng trong ô", "Người thực hiện"};
  t.widths = {0.5, 4, 2};
  for (int i = 1; i <= 60; ++i)
    t.rows.push_back({std::to_string(i),
                      "Nhiệm vụ số " + std::to_string(i) +
                          ": vận động các hộ gia đình thực hiện nếp sống văn minh đô thị, giữ gìn vệ sinh môi trường",
                      "Đồng chí Nguyễn Thị Ước"});
  doc.body.push_back(t);
  auto pdf = renderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  test::writeFile(dir.file("long.pdf"), *pdf);
  std::string info = test::run("pdfinfo '" + dir.file("long.pdf") + "'");
  int pages = 0;
  auto pos = info.find("Pages:");
  ASSERT_NE(pos, std::string::npos);
  pages = std::stoi(info.substr(pos + 6));
  EXPECT_GE(pages, 3);

  // Page 1 has no number; page 2 starts with "2" at the top and repeats the header row.
  std::string p2 = test::squash(test::run("pdftotext -enc UTF-8 -f 2 -l 2 '" + dir.file("long.pdf") + "' -"));
  EXPECT_EQ(p2.rfind("2 STT", 0), 0u) << p2.substr(0, 200);
  EXPECT_NE(p2.find("Nội dung rất dài"), std::string::npos);
  std::string all = pdfText(dir.file("long.pdf"));
  for (int i : {1, 30, 60}) EXPECT_NE(all.find("Nhiệm vụ số " + std::to_string(i) + ":"), std::string::npos) << i;
}

TEST(PdfRenderer, UsesASerifFontEmbedded) {
  TempDir dir;
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(writePdfFile(*doc, dir.file("fonts.pdf")).ok());
  std::string fonts = test::run("pdffonts '" + dir.file("fonts.pdf") + "'");
  EXPECT_TRUE(fonts.find("LiberationSerif") != std::string::npos || fonts.find("TimesNewRoman") != std::string::npos)
      << fonts;
  EXPECT_EQ(fonts.find("DejaVu"), std::string::npos) << "fell back to a sans font:\n" << fonts;
  EXPECT_TRUE(serifFamily() == "Times New Roman" || serifFamily() == "Liberation Serif");
}

TEST(PdfRenderer, WriteFileFailsCleanlyOnBadPath) {
  PartyDocument doc;
  auto st = writePdfFile(doc, "/nonexistent-dir/x.pdf");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::internal);
}

// The HTTP layer renders from worker threads; Pango and fontconfig must cope.
TEST(PdfRenderer, RendersFromSeveralThreadsAtOnce) {
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  std::vector<size_t> sizes(4, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < sizes.size(); ++i)
    threads.emplace_back([&, i] {
      auto pdf = renderPdf(*doc);
      sizes[i] = pdf.ok() ? pdf->size() : 0;
    });
  for (auto& t : threads) t.join();
  for (size_t s : sizes) EXPECT_GT(s, 10000u);
}

// Leaves /tmp/chibo-sample-minutes.pdf and -1.png for a person to look at.
TEST(PdfRenderer, SampleForVisualCheck) {
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(writePdfFile(*doc, "/tmp/chibo-sample-minutes.pdf").ok());
  int status = 0;
  test::run("pdftoppm -r 60 -png /tmp/chibo-sample-minutes.pdf /tmp/chibo-sample-minutes", &status);
  EXPECT_EQ(status, 0);
}

}  // namespace
}  // namespace chibo
