#include "domain/org.h"

#include <array>
#include <utility>

namespace chibo {
namespace {
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
constexpr std::array<std::pair<OrgKind, std::string_view>, 3> kKinds{
    {{OrgKind::committee, "committee"}, {OrgKind::cell, "cell"}, {OrgKind::subgroup, "subgroup"}}};
constexpr std::array<std::pair<OrgLevel, std::string_view>, 6> kLevels{{{OrgLevel::none, "none"},
                                                                       {OrgLevel::central, "central"},
                                                                       {OrgLevel::province, "province"},
                                                                       {OrgLevel::district, "district"},
                                                                       {OrgLevel::ward, "ward"},
                                                                       {OrgLevel::grassroots, "grassroots"}}};
constexpr std::array<std::pair<CellType, std::string_view>, 7> kTypes{{{CellType::none, "none"},
                                                                      {CellType::residential, "residential"},
                                                                      {CellType::administrative, "administrative"},
                                                                      {CellType::public_service, "public_service"},
                                                                      {CellType::enterprise, "enterprise"},
                                                                      {CellType::armed_forces, "armed_forces"},
                                                                      {CellType::other, "other"}}};
}  // namespace

std::string_view toCode(OrgKind k) { return name(kKinds, k); }
std::string_view toCode(OrgLevel l) { return name(kLevels, l); }
std::string_view toCode(CellType t) { return name(kTypes, t); }
std::optional<OrgKind> orgKindFromCode(std::string_view c) { return lookup(kKinds, c); }
std::optional<OrgLevel> orgLevelFromCode(std::string_view c) { return lookup(kLevels, c); }
std::optional<CellType> cellTypeFromCode(std::string_view c) { return lookup(kTypes, c); }

std::string_view label(OrgKind k) {
  switch (k) {
    case OrgKind::committee: return "Đảng ủy";
    case OrgKind::cell: return "Chi bộ";
    case OrgKind::subgroup: return "Tổ đảng";
  }
  return "";
}
std::string_view label(CellType t) {
  switch (t) {
    case CellType::none: return "";
    case CellType::residential: return "Khu phố, tổ dân phố, thôn";
    case CellType::administrative: return "Cơ quan hành chính";
    case CellType::public_service: return "Đơn vị sự nghiệp";
    case CellType::enterprise: return "Doanh nghiệp";
    case CellType::armed_forces: return "Lực lượng vũ trang";
    case CellType::other: return "Loại hình khác";
  }
  return "";
}

bool mayContain(OrgKind parent, OrgKind child) {
  switch (parent) {
    case OrgKind::committee: return child == OrgKind::committee || child == OrgKind::cell;
    case OrgKind::cell: return child == OrgKind::subgroup;
    case OrgKind::subgroup: return false;
  }
  return false;
}

std::vector<Id> pathIds(std::string_view path) {
  std::vector<Id> out;
  Id cur = 0;
  bool in = false;
  for (char c : path) {
    if (c >= '0' && c <= '9') {
      cur = cur * 10 + (c - '0');
      in = true;
    } else if (in) {
      out.push_back(cur);
      cur = 0;
      in = false;
    }
  }
  if (in) out.push_back(cur);
  return out;
}

}  // namespace chibo
