// The attachment type check reads the first bytes, and the name's extension
// must agree; file names are cleaned of paths and control characters.
#include <gtest/gtest.h>

#include "app/attachments/attachments.h"

namespace chibo {
namespace {

const std::string kPdf = "%PDF-1.7\n...";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF";
const std::string kDocx = std::string("PK\x03\x04", 4) + "....[Content_Types].xml....word/document.xml";
const std::string kXlsx = std::string("PK\x03\x04", 4) + "....[Content_Types].xml....xl/workbook.xml";

TEST(AttachmentTypeTest, AcceptsTheFiveTypesWithMatchingExtensions) {
  EXPECT_EQ(detectAttachmentType(kPdf, "a.pdf")->content_type, "application/pdf");
  EXPECT_EQ(detectAttachmentType(kPdf, "A.PDF")->ext, "pdf");
  EXPECT_EQ(detectAttachmentType(kPng, "a.png")->content_type, "image/png");
  EXPECT_EQ(detectAttachmentType(kJpeg, "a.jpeg")->content_type, "image/jpeg");
  EXPECT_EQ(detectAttachmentType(kJpeg, "a.JPG")->ext, "jpg");
  EXPECT_EQ(detectAttachmentType(kDocx, "a.docx")->ext, "docx");
  EXPECT_EQ(detectAttachmentType(kXlsx, "a.xlsx")->ext, "xlsx");
}

TEST(AttachmentTypeTest, RefusesMismatchesAndEverythingElse) {
  EXPECT_FALSE(detectAttachmentType(kPdf, "a.png"));
  EXPECT_FALSE(detectAttachmentType(kPdf, "pdf"));
  EXPECT_FALSE(detectAttachmentType(kDocx, "a.xlsx"));  // a Word package named .xlsx
  EXPECT_FALSE(detectAttachmentType(kXlsx, "a.docx"));
  EXPECT_FALSE(detectAttachmentType(std::string("PK\x03\x04", 4) + "plain zip", "a.docx"));
  EXPECT_FALSE(detectAttachmentType(std::string("\x7f" "ELF", 4), "a.pdf"));
  EXPECT_FALSE(detectAttachmentType("MZ\x90", "a.exe"));
  EXPECT_FALSE(detectAttachmentType("hello", "a.pdf"));
  EXPECT_FALSE(detectAttachmentType("", "a.pdf"));
  EXPECT_FALSE(detectAttachmentType("%PDF", "a.pdf"));  // too short for the signature
}

TEST(AttachmentTypeTest, SanitisesFileNames) {
  EXPECT_EQ(*sanitiseFileName("Dự thảo.pdf"), "Dự thảo.pdf");
  EXPECT_EQ(*sanitiseFileName("C:\\Users\\x\\báo cáo.docx"), "báo cáo.docx");
  EXPECT_EQ(*sanitiseFileName("../../etc/passwd.pdf"), "passwd.pdf");
  EXPECT_EQ(*sanitiseFileName("  a<b>:\"c|?*.pdf. "), "abc.pdf");
  EXPECT_EQ(*sanitiseFileName("x\x01\ny.png"), "xy.png");
  EXPECT_EQ(*sanitiseFileName("gpj\xE2\x80\xAE.exe"), "gpj.exe");  // U+202E dropped
  EXPECT_EQ(*sanitiseFileName("Nguye\xCC\x82\xCC\x83n.pdf"), "Nguyễn.pdf");  // NFD -> NFC
  EXPECT_FALSE(sanitiseFileName(""));
  EXPECT_FALSE(sanitiseFileName("..."));
  EXPECT_FALSE(sanitiseFileName("dir/"));
  EXPECT_FALSE(sanitiseFileName("\xFF\xFE.pdf"));
  EXPECT_FALSE(sanitiseFileName(std::string(201, 'a') + ".pdf"));
}

}  // namespace
}  // namespace chibo
