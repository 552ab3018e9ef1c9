#pragma once
// Who may see and change what. Roles are bound to an organisation node; every
// use case asks these functions before touching the store, and answers
// "not found" when the answer is none (callers must not learn what exists).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.h"

namespace chibo {

enum class UserRole {
  admin,      // quản trị: everything in the subtree, plus accounts
  committee,  // cán bộ đảng ủy: read and write the subtree
  monitor,    // cấp ủy viên phụ trách: read the cells assigned to them
  cell,       // chi ủy (bí thư, phó bí thư, chi ủy viên): write their cell
  member,     // đảng viên: own record, own cell's meetings and documents, own tasks
};

struct Grant {
  UserRole role = UserRole::member;
  Id org_id = 0;
  std::string org_path;  // path of org_id, e.g. "/1/2/"
};

// The caller of a use case, resolved from the session.
struct Principal {
  Id user_id = 0;
  std::string username;
  std::optional<Id> member_id;        // the party member this account belongs to
  std::vector<Grant> grants;
  std::vector<std::string> monitored_cell_paths;  // for monitor grants: active assignments
  std::optional<std::string> own_cell_path;       // the member's cell today
};

// Ordered: each level includes the ones before it.
enum class Access {
  none,
  basic,  // knows the node exists: its name, its meetings and documents (a member in their cell)
  read,   // everything in it, including the roster and member records
  write,  // may change it
};

// Access to an org node and what hangs off it (roster, meetings).
Access orgAccess(const Principal& p, std::string_view org_path);

// Access to one member record whose cell has path `cell_path` (empty if the
// member has no cell). A member reads their own record.
Access memberAccess(const Principal& p, std::string_view cell_path, Id member_id);

// May manage accounts and grants under `org_path`.
bool mayAdminister(const Principal& p, std::string_view org_path);

// The paths of the highest nodes the caller can see at least `basic`: the
// starting points of their tree (no two in an ancestor relation).
std::vector<std::string> visibleRoots(const Principal& p);

std::string_view toCode(UserRole);
std::optional<UserRole> userRoleFromCode(std::string_view);
std::string_view label(UserRole);

}  // namespace chibo
