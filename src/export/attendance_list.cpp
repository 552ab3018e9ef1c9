#include "export/attendance_list.h"

#include "export/text.h"

namespace chibo {

Result<PartyDocument> buildAttendanceList(const AttendanceListInput& in) {
  Validator v;
  for (size_t i = 0; i < in.rows.size(); ++i)
    if (trimAscii(in.rows[i].name).empty())
      v.add("rows[" + std::to_string(i) + "].name", "required", "Chưa ghi họ và tên.");
  if (!v.ok()) return v.error();

  PartyDocument d = startDocument(in.heading, "DANH SÁCH", "Đảng viên dự " + in.meeting);
  Table t;
  t.header = {"STT", "Họ và tên", "Đảng viên", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Ký tên"};
  t.widths = {0.9, 3.0, 1.4, 1.0, 2.0, 1.2, 1.6};
  t.align = {Align::centre, Align::left, Align::centre, Align::centre, Align::left, Align::centre, Align::left};
  int present = 0, excused = 0, unexcused = 0;
  for (size_t i = 0; i < in.rows.size(); ++i) {
    const auto& r = in.rows[i];
    bool excusedRow = !r.present && !trimAscii(r.absence_reason).empty();
    present += r.present;
    excused += excusedRow;
    unexcused += !r.present && !excusedRow;
    t.rows.push_back({std::to_string(i + 1), r.name, r.standing, r.present ? "x" : "",
                      excusedRow ? r.absence_reason : "", !r.present && !excusedRow ? "x" : "", ""});
  }
  d.body.push_back(t);
  int total = int(in.rows.size());
  d.body.push_back(plainParagraph("Tổng số: " + std::to_string(total) + " đồng chí; có mặt: " + std::to_string(present) +
                        " đồng chí (" + percentOf(present, total) + "); vắng có lý do: " + std::to_string(excused) +
                        " đồng chí; vắng không có lý do: " + std::to_string(unexcused) + " đồng chí."));
  d.signatures = in.signatures;
  return d;
}

}  // namespace chibo
