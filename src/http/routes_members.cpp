// Members, the roster, transfers and status periods.
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

static MemberFields memberFields(BodyReader& b) {
  MemberFields f;
  f.full_name = b.str("full_name");
  f.birth_date = b.str("birth_date");
  f.gender = b.str("gender");
  f.phone = b.str("phone");
  f.card_no = b.str("card_no");
  f.admission_decision_date = b.str("admission_decision_date");
  f.admission_ceremony_date = b.str("admission_ceremony_date");
  f.official_date = b.str("official_date");
  f.workplace = b.str("workplace");
  f.serving = b.boolean("serving");
  f.cell_id = b.id("cell_id");
  f.subgroup_id = b.id("subgroup_id");
  f.joined_on = b.str("joined_on");
  f.version = b.integer("version");
  return f;
}

static Reply roster(Api& api, Call& c) {
  RosterQuery q;
  if (auto at = c.query("at"); at && !at->empty()) {
    auto d = Date::parseIso(*at);
    if (!d) return errorReply(Error::validation({{"at", "invalid_date", "Ngày không hợp lệ (định dạng YYYY-MM-DD)."}}));
    q.at = *d;
  }
  q.q = c.query("q").value_or("");
  if (q.q.size() > 200) q.q.resize(200);
  q.include_left = c.query("include_left").value_or("") == "1";
  q.page = c.page();
  auto r = listRoster(api.store(), c.caller, c.pathId("id"), q);
  return r ? jsonReply(200, rosterJson(*r)) : errorReply(r.error());
}

static Reply create(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = memberFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = createMember(api.store(), c.caller, f);
  return r ? jsonReply(201, memberJson(*r)) : errorReply(r.error());
}

static Reply getOne(Api& api, Call& c) {
  auto r = getMember(api.store(), c.caller, c.pathId("id"));
  return r ? jsonReply(200, memberJson(*r)) : errorReply(r.error());
}

static Reply update(Api& api, Call& c) {
  BodyReader b(c.body);
  auto f = memberFields(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = updateMember(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, memberJson(*r)) : errorReply(r.error());
}

static Reply transfer(Api& api, Call& c) {
  BodyReader b(c.body);
  TransferFields f{b.id("to_cell_id"), b.id("to_subgroup_id"), b.str("date"), b.str("note")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = transferMember(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(200, memberJson(*r)) : errorReply(r.error());
}

static Reply addStatusRoute(Api& api, Call& c) {
  BodyReader b(c.body);
  StatusFields f{b.str("kind"), b.str("from"), b.str("to"), b.str("note")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = addStatus(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, memberJson(*r)) : errorReply(r.error());
}

static Reply updateStatusRoute(Api& api, Call& c) {
  BodyReader b(c.body);
  StatusFields f{b.str("kind"), b.str("from"), b.str("to"), b.str("note")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = updateStatus(api.store(), c.caller, c.pathId("id"), c.pathId("sid"), f);
  return r ? jsonReply(200, memberJson(*r)) : errorReply(r.error());
}

void addMemberRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/members", true, false, roster});
  out.push_back({"POST", "/api/v1/members", true, false, create});
  out.push_back({"GET", "/api/v1/members/{id}", true, false, getOne});
  out.push_back({"PATCH", "/api/v1/members/{id}", true, false, update});
  out.push_back({"POST", "/api/v1/members/{id}/transfer", true, false, transfer});
  out.push_back({"POST", "/api/v1/members/{id}/statuses", true, false, addStatusRoute});
  out.push_back({"PATCH", "/api/v1/members/{id}/statuses/{sid}", true, false, updateStatusRoute});
}

}  // namespace chibo::http
