// Reminders and notices end to end: a real chibo server mailing a real SMTP
// server (aiosmtpd, started by the test on a loopback port), whose delivered
// messages the tests read back decoded. The server runs on a test clock
// (2027-01-04 05:00, before the digest hour) so task deadlines and the digest
// day are known.
#include <set>
#include <thread>

#include "api/meeting_fixture.h"
#include "support/smtp_sink.h"

namespace chibo::testing {
namespace {

constexpr const char* kNow = "2027-01-04T05:00+07:00";
constexpr const char* kSite = "http://chibo.test";

using Mails = std::vector<json::object>;

std::string s(const json::value& v) { return std::string(v.as_string()); }
std::string rcpt(const json::object& m) { return s(m.at("rcpt_to").as_array().at(0)); }

class NoticesMailTest : public MeetingApiTest {
 protected:
  static void SetUpTestSuite() {
    guardSetUp([] {
      sink_ = new SmtpSink();
      sink_->start();
      startDemoServer(serverArgs(kNow));
      // Everyone the tests follow chooses e-mail; kp2's member and the monitor are the outsiders.
      const std::vector<std::pair<std::string, std::string>> people{{"bithu.kp1", "bithu.kp1@phuong.test"},
                                                                    {"dangvien.kp1", "dangvien.kp1@phuong.test"},
                                                                    {"dangvien.kp2", "dangvien.kp2@phuong.test"},
                                                                    {"giamsat.phuong", "giamsat@phuong.test"}};
      for (const auto& [user, mail] : people) {
        Client c(server_->port());
        if (c.login(user).status != 200) throw std::runtime_error("login failed: " + user);
        auto r = c.put("/api/v1/me/notifications", json::object{{"email", mail}, {"email_enabled", true}, {"digest", false}});
        if (r.status != 200) throw std::runtime_error("settings refused: " + r.raw);
      }
    });
  }
  static void TearDownTestSuite() {
    MeetingApiTest::TearDownTestSuite();
    delete sink_;
    sink_ = nullptr;
  }
  static std::vector<std::string> serverArgs(const std::string& now) {
    return {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(sink_->port()), "--smtp-from", "chibo@phuong.test",
            "--smtp-tls", "none", "--notify-retry-seconds", "1", "--public-url", kSite, "--now", now};
  }
  static void restartServer(const std::string& now = kNow) {
    server_->stop();
    ServerProcess::Options o;
    o.args = serverArgs(now);
    server_->start(o);
  }
  static std::string meetingUrl(int64_t id) { return std::string(kSite) + "/#/meetings/" + std::to_string(id); }
  // Messages whose subject is `subject`, by recipient.
  static std::multiset<std::string> recipientsOf(const Mails& all, const std::string& subject) {
    std::multiset<std::string> out;
    for (const auto& m : all)
      if (s(m.at("subject")) == subject) out.insert(rcpt(m));
    return out;
  }
  static Mails waitForSubject(const std::string& subject, const std::set<std::string>& to) {
    return sink_->waitFor([&](const Mails& all) {
      auto got = recipientsOf(all, subject);
      for (const auto& t : to)
        if (!got.count(t)) return false;
      return true;
    });
  }
  static json::object preparation(Client& c, int64_t id) {
    return c.get(meetingPath(id)).obj().at("preparation").as_object();
  }
  static inline SmtpSink* sink_ = nullptr;
};

TEST_F(NoticesMailTest, PlannedMeetingMailsTheMembersOfItsCellAndNobodyElse) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-02-10");
  const std::string subject = "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 10/02/2027";
  auto all = waitForSubject(subject, {"bithu.kp1@phuong.test", "dangvien.kp1@phuong.test"});
  std::this_thread::sleep_for(std::chrono::seconds(1));  // anything else it would send has gone by now
  all = sink_->messages();
  auto to = recipientsOf(all, subject);
  EXPECT_EQ(to.count("bithu.kp1@phuong.test"), 1u);
  EXPECT_EQ(to.count("dangvien.kp1@phuong.test"), 1u);
  EXPECT_EQ(to.count("dangvien.kp2@phuong.test"), 0u) << "a member of another cell was mailed";
  EXPECT_EQ(to.count("giamsat@phuong.test"), 0u) << "the monitor gets the secretary's invitation, not the roll's";
  for (const auto& m : all) {
    if (s(m.at("subject")) != subject) continue;
    auto body = s(m.at("body"));
    EXPECT_NE(body.find("Chi bộ Khu phố 1 sinh hoạt thường kỳ lúc 19:30 ngày 10/02/2027, tại Nhà văn hóa khu phố."),
              std::string::npos) << body;
    EXPECT_NE(body.find(meetingUrl(id)), std::string::npos) << body;
    EXPECT_EQ(s(m.at("mail_from")), "chibo@phuong.test");
  }
  // The inbox holds it too, for the cell's member and not for the other cell's.
  auto inbox = as("dangvien.kp1").get("/api/v1/me/inbox?limit=100").obj();
  bool found = false;
  for (auto& i : inbox.at("items").as_array()) {
    auto& o = i.as_object();
    if (s(o.at("link")) != "#/meetings/" + std::to_string(id)) continue;
    found = true;
    EXPECT_EQ(s(o.at("kind")), "meeting_planned");
    EXPECT_EQ(s(o.at("subject")), subject);
    EXPECT_TRUE(o.at("read_at").is_null());
  }
  EXPECT_TRUE(found);
  auto other = as("dangvien.kp2").get("/api/v1/me/inbox?limit=500").obj();
  for (auto& i : other.at("items").as_array())
    EXPECT_NE(s(i.as_object().at("link")), "#/meetings/" + std::to_string(id));
}

TEST_F(NoticesMailTest, SecretaryNoticeIsTickedByRealSendingAndRetriedOnceTheSmtpServerIsBack) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-02-17");
  waitForSubject("Lịch sinh hoạt Chi bộ Khu phố 1 ngày 17/02/2027", {"dangvien.kp1@phuong.test"});
  EXPECT_TRUE(preparation(c, id).at("notice_members_at").is_null());

  sink_->stop();
  auto r = c.post(meetingPath(id, "/notices"), json::object{{"to", "members"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_GE(r.obj().at("queued").as_int64(), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // a few attempts fail meanwhile
  EXPECT_TRUE(preparation(c, id).at("notice_members_at").is_null()) << "ticked before anything was delivered";

  sink_->start();
  const std::string subject = "Thông báo sinh hoạt Chi bộ Khu phố 1 ngày 17/02/2027";
  auto all = waitForSubject(subject, {"bithu.kp1@phuong.test", "dangvien.kp1@phuong.test"});
  auto to = recipientsOf(all, subject);
  EXPECT_EQ(to.count("dangvien.kp1@phuong.test"), 1u);
  EXPECT_EQ(to.count("dangvien.kp2@phuong.test"), 0u);
  for (const auto& m : all)
    if (s(m.at("subject")) == subject)
      EXPECT_NE(s(m.at("body")).find("Đề nghị đồng chí dự họp đầy đủ, đúng giờ."), std::string::npos);
  // The stamp lands in the same transaction that records the delivery.
  json::value stamp;
  for (int i = 0; i < 50 && (stamp = preparation(c, id).at("notice_members_at")).is_null(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(stamp.is_null());
}

TEST_F(NoticesMailTest, MonitorNoticeGoesToTheCommitteeMemberFollowingTheCell) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-02-18");
  auto r = c.post(meetingPath(id, "/notices"), json::object{{"to", "monitor"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.obj().at("queued").as_int64(), 1);
  const std::string subject = "Mời dự sinh hoạt Chi bộ Khu phố 1 ngày 18/02/2027";
  waitForSubject(subject, {"giamsat@phuong.test"});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto to = recipientsOf(sink_->messages(), subject);
  EXPECT_EQ(to, std::multiset<std::string>{"giamsat@phuong.test"});
  // A bad choice is refused, a member may not send it, another cell's secretary does not see it.
  EXPECT_EQ(c.post(meetingPath(id, "/notices"), json::object{{"to", "everyone"}}).status, 422);
  EXPECT_EQ(as("dangvien.kp1").post(meetingPath(id, "/notices"), json::object{{"to", "members"}}).status, 403);
  EXPECT_EQ(as("bithu.ubnd").post(meetingPath(id, "/notices"), json::object{{"to", "members"}}).status, 404);
}

TEST_F(NoticesMailTest, NoticeOfAHeldMeetingIsRefused) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-02-19");
  ASSERT_EQ(c.post(meetingPath(id, "/start"), json::object{}).status, 200);
  auto r = c.post(meetingPath(id, "/notices"), json::object{{"to", "members"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.code(), "meeting_held");
}

TEST_F(NoticesMailTest, RestartSendsWhatWaitedAndNothingTwice) {
  auto c = as("bithu.kp1");
  sink_->stop();
  int64_t id = plan(c, kp1_, "2027-02-24");  // queued while the SMTP server is down
  restartServer();
  sink_->start();
  const std::string subject = "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 24/02/2027";
  waitForSubject(subject, {"bithu.kp1@phuong.test", "dangvien.kp1@phuong.test"});
  std::this_thread::sleep_for(std::chrono::seconds(1));
  auto before = sink_->messages();
  restartServer();
  std::this_thread::sleep_for(std::chrono::seconds(3));
  auto after = sink_->messages();
  EXPECT_EQ(after.size(), before.size()) << "a restart sent messages again";
  std::set<std::string> ids;
  for (const auto& m : after) EXPECT_TRUE(ids.insert(s(m.at("message_id"))).second) << "sent twice: " << m;
  EXPECT_EQ(recipientsOf(after, subject).count("dangvien.kp1@phuong.test"), 1u);
  (void)id;
}

TEST_F(NoticesMailTest, TaskRemindersGoOutOnceEach) {
  auto c = as("bithu.kp1");
  int64_t assignee = as("dangvien.kp1").get("/api/v1/me").obj().at("user").as_object().at("member_id").as_int64();
  int64_t id = plan(c, kp1_, "2026-12-20");
  completeRecord(c, id, "2026-12-20", assignee);  // a task due 28/12/2026: overdue on 04/01/2027
  auto res = c.get(meetingPath(id)).obj().at("resolutions").as_array().at(0).as_object().at("id").as_int64();
  auto t = c.post("/api/v1/resolutions/" + std::to_string(res) + "/tasks",
                  json::object{{"description", "Tổng hợp ý kiến đóng góp của nhân dân"},
                               {"deadline", "2027-01-06"},
                               {"assignee_member_ids", json::array{assignee}}});
  ASSERT_EQ(t.status, 201) << t.raw;
  restartServer();  // the daily pass runs at start
  const std::string soon = "Sắp đến hạn nhiệm vụ (06/01/2027)", late = "Quá hạn nhiệm vụ (28/12/2026)";
  auto all = waitForSubject(soon, {"dangvien.kp1@phuong.test"});
  all = waitForSubject(late, {"dangvien.kp1@phuong.test"});
  bool soon_body = false, late_body = false;
  for (const auto& m : all) {
    auto body = s(m.at("body"));
    if (s(m.at("subject")) == soon && body.find("Tổng hợp ý kiến đóng góp của nhân dân") != std::string::npos) {
      soon_body = true;
      EXPECT_NE(body.find("Hạn hoàn thành: 06/01/2027 (còn 2 ngày)."), std::string::npos) << body;
      EXPECT_NE(body.find(meetingUrl(id)), std::string::npos) << body;
    }
    if (s(m.at("subject")) == late && body.find("Vận động hội viên đóng quỹ") != std::string::npos) late_body = true;
  }
  EXPECT_TRUE(soon_body);
  EXPECT_TRUE(late_body);
  auto count = [&](const Mails& ms) {
    int n = 0;
    for (const auto& m : ms)
      n += rcpt(m) == "dangvien.kp1@phuong.test" && (s(m.at("subject")) == soon || s(m.at("subject")) == late);
    return n;
  };
  int first = count(sink_->messages());
  restartServer();  // the pass runs again: the dedupe keys keep it from repeating anything
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(count(sink_->messages()), first);
}

TEST_F(NoticesMailTest, InboxReadUnreadAndAnotherPersonsNoticeIs404) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-03");
  auto d = as("dangvien.kp1");
  auto inbox = d.get("/api/v1/me/inbox?unread=true&limit=500").obj();
  int64_t unread = inbox.at("unread").as_int64(), notice = 0;
  EXPECT_EQ(inbox.at("total").as_int64(), unread);
  for (auto& i : inbox.at("items").as_array())
    if (s(i.as_object().at("link")) == "#/meetings/" + std::to_string(id)) notice = i.as_object().at("id").as_int64();
  ASSERT_GT(notice, 0);
  EXPECT_EQ(as("dangvien.kp2").post("/api/v1/me/inbox/" + std::to_string(notice) + "/read", json::object{}).status, 404);
  auto r = d.post("/api/v1/me/inbox/" + std::to_string(notice) + "/read", json::object{});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.obj().at("unread").as_int64(), unread - 1);
  auto unread_after = d.get("/api/v1/me/inbox?unread=true&limit=500").obj();
  for (auto& i : unread_after.at("items").as_array())
    EXPECT_NE(i.as_object().at("id").as_int64(), notice);
  EXPECT_EQ(d.post("/api/v1/me/inbox/99999999/read", json::object{}).status, 404);
  EXPECT_EQ(d.post("/api/v1/me/inbox/read-all", json::object{}).obj().at("unread").as_int64(), 0);
  auto after = d.get("/api/v1/me/inbox").obj();
  EXPECT_EQ(after.at("unread").as_int64(), 0);
  EXPECT_FALSE(after.at("items").as_array().at(0).as_object().at("read_at").is_null());
  EXPECT_EQ(d.get("/api/v1/me/inbox?unread=maybe").status, 422);
}

TEST_F(NoticesMailTest, SettingsAreValidatedAndARejectedRequestWritesNothing) {
  auto u = as("dangvien.kp2");
  auto before = u.get("/api/v1/me/notifications");
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(before.obj().at("smtp_configured").as_bool());
  int64_t audit = auditCount();
  auto bad = u.put("/api/v1/me/notifications", json::object{{"email", "khong-phai-dia-chi"}, {"email_enabled", true}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "invalid_email");
  EXPECT_EQ(s(bad.obj().at("errors").as_array().at(0).as_object().at("field")), "email");
  auto empty = u.put("/api/v1/me/notifications", json::object{{"email", ""}, {"email_enabled", true}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.code(), "email_required");
  EXPECT_EQ(u.put("/api/v1/me/notifications", json::object{{"digest", "có"}}).status, 422);
  EXPECT_EQ(u.get("/api/v1/me/notifications").raw, before.raw);
  EXPECT_EQ(auditCount(), audit);
  auto ok = u.put("/api/v1/me/notifications", json::object{{"email", " DV.KP2@Phuong.Test "}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(s(ok.obj().at("email")), "DV.KP2@phuong.test");
  EXPECT_EQ(auditCount(), audit + 1);
  ASSERT_EQ(u.put("/api/v1/me/notifications", json::object{{"email", "dangvien.kp2@phuong.test"}}).status, 200);
}

TEST_F(NoticesMailTest, ActivationCodeIsMailedAndTheDigestCollectsADaysNotices) {
  auto admin = as("admin");
  auto missing = admin.get("/api/v1/orgs/" + std::to_string(kp1_) + "/accounts/missing").obj();
  int64_t member = missing.at("items").as_array().at(0).as_object().at("member_id").as_int64();
  EXPECT_EQ(admin.post("/api/v1/members/" + std::to_string(member) + "/account", json::object{{"email", "khong hop le"}}).status, 422);
  auto created = admin.post("/api/v1/members/" + std::to_string(member) + "/account",
                            json::object{{"email", "tonghop.kp1@phuong.test"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_TRUE(created.obj().at("activation_code_mailed").as_bool());
  auto code = s(created.obj().at("activation_code")), username = s(created.obj().at("username"));
  auto mails = waitForSubject("Mã kích hoạt tài khoản chibo", {"tonghop.kp1@phuong.test"});
  bool has_code = false;
  for (const auto& m : mails)
    if (rcpt(m) == "tonghop.kp1@phuong.test")
      has_code |= s(m.at("body")).find(std::string(kSite) + "/#/activate?code=" + code) != std::string::npos;
  EXPECT_TRUE(has_code);

  Client anon(server_->port());
  const std::string password = "Sinh hoạt chi bộ đều đặn năm 2027";
  ASSERT_EQ(anon.post("/api/v1/auth/activate", json::object{{"code", code}, {"password", password}}).status, 200);
  Client person(server_->port());
  ASSERT_EQ(person.login(username, password).status, 200);
  auto set = person.put("/api/v1/me/notifications", json::object{{"digest", true}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(s(set.obj().at("email")), "tonghop.kp1@phuong.test");

  auto c = as("bithu.kp1");
  plan(c, kp1_, "2027-03-10");
  plan(c, kp1_, "2027-03-17");
  const std::string a = "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 10/03/2027", b = "Lịch sinh hoạt Chi bộ Khu phố 1 ngày 17/03/2027";
  waitForSubject(a, {"bithu.kp1@phuong.test"});
  waitForSubject(b, {"bithu.kp1@phuong.test"});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(recipientsOf(sink_->messages(), a).count("tonghop.kp1@phuong.test"), 0u) << "sent singly despite the digest";
  // The next morning, after the digest hour: one message with both.
  restartServer("2027-01-05T07:00+07:00");
  auto all = sink_->waitFor([](const Mails& ms) {
    for (const auto& m : ms)
      if (rcpt(m) == "tonghop.kp1@phuong.test" && s(m.at("subject")).rfind("Tin nhắc việc ngày 05/01/2027", 0) == 0)
        return true;
    return false;
  });
  int digests = 0;
  for (const auto& m : all) {
    if (rcpt(m) != "tonghop.kp1@phuong.test" || s(m.at("subject")).rfind("Tin nhắc việc", 0) != 0) continue;
    ++digests;
    auto body = s(m.at("body"));
    EXPECT_NE(body.find(a), std::string::npos) << body;
    EXPECT_NE(body.find(b), std::string::npos) << body;
  }
  EXPECT_EQ(digests, 1);
}

}  // namespace
}  // namespace chibo::testing
