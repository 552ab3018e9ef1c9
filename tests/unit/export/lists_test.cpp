// buildAttendanceList and buildTaskList.
#include <gtest/gtest.h>

#include "export/attendance_list.h"
#include "export/docx_renderer.h"
#include "export/pdf_renderer.h"
#include "export/task_list.h"
#include "unit/export/export_test_support.h"

namespace chibo {
namespace {

const DocumentHeading kHeading{"ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "", "Tân Định",
                               *Date::fromYmd(2026, 3, 5)};

TEST(AttendanceList, TableAndTotals) {
  AttendanceListInput in;
  in.heading = kHeading;
  in.meeting = "sinh hoạt chi bộ thường kỳ tháng 3/2026";
  in.rows = {{"Nguyễn Văn Ánh", "Chính thức", true, ""},
             {"Phạm Quốc Việt", "Chính thức", false, "đi công tác"},
             {"Vũ Đức Thắng", "Dự bị", false, ""},
             {"Lê Thị Ơn", "SHTT đến", true, ""}};
  in.signatures = {{"T/M CHI ỦY", "BÍ THƯ", "Nguyễn Văn Ánh"}};
  auto doc = buildAttendanceList(in);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Đảng viên dự sinh hoạt chi bộ thường kỳ tháng 3/2026");
  std::string t = documentPlainText(*doc);
  EXPECT_NE(t.find("STT | Họ và tên | Đảng viên | Có mặt | Vắng có lý do | Vắng không lý do | Ký tên"), std::string::npos);
  EXPECT_NE(t.find("1 | Nguyễn Văn Ánh | Chính thức | x |  |  | "), std::string::npos) << t;
  EXPECT_NE(t.find("2 | Phạm Quốc Việt | Chính thức |  | đi công tác |  | "), std::string::npos) << t;
  EXPECT_NE(t.find("3 | Vũ Đức Thắng | Dự bị |  |  | x | "), std::string::npos) << t;
  EXPECT_NE(t.find("Tổng số: 4 đồng chí; có mặt: 2 đồng chí (50%); vắng có lý do: 1 đồng chí; vắng không có lý do: 1 "
                   "đồng chí."),
            std::string::npos)
      << t;
  // Renders in both formats.
  EXPECT_TRUE(renderPdf(*doc).ok());
  EXPECT_TRUE(renderDocx(*doc).ok());
}

TEST(AttendanceList, RejectsNamelessRow) {
  AttendanceListInput in;
  in.rows = {{"", "Chính thức", true, ""}};
  auto doc = buildAttendanceList(in);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().field_errors[0].field, "rows[0].name");
}

TEST(TaskList, SortedByDueDateWithOngoingLastAndStatusCounts) {
  TaskListInput in;
  in.heading = kHeading;
  in.year = 2026;
  in.tasks = {{"Theo dõi hộ nghèo", "Đồng chí Bùi Thị Yến", std::nullopt, "NQ 01-NQ/CB", "Đang thực hiện"},
              {"Đại hội chi hội", "Chi ủy", Date::fromYmd(2026, 6, 30), "NQ 03-NQ/CB", "Hoàn thành"},
              {"Làm sạch hẻm 12", "Đồng chí Hoàng Minh Tuấn", Date::fromYmd(2026, 3, 15), "NQ 03-NQ/CB", "Hoàn thành"},
              {"Kiểm tra đảng phí", "Chi ủy", Date::fromYmd(2026, 3, 15), "", ""}};
  auto doc = buildTaskList(in);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Nhiệm vụ năm 2026");
  std::string t = documentPlainText(*doc);
  size_t a = t.find("1 | Làm sạch hẻm 12"), b = t.find("2 | Kiểm tra đảng phí"), c = t.find("3 | Đại hội chi hội"),
         d = t.find("4 | Theo dõi hộ nghèo | Đồng chí Bùi Thị Yến | Thường xuyên");
  EXPECT_NE(a, std::string::npos) << t;
  EXPECT_NE(b, std::string::npos) << t;
  EXPECT_NE(c, std::string::npos) << t;
  EXPECT_NE(d, std::string::npos) << t;
  EXPECT_NE(t.find("Tổng số: 4 nhiệm vụ; Hoàn thành: 2; chưa đánh giá: 1; Đang thực hiện: 1."), std::string::npos) << t;
  EXPECT_TRUE(renderPdf(*doc).ok());
}

TEST(TaskList, Validation) {
  TaskListInput in;
  in.year = 1800;
  in.tasks = {{" ", "", std::nullopt, "", ""}};
  auto doc = buildTaskList(in);
  ASSERT_FALSE(doc.ok());
  ASSERT_EQ(doc.error().field_errors.size(), 2u);
  EXPECT_EQ(doc.error().field_errors[0].field, "year");
  EXPECT_EQ(doc.error().field_errors[1].field, "tasks[0].task");
}

}  // namespace
}  // namespace chibo
