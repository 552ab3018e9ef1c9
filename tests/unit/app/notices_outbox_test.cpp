// The outbox over a real SQLite file: a notice written once per person (dedupe),
// e-mail rows only for those who chose e-mail, the worker's retries and
// give-up through a scripted channel, the checklist ticked by the first
// delivery, task reminders once each, and the digest's grouping.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/notices/notices.h"
#include "app/notices/outbox_worker.h"

namespace chibo {
namespace {

namespace fs = std::filesystem;

// Answers from a script: each send pops the next outcome (sent when the script is empty).
class ScriptedChannel : public Channel {
 public:
  explicit ScriptedChannel(std::vector<Outcome> script, std::vector<OutboxMessage>* log)
      : script_(std::move(script)), log_(log) {}
  std::string name() const override { return "email"; }
  Outcome send(const OutboxMessage& m) override {
    log_->push_back(m);
    if (script_.empty()) return {true, "", false};
    auto o = script_.front();
    script_.erase(script_.begin());
    return o;
  }

 private:
  std::vector<Outcome> script_;
  std::vector<OutboxMessage>* log_;
};

class NoticesOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chibo-notices-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = openSqliteStore({(dir_ / "n.db").string(), true, 2});
    setNoticeConfig({true, "https://chibo.vn"});
    auto tx = store_->write();
    Org cell;
    cell.name = "Chi bộ Khu phố 1";
    cell.kind = OrgKind::cell;
    cell_ = tx->insertOrg(cell);
    cell.id = cell_;
    org_ = cell;
    for (int i = 0; i < 3; ++i) {
      Member m;
      m.full_name = "Đảng viên " + std::to_string(i + 1);
      members_.push_back(tx->insertMember(m));
      User u;
      u.username = "dv" + std::to_string(i + 1);
      u.display_name = m.full_name;
      u.member_id = members_.back();
      users_.push_back(tx->insertUser(u));
    }
    // The first mails each notice, the second chose the digest, the third has the inbox only.
    tx->putNotificationSettings({users_[0], "dv1@phuong.vn", true, false, now_});
    tx->putNotificationSettings({users_[1], "dv2@phuong.vn", true, true, now_});
    MeetingRecord rec;
    rec.meeting.org_id = cell_;
    rec.meeting.planned_start = *DateTime::parseIso("2027-03-05T19:30+07:00");
    rec.created_at = now_;
    meeting_ = tx->insertMeeting(rec);
    tx->commit();
  }
  void TearDown() override {
    setNoticeConfig({});
    store_.reset();
    fs::remove_all(dir_);
  }
  std::vector<OutboxMessage> outbox() {
    auto tx = store_->read();
    return tx->dueOutbox(DateTime{now_.unix_seconds + 10 * 86400}, 1000);
  }
  DeliveryCount deliver(const std::string& key, std::optional<Id> meeting = std::nullopt, const std::string& to = "") {
    auto tx = store_->write();
    auto d = deliverNotice(*tx, users_, NoticeKind::meeting_notice, {"Thông báo", "Nội dung", "#/meetings/1"}, key,
                           now_, meeting, to);
    tx->commit();
    return d;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  DateTime now_ = *DateTime::parseIso("2027-03-01T08:00+07:00");
  Id cell_ = 0, meeting_ = 0;
  Org org_;
  std::vector<Id> members_, users_;
};

TEST_F(NoticesOutboxTest, EveryoneGetsTheInboxOnlyTheMailChooserAnEmailAndTheSameKeyIsWrittenOnce) {
  auto d = deliver("k1");
  EXPECT_EQ(d.notices, 3);
  EXPECT_EQ(d.emails, 1);
  EXPECT_EQ(d.digest, 1);
  auto mails = outbox();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].address, "dv1@phuong.vn");
  EXPECT_NE(mails[0].body.find("https://chibo.vn/#/meetings/1"), std::string::npos) << mails[0].body;
  auto again = deliver("k1");
  EXPECT_EQ(again.notices, 0) << "a reminder written twice";
  EXPECT_EQ(outbox().size(), 1u);
  auto tx = store_->read();
  EXPECT_EQ(tx->inboxCount(users_[2], true), 1);
}

TEST_F(NoticesOutboxTest, NoEmailRowsWithoutAnSmtpServer) {
  setNoticeConfig({false, ""});
  auto d = deliver("k2");
  EXPECT_EQ(d.notices, 3);
  EXPECT_EQ(d.emails, 0);
  EXPECT_TRUE(outbox().empty());
}

TEST_F(NoticesOutboxTest, FailuresWaitLongerEachTimeThenTheMessageIsGivenUp) {
  deliver("k3");
  std::vector<OutboxMessage> log;
  std::vector<Channel::Outcome> script(3, Channel::Outcome{false, "Connection refused", false});
  std::vector<std::unique_ptr<Channel>> ch;
  ch.push_back(std::make_unique<ScriptedChannel>(script, &log));
  OutboxWorker w(*store_, std::move(ch), RetryPolicy{60, 3600, 3});
  DateTime t = now_;
  EXPECT_EQ(w.runOnce(t), 1);
  auto row = outbox().at(0);
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "Connection refused");
  EXPECT_GE(row.next_attempt_at.unix_seconds - t.unix_seconds, 59);
  EXPECT_LE(row.next_attempt_at.unix_seconds - t.unix_seconds, 62);
  EXPECT_EQ(w.runOnce(t), 0) << "not due before its wait is over";
  EXPECT_EQ(w.runOnce(DateTime{t.unix_seconds + 61}), 1);
  row = outbox().at(0);
  EXPECT_EQ(row.attempts, 2);
  EXPECT_GE(row.next_attempt_at.unix_seconds - t.unix_seconds, 119);  // 120 s after the second failure
  EXPECT_EQ(w.runOnce(DateTime{t.unix_seconds + 100000}), 1);
  EXPECT_TRUE(outbox().empty()) << "given up after the third attempt";
  auto counts = store_->read()->outboxCounts();
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.sent, 0);
  EXPECT_EQ(log.size(), 3u);
}

TEST_F(NoticesOutboxTest, ARefusedAddressIsGivenUpAtOnce) {
  deliver("k4");
  std::vector<OutboxMessage> log;
  std::vector<std::unique_ptr<Channel>> ch;
  ch.push_back(std::make_unique<ScriptedChannel>(
      std::vector<Channel::Outcome>{{false, "550 no such mailbox", true}}, &log));
  OutboxWorker w(*store_, std::move(ch), RetryPolicy{60, 3600, 8});
  w.runOnce(now_);
  EXPECT_EQ(store_->read()->outboxCounts().failed, 1);
}

TEST_F(NoticesOutboxTest, TheChecklistIsTickedByTheFirstDeliveryAndASentRowIsNeverSentAgain) {
  deliver("k5", meeting_, "members");
  EXPECT_FALSE(store_->read()->meeting(meeting_)->prep.notice_members_at);
  std::vector<OutboxMessage> log;
  std::vector<std::unique_ptr<Channel>> ch;
  ch.push_back(std::make_unique<ScriptedChannel>(std::vector<Channel::Outcome>{}, &log));
  OutboxWorker w(*store_, std::move(ch), RetryPolicy{});
  EXPECT_EQ(w.runOnce(now_), 1);
  auto m = store_->read()->meeting(meeting_);
  ASSERT_TRUE(m->prep.notice_members_at);
  EXPECT_FALSE(m->prep.notice_monitor_at);
  EXPECT_EQ(store_->read()->outboxCounts().sent, 1);
  EXPECT_EQ(w.runOnce(DateTime{now_.unix_seconds + 86400}), 0);
  EXPECT_EQ(log.size(), 1u);
}

TEST_F(NoticesOutboxTest, TheDigestCollectsEachPersonsWaitingNoticesOnceADayAfterItsHour) {
  deliver("d1");
  deliver("d2");
  DateTime early = *DateTime::parseIso("2027-03-02T05:59+07:00"), later = *DateTime::parseIso("2027-03-02T06:01+07:00");
  EXPECT_EQ(runDigests(*store_, early, 6), 0) << "before the hour";
  EXPECT_EQ(runDigests(*store_, later, 6), 1);
  EXPECT_EQ(runDigests(*store_, later, 6), 0) << "once a day";
  std::vector<OutboxMessage> digests;
  for (auto& m : outbox())
    if (m.kind == "digest") digests.push_back(m);
  ASSERT_EQ(digests.size(), 1u);
  EXPECT_EQ(digests[0].address, "dv2@phuong.vn");
  EXPECT_EQ(digests[0].subject, "Tin nhắc việc ngày 02/03/2027 (2 tin)");
  EXPECT_TRUE(store_->read()->digestPendingNotices().empty());
}

TEST_F(NoticesOutboxTest, TaskRemindersGoToTheAssigneesOnceEach) {
  {
    auto tx = store_->write();
    Task due;
    due.meeting_id = meeting_;
    due.description = "Vận động hội viên đóng quỹ";
    due.assignee_member_ids = {members_[0], members_[2]};
    due.deadline = *Date::parseIso("2027-03-04");
    tx->insertTask(due);
    Task late = due;
    late.description = "Sửa nhà văn hóa";
    late.assignee_member_ids = {members_[1]};
    late.deadline = *Date::parseIso("2027-02-27");
    tx->insertTask(late);
    Task far = due;
    far.deadline = *Date::parseIso("2027-03-20");
    tx->insertTask(far);
    Task done = due;
    done.status = TaskStatus::done;
    tx->insertTask(done);
    tx->commit();
  }
  EXPECT_EQ(runTaskReminders(*store_, now_), 3);  // two assignees of one, one of the other
  EXPECT_EQ(runTaskReminders(*store_, now_), 0) << "already run today";
  EXPECT_EQ(runTaskReminders(*store_, now_, true), 0) << "forced: the dedupe keys hold";
  auto tx = store_->read();
  auto inbox = tx->inbox(users_[1], false, 10, 0);
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0].kind, "task_overdue");
  EXPECT_EQ(inbox[0].subject, "Quá hạn nhiệm vụ (27/02/2027)");
  EXPECT_EQ(tx->inbox(users_[0], false, 10, 0).at(0).kind, "task_due_soon");
}

}  // namespace
}  // namespace chibo
