// The member's own meetings and tasks.
#include "app/meetings/mine.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/meetings/meeting_access.h"

namespace chibo {
namespace {
DateTime startOfDay(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }  // 00:00 UTC+7
}  // namespace

Result<std::vector<MyMeeting>> myMeetings(Store& store, const Caller& c, Date from, Date to) {
  std::vector<MyMeeting> out;
  if (!c.principal.member_id) return out;
  if (to < from) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  auto tx = store.read();
  const Id me = *c.principal.member_id;
  auto member = tx->member(me);
  if (!member) return out;
  auto statuses = tx->statusPeriods(me);
  std::map<Id, AttendanceRecord> marks;
  for (auto& [mid, r] : tx->attendanceOfMember(me)) marks[mid] = r;
  // Every cell period overlapping the window: a member who moved sees both cells' meetings, each for its time.
  for (const auto& p : tx->cellPeriods(me)) {
    if (p.to && *p.to < from) continue;
    if (p.from > to) continue;
    Id place = p.cell_id;  // the cell's meetings; a sub-group's own meetings are not listed here
    auto org = tx->org(place);
    if (!org) continue;
    for (auto& m : tx->meetingsOfOrg(place, startOfDay(std::max(from, p.from)),
                                     startOfDay((p.to ? std::min(to, *p.to) : to).addDays(1)))) {
      MyMeeting mm{std::move(m), org->name, std::nullopt, std::nullopt};
      if (auto it = marks.find(mm.record.meeting.id); it != marks.end()) mm.mark = it->second;
      auto state = stateOn(*member, statuses, meetingDate(mm.record));
      if (state.exempt) mm.excluded = ExclusionReason::exempt;
      else if (state.temp_exempt) mm.excluded = ExclusionReason::temp_exempt;
      else if (state.away) mm.excluded = ExclusionReason::away;
      else if (state.special_duty) mm.excluded = ExclusionReason::special_duty;
      out.push_back(std::move(mm));
    }
  }
  std::sort(out.begin(), out.end(), [](const MyMeeting& a, const MyMeeting& b) {
    return std::tie(b.record.meeting.planned_start, b.record.meeting.id) <
           std::tie(a.record.meeting.planned_start, a.record.meeting.id);
  });
  return out;
}

Result<std::vector<MyTask>> myTasks(Store& store, const Caller& c) {
  std::vector<MyTask> out;
  if (!c.principal.member_id) return out;
  auto tx = store.read();
  std::map<Id, std::pair<MeetingRecord, std::string>> meetings;
  for (auto& t : tx->tasksOfMember(*c.principal.member_id)) {
    auto it = meetings.find(t.meeting_id);
    if (it == meetings.end()) {
      auto m = tx->meeting(t.meeting_id);
      if (!m) continue;
      auto org = tx->org(m->meeting.org_id);
      it = meetings.emplace(t.meeting_id, std::make_pair(*m, org ? org->name : "")).first;
    }
    const auto& [rec, org_name] = it->second;
    bool overdue = isOverdue(t, c.today());
    out.push_back({TaskView{std::move(t), overdue, std::nullopt}, rec.meeting.org_id, org_name,
                   rec.meeting.planned_start});
  }
  // The store orders by deadline; pending ones come first so the list reads as a to-do list.
  std::stable_partition(out.begin(), out.end(), [](const MyTask& t) { return isPending(t.task.task.status); });
  return out;
}

}  // namespace chibo
