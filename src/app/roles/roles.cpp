#include "app/roles/roles.h"

#include <algorithm>

#include "app/audit_write.h"
#include "app/validate.h"
#include "domain/roster.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {

// Is the member on the roll of `org` (for a committee: of any cell below it) on `at`?
bool onRollOf(ReadTx& tx, const Org& org, Id member_id, Date at) {
  auto periods = tx.cellPeriods(member_id);
  auto place = placementOn(periods, at);
  if (!place) return false;
  auto cell = tx.org(place->subgroup_id.value_or(place->cell_id));
  return cell && inSubtree(cell->path, org.path);
}

Result<Org> writableOrg(ReadTx& tx, const Caller& c, Id org_id) {
  auto o = tx.org(org_id);
  if (!o || orgAccess(c.principal, o->path) == Access::none) return Error::notFound();
  if (orgAccess(c.principal, o->path) < Access::write) return Error::forbidden();
  return *o;
}

}  // namespace

Result<RoleView> assignRole(Store& store, const Caller& c, Id org_id, const RoleFields& in) {
  auto tx = store.write();
  auto o = writableOrg(*tx, c, org_id);
  if (!o) return o.error();
  Validator v;
  std::optional<MemberRole> role;
  if (!in.member_id) v.add("member_id", "required", "Vui lòng chọn đảng viên.");
  if (!in.role) v.add("role", "required", "Vui lòng chọn chức vụ.");
  else if (!(role = memberRoleFromCode(*in.role))) v.add("role", "invalid_choice", "Chức vụ không hợp lệ.");
  auto from = parseDateField(v, "from", in.from, false, DateRule::any, c.today(), "ngày bắt đầu");
  if (!v.ok()) return v.error();
  Date start = from && *from ? **from : c.today();
  auto m = tx->member(*in.member_id);
  if (!m || !onRollOf(*tx, *o, m->id, start))
    return Error::validation({{"member_id", "not_in_org", "Đảng viên không sinh hoạt trong tổ chức này."}});
  if (role == MemberRole::subgroup_leader && o->kind != OrgKind::subgroup)
    return Error::validation({{"role", "invalid_choice", "Tổ trưởng chỉ có ở tổ đảng."}});
  for (const auto& r : tx->rolesInOrg(org_id)) {
    if (r.to && *r.to < start) continue;
    if (r.member_id == m->id && r.role == *role)
      return Error::conflict("role_taken", "Đồng chí này đã giữ chức vụ này.");
    if ((*role == MemberRole::secretary || *role == MemberRole::subgroup_leader) && r.role == *role)
      return Error::conflict("role_taken", std::string(label(*role)) + " đã có người giữ; hãy kết thúc nhiệm vụ của người đó trước.");
  }
  RolePeriod r{0, m->id, org_id, *role, start, std::nullopt};
  r.id = tx->insertRole(r);
  writeAudit(*tx, c, "role.assign", "role", r.id, *o,
             {{"member_id", std::nullopt, std::to_string(m->id)}, {"role", std::nullopt, std::string(toCode(r.role))},
              {"from", std::nullopt, r.from.iso()}});
  tx->commit();
  return RoleView{r, m->full_name, o->name};
}

Result<RoleView> endRole(Store& store, const Caller& c, Id role_id, const RoleFields& in) {
  auto tx = store.write();
  auto r = tx->role(role_id);
  if (!r) return Error::notFound();
  auto o = writableOrg(*tx, c, r->org_id);
  if (!o) return o.error();
  Validator v;
  auto to = parseDateField(v, "to", in.to, true, DateRule::any, c.today(), "ngày kết thúc");
  if (!v.ok()) return v.error();
  if (**to < r->from) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  auto before = r->to;
  r->to = **to;
  tx->updateRole(*r);
  writeAudit(*tx, c, "role.end", "role", r->id, *o, {{"to", auditValue(before), r->to->iso()}});
  tx->commit();
  auto m = tx->member(r->member_id);
  return RoleView{*r, m ? m->full_name : "", o->name};
}

Result<std::vector<MonitorCandidate>> monitorCandidates(Store& store, const Caller& c, Id cell_id) {
  auto tx = store.read();
  auto cell = tx->org(cell_id);
  if (!cell || orgAccess(c.principal, cell->path) == Access::none) return Error::notFound();
  if (orgAccess(c.principal, cell->path) < Access::read) return Error::forbidden();
  std::vector<MonitorCandidate> out;
  auto ids = pathIds(cell->path);
  ids.pop_back();
  Date today = c.today();
  for (auto& anc : tx->orgsByIds(ids)) {
    if (anc.kind != OrgKind::committee) continue;
    for (const auto& r : tx->rolesInOrg(anc.id)) {
      if (!covers(r, today)) continue;
      if (std::any_of(out.begin(), out.end(), [&](auto& x) { return x.member_id == r.member_id; })) continue;
      auto m = tx->member(r.member_id);
      if (m) out.push_back({m->id, m->full_name, anc, r.role});
    }
  }
  std::sort(out.begin(), out.end(),
            [](auto& a, auto& b) { return compareVietnameseNames(a.full_name, b.full_name) < 0; });
  return out;
}

// A monitor is assigned by the committee directly above the cell (the cấp ủy cấp trên phân công
// cấp ủy viên theo dõi chi bộ): writing the cell itself, as its secretary does, is not enough.
static Status requireCommitteeAbove(ReadTx& tx, const Caller& c, const Org& cell) {
  auto ids = pathIds(cell.path);
  if (ids.size() < 2) return Error::forbidden();
  auto parent = tx.org(ids[ids.size() - 2]);
  if (!parent || orgAccess(c.principal, parent->path) < Access::write) return Error::forbidden();
  return okStatus();
}

Result<MonitorView> assignMonitor(Store& store, const Caller& c, Id cell_id, const MonitorFields& in) {
  auto cands = monitorCandidates(store, c, cell_id);
  if (!cands) return cands.error();
  auto tx = store.write();
  auto cell = writableOrg(*tx, c, cell_id);
  if (!cell) return cell.error();
  if (auto st = requireCommitteeAbove(*tx, c, *cell); !st.ok()) return st.error();
  if (cell->kind != OrgKind::cell)
    return Error::validation({{"cell_id", "not_a_cell", "Chỉ phân công theo dõi cho chi bộ."}});
  Validator v;
  if (!in.member_id) v.add("member_id", "required", "Vui lòng chọn cấp ủy viên.");
  auto from = parseDateField(v, "from", in.from, false, DateRule::any, c.today(), "ngày bắt đầu");
  if (!v.ok()) return v.error();
  auto it = std::find_if(cands->begin(), cands->end(), [&](auto& x) { return x.member_id == *in.member_id; });
  if (it == cands->end())
    return Error::validation({{"member_id", "not_committee_member", "Người được phân công phải là cấp ủy viên cấp trên."}});
  Date start = from && *from ? **from : c.today();
  for (const auto& a : tx->monitorsOfCell(cell_id))
    if (a.member_id == *in.member_id && (!a.to || *a.to >= start))
      return Error::conflict("already_assigned", "Đồng chí này đã được phân công theo dõi chi bộ.");
  MonitorAssignment a{0, *in.member_id, cell_id, start, std::nullopt};
  a.id = tx->insertMonitor(a);
  writeAudit(*tx, c, "monitor.assign", "monitor_assignment", a.id, *cell,
             {{"member_id", std::nullopt, std::to_string(a.member_id)}, {"from", std::nullopt, a.from.iso()}});
  tx->commit();
  return MonitorView{a, it->full_name};
}

Result<MonitorView> endMonitor(Store& store, const Caller& c, Id assignment_id, const MonitorFields& in) {
  auto tx = store.write();
  auto a = tx->monitorAssignment(assignment_id);
  if (!a) return Error::notFound();
  auto cell = writableOrg(*tx, c, a->cell_id);
  if (!cell) return cell.error();
  if (auto st = requireCommitteeAbove(*tx, c, *cell); !st.ok()) return st.error();
  Validator v;
  auto to = parseDateField(v, "to", in.to, true, DateRule::any, c.today(), "ngày kết thúc");
  if (!v.ok()) return v.error();
  if (**to < a->from) return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  auto before = a->to;
  a->to = **to;
  tx->updateMonitor(*a);
  writeAudit(*tx, c, "monitor.end", "monitor_assignment", a->id, *cell, {{"to", auditValue(before), a->to->iso()}});
  tx->commit();
  auto m = tx->member(a->member_id);
  return MonitorView{*a, m ? m->full_name : ""};
}

}  // namespace chibo
