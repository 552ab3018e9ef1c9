// Tổ đảng pilots: read, attach, detach (contract in subgroup_pilot.h).
#include "app/quality/subgroup_pilot.h"

#include "app/audit_write.h"
#include "app/oversight/aggregates.h"
#include "app/oversight/subgroup_months.h"
#include "app/quality/kept_warnings.h"
#include "app/validate.h"

namespace chibo {
namespace {

bool mayChange(const Principal& p, std::string_view org_path) {
  for (const auto& g : p.grants)
    if ((g.role == UserRole::admin || g.role == UserRole::committee) && inSubtree(org_path, g.org_path)) return true;
  return false;
}

// "2026-03" -> 202603; none (and an error) when malformed.
std::optional<int> parseMonth(Validator& v, const std::string& field, const std::string& raw, const std::string& label) {
  bool shape = raw.size() == 7 && raw[4] == '-';
  for (size_t i = 0; shape && i < raw.size(); ++i)
    if (i != 4 && (raw[i] < '0' || raw[i] > '9')) shape = false;
  if (shape) {
    int key = std::stoi(raw.substr(0, 4)) * 100 + std::stoi(raw.substr(5, 2));
    if (validMonthKey(key)) return key;
  }
  v.add(field, "invalid_month", label + " phải có dạng năm-tháng, ví dụ 2026-03.");
  return std::nullopt;
}

std::string iso(int month) {
  std::string m = std::to_string(month % 100);
  return std::to_string(month / 100) + "-" + (m.size() < 2 ? "0" : "") + m;
}

// Judges the cell again: its aggregates (when kept) and its kept warnings.
void refreshCell(WriteTx& tx, const Org& cell, DateTime now) {
  if (tx.aggregatesBuiltWith()) rebuildAggregates(tx, cell, now);
  keptWarningsOnOrgWrite(tx, cell.id, now);
}

SubgroupPilotView viewOf(ReadTx& tx, const Caller& c, const Org& org) {
  SubgroupPilotView v;
  v.cell = org;
  v.pilot = tx.subgroupPilot(org.id);
  v.subgroups = subgroupsOf(tx, org.id);
  v.may_change = mayChange(c.principal, org.path);
  return v;
}

}  // namespace

Result<SubgroupPilotView> getSubgroupPilot(Store& store, const Caller& c, Id org_id) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  return viewOf(*tx, c, *org);
}

Result<SubgroupPilotView> attachSubgroupPilot(Store& store, const Caller& c, Id org_id, const SubgroupPilotFields& in) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (!mayChange(c.principal, org->path)) return Error::forbidden();
  if (org->kind != OrgKind::cell || org->archived)
    return Error{ErrorKind::validation, "not_a_cell",
                 "Chỉ áp dụng thí điểm sinh hoạt theo tổ đảng cho một chi bộ đang hoạt động.", {}};
  if (subgroupsOf(*tx, org->id).empty())
    return Error{ErrorKind::validation, "no_subgroups",
                 "Chi bộ chưa có tổ đảng nào: hãy lập các tổ đảng trước khi áp dụng thí điểm.", {}};

  Validator v;
  std::optional<int> from, to;
  if (!in.from || in.from->empty()) v.add("from", "required", "Vui lòng chọn tháng bắt đầu thí điểm.");
  else if ((from = parseMonth(v, "from", *in.from, "Tháng bắt đầu")) && *from < kSubgroupPilotFirstMonth)
    v.add("from", "before_basis",
          "Tháng bắt đầu không được trước tháng 12/2022 (Hướng dẫn 03-HD/TW ngày 27/12/2022).");
  if (in.to && !in.to->empty()) to = parseMonth(v, "to", *in.to, "Tháng kết thúc");
  if (from && to && *to < *from) v.add("to", "month_order", "Tháng kết thúc không được trước tháng bắt đầu.");
  auto decision = cleanText(v, "decision", in.decision, true, 300, "Văn bản quyết định thí điểm (số, ngày)");
  if (!v.ok()) return v.error();

  SubgroupPilot p;
  p.cell_id = org->id;
  p.cell_path = org->path;
  p.from_month = *from;
  p.to_month = to;
  p.decision = *decision;
  auto before = tx->subgroupPilot(org->id);
  std::vector<FieldChange> changes;
  auto optMonth = [](const std::optional<int>& m) { return m ? std::optional<std::string>(iso(*m)) : std::nullopt; };
  diffField(changes, "from_month", before ? optMonth(before->from_month) : std::nullopt, iso(p.from_month));
  diffField(changes, "to_month", before ? optMonth(before->to_month) : std::nullopt, optMonth(p.to_month));
  diffField(changes, "decision", before ? std::optional<std::string>(before->decision) : std::nullopt, p.decision);
  if (before && changes.empty()) return viewOf(*tx, c, *org);

  p.by_user_id = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  p.by_username = c.principal.username;
  p.at = c.now;
  p.id = tx->putSubgroupPilot(p);
  refreshCell(*tx, *org, c.now);
  writeAudit(*tx, c, before ? "subgroup_pilot.change" : "subgroup_pilot.attach", "subgroup_pilot", p.id, *org,
             std::move(changes));
  auto out = viewOf(*tx, c, *org);
  tx->commit();
  return out;
}

Status detachSubgroupPilot(Store& store, const Caller& c, Id org_id) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (!mayChange(c.principal, org->path)) return Error::forbidden();
  auto before = tx->subgroupPilot(org->id);
  if (!before)
    return Error::conflict("no_subgroup_pilot", "Chi bộ không áp dụng thí điểm sinh hoạt theo tổ đảng: không có gì để thôi.");
  tx->deleteSubgroupPilot(org->id);
  refreshCell(*tx, *org, c.now);
  std::vector<FieldChange> changes;
  diffField(changes, "from_month", std::optional<std::string>(iso(before->from_month)), std::nullopt);
  diffField(changes, "to_month", before->to_month ? std::optional<std::string>(iso(*before->to_month)) : std::nullopt,
            std::nullopt);
  diffField(changes, "decision", std::optional<std::string>(before->decision), std::nullopt);
  writeAudit(*tx, c, "subgroup_pilot.detach", "subgroup_pilot", before->id, *org, std::move(changes));
  tx->commit();
  return okStatus();
}

}  // namespace chibo
