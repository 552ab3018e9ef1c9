// The month sheet computed from the records, the kept month figures, and the
// unpaid-month counter of R-ATT-4 b.
#include <algorithm>
#include <map>
#include <set>

#include "app/dues/dues.h"
#include "domain/text/vn_text.h"

namespace chibo {

Result<DuesRules> duesRulesForMonth(const RuleCatalog& cat, int ym) {
  if (const DuesRules* r = duesRulesInForce(cat.dues, ymFirstDay(ym))) return *r;
  return Error{ErrorKind::validation, "no_dues_rules",
               "Chưa có quy định về đảng phí áp dụng cho tháng " + ymVn(ym) + ".",
               {{"month", "no_dues_rules", "Chưa có quy định về đảng phí áp dụng cho tháng " + ymVn(ym) + "."}}};
}

DuesSheet computeDuesSheet(ReadTx& tx, const DuesRules& rules, const Org& cell, int ym, Date today) {
  DuesSheet s;
  s.cell = cell;
  s.ym = ym;
  s.rules = rules;
  s.roll_day = duesRollDay(ym, today);
  s.totals.cell_id = cell.id;
  s.totals.ym = ym;
  s.totals.cell_path = cell.path;
  auto& repo = tx.dues();
  std::map<Id, DuesPayment> payments;
  for (auto& p : repo.paymentsOfCell(cell.id, ym, ym)) payments.emplace(p.member_id, std::move(p));
  std::set<Id> seen;
  for (auto& cand : tx.rosterCandidates(cell.path, s.roll_day)) {
    if (!covers(cand.placement, s.roll_day) || cand.placement.cell_id != cell.id) continue;
    if (!seen.insert(cand.member.id).second) continue;
    DuesLine l;
    l.state = stateOn(cand.member, cand.statuses, s.roll_day);
    l.on_roll = l.state.on_roll;
    if (!l.on_roll) continue;
    l.member = std::move(cand.member);
    l.due = duesDue(rules, owesDues(rules, l.state), repo.bases(l.member.id), repo.reliefs(l.member.id), ym);
    s.lines.push_back(std::move(l));
  }
  // A payment recorded for the month by a member no longer on the roll day's roll stays in the book.
  for (const auto& [id, p] : payments)
    if (!seen.count(id))
      if (auto m = tx.member(id)) {
        DuesLine l;
        l.member = *m;
        s.lines.push_back(std::move(l));
      }
  const bool kept = !payments.empty();  // the cell recorded this month's book here
  for (auto& l : s.lines) {
    if (auto it = payments.find(l.member.id); it != payments.end()) l.payment = it->second;
    l.unpaid = kept && monthUnpaid(rules, l.due, l.payment ? &*l.payment : nullptr, ym, today);
    if (l.due.owed) {
      s.totals.members_due += 1;
      s.totals.amount_due += l.due.amount.value_or(0);
    }
    if (l.payment && l.payment->status == DuesPaymentStatus::paid) {
      s.totals.members_paid += 1;
      s.totals.amount_collected += l.payment->amount;
      if (l.payment->channel == DuesChannel::cash) s.totals.amount_cash += l.payment->amount;
    } else if (l.payment && l.due.owed) {
      s.totals.members_excused += 1;
    }
  }
  sortByVietnameseName(s.lines, [](const DuesLine& l) -> const std::string& { return l.member.full_name; },
                       [](const DuesLine& l) { return l.member.id; });
  return s;
}

void refreshDuesMonth(WriteTx& tx, const RuleCatalog& cat, const Org& cell, int ym, Date today) {
  if (cell.kind != OrgKind::cell || ym > ymOfDate(today)) return;
  const DuesRules* rules = duesRulesInForce(cat.dues, ymFirstDay(ym));
  if (!rules) return;
  tx.dues().putMonthStats(computeDuesSheet(tx, *rules, cell, ym, today).totals);
}

int rebuildDuesAggregates(WriteTx& tx, const RuleCatalog& cat, const std::optional<Org>& root, int from_ym,
                          Date today) {
  int rows = 0;
  const int now_ym = ymOfDate(today);
  for (const auto& o : tx.orgSubtree(root ? root->path : "/")) {
    if (o.kind != OrgKind::cell || o.archived) continue;
    for (int ym = from_ym; ym <= now_ym; ym = ymNext(ym)) {
      refreshDuesMonth(tx, cat, o, ym, today);
      ++rows;
    }
  }
  return rows;
}

void ensureDuesAggregates(Store& store, const RuleCatalog& cat, DateTime now) {
  {
    auto r = store.read();
    if (!r->dues().earliestUnkeptPayment()) return;
  }
  auto w = store.write();
  auto from = w->dues().earliestUnkeptPayment();
  if (!from) return;
  const int floor_ym = ymAdd(ymOfDate(now.date()), -23);  // two years: what the roll-up shows by default and more
  rebuildDuesAggregates(*w, cat, std::nullopt, std::max(*from, floor_ym), now.date());
  w->commit();
}

std::vector<unsigned> memberUnpaidDuesMonths(ReadTx& tx, const RuleCatalog& cat, const Member& m,
                                            const std::vector<StatusPeriod>& statuses, int year, Date at,
                                            DuesRecordedCache* cache) {
  auto& repo = tx.dues();
  const int last_ym = std::min(year * 100 + 12, ymOfDate(at));
  if (last_ym < year * 100 + 1) return {};
  DuesRecordedCache local;
  DuesRecordedCache& recorded = cache ? *cache : local;
  // Reads only what a month needs, in this order: a month paid or not recorded needs no basis.
  std::optional<std::vector<DuesPayment>> payments;
  std::optional<std::vector<CellPeriod>> periods;
  std::optional<std::pair<std::vector<DuesBasis>, std::vector<DuesRelief>>> terms;
  std::vector<unsigned> out;
  for (int ym = year * 100 + 1; ym <= last_ym; ym = ymNext(ym)) {
    const DuesRules* rules = duesRulesInForce(cat.dues, ymFirstDay(ym));
    if (!rules || ymLastDay(ym).addDays(rules->grace_days.value) >= at) continue;
    if (!periods) periods = tx.cellPeriods(m.id);
    const Date day = duesRollDay(ym, at);
    auto place = placementOn(*periods, day);
    if (!place) continue;
    // Only months the cell recorded its dues book here (any line, anyone's).
    auto rec = recorded.find({place->cell_id, year});
    if (rec == recorded.end()) {
      auto months = repo.recordedMonths(place->cell_id, year * 100 + 1, year * 100 + 12);
      rec = recorded.emplace(std::make_pair(place->cell_id, year), std::set<int>(months.begin(), months.end())).first;
    }
    if (!rec->second.count(ym)) continue;
    if (!payments) payments = repo.paymentsOfMember(m.id, year * 100 + 1, last_ym);
    const DuesPayment* p = nullptr;
    for (const auto& x : *payments)
      if (x.ym == ym) p = &x;
    if (p) continue;
    if (!terms) terms.emplace(repo.bases(m.id), repo.reliefs(m.id));
    DuesDue due = duesDue(*rules, owesDues(*rules, stateOn(m, statuses, day)), terms->first, terms->second, ym);
    if (monthUnpaid(*rules, due, nullptr, ym, at)) out.push_back(unsigned(ym % 100));
  }
  return out;
}

std::string duesMinutesSentence(const DuesSheet& s) {
  return "đã thu đảng phí tháng " + ymVn(s.ym) + " của " + std::to_string(s.totals.members_paid) + "/" +
         std::to_string(s.totals.members_due) + " đồng chí, tổng " + formatDong(s.totals.amount_collected);
}

}  // namespace chibo
