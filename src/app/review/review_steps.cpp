// One member's review: reading it with its evidence, and taking its steps
// (contract in review.h); the committee's classification of a cell.
#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/review/review_evidence.h"
#include "app/review/review_internal.h"
#include "app/validate.h"
#include "domain/meeting/vote.h"

namespace chibo {
namespace review {

Result<ReviewCtx> loadReview(ReadTx& tx, const Caller& c, Id review_id) {
  auto r = tx.review().review(review_id);
  if (!r) return Error::notFound();
  auto round = tx.review().round(r->round_id);
  auto cell = tx.org(r->cell_id);
  auto member = tx.member(r->member_id);
  if (!round || !cell || !member) return Error::notFound();
  const bool own = c.principal.member_id && *c.principal.member_id == r->member_id;
  if (!own && orgAccess(c.principal, cell->path) < Access::read) return Error::notFound();
  return ReviewCtx{*r, *round, *cell, *member};
}

int cellVoters(ReadTx& tx, const Org& cell, Date day) {
  const bool prob = probationaryVotesRule() && probationaryVotesRule()(tx, cell, day);
  return countVoters(meetingRoll(tx, cell, day), {}, prob).on_roll;
}

MemberReviewView memberView(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const ReviewCtx& ctx) {
  MemberReviewView v;
  v.review = ctx.review;
  v.round = ctx.round;
  v.member_name = ctx.member.full_name;
  v.cell = ctx.cell;
  v.evidence = memberYearEvidence(tx, ctx.member.id, ctx.cell, ctx.round.year);
  v.steps = tx.review().steps(ctx.review.id);
  if (auto r = rulesFor(cat, ctx.round.year)) v.rules = *r;
  const auto stage = ctx.review.stage;
  v.may_self_assess = c.principal.member_id && *c.principal.member_id == ctx.member.id &&
                      applyStep(stage, ReviewStep::self_assess).next.has_value();
  v.may_vote = orgAccess(c.principal, ctx.cell.path) == Access::write &&
               applyStep(stage, ReviewStep::cell_vote).next.has_value();
  v.may_decide = mayDecide(c.principal, ctx.round.org_path);
  if (v.may_vote) v.voters = cellVoters(tx, ctx.cell, c.today());
  return v;
}

namespace {

// Level and points: both required, the level a known code, the points 0..100.
struct LevelPoints {
  ReviewLevel level = ReviewLevel::done;
  int points = 0;
};
std::optional<LevelPoints> readLevel(Validator& v, const ReviewStepInput& in) {
  std::optional<ReviewLevel> level;
  if (!in.level || in.level->empty()) v.add("level", "required", "Vui lòng chọn mức xếp loại.");
  else if (!(level = reviewLevelFromCode(*in.level))) v.add("level", "invalid_choice", "Mức xếp loại không hợp lệ.");
  if (!in.points) v.add("points", "required", "Vui lòng nhập số điểm.");
  else if (*in.points < 0 || *in.points > 100) v.add("points", "out_of_range", "Số điểm phải từ 0 đến 100.");
  if (!level || !in.points || *in.points < 0 || *in.points > 100) return std::nullopt;
  return LevelPoints{*level, *in.points};
}

std::string levelText(const std::optional<ReviewLevel>& l) {
  return l ? std::string(levelName(*l)) : std::string();
}
std::optional<std::string> optText(const std::optional<ReviewLevel>& l) {
  return l ? std::optional<std::string>(levelText(l)) : std::nullopt;
}
std::optional<std::string> optNum(const std::optional<int>& n) {
  return n ? std::optional<std::string>(std::to_string(*n)) : std::nullopt;
}

}  // namespace
}  // namespace review

using namespace review;

Result<MemberReviewView> getMemberReview(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id) {
  auto tx = store.read();
  auto ctx = loadReview(*tx, c, review_id);
  if (!ctx) return ctx.error();
  return memberView(*tx, cat, c, *ctx);
}

Result<MemberReviewView> takeReviewStep(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id,
                                        ReviewStep step, const ReviewStepInput& in) {
  auto tx = store.write();
  auto ctx = loadReview(*tx, c, review_id);
  if (!ctx) return ctx.error();
  auto& r = ctx->review;
  // Who takes the step, before anything about the input.
  const bool own = c.principal.member_id && *c.principal.member_id == r.member_id;
  switch (step) {
    case ReviewStep::self_assess:
      if (!own) return Error::forbidden();
      break;
    case ReviewStep::cell_vote:
      if (orgAccess(c.principal, ctx->cell.path) != Access::write) return Error::forbidden();
      break;
    case ReviewStep::decide:
    case ReviewStep::appeal:
      if (!mayDecide(c.principal, ctx->round.org_path)) return Error::forbidden();
      break;
  }
  if (in.version && *in.version != r.version)
    return Error::conflict("stale_version", "Bản kiểm điểm vừa được người khác cập nhật. Vui lòng tải lại.");
  auto next = applyStep(r.stage, step);
  if (!next.next) return Error::conflict("review_step_refused", next.refusal);
  auto rules = rulesFor(cat, ctx->round.year);
  if (!rules) return rules.error();

  Validator v;
  auto lp = readLevel(v, in);
  const bool note_required = step == ReviewStep::self_assess || step == ReviewStep::appeal;
  const std::string note_label = step == ReviewStep::self_assess ? "Bản tự kiểm điểm"
                                 : step == ReviewStep::appeal    ? "Nội dung kiến nghị và lý do xem xét lại"
                                                                 : "Ghi chú";
  std::string note = cleanText(v, "note", in.note, note_required, step == ReviewStep::self_assess ? 5000 : 2000,
                               note_label)
                         .value_or("");
  Vote vote;
  if (step == ReviewStep::cell_vote) {
    // The cell votes the level against its roll, as for its resolutions (R-RES-2).
    vote.rule = VoteRule::more_than_half_roll;
    vote.votes_for = in.vote_for.value_or(-1);
    vote.against = in.vote_against.value_or(0);
    vote.abstain = in.vote_abstain.value_or(0);
    vote.eligible = cellVoters(*tx, ctx->cell, c.today());
    if (!in.vote_for) v.add("vote_for", "required", "Vui lòng nhập số đảng viên tán thành.");
    else if (auto st = validateVote(vote); !st.ok())
      for (const auto& fe : st.error().field_errors) v.add("vote_" + fe.field, fe.code, fe.message);
  }
  if (!v.ok()) return v.error();

  // The rules on the level: its band for everyone; its conditions on the record
  // for the cell and the committee (the member proposes, they weigh it).
  auto evidence = memberYearEvidence(*tx, r.member_id, ctx->cell, ctx->round.year);
  auto problems = memberLevelProblems(lp->level, lp->points, evidence, **rules);
  if (step == ReviewStep::self_assess && !problems.empty()) problems.resize(1);  // the band comes first
  if (step == ReviewStep::self_assess && !problems.empty() && levelForPoints(lp->points, **rules) == lp->level)
    problems.clear();
  if (!problems.empty()) {
    std::vector<FieldError> fe;
    for (auto& p : problems) fe.push_back({"level", "level_not_allowed", std::move(p)});
    return Error{ErrorKind::validation, "level_not_allowed", fe.front().message, std::move(fe)};
  }
  if (step == ReviewStep::cell_vote && !decideVote(vote).passed)
    return Error::validation({{"vote_for", "vote_not_passed",
                               "Mức xếp loại cần quá nửa số đảng viên có quyền biểu quyết tán thành (" +
                                   std::to_string(votesNeeded(vote.rule, vote.eligible)) + "/" +
                                   std::to_string(vote.eligible) + ")."}});
  if ((step == ReviewStep::decide || step == ReviewStep::appeal) && lp->level == ReviewLevel::excellent) {
    // The quota on the round's picture once this decision stands.
    int excellent = 0, good = 0, classified = 0;
    for (const auto& o : tx->review().reviewsOfRound(ctx->round.id)) {
      auto l = o.id == r.id ? std::optional<ReviewLevel>(lp->level) : currentLevel(o);
      if (!l) continue;
      ++classified;
      excellent += *l == ReviewLevel::excellent;
      good += *l == ReviewLevel::good;
    }
    auto q = checkExcellentQuota(excellent, good, classified, **rules);
    if (!q.within) return Error{ErrorKind::validation, "quota_exceeded", q.message, {{"level", "quota_exceeded", q.message}}};
  }

  MemberReviewRecord before = r;
  ReviewStepRecord s;
  s.review_id = r.id;
  s.step = step;
  s.level = lp->level;
  s.points = lp->points;
  s.note = note;
  s.by_user_id = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  s.by_username = c.principal.username;
  s.at = c.now;
  std::vector<FieldChange> changes;
  switch (step) {
    case ReviewStep::self_assess:
      r.self_text = note;
      r.self_level = lp->level;
      r.self_points = lp->points;
      r.self_at = c.now;
      diffField(changes, "self_review", std::optional<std::string>(before.self_text), r.self_text);
      diffField(changes, "review_level", optText(before.self_level), levelText(r.self_level));
      diffField(changes, "points", optNum(before.self_points), std::to_string(lp->points));
      break;
    case ReviewStep::cell_vote:
      r.cell_level = lp->level;
      r.cell_points = lp->points;
      r.vote_for = vote.votes_for;
      r.vote_against = vote.against;
      r.vote_abstain = vote.abstain;
      r.vote_eligible = vote.eligible;
      r.cell_at = c.now;
      s.vote_for = vote.votes_for;
      s.vote_against = vote.against;
      s.vote_abstain = vote.abstain;
      diffField(changes, "review_level", optText(before.cell_level), levelText(r.cell_level));
      diffField(changes, "points", optNum(before.cell_points), std::to_string(lp->points));
      diffField(changes, "vote", std::nullopt, decideVote(vote).detail);
      break;
    case ReviewStep::decide:
    case ReviewStep::appeal:
      r.decided_level = lp->level;
      r.decided_points = lp->points;
      r.decided_at = c.now;
      r.decision_note = note;
      diffField(changes, "review_level", optText(before.decided_level), levelText(r.decided_level));
      diffField(changes, "points", optNum(before.decided_points), std::to_string(lp->points));
      if (!note.empty()) diffField(changes, "note", std::optional<std::string>(before.decision_note), note);
      break;
  }
  r.stage = *next.next;
  ++r.version;
  diffField(changes, "review_stage", std::optional<std::string>(std::string(stageName(before.stage))),
            std::string(stageName(r.stage)));
  tx->review().updateReview(r);
  tx->review().appendStep(s);
  writeAudit(*tx, c, "member_review." + std::string(toCode(step)), "member_review", r.id, ctx->cell, std::move(changes));
  auto view = memberView(*tx, cat, c, *ctx);
  tx->commit();
  return view;
}

Result<ReviewRoundView> classifyCell(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id, Id cell_id,
                                     const ReviewStepInput& in) {
  auto tx = store.write();
  auto round = tx->review().round(round_id);
  if (!round) return Error::notFound();
  auto cell = tx->org(cell_id);
  if (!cell || cell->kind != OrgKind::cell || !inSubtree(cell->path, round->org_path) ||
      orgAccess(c.principal, cell->path) == Access::none)
    return Error::notFound();
  if (!mayDecide(c.principal, round->org_path)) return Error::forbidden();
  auto rules = rulesFor(cat, round->year);
  if (!rules) return rules.error();
  Validator v;
  auto lp = readLevel(v, in);
  std::string note = cleanText(v, "note", in.note, false, 2000, "Ghi chú").value_or("");
  if (!v.ok()) return v.error();

  auto facts = cellYearFacts(*tx, *cell, round->year);
  for (const auto& r : tx->review().reviewsOfRound(round->id))
    if (r.cell_id == cell->id && r.decided_level == ReviewLevel::not_done) ++facts.members_not_done;
  auto problems = collectiveLevelProblems(lp->level, lp->points, facts, **rules);
  if (!problems.empty()) {
    std::vector<FieldError> fe;
    for (auto& p : problems) fe.push_back({"level", "level_not_allowed", std::move(p)});
    return Error{ErrorKind::validation, "level_not_allowed", fe.front().message, std::move(fe)};
  }
  std::optional<CellReviewRecord> before;
  for (const auto& cr : tx->review().cellReviews(round->id))
    if (cr.cell_id == cell->id) before = cr;
  CellReviewRecord cr;
  cr.round_id = round->id;
  cr.cell_id = cell->id;
  cr.level = lp->level;
  cr.points = lp->points;
  cr.note = note;
  cr.by_user_id = c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt;
  cr.by_username = c.principal.username;
  cr.at = c.now;
  std::vector<FieldChange> changes;
  diffField(changes, "review_level", before ? optText(before->level) : std::nullopt, levelText(cr.level));
  diffField(changes, "points", before ? optNum(before->points) : std::nullopt, std::to_string(cr.points));
  if (!note.empty() || before) diffField(changes, "note", before ? std::optional<std::string>(before->note) : std::nullopt, note);
  tx->review().putCellReview(cr);
  writeAudit(*tx, c, "cell_review.classify", "cell_review", round->id, *cell, std::move(changes));
  auto view = roundView(*tx, cat, c, *round);
  tx->commit();
  return view;
}

}  // namespace chibo
