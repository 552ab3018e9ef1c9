#pragma once
// JSON views of the oversight use cases (docs/api.md "Oversight and documents").
#include <boost/json.hpp>

#include "app/oversight/calendar.h"
#include "app/oversight/desk.h"
#include "app/oversight/participation.h"
#include "app/oversight/rollup.h"

namespace chibo::http {

// The figures of a node, a child or a month, flat: counts, then ratios (0–1, null without data).
void putFigures(boost::json::object& o, const RollupFigures& f);
boost::json::object rollupJson(const RollupView& v);
boost::json::object memberParticipationJson(const MemberParticipation& p);
boost::json::object orgParticipationJson(const OrgParticipation& p);
boost::json::object deskJson(const Desk& d);
boost::json::object observationJson(const ObservationView& o);
boost::json::object meetingStatsJson(const MeetingStats& s);
// "2026-03"
std::string ymText(int ym);

}  // namespace chibo::http
