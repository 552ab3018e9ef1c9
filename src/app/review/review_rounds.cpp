// Opening a review round and reading it (contract in review.h).
#include <map>

#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/review/review_evidence.h"
#include "app/review/review_internal.h"
#include "domain/roster.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace review {

bool mayDecide(const Principal& p, std::string_view org_path) {
  for (const auto& g : p.grants)
    if ((g.role == UserRole::admin || g.role == UserRole::committee) && inSubtree(org_path, g.org_path)) return true;
  return false;
}

Result<const ReviewRules*> rulesFor(const RuleCatalog& cat, int year) {
  if (const auto* r = reviewRulesOn(cat.review, *Date::fromYmd(year, 12, 31))) return r;
  return Error{ErrorKind::validation, "no_review_rules",
               "Chưa có quy định kiểm điểm, xếp loại áp dụng cho năm " + std::to_string(year) + ".", {}};
}

std::optional<ReviewLevel> currentLevel(const MemberReviewRecord& r) {
  return r.decided_level ? r.decided_level : r.cell_level;
}

Result<ReviewRoundView> roundView(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const ReviewRoundRecord& round) {
  auto org = tx.org(round.org_id);
  if (!org) return Error::notFound();
  const bool reads_all = orgAccess(c.principal, org->path) >= Access::read;
  ReviewRoundView v;
  v.round = round;
  v.org_name = org->name;
  if (auto r = rulesFor(cat, round.year)) v.rules = *r;
  v.may_decide = mayDecide(c.principal, org->path);

  std::map<Id, Org> cells;
  std::map<Id, CellReviewLine> lines;
  int excellent = 0, good = 0, classified = 0;
  for (auto& r : tx.review().reviewsOfRound(round.id)) {
    if (!cells.count(r.cell_id))
      if (auto o = tx.org(r.cell_id)) cells.emplace(r.cell_id, *o);
    if (!cells.count(r.cell_id)) continue;
    const Org& cell = cells.at(r.cell_id);
    if (r.decided_level) ++v.by_level[size_t(*r.decided_level)];
    else ++v.not_decided;
    if (auto l = currentLevel(r)) {
      ++classified;
      if (*l == ReviewLevel::excellent) ++excellent;
      if (*l == ReviewLevel::good) ++good;
    }
    const bool reads_cell = reads_all || orgAccess(c.principal, cell.path) >= Access::read;
    const bool own = c.principal.member_id && *c.principal.member_id == r.member_id;
    if (reads_cell) {
      auto& line = lines[cell.id];
      line.cell = cell;
      ++line.members;
      ++line.by_stage[size_t(r.stage)];
      if (r.decided_level) {
        ++line.by_level[size_t(*r.decided_level)];
        if (*r.decided_level == ReviewLevel::not_done) ++line.facts.members_not_done;
      }
    }
    if (!reads_cell && !own) continue;
    ReviewLine l;
    if (auto m = tx.member(r.member_id)) l.member_name = m->full_name;
    l.cell_name = cell.name;
    l.may_view = true;
    l.review = std::move(r);
    v.reviews.push_back(std::move(l));
  }
  if (!reads_all && v.reviews.empty()) return Error::notFound();
  if (v.rules) v.quota = checkExcellentQuota(excellent, good, classified, *v.rules);
  auto by_review = tx.review().cellReviews(round.id);
  for (auto& [id, line] : lines) {
    auto facts = cellYearFacts(tx, line.cell, round.year);
    facts.members_not_done = line.facts.members_not_done;
    line.facts = facts;
    for (const auto& cr : by_review)
      if (cr.cell_id == id) line.classification = cr;
    v.cells.push_back(std::move(line));
  }
  sortByVietnameseName(v.cells, [](const CellReviewLine& l) -> const std::string& { return l.cell.name; },
                       [](const CellReviewLine& l) { return l.cell.id; });
  // By cell (in the cells' order), then by the member's name the Vietnamese way.
  std::map<Id, size_t> cell_rank;
  for (size_t i = 0; i < v.cells.size(); ++i) cell_rank[v.cells[i].cell.id] = i;
  sortByVietnameseName(v.reviews, [](const ReviewLine& l) -> const std::string& { return l.member_name; },
                       [](const ReviewLine& l) { return l.review.id; });
  std::stable_sort(v.reviews.begin(), v.reviews.end(), [&](const ReviewLine& a, const ReviewLine& b) {
    auto ra = cell_rank.count(a.review.cell_id) ? cell_rank.at(a.review.cell_id) : v.cells.size();
    auto rb = cell_rank.count(b.review.cell_id) ? cell_rank.at(b.review.cell_id) : v.cells.size();
    return ra < rb;
  });
  return v;
}

}  // namespace review

using namespace review;

Result<ReviewRoundView> openReviewRound(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                       std::optional<int> year_in) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (!mayDecide(c.principal, org->path)) return Error::forbidden();
  if (org->kind != OrgKind::committee)
    return Error{ErrorKind::validation, "not_a_committee",
                 "Đợt kiểm điểm, xếp loại cuối năm do cấp ủy mở cho các chi bộ trực thuộc.", {}};
  if (!year_in) return Error::validation({{"year", "required", "Vui lòng chọn năm kiểm điểm."}});
  const int year = *year_in;
  const int this_year = c.today().year();
  if (year < 2000 || year > this_year)
    return Error::validation({{"year", "out_of_range",
                               "Năm kiểm điểm phải từ 2000 đến năm nay (" + std::to_string(this_year) + ")."}});
  auto rules = rulesFor(cat, year);
  if (!rules) return rules.error();
  if (tx->review().roundOf(org->id, year))
    return Error::conflict("review_round_exists", "Đã mở đợt kiểm điểm năm " + std::to_string(year) + " cho " +
                                                      org->name + ".");

  // Everyone on a cell's roll at the year's end (or today, during the year),
  // except members exempt from party work (R-ATT-5: not evaluated).
  Date at = std::min(*Date::fromYmd(year, 12, 31), c.today());
  ReviewRoundRecord round;
  round.org_id = org->id;
  round.org_path = org->path;
  round.year = year;
  round.opened_at = c.now;
  round.opened_by_user_id = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  round.opened_by_username = c.principal.username;
  round.id = tx->review().insertRound(round);
  int members = 0;
  for (const auto& cand : tx->rosterCandidates(org->path, at)) {
    auto state = stateOn(cand.member, cand.statuses, at);
    if (!state.on_roll || !covers(cand.placement, at) || state.exempt) continue;
    MemberReviewRecord r;
    r.round_id = round.id;
    r.member_id = cand.member.id;
    r.cell_id = cand.placement.cell_id;
    tx->review().insertReview(r);
    ++members;
  }
  writeAudit(*tx, c, "review_round.open", "review_round", round.id, *org,
             {{"year", std::nullopt, std::to_string(year)}, {"review_members", std::nullopt, std::to_string(members)}});
  auto view = roundView(*tx, cat, c, round);
  tx->commit();
  return view;
}

Result<std::vector<ReviewRoundRecord>> listReviewRounds(Store& store, const Caller& c, Id org_id) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  // A committee sees its own rounds and those below; a cell the rounds of the committees above it.
  auto out = org->kind == OrgKind::committee ? tx->review().roundsUnder(org->path) : tx->review().roundsOver(org->path);
  if (org->kind == OrgKind::committee)
    for (const auto& r : tx->review().roundsOver(org->path))
      if (r.org_id != org->id) out.push_back(r);
  return out;
}

Result<ReviewRoundView> getReviewRound(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id) {
  auto tx = store.read();
  auto round = tx->review().round(round_id);
  if (!round) return Error::notFound();
  return roundView(*tx, cat, c, *round);
}

}  // namespace chibo
