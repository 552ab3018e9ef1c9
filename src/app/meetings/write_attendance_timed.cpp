// Timed roll marks: what the offline queue of live mode sends when the connection comes back.
// Each mark carries the client's time, so a change queued offline never silently overwrites a
// newer one made meanwhile (another device's roll, a member's QR check-in).
#include <algorithm>
#include <map>

#include "app/audit_write.h"
#include "app/meetings/live.h"
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"

namespace chibo {
namespace {

bool sameMark(const AttendanceMark& a, const AttendanceMark& b) {
  return a.status == b.status && a.reason == b.reason && a.reason_text == b.reason_text;
}

}  // namespace

Result<TimedAttendance> recordTimedAttendance(Store& store, const Caller& c, Id id,
                                              const std::vector<AttendanceItemInput>& items) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "điểm danh"); !st.ok()) return st.error();
  Validator v;
  std::map<Id, DateTime> times;  // by member
  for (size_t i = 0; i < items.size(); ++i) {
    auto t = items[i].marked_at ? DateTime::parseIso(*items[i].marked_at) : std::nullopt;
    if (!t) {
      v.add("items[" + std::to_string(i) + "].marked_at", items[i].marked_at ? "invalid_datetime" : "required",
            "Thời điểm đánh dấu phải là ngày giờ hợp lệ (ví dụ 2026-03-05T19:30:00+07:00).");
      continue;
    }
    // The server's clock is the judge: a client clock running ahead cannot claim to be newer
    // than what the server has now.
    times[items[i].member_id.value_or(0)] = std::min(*t, c.now);
  }
  if (!v.ok()) return v.error();
  auto rows = rollMarks(*tx, *ctx, items, c.now);
  if (!rows) return rows.error();
  auto before = tx->attendance(id);
  auto after = before;
  TimedAttendance out;
  for (size_t i = 0; i < rows->size(); ++i) {
    auto row = (*rows)[i];
    row.marked_at = times.count(row.mark.member_id) ? times[row.mark.member_id] : c.now;
    row.source = "offline";
    auto it = std::find_if(after.begin(), after.end(),
                           [&](const AttendanceRecord& b) { return b.mark.member_id == row.mark.member_id; });
    if (it == after.end()) {
      after.push_back(row);
      continue;
    }
    if (sameMark(it->mark, row.mark)) continue;  // nothing to change; the kept mark keeps its time
    SkippedMark skip{row.mark.member_id, std::string(toCode(row.mark.status)), "", "", *it};
    if (it->source == "checkin" && isPresent(it->mark.status) && !isPresent(row.mark.status)) {
      skip.reason = "checked_in";
      skip.message = "Đảng viên đã tự điểm danh bằng mã QR lúc " + it->marked_at.vn() +
                     "; giữ «" + std::string(label(it->mark.status)) + "».";
    } else if (it->marked_at > row.marked_at) {
      skip.reason = "newer_mark";
      skip.message = "Máy chủ đã có điểm danh mới hơn (lúc " + it->marked_at.vn() + "): giữ «" +
                     std::string(label(it->mark.status)) + "».";
    } else {
      *it = row;
      continue;
    }
    out.not_applied.push_back(std::move(skip));
  }
  auto changes = attendanceDiff(before, after);
  if (!changes.empty()) {
    tx->replaceAttendance(id, after);
    writeAudit(*tx, c, "meeting.attendance", "meeting", id, ctx->org, std::move(changes));
    aggregatesOnMeetingWrite(*tx, id, c.now);
    tx->commit();
  }
  tx.reset();
  auto view = getMeeting(store, c, id);
  if (!view) return view.error();
  out.view = std::move(*view);
  return out;
}

}  // namespace chibo
