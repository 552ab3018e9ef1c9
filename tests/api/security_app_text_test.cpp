// Hostile meeting input against the real server: a megabyte field, controls
// and direction overrides, impossible offsets, huge lists, members outside
// the caller's scope, and stale versions. Each is refused with a field error
// (or 404/409) and writes nothing.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "api/meeting_fixture.h"

namespace chibo::testing {
namespace {

double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// Decomposed Vietnamese (the slow case of NFC before it was made linear),
// `bytes` long, inside a JSON body under the 1 MiB body limit.
std::string decomposed(size_t bytes) {
  std::string unit = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ha\xcc\x80 ";
  std::string s;
  while (s.size() + unit.size() <= bytes) s += unit;
  return s;
}

bool hasFieldError(const Resp& r, const std::string& field, const std::string& code) {
  if (!r.body.is_object() || !r.obj().contains("errors")) return false;
  for (auto& e : r.obj().at("errors").as_array())
    if (e.as_object().at("field").as_string() == field && e.as_object().at("code").as_string() == code) return true;
  return false;
}

}  // namespace

class SecurityAppTextTest : public MeetingApiTest {};

TEST_F(SecurityAppTextTest, AMegabyteFieldIsAnsweredQuicklyWhileHealthStaysFast) {
  auto secretary = as("bithu.kp1");
  auto outsider = as("dangvien.kp2");  // a member of another cell: cannot see kp1
  int64_t id = plan(secretary, kp1_, "2027-03-10");
  ASSERT_NE(id, 0);
  json::object body{{"conclusion", decomposed(1'000'000)}};
  int64_t before = auditCount();

  std::atomic<bool> busy{true};
  double worst_health = 0;
  int health_calls = 0;
  std::thread health([&] {
    Client h(server_->port());
    while (busy.load()) {
      auto t = std::chrono::steady_clock::now();
      auto r = h.get("/api/v1/health");
      worst_health = std::max(worst_health, msSince(t));
      EXPECT_EQ(r.status, 200);
      ++health_calls;
    }
  });
  double in_scope_ms = 0, out_of_scope_ms = 0;
  Resp in_scope, out_of_scope;
  std::thread a([&] {
    auto t = std::chrono::steady_clock::now();
    in_scope = secretary.patch(meetingPath(id), body);
    in_scope_ms = msSince(t);
  });
  std::thread b([&] {
    auto t = std::chrono::steady_clock::now();
    out_of_scope = outsider.patch(meetingPath(id), body);
    out_of_scope_ms = msSince(t);
  });
  a.join();
  b.join();
  busy = false;
  health.join();
  std::printf("1 MB field: in scope %.0f ms (%d), out of scope %.0f ms (%d); /health worst %.0f ms over %d calls\n",
              in_scope_ms, in_scope.status, out_of_scope_ms, out_of_scope.status, worst_health, health_calls);
  EXPECT_EQ(in_scope.status, 422) << in_scope.raw.substr(0, 300);
  EXPECT_TRUE(hasFieldError(in_scope, "conclusion", "too_long"));
  EXPECT_EQ(out_of_scope.status, 404) << "scope before validation: the outsider learns nothing";
  // Generous bounds (it took 16 s before); the exact figures are printed above.
  EXPECT_LT(in_scope_ms, 2000.0);
  EXPECT_LT(out_of_scope_ms, 2000.0);
  EXPECT_LT(worst_health, 500.0);
  EXPECT_EQ(auditCount(), before);
}

TEST_F(SecurityAppTextTest, ControlsBidiOverridesAndInvisibleNamesAreFieldErrors) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-11");
  ASSERT_NE(id, 0);
  int64_t before = auditCount();
  struct Case {
    json::object body;
    std::string field, code;
  };
  std::vector<Case> cases = {
      {{{"place", "Nhà văn hóa\x7f"}}, "place", "invalid_text"},
      {{{"place", "Nhà văn hóa\xc2\x9b"}}, "place", "invalid_text"},             // C1 (CSI)
      {{{"topic", "\xe2\x80\xae" "cod.exe"}}, "topic", "invalid_text"},          // U+202E
      {{{"topic", "H\xe2\x81\xa6" "ọc tập"}}, "topic", "invalid_text"},          // U+2066
      {{{"guests", json::array{json::object{{"name", "\xe2\x80\x8b\xe2\x80\x8b"}}}}}, "guests[0].name", "required"},
  };
  for (auto& k : cases) {
    auto r = c.patch(meetingPath(id), k.body);
    EXPECT_EQ(r.status, 422) << json::serialize(k.body) << " " << r.raw;
    EXPECT_TRUE(hasFieldError(r, k.field, k.code)) << r.raw;
  }
  auto r = c.patch(meetingPath(id), json::object{{"place", "Nhà văn hóa\x7f"}});
  auto msg = std::string(r.obj().at("errors").as_array().at(0).as_object().at("message").as_string());
  EXPECT_EQ(msg, "Địa điểm chứa ký tự điều khiển.");
  EXPECT_EQ(auditCount(), before) << "a rejected request writes nothing";
}

TEST_F(SecurityAppTextTest, OnlyRealUtcOffsetsAreAccepted) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-12");
  ASSERT_NE(id, 0);
  for (const char* bad : {"2027-03-12T19:30+99:00", "2027-03-12T19:30+14:30", "2027-03-12T19:30-12:30",
                          "2027-03-12T19:30+07:60"}) {
    auto r = c.patch(meetingPath(id), json::object{{"planned_start", bad}});
    EXPECT_EQ(r.status, 422) << bad << " " << r.raw;
    EXPECT_TRUE(hasFieldError(r, "planned_start", "invalid_offset") ||
                hasFieldError(r, "planned_start", "invalid_datetime"))
        << bad << " " << r.raw;
  }
  auto r = c.patch(meetingPath(id), json::object{{"planned_start", "2027-03-12T19:30+99:00"}});
  EXPECT_TRUE(hasFieldError(r, "planned_start", "invalid_offset")) << r.raw;
  auto ok = c.patch(meetingPath(id), json::object{{"planned_start", "2027-03-12T12:30Z"}});
  EXPECT_EQ(ok.status, 200) << ok.raw;
  auto east = c.patch(meetingPath(id), json::object{{"planned_start", "2027-03-13T02:30+14:00"}});
  EXPECT_EQ(east.status, 200) << east.raw;
}

TEST_F(SecurityAppTextTest, ListsAreBoundedBeforeTheyAreRead) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-13");
  ASSERT_NE(id, 0);
  int64_t before = auditCount();
  json::array guests;
  for (int i = 0; i < 20000; ++i) guests.push_back(json::object{{"name", "Khách " + std::to_string(i)}});
  auto r = c.patch(meetingPath(id), json::object{{"guests", guests}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(hasFieldError(r, "guests", "too_many")) << r.raw.substr(0, 300);
  EXPECT_EQ(r.obj().at("errors").as_array().size(), 1u) << "no element was read";
  json::array items;
  for (int i = 0; i < 1001; ++i) items.push_back(json::object{{"title", "Mục " + std::to_string(i)}});
  auto agenda = c.put(meetingPath(id, "/agenda"), json::object{{"items", items}});
  EXPECT_EQ(agenda.status, 422);
  EXPECT_TRUE(hasFieldError(agenda, "items", "too_many")) << agenda.raw.substr(0, 300);
  json::array few;
  for (int i = 0; i < 100; ++i) few.push_back(json::object{{"name", "Khách " + std::to_string(i)}});
  EXPECT_EQ(c.patch(meetingPath(id), json::object{{"guests", few}}).status, 200) << "the bound itself is accepted";
  EXPECT_EQ(auditCount(), before + 1);
}

TEST_F(SecurityAppTextTest, AGuestOutsideTheCallersScopeIsAnsweredLikeAnUnknownId) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-14");
  ASSERT_NE(id, 0);
  int64_t elsewhere = firstMemberOf(kp2_);  // exists, but not in the secretary's cell
  int64_t before = auditCount();
  auto outside = c.patch(meetingPath(id), json::object{{"guests", json::array{json::object{
                                              {"name", "Khách"}, {"member_id", elsewhere}}}}});
  auto unknown = c.patch(meetingPath(id), json::object{{"guests", json::array{json::object{
                                              {"name", "Khách"}, {"member_id", 987654321}}}}});
  EXPECT_EQ(outside.status, 422);
  EXPECT_TRUE(hasFieldError(outside, "guests[0].member_id", "not_found")) << outside.raw;
  EXPECT_EQ(outside.sameness(), unknown.sameness()) << "the same answer, so ids cannot be enumerated";
  EXPECT_EQ(auditCount(), before);
  int64_t own = firstMemberOf(kp1_);
  auto fine = c.patch(meetingPath(id), json::object{{"guests", json::array{json::object{
                                           {"name", "Khách"}, {"member_id", own}}}}});
  EXPECT_EQ(fine.status, 200) << fine.raw;
  // A speech cannot name the outsider either (not on the roll, not a guest).
  auto speech = c.post(meetingPath(id, "/speeches"), json::object{{"member_id", elsewhere}, {"summary", "Ý kiến"}});
  EXPECT_NE(speech.status, 201) << speech.raw;
}

TEST_F(SecurityAppTextTest, AStaleVersionIsAConflictAndWritesNothing) {
  auto c = as("bithu.kp1");
  int64_t id = plan(c, kp1_, "2027-03-15");
  ASSERT_NE(id, 0);
  int64_t v = c.get(meetingPath(id)).obj().at("version").as_int64();
  auto first = c.patch(meetingPath(id), json::object{{"place", "Hội trường A"}, {"version", v}});
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.obj().at("version").as_int64(), v + 1);
  int64_t before = auditCount();
  auto stale = c.patch(meetingPath(id), json::object{{"place", "Hội trường B"}, {"version", v}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.code(), "version_conflict");
  EXPECT_EQ(c.get(meetingPath(id)).obj().at("place").as_string(), "Hội trường A");
  EXPECT_EQ(auditCount(), before);
  // Without a version the edit goes through (last writer wins, as documented).
  EXPECT_EQ(c.patch(meetingPath(id), json::object{{"place", "Hội trường C"}}).status, 200);
}

}  // namespace chibo::testing
