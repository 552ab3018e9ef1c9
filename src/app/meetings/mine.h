#pragma once
// What a member sees of their own (issue 3 §7): their meetings with their
// attendance, and their tasks with deadlines.
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/meetings.h"

namespace chibo {

struct MyMeeting {
  MeetingRecord record;
  std::string org_name;
  std::optional<AttendanceRecord> mark;     // the member's own mark, if any
  std::optional<ExclusionReason> excluded;  // why they were not expected, if so
};
// Meetings of the cells the caller's member belonged to on each meeting's
// date, planned in [from, to] (dates), newest first. Empty for accounts
// without a member.
Result<std::vector<MyMeeting>> myMeetings(Store& store, const Caller& c, Date from, Date to);

struct MyTask {
  TaskView task;
  Id org_id = 0;
  std::string org_name;
  DateTime meeting_start;  // when the assigning meeting was planned
};
// Tasks assigned to the caller's member: pending first by deadline, then closed ones.
Result<std::vector<MyTask>> myTasks(Store& store, const Caller& c);

}  // namespace chibo
