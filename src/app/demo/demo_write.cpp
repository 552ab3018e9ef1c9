// Writes a DemoWorld through the WriteTx interface, with its audit rows.
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

constexpr const char* kAction = "demo.load";

struct Auditor {
  WriteTx& tx;
  DateTime at;

  void row(std::string target_type, Id target_id, const Org& scope, std::vector<FieldChange> changes) {
    AuditEntry e;
    e.at = at;
    e.actor_username = "system";  // actor_id stays empty: the system itself
    e.action = kAction;
    e.target_type = std::move(target_type);
    e.target_id = target_id;
    e.org_id = scope.id;
    e.org_path = scope.path;
    e.changes = std::move(changes);
    tx.appendAudit(e);
  }
};

FieldChange created(std::string field, std::string value) { return {std::move(field), std::nullopt, std::move(value)}; }

}  // namespace

DemoSummary writeDemoWorld(WriteTx& tx, DemoWorld& w, const std::string& password_hash) {
  // 07:00 on `today` in Asia/Ho_Chi_Minh (UTC+7): midnight UTC of that day.
  Auditor audit{tx, DateTime{static_cast<int64_t>(w.today.days()) * 86400}};
  auto orgId = [&](OrgIx i) { return w.org_ids.at(i); };
  auto memberId = [&](MemberIx i) { return w.member_ids.at(i); };

  w.org_ids.clear();
  for (DemoOrg& o : w.orgs) {
    if (o.parent) o.org.parent_id = orgId(*o.parent);
    tx.insertOrg(o.org);  // sets id and path
    w.org_ids.push_back(o.org.id);
    audit.row("org", o.org.id, o.org,
              {created("name", o.org.name), created("code", o.org.code), created("kind", std::string(toCode(o.org.kind)))});
  }
  for (const DemoTerm& t : w.terms) tx.insertTerm({0, orgId(t.org), t.name, t.start, t.end});

  w.member_ids.clear();
  for (DemoMember& dm : w.members) {
    const DemoPlacement& now = dm.placements.back();
    Member& m = dm.member;
    m.cell_id.reset();
    m.subgroup_id.reset();
    if (!now.to) {
      m.cell_id = orgId(now.cell);
      if (now.subgroup) m.subgroup_id = orgId(*now.subgroup);
    }
    m.id = tx.insertMember(m);
    w.member_ids.push_back(m.id);
    for (const DemoPlacement& p : dm.placements) {
      std::optional<Id> sub;
      if (p.subgroup) sub = orgId(*p.subgroup);
      tx.insertCellPeriod({0, m.id, orgId(p.cell), sub, p.from, p.to, p.note});
    }
    for (const DemoStatus& s : dm.statuses) tx.insertStatusPeriod({0, m.id, s.kind, s.from, s.to, s.note});
    const Org& cell = w.orgs[now.cell].org;
    audit.row("member", m.id, cell,
              {created("full_name", m.full_name), created("card_no", m.card_no), created("cell", cell.name)});
  }

  for (const DemoRole& r : w.roles) tx.insertRole({0, memberId(r.member), orgId(r.org), r.role, r.from, r.to});
  for (const DemoMonitor& a : w.monitors) tx.insertMonitor({0, memberId(a.member), orgId(a.cell), a.from, a.to});

  DemoSummary summary;
  for (const DemoUser& du : w.users) {
    User u;
    u.username = du.account.username;
    u.display_name = du.display_name;
    u.password_hash = password_hash;
    if (du.member) u.member_id = memberId(*du.member);
    u.id = tx.insertUser(u);
    const Org& org = w.orgs[du.org].org;
    tx.insertGrant({0, u.id, du.account.role, org.id});
    audit.row("user", u.id, org,
              {created("username", u.username), created("role", std::string(toCode(du.account.role))),
               created("org", org.name)});
    summary.accounts.push_back(du.account);
  }

  summary.ward_id = orgId(w.ward);
  summary.cells = static_cast<int>(w.cells.size());
  RollCount roll = countRoll(w);
  summary.members = roll.members;
  summary.serving = roll.serving;
  return summary;
}

}  // namespace chibo::demo
