// The minutes book is the whole record: a meeting recorded in every section
// through the API (notes under each step, the review of earlier tasks, three
// speakers, the chair's conclusion written while the meeting is on, a vote,
// tasks, the self-evaluation, the read-back) is read back from the minutes PDF
// (poppler's pdftotext) and DOCX (the WordprocessingML text) and every recorded
// item is found, the speakers in the order they spoke. The resolution holds its
// assessment, targets, direction, assignments and vote with its rule.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class DocumentsMinutesFullTest : public OversightTest {
 protected:
  // The text of word/document.xml: one paragraph a line, tags dropped, the
  // five XML entities decoded, white space collapsed.
  static std::string docxText(const std::string& docx) {
    auto dir = tempDir();
    writeFile(dir + "/doc.docx", docx);
    auto xml = run("unzip -p '" + dir + "/doc.docx' word/document.xml 2>/dev/null");
    std::filesystem::remove_all(dir);
    std::string out;
    bool tag = false;
    for (size_t i = 0; i < xml.size(); ++i) {
      if (xml.compare(i, 6, "</w:p>") == 0) out += '\n';
      char ch = xml[i];
      if (ch == '<') tag = true;
      else if (ch == '>') tag = false;
      else if (!tag) out += ch;
    }
    for (auto [ent, ch] : std::initializer_list<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
      for (size_t at = out.find(ent); at != std::string::npos; at = out.find(ent, at + ch.size()))
        out.replace(at, ent.size(), ch);
    return collapse(out);
  }

  // Sets `notes` on the agenda step `code`, keeping every other item as it is.
  static json::array withNotes(const json::object& meeting, const std::map<std::string, std::string>& notes) {
    json::array items;
    for (auto& v : meeting.at("agenda").as_array()) {
      const auto& a = v.as_object();
      json::object item{{"id", a.at("id")}, {"title", a.at("title")}, {"phase", a.at("phase")},
                        {"notes", a.at("notes")}, {"required", a.at("required")}, {"done", true}};
      if (auto it = notes.find(str(a.at("step_code"))); it != notes.end()) item["notes"] = it->second;
      items.push_back(std::move(item));
    }
    return items;
  }
};

TEST_F(DocumentsMinutesFullTest, EveryRecordedItemIsInTheMinutesPdfAndDocxAndTheResolution) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  if (!have("unzip")) GTEST_SKIP() << "unzip is not installed";
  auto c = as("bithu.kp1");

  // An earlier meeting leaves a task for this one to review.
  int64_t earlier = plan(c, kp1_, "2027-03-06");
  ASSERT_NE(earlier, 0);
  completeRecord(c, earlier, "2027-03-06");

  int64_t id = plan(c, kp1_, "2027-04-03");
  ASSERT_NE(id, 0);
  auto m = c.get(meetingPath(id)).obj();
  auto expected = expectedIds(m);
  ASSERT_GE(expected.size(), 6u);
  int64_t chair = expected[0], secretary = expected[1], excused = expected[2], unexcused = expected[3];
  ASSERT_EQ(c.patch(meetingPath(id), json::object{{"chair_member_id", chair}, {"secretary_member_id", secretary}}).status, 200);
  ASSERT_EQ(c.post(meetingPath(id, "/start"), json::object{{"at", "2027-04-03T19:30"}}).status, 200);

  json::array marks;
  for (auto mid : expected) {
    if (mid == excused)
      marks.push_back(json::object{{"member_id", mid}, {"status", "absent_excused"}, {"reason_category", "work"},
                                   {"reason", "trực ca tại bệnh viện"}});
    else if (mid == unexcused)
      marks.push_back(json::object{{"member_id", mid}, {"status", "absent_unexcused"}});
    else
      marks.push_back(json::object{{"member_id", mid}, {"status", "present"}});
  }
  auto att = c.put(meetingPath(id, "/attendance"), json::object{{"items", marks}});
  ASSERT_EQ(att.status, 200) << att.raw;

  // The previous task, reviewed with an outcome and a note.
  const auto& carried = att.obj().at("carried_tasks").as_array();
  ASSERT_FALSE(carried.empty()) << "the earlier meeting's task is not carried";
  json::array reviews;
  for (auto& t : carried)
    reviews.push_back(json::object{{"task_id", t.as_object().at("id")}, {"outcome", "late"},
                                   {"note", "Thu được 45 trên 50 hộ, còn 5 hộ khó khăn"}});
  ASSERT_EQ(c.put(meetingPath(id, "/task-reviews"), json::object{{"items", reviews}}).status, 200);

  // Notes on the steps, written during the meeting from the phone.
  auto now = c.get(meetingPath(id)).obj();
  auto ag = c.put(meetingPath(id, "/agenda"),
                  json::object{{"items", withNotes(now, {{"dues_status", "Đã thu đảng phí quý I của 18/20 đồng chí"},
                                                         {"present_content", "Báo cáo tình hình an ninh trật tự khu phố"},
                                                         {"information", "Phổ biến lịch tiêm chủng mở rộng"}})}});
  ASSERT_EQ(ag.status, 200) << ag.raw;

  // Three speakers, in this order.
  const std::vector<std::pair<int64_t, std::string>> said{
      {expected[4], "Đề nghị lắp thêm đèn chiếu sáng hẻm 14"},
      {chair, "Cần phân công tổ dân phố kiểm tra vệ sinh hằng tuần"},
      {expected[5], "Nhất trí với dự thảo nghị quyết, bổ sung chỉ tiêu thu quỹ"}};
  for (auto& [who, what] : said)
    ASSERT_EQ(c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}, {"summary", what}}).status, 201);

  // The chair's conclusion, written while the meeting is on.
  const std::string conclusion = "Chi bộ thống nhất tập trung chỉnh trang hẻm 14 trước ngày 30/4";
  ASSERT_EQ(c.patch(meetingPath(id), json::object{{"conclusion", conclusion}}).status, 200);

  // Voters present as the server counts them from the roll (official members, not exempt).
  int n = int(c.get(meetingPath(id)).obj().at("voters").as_object().at("present").as_int64());
  auto res = c.post(meetingPath(id, "/resolutions"),
                    json::object{{"title", "Lãnh đạo thực hiện nhiệm vụ tháng 5/2027"},
                                 {"assessment", "Chi bộ hoàn thành tốt công tác vận động quỹ vì người nghèo"},
                                 {"direction", "Tổ chức ngày chủ nhật xanh toàn khu phố"},
                                 {"assignments", "Tổ trưởng các tổ dân phố báo cáo hằng tuần"},
                                 {"targets", json::array{json::object{{"description", "Tỷ lệ hộ đăng ký gia đình văn hóa"},
                                                                      {"unit", "%"}, {"target_value", 95}}}},
                                 {"vote", json::object{{"votes_for", n - 1}, {"against", 1}, {"abstain", 0}, {"eligible", n}}}});
  ASSERT_EQ(res.status, 201) << res.raw;
  const std::string number = str(res.obj().at("number_text"));
  const std::vector<std::string> tasks{"Sửa đèn chiếu sáng hẻm 14", "Kiểm tra vệ sinh các tổ dân phố"};
  for (size_t i = 0; i < tasks.size(); ++i) {
    auto t = c.post("/api/v1/resolutions/" + std::to_string(idOf(res)) + "/tasks",
                    json::object{{"description", tasks[i]}, {"deadline", "2027-04-2" + std::to_string(i + 5)},
                                 {"assignee_member_ids", json::array{expected[4 + i]}}});
    ASSERT_EQ(t.status, 201) << t.raw;
  }
  auto ev = c.put(meetingPath(id, "/evaluation"),
                  json::object{{"evaluator", "self"},
                               {"criteria", json::object{{"conduct", 25}, {"chairing", 8}, {"principles", 5}}},
                               {"note", "Sinh hoạt sôi nổi, đúng giờ"}});
  ASSERT_EQ(ev.status, 200) << ev.raw;
  ASSERT_EQ(c.post(meetingPath(id, "/end"), json::object{{"at", "2027-04-03T21:10"}, {"minutes_read_back", true}}).status, 200);

  // After the end and before locking, a step's notes can still be completed.
  now = c.get(meetingPath(id)).obj();
  ASSERT_EQ(c.put(meetingPath(id, "/agenda"),
                  json::object{{"items", withNotes(now, {{"ideology_criticism", "Đảng viên tự phê bình việc đi họp muộn"}})}})
                .status,
            200);
  m = c.get(meetingPath(id)).obj();
  std::map<int64_t, std::string> names;
  for (auto& l : m.at("roll").as_array()) names[l.as_object().at("member_id").as_int64()] = str(l.as_object().at("full_name"));

  auto pdf = rawGet(&c, meetingPath(id, "/minutes.pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  auto docx = rawGet(&c, meetingPath(id, "/minutes.docx"));
  ASSERT_EQ(docx.status, 200) << docx.body;
  const std::vector<std::string> recorded{
      "Chủ trì: đồng chí " + names[chair],
      "Thư ký: đồng chí " + names[secretary],
      "Đồng chí " + names[excused] + ":",
      "trực ca tại bệnh viện",
      "đồng chí " + names[unexcused],
      "Đảng phí: Đã thu đảng phí quý I của 18/20 đồng chí",
      "Báo cáo tình hình an ninh trật tự khu phố",
      "Phổ biến lịch tiêm chủng mở rộng",
      "Đảng viên tự phê bình việc đi họp muộn",
      "Vận động hội viên đóng quỹ",
      "Chậm tiến độ",
      "Thu được 45 trên 50 hộ, còn 5 hộ khó khăn",
      conclusion,
      "Biểu quyết thông qua Nghị quyết: " + std::to_string(n - 1) + "/" + std::to_string(n) + " đồng chí tán thành",
      "Quy tắc biểu quyết:",
      "kết quả: thông qua",
      tasks[0] + " – Đồng chí " + names[expected[4]] + "; thời hạn 25/04/2027",
      tasks[1] + " – Đồng chí " + names[expected[5]] + "; thời hạn 26/04/2027",
      "Chi bộ tự đánh giá:",
      "Sinh hoạt sôi nổi, đúng giờ",
      "Thư ký đã đọc lại biên bản",
      "Biên bản đã được đọc lại",
      "THƯ KÝ",
      "CHỦ TRÌ",
  };
  for (const auto& [kind, text] : {std::pair<std::string, std::string>{"PDF", pdfText(pdf.body)}, {"DOCX", docxText(docx.body)}}) {
    ASSERT_FALSE(text.empty()) << kind;
    for (const auto& item : recorded) EXPECT_NE(text.find(collapse(item)), std::string::npos) << kind << ": " << item;
    // The speakers in the order they spoke.
    size_t last = 0;
    for (auto& [who, what] : said) {
      auto at = text.find("Đồng chí " + names[who] + ": " + collapse(what));
      EXPECT_NE(at, std::string::npos) << kind << ": " << what;
      if (at == std::string::npos) continue;
      EXPECT_GT(at, last) << kind << ": " << what << " is out of spoken order";
      last = at;
    }
    // A step nothing was recorded under says so in one line.
    EXPECT_NE(text.find("Không ghi nhận nội dung ở bước này."), std::string::npos) << kind;
  }

  auto nq = rawGet(&c, meetingPath(id, "/resolution.pdf"));
  ASSERT_EQ(nq.status, 200) << nq.body;
  auto nqText = pdfText(nq.body);
  const std::vector<std::string> resolved{
      number,
      "Chi bộ hoàn thành tốt công tác vận động quỹ vì người nghèo",
      "Tỷ lệ hộ đăng ký gia đình văn hóa: 95 %",
      "Tổ chức ngày chủ nhật xanh toàn khu phố",
      "Tổ trưởng các tổ dân phố báo cáo hằng tuần",
      tasks[0],
      tasks[1],
      "Nghị quyết được Chi bộ biểu quyết thông qua với " + std::to_string(n - 1) + "/" + std::to_string(n),
      "Quy tắc biểu quyết:",
  };
  for (const auto& item : resolved)
    EXPECT_NE(nqText.find(collapse(item)), std::string::npos) << item;

  // Locking keeps the record; the conclusion can no longer be edited in place.
  ASSERT_EQ(c.post(meetingPath(id, "/finalize"), json::object{}).status, 200);
  EXPECT_EQ(c.patch(meetingPath(id), json::object{{"conclusion", "sửa sau khi khóa"}}).status, 409);

  // The audit log of this meeting reads in Vietnamese: actions, fields, names and marks.
  auto ward = as("canbo.phuong");
  auto log = ward.get("/api/v1/audit?org=" + std::to_string(kp1_) + "&target_type=meeting&target_id=" + std::to_string(id) +
                      "&limit=200");
  ASSERT_EQ(log.status, 200) << log.raw;
  std::map<std::string, std::string> labels;
  bool excusedShown = false;
  for (auto& row : log.obj().at("items").as_array()) {
    const auto& r = row.as_object();
    labels[str(r.at("action"))] = str(r.at("action_label"));
    EXPECT_EQ(str(r.at("target_label")), "Cuộc họp");
    for (auto& chv : r.at("changes").as_array()) {
      const auto& ch = chv.as_object();
      std::string label = str(ch.at("field_label"));
      EXPECT_NE(label, "Thông tin khác") << ch.at("field");
      if (str(ch.at("field")) == "attendance[" + std::to_string(excused) + "]") {
        EXPECT_EQ(label, "Điểm danh: " + names[excused]);
        ASSERT_TRUE(ch.at("after_text").is_string());
        EXPECT_EQ(str(ch.at("after_text")).rfind("Vắng có lý do", 0), 0u) << ch.at("after_text");
        excusedShown = true;
      }
      if (str(ch.at("field")) == "chair_member_id" && ch.at("after_text").is_string()) {
        EXPECT_EQ(str(ch.at("after_text")), names[chair]);
      }
    }
  }
  EXPECT_TRUE(excusedShown);
  EXPECT_EQ(labels["meeting.finalize"], "Khóa biên bản");
  EXPECT_EQ(labels["meeting.attendance"], "Điểm danh");
  EXPECT_EQ(labels["meeting.end"], "Kết thúc cuộc họp");
}

}  // namespace chibo::testing
