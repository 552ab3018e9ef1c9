// Rules in force, local rule attachments, meeting scores and evaluations,
// early warnings and their acknowledgement (issue 4).
#include <cmath>

#include "http/api.h"
#include "http/meeting_routes.h"
#include "http/quality_json.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

// The catalog loaded at start; a server started without one answers 500.
const RuleCatalog* catalog(Api& api) { return api.config().rules.get(); }
Reply noCatalog() { return errorReply(Error::internal("Máy chủ chưa nạp bộ quy tắc (thư mục rules).")); }

Reply rules(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  Validator v;
  std::optional<Id> org;
  auto raw = c.query("org");
  if (!raw || raw->empty()) v.add("org", "required", "Vui lòng chọn tổ chức (?org=).");
  else if (raw->size() > 18 || raw->find_first_not_of("0123456789") != std::string::npos)
    v.add("org", "invalid_type", "Mã tổ chức phải là số nguyên dương.");
  else org = std::stoll(*raw);
  auto date = queryDate(c, "date");
  if (!date) return errorReply(date.error());
  if (!v.ok()) return errorReply(v.error());
  auto r = rulesInForce(api.store(), *cat, c.caller, *org, date->value_or(c.caller.today()));
  return r ? jsonReply(200, rulesInForceJson(*r)) : errorReply(r.error());
}

Reply listAttachments(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = listRuleAttachments(api.store(), *cat, c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& a : *r) items.push_back(ruleAttachmentJson(a));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

Reply attach(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  AttachRuleFields f{b.str("rule_id"), b.str("from"), b.str("to")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = attachRule(api.store(), *cat, c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, ruleAttachmentJson(*r)) : errorReply(r.error());
}

Reply subgroupPilot(Api& api, Call& c) {
  auto r = getSubgroupPilot(api.store(), c.caller, c.pathId("id"));
  return r ? jsonReply(200, subgroupPilotJson(*r)) : errorReply(r.error());
}

Reply attachPilot(Api& api, Call& c) {
  BodyReader b(c.body);
  SubgroupPilotFields f{b.str("from"), b.str("to"), b.str("decision")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = attachSubgroupPilot(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, subgroupPilotJson(*r)) : errorReply(r.error());
}

Reply detachPilot(Api& api, Call& c) {
  auto r = detachSubgroupPilot(api.store(), c.caller, c.pathId("id"));
  return r ? Reply{204, "", "application/json; charset=utf-8", {}} : errorReply(r.error());
}

Reply score(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = getMeetingScore(api.store(), *cat, c.caller, c.pathId("id"));
  return r ? jsonReply(200, scoreViewJson(*r)) : errorReply(r.error());
}

Reply evaluate(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  EvaluationFields f;
  f.evaluator = b.str("evaluator");
  f.note = b.str("note");
  if (auto* cr = c.body.if_contains("criteria"); cr && !cr->is_null()) {
    if (!cr->is_object()) {
      b.errors().add("criteria", "invalid_type", "Điểm các tiêu chí phải là một đối tượng {mã tiêu chí: điểm}.");
    } else {
      std::map<std::string, double> points;
      for (const auto& [k, val] : cr->as_object()) {
        std::string code(k);
        if (val.is_int64()) points[code] = double(val.as_int64());
        else if (val.is_uint64()) points[code] = double(val.as_uint64());
        else if (val.is_double()) points[code] = val.as_double();
        else b.errors().add("criteria." + code, "invalid_type", "Điểm phải là một số.");
      }
      f.criteria = std::move(points);
    }
  }
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = putEvaluation(api.store(), *cat, c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, scoreViewJson(*r)) : errorReply(r.error());
}

Reply warnings(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto at = queryDate(c, "at");
  if (!at) return errorReply(at.error());
  WarningQuery q;
  q.at = *at;
  q.include_acknowledged = c.query("include_acknowledged").value_or("") == "1";
  q.code = c.query("code");
  q.severity = c.query("severity");
  q.page = c.page();
  auto r = listWarnings(api.store(), *cat, c.caller, c.pathId("id"), q);
  return r ? jsonReply(200, warningPageJson(*r)) : errorReply(r.error());
}

Reply ack(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  AckFields f{b.str("note"), b.str("at")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = acknowledgeWarning(api.store(), *cat, c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, warningJson(*r)) : errorReply(r.error());
}

}  // namespace

void addQualityRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/rules", true, false, rules});
  out.push_back({"GET", "/api/v1/orgs/{id}/rules", true, false, listAttachments});
  out.push_back({"PUT", "/api/v1/orgs/{id}/rules", true, false, attach});
  out.push_back({"GET", "/api/v1/orgs/{id}/subgroup-pilot", true, false, subgroupPilot});
  out.push_back({"PUT", "/api/v1/orgs/{id}/subgroup-pilot", true, false, attachPilot});
  out.push_back({"DELETE", "/api/v1/orgs/{id}/subgroup-pilot", true, false, detachPilot});
  out.push_back({"GET", "/api/v1/meetings/{id}/score", true, false, score});
  out.push_back({"PUT", "/api/v1/meetings/{id}/evaluation", true, false, evaluate});
  out.push_back({"GET", "/api/v1/orgs/{id}/warnings", true, false, warnings});
  out.push_back({"POST", "/api/v1/warnings/{id}/ack", true, false, ack});
}

}  // namespace chibo::http
