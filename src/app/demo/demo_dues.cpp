#include "app/demo/demo_dues.h"

#include <set>

#include "app/demo/demo_rng.h"
#include "app/dues/dues.h"

namespace chibo {

int loadDemoDues(WriteTx& tx, uint64_t seed, Date today, const std::vector<DuesRules>& rules) {
  demo::Rng rng(seed, "dues");
  const int now_ym = ymOfDate(today);
  const int first_ym = ymAdd(now_ym, -12);
  auto& repo = tx.dues();

  // Bases, in member order so the draws do not depend on the cells' order.
  std::set<Id> members;
  for (const auto& cand : tx.rosterCandidates("/", std::nullopt)) members.insert(cand.member.id);
  bool exempted = false, reduced = false;
  for (Id id : members) {
    auto m = tx.member(id);
    if (!m) continue;
    DuesBasis b{0, id, DuesBasisKind::other, 0, ymAdd(first_ym, -12), "Dữ liệu mẫu"};
    const bool retired = m->birth_date && m->birth_date->year() <= today.year() - 61;
    if (m->serving) {
      b.kind = DuesBasisKind::salary;
      b.amount = int64_t(rng.between(420, 1500)) * 10000;  // 4,2–15 triệu đồng
    } else if (retired) {
      b.kind = DuesBasisKind::pension;
      b.amount = int64_t(rng.between(300, 900)) * 10000;
    } else {
      b.amount = int64_t(rng.between(2, 6)) * 5000;  // 10.000–30.000 đồng a month
    }
    repo.putBasis(b);
    // A raise for some serving members half-way through the year: a dated history.
    if (m->serving && rng.chance(30))
      repo.putBasis({0, id, DuesBasisKind::salary, b.amount + int64_t(rng.between(20, 80)) * 10000,
                     ymAdd(first_ym, 6), "Nâng lương"});
    // One exemption (≥ 50 years of party age) and one reduction, QĐ 01-QĐ/TW.
    if (!exempted && retired && m->admission_decision_date &&
        m->admission_decision_date->year() <= today.year() - 50) {
      repo.insertRelief({0, id, DuesReliefKind::exemption, 100, ymAdd(first_ym, 2), std::nullopt,
                         "Đảng viên có 50 năm tuổi đảng trở lên"});
      exempted = true;
    } else if (!reduced && retired && rng.chance(10)) {
      repo.insertRelief({0, id, DuesReliefKind::reduction, 50, ymAdd(first_ym, 3), ymAdd(first_ym, 8),
                         "Nghị quyết chi bộ: hoàn cảnh khó khăn, ốm đau dài ngày"});
      reduced = true;
    }
  }

  int written = 0;
  for (const auto& cell : tx.orgSubtree("/")) {
    if (cell.kind != OrgKind::cell || cell.archived) continue;
    for (int ym = first_ym; ym <= now_ym; ym = ymNext(ym)) {
      const DuesRules* r = duesRulesInForce(rules, ymFirstDay(ym));
      if (!r) continue;
      DuesSheet sheet = computeDuesSheet(tx, *r, cell, ym, today);
      const Date last = ymLastDay(ym);
      int owed_left = 0;
      for (const auto& l : sheet.lines) owed_left += l.due.owed ? 1 : 0;
      for (const auto& l : sheet.lines) {
        if (!l.due.owed) continue;
        const bool current = ym == now_ym;
        // The month in progress: about two thirds collected, and always two members still to pay
        // (what the meeting's "thu đảng phí" screen is for).
        if (current && (owed_left-- <= 2 || !rng.chance(65))) continue;
        DuesPayment p;
        p.member_id = l.member.id;
        p.ym = ym;
        p.cell_id = cell.id;
        // Recorded at the monthly meeting, around the 5th to the 20th (or today).
        Date day = *Date::fromYmd(ym / 100, unsigned(ym % 100), unsigned(rng.between(5, 20)));
        if (day > today) day = today;
        if (day > last) day = last;
        p.recorded_at = DateTime{int64_t(day.days()) * 86400 + 12 * 3600};  // 19:00 in UTC+7
        if (!current && rng.chance(3)) {
          p.status = DuesPaymentStatus::excused;
          p.note = rng.chance(50) ? "Ốm điều trị dài ngày, chi bộ xét có lý do chính đáng"
                                  : "Đi làm ăn xa, đã báo cáo chi bộ";
        } else {
          p.status = DuesPaymentStatus::paid;
          p.amount = l.due.amount.value_or(10000);
          if (rng.chance(25)) {
            p.channel = DuesChannel::portal;
            p.reference = "DVC" + std::to_string(ym) + std::to_string(100000 + rng.between(0, 899999));
          } else {
            p.channel = DuesChannel::cash;
          }
        }
        repo.putPayment(p);
        ++written;
      }
    }
  }
  return written;
}

}  // namespace chibo
