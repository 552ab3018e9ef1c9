// The calendar feed (issue 5 §6): a secret URL that works without a session,
// is replaced by a new one and stops working when revoked.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class OversightCalendarTest : public OversightTest {
 protected:
  static std::string feedPath(const std::string& url) { return url.substr(url.find("/api/v1/calendar/")); }
  // RFC 5545 §3.1: a CRLF followed by a space continues the line.
  static std::string unfold(std::string s) {
    for (size_t at; (at = s.find("\r\n ")) != std::string::npos;) s.erase(at, 3);
    return s;
  }
};

TEST_F(OversightCalendarTest, SecretFeedUrlIsReplacedAndRevoked) {
  auto member = as("dangvien.kp1");
  auto a0 = auditCount();
  auto t1 = member.post("/api/v1/me/calendar-token", json::object{});
  ASSERT_EQ(t1.status, 201) << t1.raw;
  EXPECT_EQ(auditCount(), a0 + 1);
  std::string url1(t1.obj().at("url").as_string());
  EXPECT_EQ(t1.obj().at("token").as_string().size(), 64u);
  EXPECT_NE(url1.find(std::string(t1.obj().at("token").as_string()) + ".ics"), std::string::npos);

  // No session needed: the secret is the credential.
  auto feed = rawGet(nullptr, feedPath(url1));
  ASSERT_EQ(feed.status, 200) << feed.body;
  feed.body = unfold(feed.body);
  EXPECT_NE(feed.header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_EQ(feed.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(feed.body.find("BEGIN:VTIMEZONE"), std::string::npos);
  EXPECT_NE(feed.body.find("Chi bộ Khu phố 1"), std::string::npos);
  EXPECT_NE(feed.body.find("UID:meeting-"), std::string::npos);
  size_t events = 0;
  for (size_t at = feed.body.find("BEGIN:VEVENT"); at != std::string::npos; at = feed.body.find("BEGIN:VEVENT", at + 1)) ++events;
  // Half a year back and the planned ones ahead: at least six monthly meetings.
  EXPECT_GE(events, 6u);
  // Only their own cell's meetings.
  EXPECT_EQ(feed.body.find("Khu phố 2"), std::string::npos);

  // A new secret replaces the old one.
  auto t2 = member.post("/api/v1/me/calendar-token", json::object{});
  ASSERT_EQ(t2.status, 201);
  std::string url2(t2.obj().at("url").as_string());
  EXPECT_NE(url1, url2);
  EXPECT_EQ(rawGet(nullptr, feedPath(url1)).status, 404);
  EXPECT_EQ(rawGet(nullptr, feedPath(url2)).status, 200);

  // Revoked: the URL is gone; revoking again changes nothing and writes nothing.
  auto a1 = auditCount();
  auto del = member.send("DELETE", "/api/v1/me/calendar-token", "");
  EXPECT_EQ(del.status, 204);
  EXPECT_EQ(auditCount(), a1 + 1);
  EXPECT_EQ(rawGet(nullptr, feedPath(url2)).status, 404);
  EXPECT_EQ(member.send("DELETE", "/api/v1/me/calendar-token", "").status, 204);
  EXPECT_EQ(auditCount(), a1 + 1);
  // Unknown and malformed secrets are simply not found.
  EXPECT_EQ(rawGet(nullptr, "/api/v1/calendar/" + std::string(64, 'a') + ".ics").status, 404);
  EXPECT_EQ(rawGet(nullptr, "/api/v1/calendar/xyz.ics").status, 404);
  // Writing needs a session and the CSRF token like every write.
  Client anon(server_->port());
  EXPECT_EQ(anon.post("/api/v1/me/calendar-token", json::object{}).status, 401);
  EXPECT_EQ(member.send("POST", "/api/v1/me/calendar-token", "{}", false).status, 403);
}

TEST_F(OversightCalendarTest, AMonitorsFeedHoldsTheCellsTheyFollow) {
  auto monitor = as("giamsat.phuong");
  auto t = monitor.post("/api/v1/me/calendar-token", json::object{});
  ASSERT_EQ(t.status, 201) << t.raw;
  auto feed = rawGet(nullptr, feedPath(std::string(t.obj().at("url").as_string())));
  ASSERT_EQ(feed.status, 200);
  feed.body = unfold(feed.body);
  EXPECT_NE(feed.body.find("Chi bộ Trạm Y tế phường"), std::string::npos);
  EXPECT_NE(feed.body.find("Chi bộ Khu phố 1"), std::string::npos);
}

}  // namespace chibo::testing
