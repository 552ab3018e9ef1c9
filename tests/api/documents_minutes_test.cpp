// A cell's papers from its records (issue 5 §5), read back with a real PDF
// reader: the minutes hold the chair, the secretary, every absentee with their
// reason and the vote line; the resolution its number; the attendance list
// and the year's task list their rows.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class DocumentsMinutesTest : public OversightTest {
 protected:
  // A held meeting of KP1 in the last months with absentees of both kinds if
  // possible (at least one excused), and a resolution.
  json::object demoMeeting(Client& c) {
    auto [first, last] = lastMonth();
    auto list = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/meetings?from=" + first.addMonths(-8).iso() + "&to=" +
                      last.iso());
    json::object fallback;
    for (auto& mv : list.obj().at("items").as_array()) {
      const auto& b = mv.as_object();
      if (b.at("kind").as_string() != "regular" || b.at("status").as_string() != "finalized") continue;
      auto m = c.get(meetingPath(b.at("id").as_int64())).obj();
      const auto& a = m.at("attendance").as_object();
      if (m.at("resolutions").as_array().empty() || a.at("absent_excused").as_array().empty()) continue;
      if (!a.at("absent_unexcused").as_array().empty()) return m;
      if (fallback.empty()) fallback = m;
    }
    return fallback;
  }
  static std::string name(const json::value& person) { return std::string(person.as_object().at("full_name").as_string()); }
};

TEST_F(DocumentsMinutesTest, MinutesPdfHoldsChairSecretaryEveryAbsenteeWithReasonAndTheVoteLine) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto c = as("bithu.kp1");
  auto m = demoMeeting(c);
  ASSERT_FALSE(m.empty()) << "no finalized KP1 meeting with an excused absence in the demo";
  int64_t id = m.at("id").as_int64();
  auto file = rawGet(&c, meetingPath(id, "/minutes.pdf"));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/pdf");
  EXPECT_EQ(file.body.rfind("%PDF-", 0), 0u);
  auto cd = file.header("Content-Disposition");
  EXPECT_NE(cd.find("attachment; filename=\"bien-ban-chi-bo-khu-pho-1-ngay-"), std::string::npos) << cd;
  EXPECT_NE(percentDecoded(cd).find("filename*=UTF-8''Biên bản Chi bộ Khu phố 1 ngày "), std::string::npos) << cd;

  auto text = pdfText(file.body);
  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "BIÊN BẢN", "THƯ KÝ", "CHỦ TRÌ"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  EXPECT_NE(text.find("Chủ trì: đồng chí " + name(m.at("chair"))), std::string::npos) << name(m.at("chair"));
  EXPECT_NE(text.find("Thư ký: đồng chí " + name(m.at("secretary"))), std::string::npos) << name(m.at("secretary"));
  const auto& a = m.at("attendance").as_object();
  EXPECT_NE(text.find("Đảng viên phải dự sinh hoạt: " + std::to_string(num(a, "expected")) + " đồng chí; có mặt: " +
                      std::to_string(num(a, "present")) + " đồng chí"),
            std::string::npos);
  for (auto& x : a.at("absent_excused").as_array()) {
    const auto& o = x.as_object();
    std::string who = "Đồng chí " + std::string(o.at("full_name").as_string()) + ":";
    auto at = text.find(who);
    ASSERT_NE(at, std::string::npos) << who;
    std::string reason(o.at("reason").as_string());
    if (!reason.empty()) EXPECT_NE(text.find(collapse(reason), at), std::string::npos) << who << " " << reason;
  }
  for (auto& x : a.at("absent_unexcused").as_array())
    EXPECT_NE(text.find("đồng chí " + std::string(x.as_object().at("full_name").as_string())), std::string::npos);
  for (auto& s : m.at("speeches").as_array())
    EXPECT_NE(text.find("Đồng chí " + std::string(s.as_object().at("full_name").as_string()) + ":"), std::string::npos);
  const auto& vote = m.at("resolutions").as_array()[0].as_object().at("vote").as_object();
  std::string line = std::to_string(num(vote, "votes_for")) + "/" + std::to_string(num(vote, "eligible")) +
                     " đồng chí tán thành";
  EXPECT_NE(text.find("Biểu quyết thông qua Nghị quyết: " + line), std::string::npos) << line;
  EXPECT_NE(text.find("Biên bản đã được đọc lại"), std::string::npos);
}

TEST_F(DocumentsMinutesTest, ResolutionAttendanceListAndDocxFromTheSameRecord) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto c = as("bithu.kp1");
  auto m = demoMeeting(c);
  ASSERT_FALSE(m.empty());
  int64_t id = m.at("id").as_int64();
  const auto& res = m.at("resolutions").as_array()[0].as_object();

  auto pdf = rawGet(&c, meetingPath(id, "/resolution.pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  auto text = pdfText(pdf.body);
  EXPECT_NE(text.find(std::string(res.at("number_text").as_string())), std::string::npos) << res.at("number_text");
  EXPECT_NE(text.find("NGHỊ QUYẾT"), std::string::npos);
  EXPECT_NE(text.find(collapse(std::string(res.at("title").as_string()))), std::string::npos);
  EXPECT_NE(text.find("T/M CHI ỦY"), std::string::npos);
  EXPECT_NE(text.find("Nơi nhận:"), std::string::npos);
  const auto& vote = res.at("vote").as_object();
  EXPECT_NE(text.find("Nghị quyết được Chi bộ biểu quyết thông qua với " + std::to_string(num(vote, "votes_for")) + "/" +
                      std::to_string(num(vote, "eligible"))),
            std::string::npos);
  for (auto& t : m.at("tasks").as_array())
    EXPECT_NE(text.find(collapse(std::string(t.as_object().at("description").as_string())).substr(0, 20)), std::string::npos);

  for (const char* doc : {"/minutes.docx", "/resolution.docx", "/attendance.docx"}) {
    auto d = rawGet(&c, meetingPath(id, doc));
    ASSERT_EQ(d.status, 200) << doc;
    EXPECT_EQ(d.body.rfind("PK", 0), 0u) << doc;
    EXPECT_NE(d.header("Content-Type").find("wordprocessingml"), std::string::npos);
    EXPECT_NE(d.header("Content-Disposition").find(".docx"), std::string::npos);
  }

  auto list = rawGet(&c, meetingPath(id, "/attendance.pdf"));
  ASSERT_EQ(list.status, 200);
  auto lt = pdfText(list.body);
  EXPECT_NE(lt.find("DANH SÁCH"), std::string::npos);
  int checked = 0;
  for (auto& l : m.at("roll").as_array()) {
    const auto& o = l.as_object();
    if (!o.at("counts_for_attendance").as_bool() || ++checked > 5) continue;
    EXPECT_NE(lt.find(std::string(o.at("full_name").as_string())), std::string::npos) << o.at("full_name");
  }

  // The year's task list names the resolution each task came from.
  int year = Date::today().year() - 1;
  auto tasks = rawGet(&c, "/api/v1/orgs/" + std::to_string(kp1_) + "/tasks.pdf?year=" + std::to_string(year));
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  auto tt = pdfText(tasks.body);
  EXPECT_NE(tt.find("Nhiệm vụ năm " + std::to_string(year)), std::string::npos);
  EXPECT_NE(tt.find("NQ/CB"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/tasks.pdf?year=20x6").status, 422);
}

TEST_F(DocumentsMinutesTest, DocumentsFollowTheMeetingsScopeAndState) {
  auto sec = as("bithu.kp1");
  auto m = demoMeeting(sec);
  ASSERT_FALSE(m.empty());
  int64_t id = m.at("id").as_int64();
  auto member = as("dangvien.kp1");
  EXPECT_EQ(rawGet(&member, meetingPath(id, "/minutes.pdf")).status, 200);  // a member reads their cell's papers
  auto other = as("bithu.ubnd");
  EXPECT_EQ(rawGet(&other, meetingPath(id, "/minutes.pdf")).status, 404);
  EXPECT_EQ(rawGet(&other, "/api/v1/orgs/" + std::to_string(kp1_) + "/tasks.pdf").status, 404);
  EXPECT_EQ(rawGet(nullptr, meetingPath(id, "/minutes.pdf")).status, 401);
  // Not held yet: nothing to file. Held without a resolution: no resolution document.
  auto planned = plan(sec, kp1_, "2027-10-01");
  auto p = sec.get(meetingPath(planned, "/minutes.pdf"));
  EXPECT_EQ(p.status, 409);
  EXPECT_EQ(p.code(), "not_held");
  auto held = plan(sec, kp1_, "2027-10-15");
  auto roll = expectedIds(sec.get(meetingPath(held)).obj());
  ASSERT_EQ(sec.patch(meetingPath(held), json::object{{"chair_member_id", roll[0]}, {"secretary_member_id", roll[1]}}).status, 200);
  ASSERT_EQ(sec.post(meetingPath(held, "/start"), json::object{{"at", "2027-10-15T19:30"}}).status, 200);
  auto nr = sec.get(meetingPath(held, "/resolution.pdf"));
  EXPECT_EQ(nr.status, 404);
  EXPECT_EQ(nr.code(), "no_resolution");
  // A draft: nobody marked yet, so everyone expected is listed as not yet marked.
  auto draft = rawGet(&sec, meetingPath(held, "/minutes.pdf"));
  ASSERT_EQ(draft.status, 200) << draft.body;
  if (have("pdftotext")) EXPECT_NE(pdfText(draft.body).find("(chưa điểm danh)"), std::string::npos);
}

}  // namespace chibo::testing
