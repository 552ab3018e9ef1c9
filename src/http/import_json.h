#pragma once
// The roster import report as JSON (docs/api.md, "Roster import").
#include <boost/json.hpp>

#include "app/roster_import/roster_import.h"

namespace chibo::http {

boost::json::object importReportJson(const RosterImportReport& r);

}  // namespace chibo::http
