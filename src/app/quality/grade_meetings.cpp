// The grader the aggregates use (app/oversight/aggregates.h): a meeting's grade
// is the grade of GET /meetings/{id}/score, kept only when nothing is pending.
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"
#include "app/quality/kept_warnings.h"
#include "app/quality/quality_internal.h"

namespace chibo {

namespace {

std::string fingerprintOf(const RuleCatalog& cat) {
  std::string f;
  for (const auto& s : cat.central) f += s.id + "@" + std::to_string(s.version) + ";";
  for (const auto& s : cat.charter) f += s.id + "@" + std::to_string(s.version) + ";";
  for (const auto& s : cat.local) f += s.id + "@" + std::to_string(s.version) + ";";
  return f;
}

}  // namespace

std::shared_ptr<const MeetingGrader> makeMeetingGrader(std::shared_ptr<const RuleCatalog> cat) {
  auto g = std::make_shared<MeetingGrader>();
  g->fingerprint = fingerprintOf(*cat);
  g->grade = [cat](ReadTx& tx, const MeetingRecord& rec, const Org& org) -> std::optional<std::string> {
    // Without an evaluation the judgement criteria are pending, so no grade: say so
    // before building the whole view, which every write to the meeting would pay
    // (the roll, above all: bench/README.md).
    quality::RuleResolver rr(*cat, tx);
    if (tx.meetingEvaluations(rec.meeting.id).empty()) {
      const RuleSet* rs = rr.find(org.path, quality::meetingDay(rec));
      if (!rs) return std::nullopt;
      for (const auto& cr : rs->rubric.criteria)
        if (cr.kind == CriterionKind::judgement) return std::nullopt;
    }
    // The aggregates are everyone's figures, so the meeting is read in full, as
    // its own cell committee would see it.
    Caller system;
    system.principal.username = "system";
    const MeetingCtx ctx{rec, org, Access::write};
    const MeetingView view = buildMeetingView(tx, system, ctx);
    auto s = quality::buildScore(tx, rr, view);
    if (!s || s->score.pending) return std::nullopt;
    return std::string(toCode(s->score.grade));
  };
  return g;
}

void installRuleHooks(std::shared_ptr<const RuleCatalog> cat) {
  setMeetingGrader(makeMeetingGrader(cat));
  setKeptWarningsCatalog(cat);
  setDocumentsDaysRule([cat](ReadTx& tx, const Org& org, Date day) {
    quality::RuleResolver rr(*cat, tx);
    const RuleSet* rs = rr.find(org.path, day);
    return rs ? rs->documents_days_before.value : 1;
  });
  setProbationaryVotesRule([cat](ReadTx& tx, const Org& org, Date day) {
    quality::RuleResolver rr(*cat, tx);
    const MemberRules* mr = rr.findMembers(org.path, day);
    return mr && mr->probationary_votes.value == 1;
  });
}

}  // namespace chibo
