#pragma once
// The audit log as a person reads it: each action, object and field in
// Vietnamese, and values made readable (member ids as names, dates as
// dd/mm/yyyy, instants in Asia/Ho_Chi_Minh, codes as their labels). The rows
// themselves keep the stable English codes; only what is shown is translated.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/audit.h"

namespace chibo {

// "Khóa biên bản" for "meeting.finalize"; "Thao tác khác" for an unknown code.
std::string_view auditActionLabel(std::string_view action);
// "Cuộc họp" for "meeting"; "Đối tượng khác" for an unknown type.
std::string_view auditTargetLabel(std::string_view target_type);
// "Người thực hiện" for "assignee_member_ids"; "Điểm danh: Nguyễn Văn An" for
// "attendance[15]" (the name from `names`); "Thông tin khác" for an unknown field.
std::string auditFieldLabel(std::string_view field, const std::map<Id, std::string>& names);
// The value of `field` as a person reads it; none stays none.
std::optional<std::string> auditValueText(std::string_view target_type, std::string_view field,
                                          const std::optional<std::string>& value,
                                          const std::map<Id, std::string>& names);
// The member ids a change names (in *_member_id(s) fields and attendance[id]),
// for the caller to look their names up once.
void auditMemberIds(const FieldChange& c, std::map<Id, std::string>& names);

}  // namespace chibo
