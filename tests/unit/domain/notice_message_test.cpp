// The texts of reminders and notices: Vietnamese, dates as dd/mm/yyyy, a link
// to the page; the retry schedule; what counts as an e-mail address.
#include <gtest/gtest.h>

#include "domain/notice/email_address.h"
#include "domain/notice/message.h"

namespace chibo {
namespace {

DateTime at(const char* iso) { return *DateTime::parseIso(iso); }

MeetingNoticeFacts kp1() {
  return {12, "Chi bộ Khu phố 1", "Sinh hoạt thường kỳ", "", at("2027-03-05T19:30+07:00"), "Nhà văn hóa khu phố"};
}

TEST(NoticeMessage, MeetingPlannedSaysWhoWhenAndWhereWithTheLink) {
  auto t = meetingPlannedText(kp1());
  EXPECT_EQ(t.subject, "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 05/03/2027");
  EXPECT_EQ(t.body, "Đã lên lịch: Chi bộ Khu phố 1 sinh hoạt thường kỳ lúc 19:30 ngày 05/03/2027, tại Nhà văn hóa khu phố.");
  EXPECT_EQ(t.link, "#/meetings/12");
}

TEST(NoticeMessage, LocalTimeIsVietnamsAcrossMidnightUtc) {
  auto f = kp1();
  f.start = at("2027-03-05T23:30Z");  // 06:30 on the 6th in Hà Nội
  auto t = meetingPlannedText(f);
  EXPECT_NE(t.body.find("lúc 06:30 ngày 06/03/2027"), std::string::npos) << t.body;
  EXPECT_EQ(t.subject, "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 06/03/2027");
}

TEST(NoticeMessage, MovedMeetingGivesTheOldAndTheNewTime) {
  auto t = meetingMovedText(kp1(), at("2027-03-03T19:30+07:00"));
  EXPECT_EQ(t.subject, "Đổi lịch sinh hoạt Chi bộ Khu phố 1 sang ngày 05/03/2027");
  EXPECT_NE(t.body.find("Lịch cũ: 19:30 ngày 03/03/2027."), std::string::npos) << t.body;
  EXPECT_NE(t.body.find("Lịch mới: Chi bộ Khu phố 1 sinh hoạt thường kỳ lúc 19:30 ngày 05/03/2027"), std::string::npos);
}

TEST(NoticeMessage, TopicIsNamedWhenThereIsOne) {
  auto f = kp1();
  f.kind_label = "Sinh hoạt chuyên đề";
  f.topic = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
  auto t = documentsPublishedText(f);
  EXPECT_NE(t.body.find("sinh hoạt chuyên đề lúc"), std::string::npos) << t.body;
  EXPECT_NE(t.body.find("Nội dung: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."), std::string::npos);
}

TEST(NoticeMessage, NoticeToMembersAndInvitationToTheMonitorDiffer) {
  auto m = meetingNoticeText(kp1(), false), i = meetingNoticeText(kp1(), true);
  EXPECT_EQ(m.subject, "Thông báo sinh hoạt Chi bộ Khu phố 1 ngày 05/03/2027");
  EXPECT_EQ(i.subject, "Mời dự sinh hoạt Chi bộ Khu phố 1 ngày 05/03/2027");
  EXPECT_NE(i.body.find("cấp ủy viên phụ trách"), std::string::npos);
}

TEST(NoticeMessage, TaskReminderCountsTheDays) {
  TaskNoticeFacts f{7, 12, "Vận động hội viên đóng quỹ", *Date::parseIso("2027-03-08")};
  auto soon = taskDueSoonText(f, *Date::parseIso("2027-03-05"));
  EXPECT_EQ(soon.subject, "Sắp đến hạn nhiệm vụ (08/03/2027)");
  EXPECT_EQ(soon.body, "Nhiệm vụ: Vận động hội viên đóng quỹ\nHạn hoàn thành: 08/03/2027 (còn 3 ngày).");
  EXPECT_EQ(soon.link, "#/meetings/12");
  EXPECT_NE(taskDueSoonText(f, *Date::parseIso("2027-03-08")).body.find("(hôm nay)"), std::string::npos);
  auto late = taskOverdueText(f, *Date::parseIso("2027-03-10"));
  EXPECT_EQ(late.subject, "Quá hạn nhiệm vụ (08/03/2027)");
  EXPECT_NE(late.body.find("đã quá 2 ngày"), std::string::npos) << late.body;
}

TEST(NoticeMessage, EmailAddsThePagesFullAddress) {
  auto t = meetingPlannedText(kp1());
  auto b = emailBody(t, "https://chibo.tinh.gov.vn");
  EXPECT_EQ(b.rfind(t.body, 0), 0u);
  EXPECT_NE(b.find("Xem chi tiết: https://chibo.tinh.gov.vn/#/meetings/12"), std::string::npos) << b;
  EXPECT_EQ(emailBody(t, "").find("Xem chi tiết"), std::string::npos) << "no address to give without public_url";
}

TEST(NoticeMessage, ActivationCodeLinksToTheActivationPage) {
  auto t = activationCodeText("Nguyễn Thị Lan", "lan.nt", "ABCD-EFGH", *Date::parseIso("2027-03-19"));
  EXPECT_EQ(t.link, "#/activate?code=ABCD-EFGH");
  EXPECT_NE(t.body.find("Mã dùng được đến hết ngày 19/03/2027."), std::string::npos);
  EXPECT_NE(t.body.find("Tên đăng nhập: lan.nt"), std::string::npos);
}

TEST(NoticeMessage, DigestListsEveryItemWithItsAddress) {
  auto t = digestText({{"Lịch sinh hoạt Chi bộ Khu phố 1 ngày 05/03/2027", "#/meetings/12"},
                       {"Quá hạn nhiệm vụ (08/03/2027)", "#/meetings/9"}},
                      *Date::parseIso("2027-03-10"), "https://chibo.vn");
  EXPECT_EQ(t.subject, "Tin nhắc việc ngày 10/03/2027 (2 tin)");
  auto first = t.body.find("- Lịch sinh hoạt Chi bộ Khu phố 1 ngày 05/03/2027\n  https://chibo.vn/#/meetings/12");
  auto second = t.body.find("- Quá hạn nhiệm vụ (08/03/2027)\n  https://chibo.vn/#/meetings/9");
  EXPECT_NE(first, std::string::npos) << t.body;
  EXPECT_NE(second, std::string::npos) << t.body;
  EXPECT_LT(first, second) << "oldest first";
}

TEST(NoticeMessage, KindsRoundTripThroughTheirCodes) {
  for (auto k : {NoticeKind::meeting_planned, NoticeKind::meeting_moved, NoticeKind::documents_published,
                 NoticeKind::meeting_notice, NoticeKind::task_due_soon, NoticeKind::task_overdue,
                 NoticeKind::warning_raised, NoticeKind::activation_code, NoticeKind::digest})
    EXPECT_EQ(noticeKindFromCode(toCode(k)), k);
  EXPECT_FALSE(noticeKindFromCode("sms"));
}

TEST(RetrySchedule, DoublesFromTheBaseUpToTheCapThenGivesUp) {
  RetryPolicy p{60, 3600, 8};
  std::vector<int64_t> waits;
  for (int n = 1; n < 8; ++n) waits.push_back(*retryDelay(p, n));
  EXPECT_EQ(waits, (std::vector<int64_t>{60, 120, 240, 480, 960, 1920, 3600}));
  EXPECT_FALSE(retryDelay(p, 8)) << "the eighth failure is the last";
  EXPECT_EQ(*retryDelay(RetryPolicy{1, 3600, 3}, 1), 1);
  EXPECT_EQ(*retryDelay(RetryPolicy{1, 3600, 3}, 2), 2);
}

TEST(EmailAddress, CommonShapesPassAndWhatCouldBreakAnEnvelopeDoesNot) {
  for (auto ok : {"bithu.kp1@phuong.test", "nguyen.van-a+chibo@tinh.gov.vn", "a@b.vn"}) EXPECT_TRUE(plausibleEmail(ok)) << ok;
  for (auto bad : {"", "khong-phai-dia-chi", "@phuong.vn", "a@", "a@vn", "a b@phuong.vn", "a@phuong..vn",
                   "a@b.vn>\r\nRCPT TO:<x@y.vn", "nguyễn@phuong.vn", "a@b@c.vn", "a,b@phuong.vn"})
    EXPECT_FALSE(plausibleEmail(bad)) << bad;
  EXPECT_FALSE(plausibleEmail(std::string(65, 'a') + "@phuong.vn"));
  EXPECT_EQ(normalEmail("  Lan.NT@Phuong.VN "), "Lan.NT@phuong.vn");
}

}  // namespace
}  // namespace chibo
