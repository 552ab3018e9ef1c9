#include "export/minutes.h"

#include <gtest/gtest.h>

#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

bool has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(Minutes, CarriesEveryTemplateField) {
  auto doc = buildMinutes(test::sampleMinutes());
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->doc_type, "BIÊN BẢN");
  EXPECT_EQ(doc->number, "Số 03-BB/CB");
  std::string t = documentPlainText(*doc);
  for (const char* s : {
           "Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 05/03/2026.",
           "Địa điểm: Nhà văn hóa Khu phố 1.",
           "Chủ trì: đồng chí Nguyễn Văn Ánh, Bí thư Chi bộ.",
           "Thư ký: đồng chí Trần Thị Thu Hương, Chi ủy viên.",
           "Khách mời: đồng chí Lê Hoàng Dũng, Đảng ủy viên, phụ trách Chi bộ.",
           "Tổng số đảng viên của Chi bộ: 22 đồng chí (chính thức: 20, dự bị: 2).",
           "Đảng viên sinh hoạt tạm thời đến: 1 đồng chí.",
           "Miễn công tác và sinh hoạt đảng: 1 đồng chí.",
           "Đi sinh hoạt tạm thời nơi khác: 1 đồng chí.",
           "Đảng viên phải dự sinh hoạt: 21 đồng chí; có mặt: 18 đồng chí (85,7%).",
           "Vắng có lý do: 2 đồng chí:",
           "+ Đồng chí Phạm Quốc Việt: đi công tác tại Đà Nẵng.",
           "+ Đồng chí Đặng Thị Ngọc Ẩn: ốm, nằm viện.",
           "Vắng không có lý do: 1 đồng chí (đồng chí Vũ Đức Thắng).",
           "Đảng phí: đã thu đảng phí tháng 3/2026 của 19/21 đồng chí.",
           "1. Đánh giá kết quả thực hiện Nghị quyết tháng 02/2026",
           "Đồng chí Nguyễn Văn Ánh trình bày: Chi bộ đã hoàn thành",
           "Đồng chí Hoàng Minh Tuấn: Đề nghị đẩy nhanh",
           "Đồng chí Bùi Thị Yến: Cần phân công",
           "Chủ trì kết luận: Tiếp thu ý kiến",
           "IV. KẾT LUẬN CỦA CHỦ TRÌ",
           "Biểu quyết thông qua Nghị quyết: 16/18 đồng chí tán thành (88,9%), 1 không tán thành, 1 không biểu quyết.",
           "VI. KẾT THÚC",
           "Buổi sinh hoạt kết thúc lúc 21 giờ 15 phút cùng ngày.",
           "Biên bản đã được đọc lại cho Chi bộ nghe",
       })
    EXPECT_TRUE(has(t, s)) << "missing: " << s << "\n" << t;
  ASSERT_EQ(doc->signatures.size(), 2u);
  EXPECT_EQ(doc->signatures[0].position, "THƯ KÝ");
  EXPECT_EQ(doc->signatures[0].name, "Trần Thị Thu Hương");
  EXPECT_EQ(doc->signatures[1].position, "CHỦ TRÌ");
  EXPECT_EQ(doc->signatures[1].name, "Nguyễn Văn Ánh");
  EXPECT_TRUE(doc->recipients.empty());
}

TEST(Minutes, OptionalPartsLeftOutOrMarked) {
  auto in = test::sampleMinutes();
  in.guests.clear();
  in.vote.reset();
  in.dues_status.clear();
  in.absent_with_reason.clear();
  in.absent_without_reason.clear();
  in.counts.present = in.counts.expected;
  in.end = *DateTime::parseIso("2026-03-06T00:10:00+07:00");  // ran past midnight
  in.read_back = false;
  auto doc = buildMinutes(in);
  ASSERT_TRUE(doc.ok());
  std::string t = documentPlainText(*doc);
  EXPECT_FALSE(has(t, "Khách mời"));
  EXPECT_FALSE(has(t, "BIỂU QUYẾT"));
  EXPECT_FALSE(has(t, "Đảng phí"));
  EXPECT_FALSE(has(t, "đọc lại"));
  EXPECT_TRUE(has(t, "Vắng có lý do: 0 đồng chí."));
  EXPECT_TRUE(has(t, "Vắng không có lý do: 0 đồng chí."));
  EXPECT_TRUE(has(t, "V. KẾT THÚC"));
  EXPECT_TRUE(has(t, "kết thúc lúc 0 giờ 10 phút, ngày 06/03/2026."));
}

TEST(Minutes, ValidationNamesTheFields) {
  auto in = test::sampleMinutes();
  in.chair.name = " ";
  in.secretary.name.clear();
  in.absent_with_reason[1].reason.clear();
  in.end = *DateTime::parseIso("2026-03-05T18:00:00+07:00");
  in.vote = VoteTally{18, 17, 2};
  auto doc = buildMinutes(in);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().kind, ErrorKind::validation);
  std::vector<std::string> fields;
  for (const auto& fe : doc.error().field_errors) fields.push_back(fe.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"chair.name", "secretary.name", "absent_with_reason[1].reason", "end",
                                              "vote"}));
}

TEST(Minutes, AttendanceMustAddUp) {
  auto in = test::sampleMinutes();
  in.counts.present = 17;  // 17 + 2 + 1 != 21
  auto doc = buildMinutes(in);
  ASSERT_FALSE(doc.ok());
  ASSERT_EQ(doc.error().field_errors.size(), 1u);
  EXPECT_EQ(doc.error().field_errors[0].code, "attendance_mismatch");
  in.counts.present = 22;
  EXPECT_EQ(buildMinutes(in).error().field_errors[0].code, "exceeds_expected");
  in.counts.present = -1;
  EXPECT_EQ(buildMinutes(in).error().field_errors[0].code, "negative");
}

// A step with nothing recorded says so in one line instead of standing as an
// empty heading; a step's records are listed under it; the vote names its rule
// and result.
TEST(Minutes, EveryStepSaysWhatWasRecordedOrThatNothingWas) {
  auto in = test::sampleMinutes();
  in.agenda.push_back({"Thông tin thời sự", "", "", {}, "", {}});
  in.agenda.push_back({"Phân công nhiệm vụ", "", "", {}, "", {"Sửa đèn hẻm 14 – Đồng chí Bùi Thị Yến; thời hạn 20/03/2026."}});
  in.vote_rule = "Quá một nửa số đảng viên có mặt có quyền biểu quyết";
  in.vote_passed = true;
  auto doc = buildMinutes(in);
  ASSERT_TRUE(doc.ok());
  std::string t = documentPlainText(*doc);
  auto heading = t.rfind("Thông tin thời sự");  // section III, after the programme
  ASSERT_NE(heading, std::string::npos);
  EXPECT_EQ(t.find("Không ghi nhận nội dung ở bước này.", heading), t.find('\n', heading) + 1) << t;
  EXPECT_TRUE(has(t, "Sửa đèn hẻm 14 – Đồng chí Bùi Thị Yến; thời hạn 20/03/2026.")) << t;
  EXPECT_FALSE(has(t, "20/03/2026..")) << t;
  EXPECT_TRUE(has(t, "Quy tắc biểu quyết: Quá một nửa số đảng viên có mặt có quyền biểu quyết; kết quả: thông qua.")) << t;
  // Steps with something recorded do not carry the line.
  auto first = t.rfind("1. Đánh giá kết quả thực hiện Nghị quyết tháng 02/2026");
  auto second = t.rfind("2. Phương hướng nhiệm vụ tháng 3/2026");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(t.substr(first, second - first).find("Không ghi nhận"), std::string::npos);
}

TEST(DocumentInputs, EndSentenceAddsOneFullStopOnly) {
  EXPECT_EQ(endSentence("Nhà văn hóa hẻm 14"), "Nhà văn hóa hẻm 14.");
  EXPECT_EQ(endSentence("Nhà văn hóa hẻm 14."), "Nhà văn hóa hẻm 14.");
  EXPECT_EQ(endSentence("Có ai vắng không?"), "Có ai vắng không?");
  EXPECT_EQ(endSentence("còn tiếp…  "), "còn tiếp…");
  EXPECT_EQ(endSentence(""), "");
}

}  // namespace
}  // namespace chibo
