#include "domain/rules/warning.h"

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<Severity>, 3> kSeverities{{
    {Severity::info, "info", "Thông tin"},
    {Severity::warning, "warning", "Cảnh báo"},
    {Severity::serious, "serious", "Nghiêm trọng"},
}};
constexpr std::array<EnumRow<SubjectKind>, 5> kSubjects{{
    {SubjectKind::member, "member", "Đảng viên"},
    {SubjectKind::meeting, "meeting", "Cuộc họp"},
    {SubjectKind::org, "org", "Tổ chức đảng"},
    {SubjectKind::task, "task", "Nhiệm vụ"},
    {SubjectKind::resolution, "resolution", "Nghị quyết"},
}};
}  // namespace

std::string_view toCode(Severity s) { return detail::enumCode(kSeverities, s); }
std::string_view toCode(SubjectKind k) { return detail::enumCode(kSubjects, k); }
std::optional<Severity> severityFromCode(std::string_view c) { return detail::enumFromCode(kSeverities, c); }
std::optional<SubjectKind> subjectKindFromCode(std::string_view c) { return detail::enumFromCode(kSubjects, c); }
std::string_view label(Severity s) { return detail::enumLabel(kSeverities, s); }
std::string_view label(SubjectKind k) { return detail::enumLabel(kSubjects, k); }

}  // namespace chibo
