// Keeping raised warnings as records: the reconciliation of one cell, the
// write hooks and the daily pass (contract in kept_warnings.h).
#include "app/quality/kept_warnings.h"
#include "app/notices/notices.h"

#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include "app/dues/dues.h"
#include "app/quality/quality_internal.h"
#include "domain/rules/calendar.h"
#include "store/admission_repo.h"

namespace chibo {
namespace {

std::shared_ptr<const RuleCatalog>& installedCatalog() {
  static std::shared_ptr<const RuleCatalog> cat;
  return cat;
}
std::mutex& catalogMutex() {
  static std::mutex m;
  return m;
}
std::shared_ptr<const RuleCatalog> catalogNow() {
  std::lock_guard lock(catalogMutex());
  return installedCatalog();
}

// The judge of kept warnings sees the whole tree: what a user may read is
// decided when they list them.
Caller systemCaller(DateTime now) {
  Caller c;
  c.principal.username = "system";
  c.principal.grants.push_back({UserRole::admin, 0, "/"});
  c.now = now;
  return c;
}

// Warnings of one rule and subject that escalate into each other; a graver one
// takes the place of a lighter one.
int chainOf(const std::string& code) {
  if (code == "removal_watch" || code == "removal_proposal_due") return 1;
  if (code == "probation_ending" || code == "probation_review_due" || code == "probation_review_overdue") return 2;
  if (code == "documents_not_published" || code == "documents_published_late") return 3;
  return 0;
}

// The year in a member warning's key ("removal_watch:member:45:2027"), or 0.
int yearOfKey(const std::string& key) {
  auto pos = key.rfind(':');
  if (pos == std::string::npos || key.size() - pos != 5) return 0;
  try {
    return std::stoi(key.substr(pos + 1));
  } catch (...) {
    return 0;
  }
}

bool held(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

// A tổ đảng's meeting in a month its cell's pilot covers stands for the cell's monthly meeting
// (R-TOĐẢNG-1), so its roll call counts for the members' attendance rules.
bool standsForCellMeeting(ReadTx& tx, const MeetingRecord& m) {
  if (!standsForMonthly(m.meeting.kind)) return false;
  auto org = tx.org(m.meeting.org_id);
  if (!org || org->kind != OrgKind::subgroup || !org->parent_id) return false;
  auto pilot = tx.subgroupPilot(*org->parent_id);
  return pilot && pilotCovers(*pilot, monthKey(m.meeting.period_year, m.meeting.period_month));
}

// R-ATT-3/R-ATT-4 judged again on the member's recorded attendance of `year`
// up to `today`, as if they were still expected at every meeting: does the
// warning `code` (or a graver one of its chain) still stand?
bool memberRuleStillBroken(ReadTx& tx, quality::RuleResolver& rr, const Org& cell, Id member_id, int year,
                           Date today, const std::string& code, bool dues) {
  Date judged = year < today.year() ? lastDayOfMonth(year, 12) : today;
  const RuleSet* rs = rr.find(cell.path, judged);
  if (!rs) return true;  // nothing to judge with: leave it to people
  MemberYear y;
  y.member_id = member_id;
  y.year = year;
  for (const auto& [meeting_id, rec] : tx.attendanceOfMember(member_id)) {
    auto m = tx.meeting(meeting_id);
    if (!m || !held(m->meeting.status)) continue;
    if (!quality::countsForAttendanceRules(m->meeting.kind) && !standsForCellMeeting(tx, *m)) continue;
    Date d = quality::meetingDay(*m);
    if (d.year() != year || d > today) continue;
    y.meetings.push_back({d, quality::outcomeOf(rec.mark.status)});
  }
  if (dues) {
    // R-ATT-4 (b): the year's dues as recorded, ignoring exemption like the meetings.
    y.meetings.clear();
    auto cat = catalogNow();
    auto m = tx.member(member_id);
    if (!cat || !m) return true;
    y.unpaid_dues_months = memberUnpaidDuesMonths(tx, *cat, *m, tx.statusPeriods(member_id), year, today);
    for (const auto& w : removalWatchWarnings(*rs, y))
      if (w.code == code || chainOf(w.code) == chainOf(code)) return true;
    return false;
  }
  std::vector<Warning> again = excusedStreakWarnings(*rs, y);
  for (auto& w : removalWatchWarnings(*rs, y)) again.push_back(std::move(w));
  for (const auto& w : again)
    if (w.code == code || (chainOf(code) != 0 && chainOf(w.code) == chainOf(code))) return true;
  return false;
}

// Whether an open record the rules no longer find stays open (see kept_warnings.h).
bool staysOpen(ReadTx& tx, quality::RuleResolver& rr, const Org& cell, const WarningRecord& r, Date today) {
  const std::string& code = r.warning.code;
  if (code == "removal_watch" || code == "removal_proposal_due" || code == "excused_streak")
    return memberRuleStillBroken(tx, rr, cell, r.warning.subject_id, yearOfKey(r.key), today, code,
                                 r.key.find(":dues:") != std::string::npos);
  if (chainOf(code) == 2) {
    auto m = tx.member(r.warning.subject_id);
    if (!m || !m->admission_ceremony_date || m->official_date) return false;
    // The chi bộ's vote on official status, or a refusal, recorded in the admission pipeline
    // is the review R-DUBI-1 asks for.
    auto cand = tx.admission().candidateOfMember(m->id);
    return !(cand && (cand->stage == AdmissionStage::official_voted || cand->stage == AdmissionStage::official ||
                      cand->stage == AdmissionStage::refused));
  }
  if (code == "task_overdue") return false;  // pending tasks are judged whatever their age
  if (code == "admission_ceremony_overdue") {
    // "admission_ceremony_overdue:candidate:<id>:ceremony": open while the decision waits for its ceremony.
    auto from = r.key.find(":candidate:");
    if (from == std::string::npos) return false;
    Id id = std::atoll(r.key.c_str() + from + 11);
    auto cand = tx.admission().candidate(id);
    return cand && cand->stage == AdmissionStage::decided;
  }
  return r.since < today.addMonths(-12);
}

}  // namespace

void setKeptWarningsCatalog(std::shared_ptr<const RuleCatalog> cat) {
  std::lock_guard lock(catalogMutex());
  installedCatalog() = std::move(cat);
}

KeptWarningsChange reconcileCellWarnings(WriteTx& tx, const RuleCatalog& cat, const Org& cell, DateTime now) {
  KeptWarningsChange change;
  if (cell.kind != OrgKind::cell || cell.archived) return change;
  const Date today = now.date();
  Caller sys = systemCaller(now);
  auto fresh = quality::computeWarnings(tx, cat, sys, cell, today);

  std::map<std::string, WarningRecord> open;
  for (auto& r : tx.warningRecordsOfOrg(cell.id)) open.emplace(r.key, std::move(r));

  std::set<std::string> found;
  std::vector<WarningRecord> raised_now;
  for (auto& f : fresh) {
    found.insert(f.key);
    WarningRecord r;
    bool raised = false;
    auto it = open.find(f.key);
    if (it != open.end()) {
      r = it->second;
    } else if (auto prior = tx.warningRecordById(f.id); prior && prior->key == f.key && !prior->resolved_at) {
      r = *prior;  // kept under another node (a member who moved): it follows the member
    } else {
      r.raised_at = now;  // new, or broken again after it was corrected
      ++change.raised;
      raised = true;
    }
    WarningRecord next = r;
    next.key = f.key;
    next.id = f.id;
    next.org_id = f.org.id;
    next.org_path = f.org.path;
    next.warning = f.warning;
    next.subject_name = f.subject_name;
    next.since = f.since;
    next.acknowledged = r.acknowledged || f.ack.has_value();
    next.resolved_at.reset();
    next.resolution.clear();
    bool same = it != open.end() && r.org_id == next.org_id && r.warning.message == next.warning.message &&
                r.warning.severity == next.warning.severity && r.since == next.since &&
                r.subject_name == next.subject_name && r.acknowledged == next.acknowledged &&
                r.warning.rule_set_id == next.warning.rule_set_id && r.warning.source == next.warning.source;
    if (same) continue;
    if (it != open.end()) ++change.refreshed;
    tx.putWarningRecord(next);
    if (raised) raised_now.push_back(next);
  }
  noticeWarningsRaised(tx, cell, raised_now, now);  // reminders and notices: with the records

  quality::RuleResolver rr(cat, tx);
  for (auto& [key, r] : open) {
    if (found.count(key)) continue;
    bool superseded = false;
    if (int chain = chainOf(r.warning.code); chain != 0)
      for (const auto& f : fresh)
        if (chainOf(f.warning.code) == chain && f.warning.subject_id == r.warning.subject_id &&
            f.warning.subject_kind == r.warning.subject_kind && yearOfKey(f.key) == yearOfKey(key))
          superseded = true;
    if (!superseded && staysOpen(tx, rr, cell, r, today)) continue;
    r.resolved_at = now;
    r.resolution = superseded ? "superseded" : "corrected";
    tx.putWarningRecord(r);
    ++change.resolved;
  }
  return change;
}

void keptWarningsOnOrgWrite(WriteTx& tx, Id org_id, DateTime now) {
  auto cat = catalogNow();
  if (!cat) return;
  auto o = tx.org(org_id);
  if (o && o->kind == OrgKind::subgroup && o->parent_id) o = tx.org(*o->parent_id);
  if (!o || o->kind != OrgKind::cell) return;
  reconcileCellWarnings(tx, *cat, *o, now);
}

void keptWarningsOnMemberWrite(WriteTx& tx, Id member_id, DateTime now) {
  auto cat = catalogNow();
  if (!cat) return;
  const Date today = now.date();
  const Date year_start = *Date::fromYmd(today.year(), 1, 1);
  std::set<Id> cells;
  for (const auto& p : tx.cellPeriods(member_id))
    if (!p.to || *p.to >= year_start) cells.insert(p.cell_id);
  for (Id id : cells)
    if (auto o = tx.org(id); o && o->kind == OrgKind::cell) reconcileCellWarnings(tx, *cat, *o, now);
}

WarningPassResult runWarningPass(Store& store, const RuleCatalog& cat, DateTime now, bool force) {
  WarningPassResult out;
  const Date today = now.date();
  std::vector<Org> cells;
  {
    auto r = store.read();
    if (!force && r->warningPassDay() == today) return out;
    for (auto& o : r->orgSubtree("/"))
      if (o.kind == OrgKind::cell && !o.archived) cells.push_back(std::move(o));
  }
  out.ran = true;
  // About 40 cells a transaction: a few tens of milliseconds of holding the writer's lock.
  constexpr size_t kBatch = 40;
  for (size_t i = 0; i < cells.size(); i += kBatch) {
    auto w = store.write();
    for (size_t j = i; j < std::min(cells.size(), i + kBatch); ++j) {
      auto o = w->org(cells[j].id);  // as it stands now, not as it was listed
      if (!o) continue;
      auto ch = reconcileCellWarnings(*w, cat, *o, now);
      out.change.raised += ch.raised;
      out.change.refreshed += ch.refreshed;
      out.change.resolved += ch.resolved;
      ++out.cells;
    }
    w->commit();
  }
  auto w = store.write();
  w->setWarningPassDay(today, now);
  w->commit();
  return out;
}

}  // namespace chibo
