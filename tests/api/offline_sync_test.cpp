// What the offline queue of live mode relies on: the Idempotency-Key header on every
// authenticated write (a change sent twice is applied and audited once, per account), and
// timed roll marks (an older offline mark never overwrites a newer one; a QR check-in the
// server has wins over an offline absence).
#include <chrono>
#include <ctime>

#include "api/meeting_fixture.h"

namespace chibo::testing {

class OfflineSyncTest : public MeetingApiTest {
 protected:
  static std::string header(const Resp& r, const std::string& name) {
    auto it = r.headers.find(name);
    return it == r.headers.end() ? "" : it->second;
  }
  static void key(Client& c, const std::string& k) {
    c.extra.erase("Idempotency-Key");
    if (!k.empty()) c.extra.emplace("Idempotency-Key", k);
  }
  static size_t speechCount(Client& c, int64_t id) { return c.get(meetingPath(id)).obj().at("speeches").as_array().size(); }
  // An ISO instant `minutes` from the server's now (the suite runs on the wall clock).
  static std::string ago(int minutes) {
    auto t = std::chrono::system_clock::now() - std::chrono::minutes(minutes);
    return isoOf(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
  }
  static std::string isoOf(int64_t seconds) {
    std::time_t t = seconds;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
  }
  static json::object markOf(const json::object& meeting, int64_t member) {
    for (auto& l : meeting.at("roll").as_array())
      if (l.as_object().at("member_id").as_int64() == member && l.as_object().at("mark").is_object())
        return l.as_object().at("mark").as_object();
    return {};
  }
};

TEST_F(OfflineSyncTest, ARepeatedWriteIsAppliedAndAuditedOnce) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-03-05");
  auto m = c.get(meetingPath(id)).obj();
  json::object body{{"member_id", expectedIds(m)[0]}, {"summary", "Đề nghị sửa đường hẻm"}};
  auto audits = auditCount();
  key(c, "q-0001-speech");
  auto first = c.post(meetingPath(id, "/speeches"), body);
  ASSERT_EQ(first.status, 201) << first.raw;
  EXPECT_EQ(header(first, "Idempotent-Replayed"), "");
  auto second = c.post(meetingPath(id, "/speeches"), body);
  ASSERT_EQ(second.status, 201) << second.raw;
  EXPECT_EQ(header(second, "Idempotent-Replayed"), "true");
  EXPECT_EQ(second.obj().at("id"), first.obj().at("id"));
  key(c, "");
  EXPECT_EQ(speechCount(c, id), 1u);
  EXPECT_EQ(auditCount(), audits + 1);

  // Writes answering the whole meeting replay it as it was then.
  key(c, "q-0002-start");
  auto start = c.post(meetingPath(id, "/start"), json::object{{"at", "2027-03-05T19:35"}});
  ASSERT_EQ(start.status, 200) << start.raw;
  auto again = c.post(meetingPath(id, "/start"), json::object{{"at", "2027-03-05T19:35"}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.raw, start.raw);
}

TEST_F(OfflineSyncTest, AKeyReusedForAnotherChangeIsRefusedAndWritesNothing) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-03-12");
  auto id2 = plan(c, kp1_, "2027-03-13");
  auto m = c.get(meetingPath(id)).obj();
  auto who = expectedIds(m)[0];
  key(c, "q-reused");
  ASSERT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}, {"summary", "Ý kiến một"}}).status, 201);
  auto audits = auditCount();
  auto other = c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}, {"summary", "Ý kiến hai"}});
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.code(), "idempotency_key_reused");
  // Same body on another path is another change too.
  EXPECT_EQ(c.post(meetingPath(id2, "/speeches"), json::object{{"member_id", who}, {"summary", "Ý kiến một"}}).code(),
            "idempotency_key_reused");
  key(c, "");
  EXPECT_EQ(speechCount(c, id), 1u);
  EXPECT_EQ(speechCount(c, id2), 0u);
  EXPECT_EQ(auditCount(), audits);
}

TEST_F(OfflineSyncTest, KeysAreLimitedBeforeAnythingElse) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-03-19");
  auto who = expectedIds(c.get(meetingPath(id)).obj())[0];
  json::object body{{"member_id", who}, {"summary", "Ý kiến"}};
  key(c, std::string(101, 'k'));
  auto tooLong = c.post(meetingPath(id, "/speeches"), body);
  EXPECT_EQ(tooLong.status, 400);
  EXPECT_EQ(tooLong.code(), "idempotency_key_invalid");
  key(c, "kh\xc3\xb3" "a");  // "khóa": not ASCII
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), body).code(), "idempotency_key_invalid");
  key(c, "");
  EXPECT_EQ(speechCount(c, id), 0u);
  // Before the session: an anonymous request with a bad key is told about the key.
  Client anon(server_->port());
  anon.extra.emplace("Idempotency-Key", std::string(101, 'k'));
  EXPECT_EQ(anon.post(meetingPath(id, "/speeches"), body).status, 400);
  key(c, std::string(100, 'k'));
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), body).status, 201);
}

TEST_F(OfflineSyncTest, AnotherAccountsKeyNeverReplaysToYou) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-03-26");
  auto who = expectedIds(sec.get(meetingPath(id)).obj())[0];
  json::object body{{"member_id", who}, {"summary", "Cùng một khóa"}};
  key(sec, "shared-key");
  ASSERT_EQ(sec.post(meetingPath(id, "/speeches"), body).status, 201);
  // Someone outside the cell sending the same key and body learns nothing: 404 as without a key.
  auto outsider = as("bithu.ubnd");
  key(outsider, "shared-key");
  auto r = outsider.post(meetingPath(id, "/speeches"), body);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(header(r, "Idempotent-Replayed"), "");
  // The committee staff (who may write here) applies it as their own first write.
  auto staff = as("canbo.phuong");
  key(staff, "shared-key");
  auto mine = staff.post(meetingPath(id, "/speeches"), body);
  ASSERT_EQ(mine.status, 201) << mine.raw;
  EXPECT_EQ(header(mine, "Idempotent-Replayed"), "");
  key(sec, "");
  EXPECT_EQ(speechCount(sec, id), 2u);
}

TEST_F(OfflineSyncTest, ARefusedWriteKeepsNoAnswerSoItCanBeSentAgain) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-02");
  auto who = expectedIds(c.get(meetingPath(id)).obj())[0];
  key(c, "q-refused");
  EXPECT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}}).status, 422);
  auto fixed = c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}, {"summary", "Đã sửa"}});
  EXPECT_EQ(fixed.status, 201) << fixed.raw;
}

TEST_F(OfflineSyncTest, AnOlderOfflineMarkDoesNotOverwriteANewerOne) {
  auto c = as("bithu.kp1");
  auto id = plan(c, kp1_, "2027-04-09");
  auto m = c.get(meetingPath(id)).obj();
  auto ids = expectedIds(m);
  ASSERT_GE(ids.size(), 3u);
  auto a = ids[0], b = ids[1], d = ids[2];
  ASSERT_EQ(c.post(meetingPath(id, "/start"), json::object{{"at", "2027-04-09T19:30"}}).status, 200);
  // Online now: a present, b absent.
  ASSERT_EQ(c.put(meetingPath(id, "/attendance"),
                  json::object{{"items", json::array{json::object{{"member_id", a}, {"status", "present"}},
                                                     json::object{{"member_id", b}, {"status", "absent_unexcused"}}}}})
                .status,
            200);
  // Offline an hour ago: a absent (older, kept out), d late (new, applied); b unlisted keeps its mark.
  auto r = c.put(meetingPath(id, "/attendance"),
                 json::object{{"items", json::array{json::object{{"member_id", a}, {"status", "absent_unexcused"}, {"marked_at", ago(60)}},
                                                    json::object{{"member_id", d}, {"status", "late"}, {"marked_at", ago(50)}}}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto skipped = r.obj().at("not_applied").as_array();
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].as_object().at("member_id").as_int64(), a);
  EXPECT_EQ(skipped[0].as_object().at("reason").as_string(), "newer_mark");
  EXPECT_EQ(skipped[0].as_object().at("kept_status").as_string(), "present");
  EXPECT_FALSE(skipped[0].as_object().at("message").as_string().empty());
  auto after = r.obj();
  EXPECT_EQ(markOf(after, a).at("status").as_string(), "present");
  EXPECT_EQ(markOf(after, b).at("status").as_string(), "absent_unexcused");
  EXPECT_EQ(markOf(after, d).at("status").as_string(), "late");
  EXPECT_EQ(markOf(after, d).at("source").as_string(), "offline");

  // A newer offline mark does replace an older one; a client clock ahead is held to the server's.
  auto newer = c.put(meetingPath(id, "/attendance"),
                     json::object{{"items", json::array{json::object{{"member_id", d}, {"status", "present"}, {"marked_at", ago(-600)}}}}});
  ASSERT_EQ(newer.status, 200) << newer.raw;
  EXPECT_TRUE(newer.obj().at("not_applied").as_array().empty());
  EXPECT_EQ(markOf(newer.obj(), d).at("status").as_string(), "present");
  // Bad times are refused and write nothing.
  auto bad = c.put(meetingPath(id, "/attendance"),
                   json::object{{"items", json::array{json::object{{"member_id", b}, {"status", "present"}, {"marked_at", "hôm qua"}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(markOf(c.get(meetingPath(id)).obj(), b).at("status").as_string(), "absent_unexcused");
}

TEST_F(OfflineSyncTest, AQrCheckInWinsOverAnOfflineAbsence) {
  auto sec = as("bithu.kp1");
  auto member = as("dangvien.kp1");
  auto own = member.get("/api/v1/me").obj().at("user").as_object().at("member_id").as_int64();
  auto id = plan(sec, kp1_, "2027-04-16");
  ASSERT_EQ(sec.post(meetingPath(id, "/start"), json::object{{"at", "2027-04-16T19:30"}}).status, 200);
  auto tok = sec.post(meetingPath(id, "/checkin-token"), json::object{{"minutes", 10}});
  ASSERT_EQ(tok.status, 201);
  ASSERT_EQ(member.post("/api/v1/checkin", json::object{{"token", tok.obj().at("token")}}).status, 200);
  // The secretary, offline, marked the member absent, even after the scan by the phone's clock.
  auto r = sec.put(meetingPath(id, "/attendance"),
                   json::object{{"items", json::array{json::object{{"member_id", own}, {"status", "absent_excused"},
                                                                   {"reason_category", "illness"}, {"marked_at", ago(-1)}}}}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto skipped = r.obj().at("not_applied").as_array();
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].as_object().at("reason").as_string(), "checked_in");
  EXPECT_EQ(skipped[0].as_object().at("kept_source").as_string(), "checkin");
  auto mark = markOf(r.obj(), own);
  EXPECT_EQ(mark.at("status").as_string(), "present");
  EXPECT_EQ(mark.at("source").as_string(), "checkin");
  // An offline "late" for the same member is attending, so it is applied over the scan.
  auto late = sec.put(meetingPath(id, "/attendance"),
                      json::object{{"items", json::array{json::object{{"member_id", own}, {"status", "late"}, {"marked_at", ago(0)}}}}});
  ASSERT_EQ(late.status, 200);
  EXPECT_EQ(markOf(late.obj(), own).at("status").as_string(), "late");
}

}  // namespace chibo::testing
