#include "domain/member.h"

#include <array>
#include <utility>

namespace chibo {
namespace {
constexpr std::array<std::pair<StatusKind, std::string_view>, 11> kStatus{{
    {StatusKind::official, "official"},
    {StatusKind::probationary, "probationary"},
    {StatusKind::exempt, "exempt"},
    {StatusKind::temp_exempt, "temp_exempt"},
    {StatusKind::temp_in, "temp_in"},
    {StatusKind::temp_out, "temp_out"},
    {StatusKind::special_duty, "special_duty"},
    {StatusKind::transferred_out, "transferred_out"},
    {StatusKind::removed, "removed"},
    {StatusKind::expelled, "expelled"},
    {StatusKind::deceased, "deceased"},
}};
constexpr std::array<std::pair<MemberRole, std::string_view>, 4> kRoles{{
    {MemberRole::secretary, "secretary"},
    {MemberRole::deputy_secretary, "deputy_secretary"},
    {MemberRole::committee_member, "committee_member"},
    {MemberRole::subgroup_leader, "subgroup_leader"},
}};
constexpr std::array<std::pair<Gender, std::string_view>, 3> kGenders{
    {{Gender::male, "male"}, {Gender::female, "female"}, {Gender::other, "other"}}};

template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& t, std::string_view c) {
  for (auto& [e, s] : t)
    if (s == c) return e;
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view name(const std::array<std::pair<E, std::string_view>, N>& t, E e) {
  for (auto& [x, s] : t)
    if (x == e) return s;
  return "";
}
}  // namespace

std::string_view toCode(Gender g) { return name(kGenders, g); }
std::string_view toCode(StatusKind k) { return name(kStatus, k); }
std::string_view toCode(MemberRole r) { return name(kRoles, r); }
std::optional<Gender> genderFromCode(std::string_view c) { return lookup(kGenders, c); }
std::optional<StatusKind> statusKindFromCode(std::string_view c) { return lookup(kStatus, c); }
std::optional<MemberRole> memberRoleFromCode(std::string_view c) { return lookup(kRoles, c); }

std::string_view label(StatusKind k) {
  switch (k) {
    case StatusKind::official: return "Chính thức";
    case StatusKind::probationary: return "Dự bị";
    case StatusKind::exempt: return "Miễn công tác và sinh hoạt đảng";
    case StatusKind::temp_exempt: return "Tạm miễn sinh hoạt";
    case StatusKind::temp_in: return "Sinh hoạt tạm thời đến";
    case StatusKind::temp_out: return "Sinh hoạt tạm thời đi";
    case StatusKind::special_duty: return "Làm nhiệm vụ đặc biệt (lực lượng vũ trang)";
    case StatusKind::transferred_out: return "Chuyển sinh hoạt đi";
    case StatusKind::removed: return "Xóa tên";
    case StatusKind::expelled: return "Khai trừ";
    case StatusKind::deceased: return "Từ trần";
  }
  return "";
}
std::string_view label(MemberRole r) {
  switch (r) {
    case MemberRole::secretary: return "Bí thư";
    case MemberRole::deputy_secretary: return "Phó bí thư";
    case MemberRole::committee_member: return "Cấp ủy viên";
    case MemberRole::subgroup_leader: return "Tổ trưởng tổ đảng";
  }
  return "";
}
std::string_view label(Gender g) {
  switch (g) {
    case Gender::male: return "Nam";
    case Gender::female: return "Nữ";
    case Gender::other: return "Khác";
  }
  return "";
}

bool isTerminal(StatusKind k) {
  return k == StatusKind::transferred_out || k == StatusKind::removed || k == StatusKind::expelled ||
         k == StatusKind::deceased;
}
bool isStanding(StatusKind k) { return k == StatusKind::official || k == StatusKind::probationary; }

}  // namespace chibo
