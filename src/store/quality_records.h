#pragma once
// Rows of the quality tables (0003_quality.sql): which local rule set is
// attached to which org node, the judgement points of a meeting by evaluator,
// and acknowledged early warnings. The rule sets themselves are files
// (rules/*.json, app/rules/rule_loader.h), never rows.
#include <map>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/rules/warning.h"

namespace chibo {

// A local rule set attached to an org node; it applies to the node's subtree
// on [from, to] (to inclusive, none = open), within the file's own dates.
struct RuleAttachment {
  Id id = 0;
  Id org_id = 0;
  std::string org_path;  // read from the org; ignored on write
  std::string rule_id;   // the "id" of a local rule file
  Date from;
  std::optional<Date> to;
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

// Judgement points entered for one meeting. `evaluator` is "self" (the cell
// committee) or "committee" (the committee above, or the cell's monitor).
struct MeetingEvaluation {
  Id meeting_id = 0;
  std::string evaluator;
  std::map<std::string, double> points;  // criterion code -> points
  std::string note;
  std::string rule_set_id;  // the rule set in force for the meeting when entered
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

// An acknowledged warning, by its stable key.
struct WarningAck {
  std::string key;
  Id org_id = 0;  // the cell (or node) the warning belongs to
  std::string code;
  std::string note;
  std::optional<Id> by_user_id;
  std::string by_username;
  DateTime at;
};

// A raised early warning as kept (0011). It stays open until acknowledged or
// resolved: "corrected" when the record that caused it changed so the rule is
// met, "superseded" when a graver warning of the same rule and subject took
// its place (removal watch -> removal proposal, probation ending -> review due).
struct WarningRecord {
  std::string key;  // as in WarningAck
  int64_t id = 0;   // 53-bit hash of the key
  Id org_id = 0;
  std::string org_path;
  Warning warning;
  std::string subject_name;
  Date since;           // the day the rule was first broken
  DateTime raised_at;   // when a write or the daily pass first found it
  bool acknowledged = false;
  std::optional<DateTime> resolved_at;
  std::string resolution;  // "" while open, "corrected", "superseded"
};

// The kept warnings of a subtree that are not resolved.
struct WarningRecordQuery {
  std::string org_path;
  std::optional<std::string> code;
  std::optional<Severity> severity;
  bool include_acknowledged = false;
  int limit = 50;
  int offset = 0;
};

}  // namespace chibo
