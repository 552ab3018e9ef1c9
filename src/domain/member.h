#pragma once
// A party member (đảng viên), the cells they belong to over time, their dated
// statuses and their roles. History is never overwritten: periods are closed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

enum class Gender { male, female, other };

struct Member {
  Id id = 0;
  std::string full_name;  // NFC, e.g. "Nguyễn Thị Thu Hà"
  std::optional<Date> birth_date;
  Gender gender = Gender::other;
  std::string phone;
  std::string card_no;  // số thẻ đảng viên
  std::optional<Date> admission_decision_date;  // ngày quyết định kết nạp
  std::optional<Date> admission_ceremony_date;  // ngày kết nạp (lễ)
  std::optional<Date> official_date;            // ngày chính thức
  std::string workplace;  // for serving members (đương chức)
  bool serving = false;   // đảng viên đương chức
  // Current placement, kept equal to the open CellPeriod for fast listing.
  std::optional<Id> cell_id;
  std::optional<Id> subgroup_id;
  int version = 1;
};

// Membership of a cell (and optionally a sub-group) over [from, to], `to` inclusive.
struct CellPeriod {
  Id id = 0;
  Id member_id = 0;
  Id cell_id = 0;
  std::optional<Id> subgroup_id;
  Date from;
  std::optional<Date> to;
  std::string note;  // e.g. "Chuyển từ Chi bộ Khu phố 2"
};

enum class StatusKind {
  official,         // chính thức
  probationary,     // dự bị
  exempt,           // miễn công tác và sinh hoạt đảng
  temp_exempt,      // tạm miễn sinh hoạt
  temp_in,          // sinh hoạt tạm thời đến (counted in the host cell)
  temp_out,         // sinh hoạt tạm thời đi (away: shown, not counted)
  special_duty,     // lực lượng vũ trang làm nhiệm vụ đặc biệt
  transferred_out,  // chuyển sinh hoạt đi
  removed,          // xóa tên
  expelled,         // khai trừ
  deceased,         // từ trần
};

struct StatusPeriod {
  Id id = 0;
  Id member_id = 0;
  StatusKind kind = StatusKind::official;
  Date from;
  std::optional<Date> to;  // inclusive; none = still in force
  std::string note;        // reason, decision reference
};

enum class MemberRole { secretary, deputy_secretary, committee_member, subgroup_leader };

// A role held in an org (a cell's bí thư, a ward's đảng ủy viên, a sub-group's tổ trưởng).
struct RolePeriod {
  Id id = 0;
  Id member_id = 0;
  Id org_id = 0;
  MemberRole role = MemberRole::committee_member;
  Date from;
  std::optional<Date> to;
};

// A committee member (cấp ủy viên) assigned to follow a cell.
struct MonitorAssignment {
  Id id = 0;
  Id member_id = 0;  // the monitor, a member of the superior committee
  Id cell_id = 0;
  Date from;
  std::optional<Date> to;
};

std::string_view toCode(Gender);
std::string_view toCode(StatusKind);
std::string_view toCode(MemberRole);
std::optional<Gender> genderFromCode(std::string_view);
std::optional<StatusKind> statusKindFromCode(std::string_view);
std::optional<MemberRole> memberRoleFromCode(std::string_view);
std::string_view label(StatusKind);  // Vietnamese
std::string_view label(MemberRole);  // Vietnamese
std::string_view label(Gender);

// True for statuses that end membership of the cell (chuyển đi, xóa tên, khai trừ, từ trần).
bool isTerminal(StatusKind);
// True for the two standings; all other kinds are overlays on a standing.
bool isStanding(StatusKind);

template <typename P>
bool covers(const P& p, Date d) {
  return p.from <= d && (!p.to || d <= *p.to);
}

}  // namespace chibo
