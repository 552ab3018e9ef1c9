#pragma once
// Internal to app/quality: resolving rule sets with the store's attachments,
// turning a meeting's record into MeetingFacts, and computing the warnings of
// a subtree. Not a use-case API.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/meetings/meetings.h"
#include "app/quality/quality.h"
#include "domain/rules/member_warnings.h"

namespace chibo::quality {

const RuleSet* findCentral(const RuleCatalog& cat, std::string_view id);
const RuleOverride* findLocal(const RuleCatalog& cat, std::string_view id);

// Each attachment as the override it stands for: the file's values, attached at
// the node's path, in force on the intersection of the file's dates and the
// attachment's. Attachments of files no longer in the catalog are skipped (and
// logged by the caller's view as rule_name "").
std::vector<RuleOverride> attachedOverrides(const RuleCatalog& cat, const std::vector<RuleAttachment>& atts);

// Resolves rule sets for one request, caching by (org path, day).
class RuleResolver {
 public:
  RuleResolver(const RuleCatalog& cat, std::vector<RuleAttachment> atts);
  RuleResolver(const RuleCatalog& cat, ReadTx& tx) : RuleResolver(cat, tx.ruleAttachments()) {}
  const Result<RuleSet>& at(const std::string& org_path, Date day);
  // The same, or null when no central set covers the day.
  const RuleSet* find(const std::string& org_path, Date day) {
    const auto& r = at(org_path, day);
    return r.ok() ? &r.value() : nullptr;
  }
  // The Điều lệ's member rules on the day: also where no central set covers it.
  const Result<MemberRules>& members(const std::string& org_path, Date day);
  const MemberRules* findMembers(const std::string& org_path, Date day) {
    const auto& r = members(org_path, day);
    return r.ok() ? &r.value() : nullptr;
  }
  const std::vector<RuleAttachment>& attachments() const { return atts_; }

 private:
  const RuleCatalog& cat_;
  std::vector<RuleAttachment> atts_;
  std::vector<RuleOverride> overrides_;
  std::map<std::pair<std::string, int32_t>, Result<RuleSet>> cache_;
  std::map<std::pair<std::string, int32_t>, Result<MemberRules>> member_cache_;
};

// The attachments (on the node or its ancestors) whose override applies to
// `org_path` on `day`, shallow to deep.
std::vector<RuleAttachmentView> attachmentViews(ReadTx& tx, const RuleCatalog& cat,
                                                const std::vector<RuleAttachment>& atts, const Org& org,
                                                std::optional<Date> in_force_on);

// The day a meeting is judged by: the day it started, else the planned day.
Date meetingDay(const MeetingRecord& m);
// 00:00 of a local day (Asia/Ho_Chi_Minh, UTC+7, no DST).
DateTime localStart(Date d);

// True for the kinds that are a cell's own sinh hoạt (regular, thematic,
// combined): the meetings attendance counters (R-ATT-3, R-ATT-4) look at.
bool countsForAttendanceRules(MeetingKind k);
// Present, late and left early attend; absences keep their kind.
AttendanceOutcome outcomeOf(AttendanceStatus s);

struct FactsResult {
  MeetingFacts facts;
  Id reviewed_resolution_id = 0;
};
// MeetingFacts from the whole record (GET /meetings/{id}) plus what earlier
// meetings of the org say: the resolution under review (the latest one adopted
// at an earlier regular or combined meeting) and the excused-absence runs of
// this year up to and including this meeting.
FactsResult meetingFacts(ReadTx& tx, const MeetingView& v);

// Everything GET /meetings/{id}/score shows, for a view already loaded in scope.
Result<ScoreView> buildScore(ReadTx& tx, RuleResolver& rr, const MeetingView& v);

// Every warning of the subtree of `root` judged on `at` (acknowledged ones
// included, with their ack), unsorted. Only nodes the caller may read.
std::vector<WarningView> computeWarnings(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const Org& root,
                                         Date at);
// Most serious first, then newest (`since`), then by key.
void sortWarnings(std::vector<WarningView>& ws);

}  // namespace chibo::quality
