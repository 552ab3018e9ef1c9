#pragma once
// JSON views of meetings, resolutions and tasks, following docs/api.md
// ("Meetings").
#include <boost/json.hpp>

#include "app/meetings/live.h"
#include "app/meetings/lock.h"
#include "app/meetings/mine.h"
#include "app/meetings/planning.h"
#include "app/meetings/resolutions.h"

namespace chibo::http {

boost::json::value instantOrNull(const std::optional<DateTime>& t);
boost::json::object meetingBriefJson(const MeetingRecord& r);
boost::json::object meetingJson(const MeetingView& v);
boost::json::object resolutionJson(const ResolutionView& r);
// `names` resolves assignee ids when known (may be empty).
boost::json::object taskJson(const TaskView& t, const std::map<Id, std::string>& names);
boost::json::object speechJson(const Speech& s);
boost::json::object versionJson(const MeetingVersion& v);
boost::json::object thematicJson(const ThematicPlanRecord& r);
boost::json::object thematicPlanJson(const ThematicPlanView& v);
boost::json::object myMeetingJson(const MyMeeting& m);
boost::json::object myTaskJson(const MyTask& t);

}  // namespace chibo::http
