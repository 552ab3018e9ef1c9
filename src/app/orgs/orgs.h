#pragma once
// Use cases on the organisation tree. Each checks the caller's scope first and
// answers not_found for anything the caller may not know exists.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/result.h"

namespace chibo {

struct RoleView {
  RolePeriod role;
  std::string full_name;
  std::string org_name;
};

struct MonitorView {
  MonitorAssignment assignment;
  std::string full_name;
};

struct OrgChild {
  Org org;
  int member_count = 0;
  int child_count = 0;  // lets a tree view know whether there is anything to open
};

struct OrgView {
  Org org;
  Access access = Access::none;
  std::vector<Org> ancestors;  // root first, only those the caller can see
  std::vector<OrgChild> children;
  int member_count = 0;        // placed in this node's subtree today
  std::vector<CommitteeTerm> terms;
  std::vector<MonitorView> monitors;  // active today
  std::vector<RoleView> roles;        // active today
};

Result<OrgView> getOrg(Store& store, const Caller& c, Id id);

// The highest nodes the caller can see.
Result<std::vector<Org>> listRootOrgs(Store& store, const Caller& c);

// Raw input of a create or update; absent fields are not sent.
struct OrgFields {
  std::optional<Id> parent_id;
  std::optional<std::string> name, code, kind, level, cell_type, address;
  std::optional<bool> grassroots, archived;
  std::optional<int> version;
};

Result<OrgView> createOrg(Store& store, const Caller& c, const OrgFields& in);
Result<OrgView> updateOrg(Store& store, const Caller& c, Id id, const OrgFields& in);

struct TermFields {
  std::optional<std::string> name, start, end;
};
Result<CommitteeTerm> addTerm(Store& store, const Caller& c, Id org_id, const TermFields& in);

}  // namespace chibo
