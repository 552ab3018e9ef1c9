#pragma once
// The organisation tree: committees (đảng ủy/đảng bộ at any level), cells
// (chi bộ) and sub-groups (tổ đảng). Depth is data: a tree with or without a
// district level is the same code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

enum class OrgKind { committee, cell, subgroup };

// The level of a committee node; cells and sub-groups carry `none`.
enum class OrgLevel { none, central, province, district, ward, grassroots };

// What kind of unit a cell serves; HD 42 §4 sets different content per type.
enum class CellType { none, residential, administrative, public_service, enterprise, armed_forces, other };

struct Org {
  Id id = 0;
  std::optional<Id> parent_id;
  std::string path;  // "/1/5/23/": ancestors then self; scope checks are prefix tests
  std::string name;
  std::string code;  // short local code, e.g. "KP1"
  OrgKind kind = OrgKind::cell;
  OrgLevel level = OrgLevel::none;
  CellType cell_type = CellType::none;
  bool grassroots = false;  // chi bộ cơ sở (true) or chi bộ trực thuộc (false)
  std::string address;
  bool archived = false;
  int version = 1;  // optimistic concurrency for PATCH
};

// A committee term (nhiệm kỳ); document numbers restart in each term (HD 36-HD/VPTW).
struct CommitteeTerm {
  Id id = 0;
  Id org_id = 0;
  std::string name;  // "Nhiệm kỳ 2025–2030"
  Date start;
  std::optional<Date> end;
};

std::string_view toCode(OrgKind);
std::string_view toCode(OrgLevel);
std::string_view toCode(CellType);
std::optional<OrgKind> orgKindFromCode(std::string_view);
std::optional<OrgLevel> orgLevelFromCode(std::string_view);
std::optional<CellType> cellTypeFromCode(std::string_view);
std::string_view label(OrgKind);    // Vietnamese: "Đảng ủy", "Chi bộ", "Tổ đảng"
std::string_view label(CellType);   // Vietnamese: "Khu phố, tổ dân phố, thôn", ...

// Which child kinds a parent kind may hold: committee -> committee|cell, cell -> subgroup.
bool mayContain(OrgKind parent, OrgKind child);

// True when `path` lies in the subtree rooted at `root_path` (itself included).
inline bool inSubtree(std::string_view path, std::string_view root_path) {
  return path.substr(0, root_path.size()) == root_path;
}
// Ids along a path, root first: "/1/5/23/" -> {1,5,23}.
std::vector<Id> pathIds(std::string_view path);

}  // namespace chibo
