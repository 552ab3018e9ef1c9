#include "export/docx_renderer.h"

#include <gtest/gtest.h>

#include "export/minutes.h"
#include "export/resolution.h"
#include "export/zip_writer.h"
#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

using test::TempDir;

TEST(DocxRenderer, PackageHasThePartsAndWellFormedXml) {
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  auto docx = renderDocx(*doc);
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(docx->substr(0, 2), "PK");
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/_rels/document.xml.rels", "word/header1.xml", "docProps/core.xml"}) {
    auto x = unzipEntry(*docx, part);
    ASSERT_TRUE(x.ok()) << part;
    EXPECT_EQ(test::xmlProblem(*x), "") << part;
    EXPECT_EQ(x->rfind("<?xml", 0), 0u) << part;
  }
}

TEST(DocxRenderer, DocumentXmlCarriesTextLayoutAndSection) {
  auto in = test::sampleMinutes();
  in.chair.name = "Nguyễn Văn <Ánh> & Co";  // must be escaped, not break the XML
  auto doc = buildMinutes(in);
  ASSERT_TRUE(doc.ok());
  Table t;
  t.header = {"STT", "Nhiệm vụ"};
  t.rows = {{"1", "Vận động quỹ"}};
  doc->body.push_back(t);
  auto docx = renderDocx(*doc);
  ASSERT_TRUE(docx.ok());
  std::string x = *unzipEntry(*docx, "word/document.xml");
  EXPECT_EQ(test::xmlProblem(x), "");
  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ KHU PHỐ 1", "Số 03-BB/CB", "Tân Định, ngày 05 tháng 3 năm 2026",
                        "BIÊN BẢN", "Nguyễn Văn &lt;Ánh&gt; &amp; Co", "Trần Thị Thu Hương",
                        "Đồng chí Phạm Quốc Việt: đi công tác tại Đà Nẵng.", "16/18 đồng chí tán thành (88,9%)",
                        // A4, left 30 mm, right 15 mm, top/bottom 20 mm, page number from page 2
                        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>", "w:top=\"1134\"", "w:right=\"850\"", "w:left=\"1701\"",
                        "<w:titlePg/>", "<w:u w:val=\"single\"/>", "<w:tblHeader/>",
                        "<w:insideH w:val=\"single\""})
    EXPECT_NE(x.find(s), std::string::npos) << "missing: " << s;
  std::string styles = *unzipEntry(*docx, "word/styles.xml");
  EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos);
  EXPECT_NE(styles.find("<w:sz w:val=\"26\"/>"), std::string::npos);  // 13 pt
  EXPECT_NE(unzipEntry(*docx, "word/header1.xml")->find("PAGE"), std::string::npos);
}

TEST(DocxRenderer, NfdTextStoredAsNfc) {
  PartyDocument d;
  d.body.push_back(plainParagraph("Ha\xCC\x80 Nô\xCC\xA3i"));
  auto docx = renderDocx(d);
  ASSERT_TRUE(docx.ok());
  EXPECT_NE(unzipEntry(*docx, "word/document.xml")->find("Hà Nội"), std::string::npos);
}

TEST(DocxRenderer, LibreOfficeReadsItBack) {
  CHIBO_REQUIRE_SOFFICE();
  TempDir dir;
  ResolutionInput in;
  in.heading = {"ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "Số 01-NQ/CB", "Tân Định", *Date::fromYmd(2026, 3, 5)};
  in.period = "tháng 3/2026";
  in.start = *DateTime::parseIso("2026-03-05T19:30:00+07:00");
  in.expected = 20;
  in.present = 18;
  in.chair = "Nguyễn Văn Ánh";
  in.secretary = "Trần Thị Thu Hương";
  in.previous_tasks = {{"Vận động quỹ vì người nghèo", "Đạt 120% chỉ tiêu", "Hoàn thành"}};
  in.directions = {"Tuyên truyền phòng chống sốt xuất huyết."};
  in.assignments = {{"Ra quân làm sạch hẻm 12", "Đồng chí Hoàng Minh Tuấn", Date::fromYmd(2026, 3, 15)}};
  in.quality_rating = "Tốt";
  in.vote = {18, 18, 0};
  in.signer.name = "Nguyễn Văn Ánh";
  auto doc = buildResolution(in);
  ASSERT_TRUE(doc.ok());
  auto docx = renderDocx(*doc);
  ASSERT_TRUE(docx.ok());
  test::writeFile(dir.file("nq.docx"), *docx);
  std::string pdf = test::sofficeConvert(dir.file("nq.docx"), "pdf", "pdf", dir.path.string());
  ASSERT_FALSE(pdf.empty()) << "soffice could not convert the DOCX";
  std::string text = test::pdfText(pdf);
  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "Số 01-NQ/CB", "NGHỊ QUYẾT", "Lãnh đạo thực hiện nhiệm vụ tháng 3/2026",
                        "Vận động quỹ vì người nghèo", "Đạt 120% chỉ tiêu", "Ra quân làm sạch hẻm 12", "15/03/2026",
                        "18/18 đồng chí tán thành (100%)", "Nơi nhận:", "T/M CHI ỦY", "BÍ THƯ"})
    EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s << "\n--- text:\n" << text;
  std::string info = test::run("pdfinfo '" + pdf + "'");
  EXPECT_NE(info.find("595.3"), std::string::npos) << "A4 width\n" << info;  // 595.3 x 841.9 pts (A4)
}

TEST(ZipWriter, RoundTripAndMissingEntry) {
  auto z = zipParts({{"a.txt", "xin chào"}, {"thư mục/b.txt", std::string(10000, 'x')}});
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(*unzipEntry(*z, "a.txt"), "xin chào");
  EXPECT_EQ(unzipEntry(*z, "thư mục/b.txt")->size(), 10000u);
  EXPECT_EQ(unzipEntry(*z, "none").error().kind, ErrorKind::not_found);
  EXPECT_EQ(unzipEntry("not a zip", "a.txt").error().kind, ErrorKind::bad_request);
}

}  // namespace
}  // namespace chibo
