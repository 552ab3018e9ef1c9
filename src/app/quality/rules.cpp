// The rule catalog at server start, the rules in force at a node on a day, and
// attaching local rule sets to nodes.
#include <algorithm>
#include <set>

#include "app/audit_write.h"
#include "app/oversight/aggregates.h"
#include "app/quality/quality_internal.h"
#include "app/validate.h"

namespace chibo {
namespace quality {

const RuleSet* findCentral(const RuleCatalog& cat, std::string_view id) {
  for (const auto& rs : cat.central)
    if (rs.id == id) return &rs;
  return nullptr;
}

const RuleOverride* findLocal(const RuleCatalog& cat, std::string_view id) {
  for (const auto& ov : cat.local)
    if (ov.id == id) return &ov;
  return nullptr;
}

std::vector<RuleOverride> attachedOverrides(const RuleCatalog& cat, const std::vector<RuleAttachment>& atts) {
  std::vector<RuleOverride> out;
  for (const auto& a : atts) {
    const RuleOverride* file = findLocal(cat, a.rule_id);
    if (!file || a.org_path.empty()) continue;
    RuleOverride ov = *file;
    ov.org_id = a.org_id;
    ov.org_path = a.org_path;
    ov.effective_from = std::max(file->effective_from, a.from);
    if (a.to && (!ov.effective_to || *a.to < *ov.effective_to)) ov.effective_to = a.to;
    if (ov.effective_to && *ov.effective_to < ov.effective_from) continue;  // never in force
    out.push_back(std::move(ov));
  }
  return out;
}

RuleResolver::RuleResolver(const RuleCatalog& cat, std::vector<RuleAttachment> atts)
    : cat_(cat), atts_(std::move(atts)), overrides_(attachedOverrides(cat, atts_)) {}

const Result<RuleSet>& RuleResolver::at(const std::string& org_path, Date day) {
  auto key = std::make_pair(org_path, day.days());
  auto it = cache_.find(key);
  if (it == cache_.end())
    it = cache_.try_emplace(key, resolveRuleSet(cat_.central, cat_.charter, overrides_, org_path, day)).first;
  return it->second;
}

const Result<MemberRules>& RuleResolver::members(const std::string& org_path, Date day) {
  auto key = std::make_pair(org_path, day.days());
  auto it = member_cache_.find(key);
  if (it == member_cache_.end())
    it = member_cache_.try_emplace(key, resolveMemberRules(cat_.central, cat_.charter, overrides_, org_path, day))
             .first;
  return it->second;
}

std::vector<RuleAttachmentView> attachmentViews(ReadTx& tx, const RuleCatalog& cat,
                                                const std::vector<RuleAttachment>& atts, const Org& org,
                                                std::optional<Date> in_force_on) {
  std::vector<RuleAttachmentView> out;
  for (const auto& a : atts) {
    if (!inSubtree(org.path, a.org_path)) continue;  // on the node or an ancestor
    const RuleOverride* file = findLocal(cat, a.rule_id);
    if (in_force_on) {
      auto ovs = attachedOverrides(cat, {a});
      if (ovs.empty() || !inEffect(ovs[0].effective_from, ovs[0].effective_to, *in_force_on)) continue;
    }
    RuleAttachmentView v;
    v.attachment = a;
    v.inherited = a.org_id != org.id;
    if (auto o = tx.org(a.org_id)) v.org_name = o->name;
    if (file) {
      v.rule_name = file->name;
      v.issuer_document = file->issuer_document;
      v.file_from = file->effective_from;
      v.file_to = file->effective_to;
    }
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const RuleAttachmentView& x, const RuleAttachmentView& y) {
    if (x.attachment.org_path.size() != y.attachment.org_path.size())
      return x.attachment.org_path.size() < y.attachment.org_path.size();
    return x.attachment.from < y.attachment.from;
  });
  return out;
}

namespace {

bool mayAttach(const Principal& p, std::string_view org_path) {
  for (const auto& g : p.grants)
    if ((g.role == UserRole::admin || g.role == UserRole::committee) && inSubtree(org_path, g.org_path)) return true;
  return false;
}

}  // namespace
}  // namespace quality

using namespace quality;

Result<RuleCatalog> loadRuleCatalog(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Error::badRequest("rule_file_unreadable", "Không tìm thấy thư mục quy tắc " + dir.string() + ".");
  auto cat = loadRulesDir(dir);
  if (!cat) return cat;
  std::set<std::string> ids;
  std::vector<FieldError> dup;
  for (const auto& rs : cat->central)
    if (!ids.insert(rs.id).second) dup.push_back({"id", "duplicate", "Mã bộ quy tắc bị trùng: " + rs.id + "."});
  for (const auto& ov : cat->charter)
    if (!ids.insert(ov.id).second) dup.push_back({"id", "duplicate", "Mã bộ quy tắc bị trùng: " + ov.id + "."});
  for (const auto& ov : cat->local)
    if (!ids.insert(ov.id).second) dup.push_back({"id", "duplicate", "Mã bộ quy tắc bị trùng: " + ov.id + "."});
  for (const auto& d : cat->dues)
    if (!ids.insert(d.id).second) dup.push_back({"id", "duplicate", "Mã bộ quy tắc bị trùng: " + d.id + "."});
  for (const auto& ev : cat->review)
    if (!ids.insert(ev.id).second) dup.push_back({"id", "duplicate", "Mã bộ quy tắc bị trùng: " + ev.id + "."});
  if (!dup.empty())
    return Error{ErrorKind::validation, "duplicate_rule_id",
                 "Thư mục quy tắc " + dir.string() + " có hai tệp cùng mã.", std::move(dup)};
  if (cat->central.empty())
    return Error{ErrorKind::validation, "no_central_rules",
                 "Thư mục quy tắc " + dir.string() + " không có bộ quy tắc trung ương nào (\"kind\": \"central\").",
                 {}};
  return cat;
}

Result<RulesInForce> rulesInForce(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id, Date at) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  RuleResolver rr(cat, *tx);
  const auto& rs = rr.at(org->path, at);
  if (!rs) return rs.error();
  return RulesInForce{*org, at, rs.value(), attachmentViews(*tx, cat, rr.attachments(), *org, at)};
}

Result<std::vector<RuleAttachmentView>> listRuleAttachments(Store& store, const RuleCatalog& cat, const Caller& c,
                                                            Id org_id) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  return attachmentViews(*tx, cat, tx->ruleAttachments(), *org, std::nullopt);
}

Result<RuleAttachmentView> attachRule(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                      const AttachRuleFields& in) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  Access a = orgAccess(c.principal, org->path);
  if (a == Access::none) return Error::notFound();
  if (!mayAttach(c.principal, org->path)) return Error::forbidden();

  Validator v;
  const RuleOverride* file = nullptr;
  if (!in.rule_id || in.rule_id->empty()) {
    v.add("rule_id", "required", "Vui lòng chọn bộ quy tắc địa phương.");
  } else if ((file = findLocal(cat, *in.rule_id)) == nullptr) {
    if (findCentral(cat, *in.rule_id))
      v.add("rule_id", "not_local", "Bộ quy tắc trung ương áp dụng chung, không gắn vào tổ chức.");
    else
      v.add("rule_id", "unknown_rule", "Không có bộ quy tắc địa phương mã \"" + *in.rule_id + "\".");
  }
  auto from = parseDateField(v, "from", in.from, false, DateRule::any, c.today(), "ngày bắt đầu áp dụng");
  auto to = parseDateField(v, "to", in.to, false, DateRule::any, c.today(), "ngày thôi áp dụng");
  if (!v.ok()) return v.error();

  RuleAttachment att;
  att.org_id = org->id;
  att.org_path = org->path;
  att.rule_id = file->id;
  att.from = (from && *from) ? **from : file->effective_from;
  if (to) att.to = *to;
  if (att.from < file->effective_from)
    v.add("from", "before_effective_from",
          "Ngày bắt đầu áp dụng không được trước ngày văn bản có hiệu lực (" + file->effective_from.vn() + ").");
  if (att.to && *att.to < att.from) v.add("to", "date_order", "Ngày thôi áp dụng phải sau ngày bắt đầu áp dụng.");
  if (!v.ok()) return v.error();

  // The merged set must still be a valid set where this attachment starts to apply.
  auto atts = tx->ruleAttachments();
  std::erase_if(atts, [&](const RuleAttachment& x) { return x.org_id == att.org_id && x.rule_id == att.rule_id; });
  atts.push_back(att);
  RuleResolver rr(cat, atts);
  if (const auto& merged = rr.at(org->path, att.from); merged.ok()) {
    if (auto st = validateRuleSet(merged.value()); !st.ok()) {
      std::string why;
      for (const auto& fe : st.error().field_errors) why += " " + fe.field + ": " + fe.message;
      return Error{ErrorKind::validation, "invalid_combination",
                   "Gắn bộ quy tắc này tạo ra bộ quy tắc không hợp lệ:" + why,
                   {{"rule_id", "invalid_combination", "Bộ quy tắc sau khi gộp không hợp lệ:" + why}}};
    }
  }

  std::optional<RuleAttachment> before;
  for (const auto& x : tx->ruleAttachments())
    if (x.org_id == att.org_id && x.rule_id == att.rule_id) before = x;
  std::vector<FieldChange> changes;
  diffField(changes, "rule_id", before ? std::optional<std::string>(before->rule_id) : std::nullopt, att.rule_id);
  diffField(changes, "from", before ? std::optional<std::string>(before->from.iso()) : std::nullopt, att.from.iso());
  diffField(changes, "to", before ? auditValue(before->to) : std::nullopt, auditValue(att.to));
  if (before && changes.empty()) {
    tx.reset();
    auto rtx = store.read();
    return attachmentViews(*rtx, cat, {*before}, *org, std::nullopt).at(0);
  }
  att.by_user_id = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  att.by_username = c.principal.username;
  att.at = c.now;
  att.id = tx->upsertRuleAttachment(att);
  // Other rules judge the subtree's meetings now: their grades in the roll-up change with them.
  if (tx->aggregatesBuiltWith()) rebuildAggregates(*tx, *org, c.now);
  writeAudit(*tx, c, before ? "rules.reattach" : "rules.attach", "rule_attachment", att.id, *org, std::move(changes));
  tx->commit();
  tx.reset();
  auto rtx = store.read();
  return attachmentViews(*rtx, cat, {att}, *org, std::nullopt).at(0);
}

}  // namespace chibo
