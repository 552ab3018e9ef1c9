#include "domain/scope.h"

#include <algorithm>

#include "domain/org.h"

namespace chibo {

Access orgAccess(const Principal& p, std::string_view path) {
  Access best = Access::none;
  auto raise = [&](Access a) { best = std::max(best, a); };
  for (const auto& g : p.grants) {
    switch (g.role) {
      case UserRole::admin:
      case UserRole::committee:
      case UserRole::cell:
        if (inSubtree(path, g.org_path)) raise(Access::write);
        break;
      case UserRole::monitor:
        for (const auto& c : p.monitored_cell_paths)
          if (inSubtree(path, c)) raise(Access::read);
        break;
      case UserRole::member:
        if (p.own_cell_path && path == *p.own_cell_path) raise(Access::basic);
        break;
    }
  }
  return best;
}

Access memberAccess(const Principal& p, std::string_view cell_path, Id member_id) {
  Access a = cell_path.empty() ? Access::none : orgAccess(p, cell_path);
  if (a == Access::basic) a = Access::none;  // seeing a cell is not seeing its members
  if (p.member_id && *p.member_id == member_id) a = std::max(a, Access::read);
  return a;
}

bool mayAdminister(const Principal& p, std::string_view org_path) {
  for (const auto& g : p.grants)
    if (g.role == UserRole::admin && inSubtree(org_path, g.org_path)) return true;
  return false;
}

std::vector<std::string> visibleRoots(const Principal& p) {
  std::vector<std::string> all;
  for (const auto& g : p.grants) {
    if (g.role == UserRole::monitor) {
      all.insert(all.end(), p.monitored_cell_paths.begin(), p.monitored_cell_paths.end());
    } else if (g.role == UserRole::member) {
      if (p.own_cell_path) all.push_back(*p.own_cell_path);
    } else {
      all.push_back(g.org_path);
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<std::string> roots;
  for (const auto& x : all) {
    bool covered = std::any_of(all.begin(), all.end(), [&](const std::string& y) {
      return y != x && inSubtree(x, y);
    });
    if (!covered) roots.push_back(x);
  }
  return roots;
}

std::string_view toCode(UserRole r) {
  switch (r) {
    case UserRole::admin: return "admin";
    case UserRole::committee: return "committee";
    case UserRole::monitor: return "monitor";
    case UserRole::cell: return "cell";
    case UserRole::member: return "member";
  }
  return "";
}
std::optional<UserRole> userRoleFromCode(std::string_view c) {
  for (auto r : {UserRole::admin, UserRole::committee, UserRole::monitor, UserRole::cell, UserRole::member})
    if (toCode(r) == c) return r;
  return std::nullopt;
}
std::string_view label(UserRole r) {
  switch (r) {
    case UserRole::admin: return "Quản trị hệ thống";
    case UserRole::committee: return "Cán bộ đảng ủy";
    case UserRole::monitor: return "Cấp ủy viên phụ trách";
    case UserRole::cell: return "Chi ủy";
    case UserRole::member: return "Đảng viên";
  }
  return "";
}

}  // namespace chibo
