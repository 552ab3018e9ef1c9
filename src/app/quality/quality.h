#pragma once
// Use cases of issue 4: the rule sets in force (rules as data), the quality
// score of a meeting with its evaluations, and the early warnings of a
// subtree with their acknowledgements.
//
// Design notes:
// - The catalog of rule files (RuleCatalog) is loaded once at server start and
//   passed in; the store only says which local set is attached to which org
//   node and from when. Every judgement resolves the rules in force at the
//   place (the org's path) and on the date it is about: a meeting by its date,
//   a due day by that day. Re-judging later gives the same result.
// - Scope follows the org: anything the caller cannot see answers not_found;
//   visible but not theirs to change, forbidden.
//     rules in force, attachments ........ basic (a member may see the rules that judge their cell)
//     attach a local set ................. an admin or committee grant over the node
//     score .............................. whoever may read the meeting (basic)
//     self-evaluation .................... the cell committee (a "cell" grant) or an admin
//     committee evaluation ............... committee staff or an admin over the cell, or its monitor
//     warnings ........................... read (committee/admin over the subtree, monitors their
//                                          cells, the cell committee its cell; members not_found)
//     acknowledge ........................ write on the warning's org (monitors are read-only)
// - Raised warnings are kept as records (app/quality/kept_warnings.h): the
//   list reads them; the list "as judged on" a day (?at=) computes that
//   day's judgement from the records. An acknowledgement is
//   stored under the warning's stable key.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "domain/rules/score.h"
#include "domain/rules/warning.h"

namespace chibo {

// The catalog for the server: loadRulesDir() plus the checks a directory needs
// as a whole (ids unique across files, at least one central set). Errors name
// the file and the field.
Result<RuleCatalog> loadRuleCatalog(const std::filesystem::path& dir);

// --- rules in force and attachments

struct RuleAttachmentView {
  RuleAttachment attachment;
  std::string org_name;
  std::string rule_name;          // the file's "name"
  std::string issuer_document;    // the file's issuing document
  Date file_from;                 // the file's own effective dates
  std::optional<Date> file_to;
  bool inherited = false;         // attached to an ancestor, not to the node itself
};

struct RulesInForce {
  Org org;
  Date at;
  RuleSet rules;                               // complete, every value with source and origin
  std::vector<RuleAttachmentView> attachments;  // those that applied, shallow to deep
};

// The rule set in force for `org_id` on `at`. Not found (code no_rule_set)
// when no central set covers the date.
Result<RulesInForce> rulesInForce(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id, Date at);

// Local sets attached to the node and to its ancestors (inherited), shallow to deep.
Result<std::vector<RuleAttachmentView>> listRuleAttachments(Store& store, const RuleCatalog& cat, const Caller& c,
                                                            Id org_id);

struct AttachRuleFields {
  std::optional<std::string> rule_id, from, to;  // from defaults to the file's effective_from
};
// Attaches (or re-dates) a local rule set on a node. 422 field codes:
// rule_id required / unknown_rule / not_local; from invalid_date /
// before_effective_from; to date_order; rules invalid_combination (the merged
// set would break a cross-field rule, e.g. grades out of order).
Result<RuleAttachmentView> attachRule(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                      const AttachRuleFields& in);

// The grader the roll-up aggregates keep quality grades with (see
// app/oversight/aggregates.h); the server installs it with setMeetingGrader.
struct MeetingGrader;
std::shared_ptr<const MeetingGrader> makeMeetingGrader(std::shared_ptr<const RuleCatalog> cat);
// Installs what the use cases outside this module ask of the rule files: the
// aggregates' grader and R-PREP-1's documents deadline on the meeting page.
// Call once, before serving.
void installRuleHooks(std::shared_ptr<const RuleCatalog> cat);

// --- meeting score and evaluations

struct EvaluationView {
  MeetingEvaluation evaluation;
  Score score;  // the meeting scored with this evaluator's points
};

struct ScoreView {
  Id meeting_id = 0;
  Org org;
  Date date;            // the meeting date the rules are chosen by
  RuleSet rules;        // in force at the meeting's place on its date
  MeetingFacts facts;   // what the record says
  Id reviewed_resolution_id = 0;  // the earlier resolution whose targets were counted (0: none)
  Score score;          // with the committee's points when entered, else the cell's own
  std::optional<std::string> judged_by;  // "committee", "self", or none yet
  std::optional<EvaluationView> self, committee;
};

Result<ScoreView> getMeetingScore(Store& store, const RuleCatalog& cat, const Caller& c, Id meeting_id);

struct EvaluationFields {
  std::optional<std::string> evaluator;               // "self" | "committee"
  std::optional<std::map<std::string, double>> criteria;  // code -> points
  std::optional<std::string> note;
};
// Replaces one evaluator's points for a held (or finalized) meeting. Field
// errors: evaluator required / invalid_choice; criteria required;
// criteria.<code> unknown_criterion / objective_criterion (computed from the
// record; only accepted while it has no data) / out_of_range (0..max);
// note too_long. 409 not_held for a planned meeting, meeting_cancelled.
Result<ScoreView> putEvaluation(Store& store, const RuleCatalog& cat, const Caller& c, Id meeting_id,
                                const EvaluationFields& in);

// --- early warnings

struct WarningView {
  Warning warning;
  std::string key;        // stable: code, subject and period, e.g. "removal_watch:member:45:2027"
  int64_t id = 0;         // a 53-bit hash of the key, for URLs
  Org org;                // the cell (or node) it belongs to
  std::string subject_name;
  Date since;             // the day the rule was first broken (sort key)
  std::optional<DateTime> raised_at;  // when it was kept (the list of today); none when computed
  std::optional<WarningAck> ack;
};

struct WarningQuery {
  std::optional<Date> at;            // judge afresh as of this day; none: the kept warnings
  bool include_acknowledged = false;
  std::optional<std::string> code;   // only this code (e.g. "removal_proposal_due")
  std::optional<std::string> severity;  // only this severity: info | warning | serious
  Page page;
};

struct WarningPage {
  std::vector<WarningView> items;
  int total = 0;
  Date at;
  bool kept = false;  // the kept records of today, not a computed judgement
};

// The open warnings of the subtree of `org_id`, most serious first, then newest.
// Without q.at they are the kept records: what was raised and is neither
// acknowledged nor corrected, one indexed read however large the subtree.
// With q.at (today included), that day's judgement computed afresh from the
// records: a view of the past or of a plan, and the check that the kept list
// agrees with the rules (nothing is kept from it). 422 field
// errors: severity invalid_choice, code unknown_code.
Result<WarningPage> listWarnings(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id,
                                 const WarningQuery& q);

struct AckFields {
  std::optional<std::string> note, at;  // at: the day the list was judged on (default today)
};
// Acknowledges warning `id` with a note: a kept one, else one as judged on
// `at`. Audited ("warning.ack"). 404 when no visible warning has that id;
// 403 read-only access; 409 already_acknowledged; 422 note required.
Result<WarningView> acknowledgeWarning(Store& store, const RuleCatalog& cat, const Caller& c, int64_t id,
                                       const AckFields& in);

// The stable numeric id of a warning key (FNV-1a, 53 bits so JavaScript keeps it exact).
int64_t warningIdOf(const std::string& key);

}  // namespace chibo
