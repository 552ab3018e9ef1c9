#pragma once
// The demo data set as plain values in memory, before (and after) it is
// written. Rows refer to each other by index into the world's vectors; the
// writer turns indices into store ids and records them in org_ids/member_ids,
// so later generators (meeting history) can work from the world and still
// write rows that point at the right records.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/demo/demo.h"
#include "domain/member.h"
#include "domain/org.h"

namespace chibo::demo {

using OrgIx = size_t;     // index into DemoWorld::orgs
using MemberIx = size_t;  // index into DemoWorld::members

struct DemoOrg {
  Org org;  // id, path and parent_id are set by the writer
  std::optional<OrgIx> parent;
};

struct DemoTerm {
  OrgIx org = 0;
  std::string name;  // "Nhiệm kỳ 2025–2030"
  Date start;
  std::optional<Date> end;
};

// How many members of each special kind a cell gets; everyone else is a plain
// official or probationary-then-official member.
struct StatusQuota {
  int probationary = 0;
  int exempt = 0;
  int temp_exempt = 0;
  int temp_out = 0;
  int temp_in = 0;
  int special_duty = 0;
};

struct DemoCell {
  OrgIx org = 0;
  int size = 0;               // members on the roll on `today`
  bool agency = false;        // a cell of serving members (chi bộ đương chức)
  std::string workplace;      // agency cells: where their members work
  std::vector<OrgIx> subgroups;
  StatusQuota quota;
  Date term_start;            // current term (cell congress)
  Date previous_term_start;   // the term before; it ends the day before term_start
};

struct DemoPlacement {
  OrgIx cell = 0;
  std::optional<OrgIx> subgroup;
  Date from;
  std::optional<Date> to;
  std::string note;
};

struct DemoStatus {
  StatusKind kind = StatusKind::official;
  Date from;
  std::optional<Date> to;
  std::string note;
};

struct DemoMember {
  Member member;  // id, cell_id, subgroup_id are set by the writer
  std::vector<DemoPlacement> placements;  // oldest first; the last is the current one
  std::vector<DemoStatus> statuses;
  // Set once the builder gave this member a role, an account or a special
  // status: later phases pick among the others so that, for example, no cell
  // secretary is on temporary transfer.
  bool assigned = false;
};

struct DemoRole {
  MemberIx member = 0;
  OrgIx org = 0;
  MemberRole role = MemberRole::committee_member;
  Date from;
  std::optional<Date> to;
};

struct DemoMonitor {
  MemberIx member = 0;
  OrgIx cell = 0;
  Date from;
  std::optional<Date> to;
};

struct DemoUser {
  DemoAccount account;
  std::string display_name;
  std::optional<MemberIx> member;
  OrgIx org = 0;  // where the grant is
};

struct DemoWorld {
  uint64_t seed = 0;
  Date today;

  std::vector<DemoOrg> orgs;  // parents before children
  OrgIx province = 0;
  OrgIx ward = 0;
  std::vector<DemoCell> cells;  // the 19, residential first
  Date ward_term_start;
  Date ward_previous_term_start;
  std::vector<DemoTerm> terms;

  std::vector<DemoMember> members;
  std::vector<DemoRole> roles;
  std::vector<DemoMonitor> monitors;
  std::vector<DemoUser> users;

  // Filled by writeDemoWorld: store id of orgs[i] / members[i].
  std::vector<Id> org_ids;
  std::vector<Id> member_ids;

  const DemoCell& cellByCode(std::string_view code) const {
    for (const auto& c : cells)
      if (orgs[c.org].org.code == code) return c;
    throw std::out_of_range("no demo cell with code " + std::string(code));
  }
};

// Builds the whole world in memory; no store involved.
DemoWorld buildDemoWorld(uint64_t seed, Date today);

// The builder's phases, in the order buildDemoWorld runs them.
void buildOrgs(DemoWorld& w);
void buildMembers(DemoWorld& w);
void buildRoles(DemoWorld& w);
void buildAccounts(DemoWorld& w);
void buildSpecialStatuses(DemoWorld& w);

// Members on the ward's roll on w.today by the domain rule (see demo.h), and
// how many of them serve.
struct RollCount {
  int members = 0;
  int serving = 0;
};
RollCount countRoll(const DemoWorld& w);

// Writes every row through `tx` with one audit row per org, member and account,
// and fills w.org_ids / w.member_ids. `password_hash` is used for every account.
DemoSummary writeDemoWorld(WriteTx& tx, DemoWorld& w, const std::string& password_hash);

// Writes two years of meetings for every cell (demo_meetings.cpp) after
// writeDemoWorld, using the ids it recorded. No audit rows of its own.
void writeMeetingHistory(WriteTx& tx, const DemoWorld& w);

// Writes a few candidates of the new-member pipeline at different stages
// (demo_admission.cpp), after writeDemoWorld. No audit rows of its own.
void writeAdmissionPipeline(WriteTx& tx, const DemoWorld& w);

}  // namespace chibo::demo
