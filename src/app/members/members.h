#pragma once
// Use cases on party members: the roster of a node on a date, one member's
// record with its history, and the writes that keep that history.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/orgs/orgs.h"
#include "domain/result.h"
#include "domain/roster.h"

namespace chibo {

struct CellPeriodView {
  CellPeriod period;
  std::string cell_name;
  std::optional<std::string> subgroup_name;
};

struct MemberView {
  Member member;
  Access access = Access::none;
  std::string cell_name;
  std::optional<std::string> subgroup_name;
  MemberState state;  // today
  std::vector<CellPeriodView> cell_periods;
  std::vector<StatusPeriod> status_periods;
  std::vector<RoleView> roles;
};

struct RosterLine {
  Member member;
  CellPeriod placement;
  MemberState state;
  std::optional<std::string> subgroup_name;
  std::vector<MemberRole> roles;  // active on the roster date
};

struct RosterPage {
  std::vector<RosterLine> items;
  int total = 0;
  Date at;
  RosterCounts counts;
};

struct RosterQuery {
  std::optional<Date> at;       // default: today
  std::string q;                // name filter, accent-insensitive
  bool include_left = false;    // also members no longer on the roll
  Page page;
};

// The roll of an org node (a cell, a sub-group, or all cells below a committee),
// sorted the Vietnamese way. Needs read access.
Result<RosterPage> listRoster(Store& store, const Caller& c, Id org_id, const RosterQuery& q);

Result<MemberView> getMember(Store& store, const Caller& c, Id id);

// Raw personal fields; absent = not sent, "" = clear (for optional fields).
struct MemberFields {
  std::optional<std::string> full_name, birth_date, gender, phone, card_no;
  std::optional<std::string> admission_decision_date, admission_ceremony_date, official_date, workplace;
  std::optional<bool> serving;
  std::optional<Id> cell_id, subgroup_id;
  std::optional<std::string> joined_on;
  std::optional<int> version;
};

Result<MemberView> createMember(Store& store, const Caller& c, const MemberFields& in);
Result<MemberView> updateMember(Store& store, const Caller& c, Id id, const MemberFields& in);

struct TransferFields {
  std::optional<Id> to_cell_id, to_subgroup_id;
  std::optional<std::string> date, note;
};
Result<MemberView> transferMember(Store& store, const Caller& c, Id id, const TransferFields& in);

struct StatusFields {
  std::optional<std::string> kind, from, to, note;
};
Result<MemberView> addStatus(Store& store, const Caller& c, Id member_id, const StatusFields& in);
Result<MemberView> updateStatus(Store& store, const Caller& c, Id member_id, Id status_id, const StatusFields& in);

}  // namespace chibo
