#pragma once
// An early warning (cảnh báo sớm): something a cell or committee should act on,
// raised by the pure checks in schedule_warnings.h and member_warnings.h.
//
// Design notes:
// - Warnings only flag. "Lý do chính đáng", removal and official status are
//   decisions of the chi bộ and the competent committee (domain.md R-ATT-4).
// - Each warning names the business rule (R-FREQ-1, R-ATT-4, ...) and carries
//   the rule set and citation of the threshold it used, so the message can be
//   checked against its source.
// - Severity: info = coming up; warning = a rule is not met; serious = a
//   deadline set by the Điều lệ or QĐ 24 has passed or a removal is due.
#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.h"

namespace chibo {

enum class Severity { info, warning, serious };
enum class SubjectKind { member, meeting, org, task, resolution };

struct Warning {
  std::string code;  // stable, e.g. "removal_watch"
  Severity severity = Severity::warning;
  SubjectKind subject_kind = SubjectKind::org;
  Id subject_id = 0;
  std::string message;      // Vietnamese
  std::string rule;         // business rule id, e.g. "R-ATT-4"
  std::string rule_set_id;  // the rule set whose threshold applied
  std::string source;       // citation of that threshold
};

std::string_view toCode(Severity);
std::string_view toCode(SubjectKind);
std::optional<Severity> severityFromCode(std::string_view);
std::optional<SubjectKind> subjectKindFromCode(std::string_view);
std::string_view label(Severity);     // "Thông tin", "Cảnh báo", "Nghiêm trọng"
std::string_view label(SubjectKind);  // "Đảng viên", "Cuộc họp", ...

}  // namespace chibo
