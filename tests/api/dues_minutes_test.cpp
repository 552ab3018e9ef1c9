// The minutes' dues step (R-AGENDA "dues status", HD 42 summaries): when the secretary typed
// nothing under it, the minutes carry the month's dues figures from the dues book, read back
// with a real PDF reader.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class DuesMinutesTest : public OversightTest {};

TEST_F(DuesMinutesTest, AnEmptyDuesStepTakesTheMonthsFigures) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto c = as("bithu.kp1");
  auto [first, last] = lastMonth();
  auto list = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/meetings?from=" + first.addMonths(-3).iso() + "&to=" +
                    last.iso());
  ASSERT_EQ(list.status, 200);
  int checked = 0;
  for (auto& mv : list.obj().at("items").as_array()) {
    const auto& b = mv.as_object();
    if (b.at("kind").as_string() != "regular" || b.at("status").as_string() != "finalized") continue;
    auto m = c.get(meetingPath(b.at("id").as_int64())).obj();
    bool empty_step = false;
    for (auto& item : m.at("agenda").as_array())
      if (item.as_object().at("step_code") == "dues_status") empty_step = item.as_object().at("notes").as_string().empty();
    if (!empty_step) continue;
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02d", int(m.at("period_year").as_int64()), int(m.at("period_month").as_int64()));
    auto sheet = c.get("/api/v1/orgs/" + std::to_string(kp1_) + "/dues?month=" + month);
    ASSERT_EQ(sheet.status, 200) << sheet.raw;
    const std::string sentence(sheet.obj().at("minutes_sentence").as_string());
    EXPECT_EQ(sentence.rfind("đã thu đảng phí tháng ", 0), 0u) << sentence;
    auto file = rawGet(&c, meetingPath(m.at("id").as_int64(), "/minutes.pdf"));
    ASSERT_EQ(file.status, 200);
    auto text = pdfText(file.body);
    EXPECT_NE(text.find("Đảng phí: " + sentence), std::string::npos) << sentence << "\n" << text.substr(0, 1500);
    ++checked;
  }
  EXPECT_GT(checked, 0) << "no finalized KP1 meeting with an empty dues step in the last months of the demo";
}

}  // namespace chibo::testing
