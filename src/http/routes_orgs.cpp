// The organisation tree.
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

static OrgFields orgFields(BodyReader& b) {
  OrgFields f;
  f.parent_id = b.id("parent_id");
  f.name = b.str("name");
  f.code = b.str("code");
  f.kind = b.str("kind");
  f.level = b.str("level");
  f.cell_type = b.str("cell_type");
  f.address = b.str("address");
  f.grassroots = b.boolean("grassroots");
  f.archived = b.boolean("archived");
  f.version = b.integer("version");
  return f;
}

static Reply listRoots(Api& api, Call& c) {
  auto r = listRootOrgs(api.store(), c.caller);
  if (!r) return errorReply(r.error());
  json::array items;
  for (auto& o : *r) items.push_back(orgBrief(o));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

static Reply getOne(Api& api, Call& c) {
  auto r = getOrg(api.store(), c.caller, c.pathId("id"));
  return r ? jsonReply(200, orgJson(*r)) : errorReply(r.error());
}

static Reply create(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = orgFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = createOrg(api.store(), c.caller, f);
  return r ? jsonReply(201, orgJson(*r)) : errorReply(r.error());
}

static Reply update(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = orgFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = updateOrg(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, orgJson(*r)) : errorReply(r.error());
}

static Reply term(Api& api, Call& c) {
  BodyReader b(c.body);
  TermFields f{b.str("name"), b.str("start"), b.str("end")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = addTerm(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, termJson(*r)) : errorReply(r.error());
}

static Reply audit(Api& api, Call& c) {
  auto org = c.query("org");
  if (!org || org->empty() || org->find_first_not_of("0123456789") != std::string::npos || org->size() > 18)
    return errorReply(Error::validation({{"org", "required", "Vui lòng chọn tổ chức (tham số org)."}}));
  std::optional<Id> target_id;
  if (auto t = c.query("target_id"); t && !t->empty() && t->size() < 18 && t->find_first_not_of("0123456789") == std::string::npos)
    target_id = std::stoll(*t);
  auto r = listAudit(api.store(), c.caller, std::stoll(*org), c.query("target_type"), target_id, c.page());
  return r ? jsonReply(200, auditJson(*r)) : errorReply(r.error());
}

void addOrgRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs", true, false, listRoots});
  out.push_back({"POST", "/api/v1/orgs", true, false, create});
  out.push_back({"GET", "/api/v1/orgs/{id}", true, false, getOne});
  out.push_back({"PATCH", "/api/v1/orgs/{id}", true, false, update});
  out.push_back({"POST", "/api/v1/orgs/{id}/terms", true, false, term});
  out.push_back({"GET", "/api/v1/audit", true, false, audit});
}

}  // namespace chibo::http
