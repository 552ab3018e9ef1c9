#pragma once
// Views of use-case results as JSON, following docs/api.md.
#include <boost/json.hpp>

#include "app/audit/list_audit.h"
#include "app/members/members.h"
#include "app/orgs/orgs.h"
#include "app/roles/roles.h"

namespace chibo::http {

boost::json::object orgBrief(const Org& o);
boost::json::object orgJson(const OrgView& v);
boost::json::object memberJson(const MemberView& v);
boost::json::object rosterJson(const RosterPage& p);
boost::json::object roleJson(const RoleView& r);
boost::json::object monitorJson(const MonitorView& m);
boost::json::object stateJson(const MemberState& s);
boost::json::object userJson(const User& u, const Principal& p, ReadTx& tx);
boost::json::object auditJson(const AuditPage& p);
boost::json::object termJson(const CommitteeTerm& t);
boost::json::value dateOrNull(const std::optional<Date>& d);

}  // namespace chibo::http
