// Listing early warnings (the kept ones of today, or a day's judgement
// computed from the records) and acknowledging one.
#include <algorithm>
#include <array>

#include "app/audit_write.h"
#include "app/quality/quality_internal.h"
#include "app/validate.h"

namespace chibo {
namespace {

// Every code the checks of domain/rules raise: a filter on anything else is a typo.
constexpr std::array<std::string_view, 16> kCodes{
    "monthly_meeting_missing", "thematic_meeting_missing", "meeting_too_short",      "documents_published_late",
    "documents_not_published", "members_not_notified",     "monitor_not_notified",   "task_overdue",
    "resolution_tasks_not_reviewed", "excused_streak",     "removal_watch",          "removal_proposal_due",
    "probation_ending",        "probation_review_due",     "probation_review_overdue",
    "admission_ceremony_overdue"};

WarningView viewOf(const WarningRecord& r, const Org& org, std::optional<WarningAck> ack) {
  WarningView v;
  v.warning = r.warning;
  v.key = r.key;
  v.id = r.id;
  v.org = org;
  v.subject_name = r.subject_name;
  v.since = r.since;
  v.raised_at = r.raised_at;
  v.ack = std::move(ack);
  return v;
}

}  // namespace

using namespace quality;

Result<WarningPage> listWarnings(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                 const WarningQuery& q) {
  std::optional<Severity> severity;
  {
    Validator v;
    if (q.severity && !q.severity->empty()) {
      severity = severityFromCode(*q.severity);
      if (!severity) v.add("severity", "invalid_choice", "Mức độ phải là info, warning hoặc serious.");
    }
    if (q.code && !q.code->empty() && std::find(kCodes.begin(), kCodes.end(), *q.code) == kCodes.end())
      v.add("code", "unknown_code", "Không có loại cảnh báo mã này.");
    if (!v.ok()) return v.error();
  }
  const std::optional<std::string> code = q.code && !q.code->empty() ? q.code : std::nullopt;

  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  Access a = orgAccess(c.principal, org->path);
  if (a < Access::read) return Error::notFound();  // members see their cell, not its warnings
  WarningPage page;
  page.at = q.at.value_or(c.today());
  {
    // A day before every rule the catalog knows: say so, as GET /rules and the score do.
    RuleResolver rr(cat, *tx);
    if (const auto& mr = rr.members(org->path, page.at); !mr) return mr.error();
  }

  if (!q.at) {
    page.kept = true;
    WarningRecordQuery rq;
    rq.org_path = org->path;
    rq.code = code;
    rq.severity = severity;
    rq.include_acknowledged = q.include_acknowledged;
    rq.limit = q.page.limit;
    rq.offset = q.page.offset;
    auto records = tx->warningRecords(rq);
    page.total = int(tx->warningRecordCount(rq));
    std::vector<Id> ids;
    for (const auto& r : records) ids.push_back(r.org_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::map<Id, Org> orgs;
    for (auto& o : tx->orgsByIds(ids)) orgs.emplace(o.id, std::move(o));
    for (const auto& r : records) {
      auto it = orgs.find(r.org_id);
      if (it == orgs.end()) continue;
      std::optional<WarningAck> ack;
      if (r.acknowledged) ack = tx->warningAck(r.key);
      page.items.push_back(viewOf(r, it->second, std::move(ack)));
    }
    return page;
  }

  auto all = computeWarnings(*tx, cat, c, *org, page.at);
  std::erase_if(all, [&](const WarningView& w) {
    return (!q.include_acknowledged && w.ack) || (code && w.warning.code != *code) ||
           (severity && w.warning.severity != *severity);
  });
  sortWarnings(all);
  page.total = int(all.size());
  int from = std::min(q.page.offset, page.total);
  int to = std::min(from + q.page.limit, page.total);
  for (int i = from; i < to; ++i) page.items.push_back(std::move(all[size_t(i)]));
  return page;
}

Result<WarningView> acknowledgeWarning(Store& store, const RuleCatalog& cat, const Caller& c, int64_t id,
                                       const AckFields& in) {
  Validator dv;
  auto at = parseDateField(dv, "at", in.at, false, DateRule::any, c.today(), "ngày xét cảnh báo");
  if (!dv.ok()) return dv.error();
  Date day = (at && *at) ? **at : c.today();

  // A kept warning first (the list of today); else one judged on `day`, as it was listed.
  std::optional<WarningView> found;
  {
    auto tx = store.read();
    if (auto r = tx->warningRecordById(id); r && !r->resolved_at) {
      if (auto o = tx->org(r->org_id); o && orgAccess(c.principal, o->path) >= Access::read)
        found = viewOf(*r, *o, r->acknowledged ? tx->warningAck(r->key) : std::nullopt);
    }
    std::vector<std::string> roots;
    for (const auto& r : visibleRoots(c.principal))
      if (orgAccess(c.principal, r) >= Access::read) roots.push_back(r);
    if (!found)
      for (auto& root : tx->orgByPath(roots)) {
        for (auto& w : computeWarnings(*tx, cat, c, root, day))
          if (w.id == id) {
            found = std::move(w);
            break;
          }
        if (found) break;
      }
  }
  if (!found) return Error::notFound();
  if (orgAccess(c.principal, found->org.path) < Access::write) return Error::forbidden();
  Validator v;
  auto note = cleanText(v, "note", in.note, true, 1000, "ghi chú");
  auto tx = store.write();
  if (found->ack || tx->warningAck(found->key))
    return Error::conflict("already_acknowledged", "Cảnh báo này đã được ghi nhận.");
  if (!v.ok()) return v.error();

  WarningAck ack;
  ack.key = found->key;
  ack.org_id = found->org.id;
  ack.code = found->warning.code;
  ack.note = *note;
  if (c.principal.user_id) ack.by_user_id = c.principal.user_id;
  ack.by_username = c.principal.username;
  ack.at = c.now;
  tx->insertWarningAck(ack);
  // The kept record leaves the open list with the acknowledgement (same transaction).
  if (auto r = tx->warningRecordById(found->id); r && r->key == found->key) {
    r->acknowledged = true;
    tx->putWarningRecord(*r);
  }
  writeAudit(*tx, c, "warning.ack", "warning", found->id, found->org,
             {{"key", std::nullopt, ack.key},
              {"code", std::nullopt, ack.code},
              {"subject", std::nullopt,
               std::string(toCode(found->warning.subject_kind)) + ":" + std::to_string(found->warning.subject_id)},
              {"note", std::nullopt, ack.note}});
  tx->commit();
  found->ack = ack;
  return *found;
}

}  // namespace chibo
