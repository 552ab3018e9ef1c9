// The attendance list (danh sách đảng viên dự họp) of a held meeting.
#include "app/documents/documents.h"

#include <map>

#include "app/documents/document_common.h"
#include "export/attendance_list.h"

namespace chibo {
using namespace docs;

Result<DocumentOut> attendanceDocument(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const Date day = meetingDate(v.record);
  AttendanceListInput in;
  in.heading = headingOf(*tx, v.org, day);
  in.meeting = meetingPhrase(v.record);
  std::map<Id, const AbsenceLine*> excused;
  for (const auto& x : v.attendance.excused_list) excused[x.member_id] = &x;
  for (const auto& line : v.roll) {
    if (line.excluded) continue;  // not expected that day (exempt, away, special duty)
    AttendanceRow row;
    row.name = line.full_name;
    row.standing = line.state.incoming ? "SHTT đến"
                   : line.state.standing == StatusKind::probationary ? "Dự bị" : "Chính thức";
    row.present = line.mark && isPresent(line.mark->mark.status);
    if (auto it = excused.find(line.member_id); it != excused.end()) row.absence_reason = absenceReason(*it->second);
    in.rows.push_back(std::move(row));
  }
  in.signatures = {cellSignature(v.org, signerName(*tx, v, day))};
  auto doc = buildAttendanceList(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Danh sách dự họp " + v.org.name + " ngày " + dashedDate(day)};
}

}  // namespace chibo
