#include "http/json_views.h"

#include "app/audit/audit_labels.h"

namespace chibo::http {
namespace json = boost::json;

json::value dateOrNull(const std::optional<Date>& d) { return d ? json::value(d->iso()) : json::value(nullptr); }
static json::value idOrNull(const std::optional<Id>& i) { return i ? json::value(*i) : json::value(nullptr); }
static json::value strOrNull(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

json::object orgBrief(const Org& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"kind", toCode(o.kind)},
          {"level", toCode(o.level)},
          {"cell_type", toCode(o.cell_type)},
          {"parent_id", idOrNull(o.parent_id)}};
}

json::object termJson(const CommitteeTerm& t) {
  return {{"id", t.id}, {"name", t.name}, {"start", t.start.iso()}, {"end", dateOrNull(t.end)}};
}

json::object roleJson(const RoleView& r) {
  return {{"id", r.role.id},
          {"member_id", r.role.member_id},
          {"full_name", r.full_name},
          {"org_id", r.role.org_id},
          {"org_name", r.org_name},
          {"role", toCode(r.role.role)},
          {"role_label", label(r.role.role)},
          {"from", r.role.from.iso()},
          {"to", dateOrNull(r.role.to)}};
}

json::object monitorJson(const MonitorView& m) {
  return {{"id", m.assignment.id},
          {"member_id", m.assignment.member_id},
          {"full_name", m.full_name},
          {"cell_id", m.assignment.cell_id},
          {"from", m.assignment.from.iso()},
          {"to", dateOrNull(m.assignment.to)}};
}

static const char* accessCode(Access a) {
  switch (a) {
    case Access::none: return "none";
    case Access::basic: return "basic";
    case Access::read: return "read";
    case Access::write: return "write";
  }
  return "none";
}

json::object orgJson(const OrgView& v) {
  const Org& o = v.org;
  json::object j = orgBrief(o);
  j["code"] = o.code;
  j["kind_label"] = label(o.kind);
  j["cell_type_label"] = label(o.cell_type);
  j["grassroots"] = o.grassroots;
  j["address"] = o.address;
  j["archived"] = o.archived;
  j["version"] = o.version;
  j["access"] = accessCode(v.access);
  json::array anc, ch, terms, mons, roles;
  for (auto& a : v.ancestors) anc.push_back(json::object{{"id", a.id}, {"name", a.name}, {"kind", toCode(a.kind)}});
  for (auto& c : v.children) {
    auto b = orgBrief(c.org);
    b["member_count"] = c.member_count;
    b["child_count"] = c.child_count;
    ch.push_back(std::move(b));
  }
  for (auto& t : v.terms) terms.push_back(termJson(t));
  for (auto& m : v.monitors) mons.push_back(monitorJson(m));
  for (auto& r : v.roles) roles.push_back(roleJson(r));
  j["ancestors"] = std::move(anc);
  j["children"] = std::move(ch);
  j["member_count"] = v.member_count;
  j["terms"] = std::move(terms);
  j["monitors"] = std::move(mons);
  j["roles"] = std::move(roles);
  return j;
}

json::object stateJson(const MemberState& s) {
  return {{"on_roll", s.on_roll},
          {"standing", toCode(s.standing)},
          {"standing_label", label(s.standing)},
          {"exempt", s.exempt},
          {"temp_exempt", s.temp_exempt},
          {"away", s.away},
          {"incoming", s.incoming},
          {"special_duty", s.special_duty},
          {"counts_for_attendance", s.countsForAttendance()},
          {"terminal", s.terminal ? json::value(toCode(*s.terminal)) : json::value(nullptr)}};
}

static json::object memberCore(const Member& m) {
  return {{"id", m.id},
          {"full_name", m.full_name},
          {"birth_date", dateOrNull(m.birth_date)},
          {"gender", toCode(m.gender)},
          {"phone", m.phone},
          {"card_no", m.card_no},
          {"admission_decision_date", dateOrNull(m.admission_decision_date)},
          {"admission_ceremony_date", dateOrNull(m.admission_ceremony_date)},
          {"official_date", dateOrNull(m.official_date)},
          {"workplace", m.workplace},
          {"serving", m.serving},
          {"cell_id", idOrNull(m.cell_id)},
          {"subgroup_id", idOrNull(m.subgroup_id)},
          {"version", m.version}};
}

json::object memberJson(const MemberView& v) {
  json::object j = memberCore(v.member);
  j["cell_name"] = v.cell_name;
  j["subgroup_name"] = strOrNull(v.subgroup_name);
  j["access"] = accessCode(v.access);
  j["state"] = stateJson(v.state);
  json::array cps, sps, roles;
  for (auto& p : v.cell_periods)
    cps.push_back(json::object{{"id", p.period.id},
                               {"cell_id", p.period.cell_id},
                               {"cell_name", p.cell_name},
                               {"subgroup_id", idOrNull(p.period.subgroup_id)},
                               {"subgroup_name", strOrNull(p.subgroup_name)},
                               {"from", p.period.from.iso()},
                               {"to", dateOrNull(p.period.to)},
                               {"note", p.period.note}});
  for (auto& s : v.status_periods)
    sps.push_back(json::object{{"id", s.id},
                               {"kind", toCode(s.kind)},
                               {"kind_label", label(s.kind)},
                               {"from", s.from.iso()},
                               {"to", dateOrNull(s.to)},
                               {"note", s.note}});
  for (auto& r : v.roles) roles.push_back(roleJson(r));
  j["cell_periods"] = std::move(cps);
  j["status_periods"] = std::move(sps);
  j["roles"] = std::move(roles);
  return j;
}

json::object rosterJson(const RosterPage& p) {
  json::array items;
  for (auto& l : p.items) {
    json::array roles;
    for (auto r : l.roles) roles.push_back(json::value(toCode(r)));
    items.push_back(json::object{{"id", l.member.id},
                                 {"full_name", l.member.full_name},
                                 {"birth_date", dateOrNull(l.member.birth_date)},
                                 {"gender", toCode(l.member.gender)},
                                 {"serving", l.member.serving},
                                 {"workplace", l.member.workplace},
                                 {"cell_id", l.placement.cell_id},
                                 {"subgroup_id", idOrNull(l.placement.subgroup_id)},
                                 {"subgroup_name", strOrNull(l.subgroup_name)},
                                 {"roles", std::move(roles)},
                                 {"state", stateJson(l.state)}});
  }
  const auto& c = p.counts;
  return {{"items", std::move(items)},
          {"total", p.total},
          {"at", p.at.iso()},
          {"counts", json::object{{"on_roll", c.on_roll},
                                  {"official", c.official},
                                  {"probationary", c.probationary},
                                  {"exempt", c.exempt},
                                  {"away", c.away},
                                  {"incoming", c.incoming},
                                  {"special_duty", c.special_duty},
                                  {"expected", c.expected}}}};
}

json::object userJson(const User& u, const Principal& p, ReadTx& tx) {
  json::array grants;
  for (auto& g : p.grants) {
    auto o = tx.org(g.org_id);
    grants.push_back(json::object{{"role", toCode(g.role)},
                                  {"role_label", label(g.role)},
                                  {"org_id", g.org_id},
                                  {"org_name", o ? o->name : ""}});
  }
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"member_id", idOrNull(u.member_id)},
          {"grants", std::move(grants)}};
}

json::object auditJson(const AuditPage& p) {
  json::array items;
  for (auto& e : p.items) {
    json::array ch;
    for (auto& c : e.changes)
      ch.push_back(json::object{{"field", c.field},
                                {"field_label", auditFieldLabel(c.field, p.names)},
                                {"before", strOrNull(c.before)},
                                {"after", strOrNull(c.after)},
                                {"before_text", strOrNull(auditValueText(e.target_type, c.field, c.before, p.names))},
                                {"after_text", strOrNull(auditValueText(e.target_type, c.field, c.after, p.names))}});
    items.push_back(json::object{{"id", e.id},
                                 {"at", e.at.iso()},
                                 {"actor_id", idOrNull(e.actor_id)},
                                 {"actor_username", e.actor_username},
                                 {"action", e.action},
                                 {"action_label", auditActionLabel(e.action)},
                                 {"target_type", e.target_type},
                                 {"target_label", auditTargetLabel(e.target_type)},
                                 {"target_id", e.target_id},
                                 {"org_id", idOrNull(e.org_id)},
                                 {"changes", std::move(ch)}});
  }
  return {{"items", std::move(items)}, {"total", p.total}};
}

}  // namespace chibo::http
