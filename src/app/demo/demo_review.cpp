#include "app/demo/demo_review.h"

#include <algorithm>
#include <map>

#include "app/meetings/meeting_access.h"
#include "app/review/review_evidence.h"
#include "domain/meeting/vote.h"
#include "domain/roster.h"
#include "store/review_repo.h"

namespace chibo {
namespace {

// 08:00 on the given day in Asia/Ho_Chi_Minh.
DateTime at8(int y, unsigned m, unsigned d) { return DateTime{int64_t(Date::fromYmd(y, m, d)->days()) * 86400 + 3600}; }

// Points inside a level's band: its floor plus a little for the record, never past the next floor.
int pointsFor(ReviewLevel l, const ReviewRules& r, int extra) {
  switch (l) {
    case ReviewLevel::excellent: return std::min(100, r.excellent_min_points.value + extra % 8);
    case ReviewLevel::good: return std::min(r.excellent_min_points.value - 1, r.good_min_points.value + 5 + extra % 12);
    case ReviewLevel::done: return std::min(r.good_min_points.value - 1, r.done_min_points.value + 5 + extra % 12);
    case ReviewLevel::not_done: return std::max(0, r.done_min_points.value - 8);
  }
  return 0;
}

struct Pending {
  MemberReviewRecord review;
  YearEvidence evidence;
  ReviewLevel level = ReviewLevel::done;
};

}  // namespace

int loadDemoReview(WriteTx& tx, const ReviewRules& rules, Id ward_id, Date today) {
  const int year = today.year() - 1;
  auto ward = tx.org(ward_id);
  if (!ward || tx.review().roundOf(ward_id, year)) return 0;
  auto staff = tx.userByUsername("canbo.phuong");
  const std::optional<Id> staff_id = staff ? std::optional<Id>(staff->id) : std::nullopt;
  const std::string staff_name = staff ? staff->username : "system";

  ReviewRoundRecord round;
  round.org_id = ward->id;
  round.year = year;
  round.opened_at = at8(year, 12, 1);
  round.opened_by_user_id = staff_id;
  round.opened_by_username = staff_name;
  round.id = tx.review().insertRound(round);

  // Who is reviewed: on a cell's roll on 31/12, not exempt (R-ATT-5).
  const Date end = *Date::fromYmd(year, 12, 31);
  std::map<Id, Org> cells;
  std::vector<Pending> all;
  for (const auto& cand : tx.rosterCandidates(ward->path, end)) {
    auto state = stateOn(cand.member, cand.statuses, end);
    if (!state.on_roll || !covers(cand.placement, end) || state.exempt) continue;
    if (!cells.count(cand.placement.cell_id))
      if (auto o = tx.org(cand.placement.cell_id)) cells.emplace(o->id, *o);
    if (!cells.count(cand.placement.cell_id)) continue;
    Pending p;
    p.review.round_id = round.id;
    p.review.member_id = cand.member.id;
    p.review.cell_id = cand.placement.cell_id;
    p.evidence = memberYearEvidence(tx, cand.member.id, cells.at(p.review.cell_id), year);
    const auto& e = p.evidence;
    if (e.absent_unexcused >= 3) p.level = ReviewLevel::not_done;
    else if (!e.allTasksOnTime() || e.absent_unexcused > 0) p.level = ReviewLevel::done;
    else p.level = ReviewLevel::good;
    all.push_back(std::move(p));
  }
  // Xuất sắc for the most active of the "tốt", as many as the quota allows.
  std::vector<Pending*> good;
  for (auto& p : all)
    if (p.level == ReviewLevel::good && p.evidence.meetings_attended == p.evidence.meetings_expected &&
        p.evidence.speeches >= 2)
      good.push_back(&p);
  std::stable_sort(good.begin(), good.end(), [](const Pending* a, const Pending* b) {
    return a->evidence.speeches != b->evidence.speeches ? a->evidence.speeches > b->evidence.speeches
                                                        : a->review.member_id < b->review.member_id;
  });
  int good_count = int(std::count_if(all.begin(), all.end(), [](const Pending& p) { return p.level == ReviewLevel::good; }));
  int classified = int(all.size()), excellent = 0;
  for (auto* p : good) {
    if (!checkExcellentQuota(excellent + 1, good_count - 1, classified, rules).within) break;
    p->level = ReviewLevel::excellent;
    ++excellent;
    --good_count;
  }

  std::map<Id, int> voters;  // per cell, on the day of the vote
  for (auto& [id, cell] : cells) {
    auto roll = meetingRoll(tx, cell, *Date::fromYmd(year, 12, 15));
    voters[id] = countVoters(roll, {}, false).on_roll;
  }
  std::map<Id, int> not_done;
  for (auto& p : all) {
    auto& r = p.review;
    const int pts = pointsFor(p.level, rules, int(p.evidence.speeches + p.evidence.meetings_attended));
    // The member proposes; a few propose a level above the one the cell gives.
    const bool hopeful = p.level == ReviewLevel::good && r.member_id % 9 == 0;
    const ReviewLevel self = hopeful ? ReviewLevel::excellent : p.level;
    const int self_pts = hopeful ? rules.excellent_min_points.value : pts;
    r.stage = ReviewStage::decided;
    r.self_text = "Năm " + std::to_string(year) + ", tôi dự " + std::to_string(p.evidence.meetings_attended) + "/" +
                  std::to_string(p.evidence.meetings_expected) +
                  " buổi sinh hoạt chi bộ, thực hiện các nhiệm vụ được giao, giữ gìn phẩm chất, đạo đức, lối sống. "
                  "Hạn chế: có lúc chưa chủ động phát biểu xây dựng nghị quyết.";
    r.self_level = self;
    r.self_points = self_pts;
    r.self_at = at8(year, 12, 8);
    const int eligible = std::max(1, voters[r.cell_id]);
    r.cell_level = p.level;
    r.cell_points = pts;
    r.vote_for = eligible;
    r.vote_eligible = eligible;
    r.cell_at = at8(year, 12, 15);
    r.decided_level = p.level;
    r.decided_points = pts;
    r.decided_at = at8(year, 12, 22);
    r.version = 4;
    r.id = tx.review().insertReview(r);
    auto step = [&](ReviewStep s, ReviewLevel l, int points, DateTime at, int vote_for) {
      ReviewStepRecord st;
      st.review_id = r.id;
      st.step = s;
      st.level = l;
      st.points = points;
      st.vote_for = vote_for;
      st.by_user_id = s == ReviewStep::self_assess ? std::nullopt : staff_id;
      st.by_username = s == ReviewStep::self_assess ? "system" : staff_name;
      st.at = at;
      tx.review().appendStep(st);
    };
    step(ReviewStep::self_assess, self, self_pts, *r.self_at, 0);
    step(ReviewStep::cell_vote, p.level, pts, *r.cell_at, eligible);
    step(ReviewStep::decide, p.level, pts, *r.decided_at, 0);
    if (p.level == ReviewLevel::not_done) ++not_done[r.cell_id];
  }

  // Each cell classified at the highest level its record allows.
  for (auto& [id, cell] : cells) {
    auto facts = cellYearFacts(tx, cell, year);
    facts.members_not_done = not_done[id];
    CellReviewRecord cr;
    cr.round_id = round.id;
    cr.cell_id = id;
    cr.level = ReviewLevel::not_done;
    for (auto l : {ReviewLevel::excellent, ReviewLevel::good, ReviewLevel::done})
      if (collectiveLevelProblems(l, pointsFor(l, rules, int(id)), facts, rules).empty()) {
        cr.level = l;
        break;
      }
    cr.points = pointsFor(cr.level, rules, int(id));
    cr.by_user_id = staff_id;
    cr.by_username = staff_name;
    cr.at = at8(year, 12, 22);
    tx.review().putCellReview(cr);
  }

  AuditEntry e;
  e.at = round.opened_at;
  e.actor_username = "system";
  e.action = "demo.load";
  e.target_type = "review_round";
  e.target_id = round.id;
  e.org_id = ward->id;
  e.org_path = ward->path;
  e.changes = {{"year", std::nullopt, std::to_string(year)},
               {"review_members", std::nullopt, std::to_string(all.size())}};
  tx.appendAudit(e);
  return int(all.size());
}

}  // namespace chibo
