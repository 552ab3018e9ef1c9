#pragma once
// JSON views of rule sets, scores and warnings, following docs/api.md
// ("Quality, rules and warnings").
#include <boost/json.hpp>

#include "app/quality/quality.h"
#include "app/quality/subgroup_pilot.h"

namespace chibo::http {

boost::json::object ruleSetJson(const RuleSet& rs);
boost::json::object rubricJson(const Rubric& r);
boost::json::object rulesInForceJson(const RulesInForce& r);
boost::json::object ruleAttachmentJson(const RuleAttachmentView& a);
boost::json::object scoreJson(const Score& s);
boost::json::object scoreViewJson(const ScoreView& v);
boost::json::object warningJson(const WarningView& w);
boost::json::object warningPageJson(const WarningPage& p);
boost::json::object subgroupPilotJson(const SubgroupPilotView& v);

}  // namespace chibo::http
