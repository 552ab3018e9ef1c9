#include "export/ics_writer.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

IcsEvent sampleEvent() {
  IcsEvent e;
  e.uid = "meeting-42@chibo.vn";
  e.start = *DateTime::parseIso("2026-03-05T19:30:00+07:00");
  e.end = *DateTime::parseIso("2026-03-05T21:30:00+07:00");
  e.summary = "Sinh hoạt chi bộ định kỳ tháng 3/2026; Chi bộ Khu phố 1, Đảng ủy phường Tân Định";
  e.location = "Nhà văn hóa Khu phố 1, số 12 Trần Quang Khải";
  e.description = "Nội dung:\n1. Đánh giá nghị quyết tháng 02\\2026\r\n2. Phương hướng";
  return e;
}

// Golden output. The SUMMARY line folds before "ố" (3 octets), which would
// have straddled octet 75: the first physical line is 73 octets, not 75.
TEST(IcsWriter, GoldenSingleEvent) {
  std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//chibo//Sinh hoat chi bo//VI\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "BEGIN:VTIMEZONE\r\n"
      "TZID:Asia/Ho_Chi_Minh\r\n"
      "BEGIN:STANDARD\r\n"
      "DTSTART:19700101T000000\r\n"
      "TZOFFSETFROM:+0700\r\n"
      "TZOFFSETTO:+0700\r\n"
      "TZNAME:ICT\r\n"
      "END:STANDARD\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:meeting-42@chibo.vn\r\n"
      "DTSTAMP:20260301T080000Z\r\n"
      "DTSTART;TZID=Asia/Ho_Chi_Minh:20260305T193000\r\n"
      "DTEND;TZID=Asia/Ho_Chi_Minh:20260305T213000\r\n"
      "SUMMARY:Sinh hoạt chi bộ định kỳ tháng 3/2026\\; Chi bộ Khu ph\r\n"
      " ố 1\\, Đảng ủy phường Tân Định\r\n"
      "LOCATION:Nhà văn hóa Khu phố 1\\, số 12 Trần Quang Khải\r\n"
      "DESCRIPTION:Nội dung:\\n1. Đánh giá nghị quyết tháng 02\\\\2026\\n2. \r\n"
      " Phương hướng\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  std::string got = buildIcs({sampleEvent()}, *DateTime::parseIso("2026-03-01T08:00:00Z"));
  EXPECT_EQ(got, expected);
}

TEST(IcsWriter, EveryPhysicalLineAtMost75OctetsAndNeverStartsMidCharacter) {
  IcsEvent e = sampleEvent();
  e.description.clear();
  for (int i = 0; i < 20; ++i) e.description += "Đồng chí Nguyễn Thị Thu Hương phát biểu ý kiến; ";
  std::string ics = buildIcs({e}, DateTime{0});
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    std::string line = ics.substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    if (line.size() > 1 && line[0] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80) << line;
    }
    start = end + 2;
  }
  // Unfolding (delete CRLF + space) gives back the escaped description intact.
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  EXPECT_NE(unfolded.find("DESCRIPTION:" + icsEscape(e.description) + "\r\n"), std::string::npos);
}

TEST(IcsWriter, Escaping) {
  EXPECT_EQ(icsEscape("a,b;c\\d\ne\r\nf\rg"), "a\\,b\\;c\\\\d\\ne\\nf\\ng");
  EXPECT_EQ(icsEscape("x\x01y\tz"), "xy\tz");  // control characters dropped, tab kept
  // NFD input comes out NFC: "ệ" as e + U+0302 + U+0323.
  EXPECT_EQ(icsEscape("Vie\xCC\x82\xCC\xA3t"), "Việt");
}

TEST(IcsWriter, FoldShortLineUntouched) {
  EXPECT_EQ(icsFold("SUMMARY:Họp"), "SUMMARY:Họp\r\n");
  std::string exactly75(75, 'a');
  EXPECT_EQ(icsFold(exactly75), exactly75 + "\r\n");
  EXPECT_EQ(icsFold(exactly75 + "b"), exactly75 + "\r\n b\r\n");
}

TEST(IcsWriter, OptionalPropertiesOmittedAndTimesAcrossMidnightUtc) {
  IcsEvent e;
  e.uid = "m-1";
  e.summary = "Họp chi ủy";
  // 06:30 in Hà Nội is 23:30 UTC the day before: DTSTART stays local.
  e.start = *DateTime::parseIso("2026-03-06T06:30:00+07:00");
  e.end = *DateTime::parseIso("2026-03-06T07:30:00+07:00");
  std::string ics = buildIcs({e, e}, *DateTime::parseIso("2026-03-06T06:00:00+07:00"));
  EXPECT_NE(ics.find("DTSTART;TZID=Asia/Ho_Chi_Minh:20260306T063000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTAMP:20260305T230000Z\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("LOCATION"), std::string::npos);
  EXPECT_EQ(ics.find("DESCRIPTION"), std::string::npos);
  size_t events = 0;
  for (size_t p = ics.find("BEGIN:VEVENT"); p != std::string::npos; p = ics.find("BEGIN:VEVENT", p + 1)) ++events;
  EXPECT_EQ(events, 2u);
}

TEST(IcsWriter, EmptyCalendarStillValid) {
  std::string ics = buildIcs({}, DateTime{0});
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("END:VCALENDAR\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("VEVENT"), std::string::npos);
}

}  // namespace
}  // namespace chibo
