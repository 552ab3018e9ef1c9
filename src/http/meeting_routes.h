#pragma once
// The meeting routes are split by concept across routes_meeting*.cpp;
// addMeetingRoutes (api.h) adds them all, in documentation order.
#include <optional>
#include <vector>

#include "http/api.h"

namespace chibo::http {

void addMeetingLiveRoutes(std::vector<Route>& out);        // routes_meeting_live.cpp
void addResolutionRoutes(std::vector<Route>& out);         // routes_resolutions.cpp
void addMeetingPlanningRoutes(std::vector<Route>& out);    // routes_meeting_planning.cpp

// ?name=YYYY-MM-DD; a malformed date is a field error on `name`.
Result<std::optional<Date>> queryDate(const Call& c, const char* name);

}  // namespace chibo::http
