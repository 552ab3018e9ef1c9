#pragma once
// One import inside one write transaction: the org's cells, members and
// identities loaded once, then each row matched, validated and applied in
// file order, so a later row sees what an earlier one created (two rows with
// the same card number are caught as a duplicate, not as two members).
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/roster_import/roster_import.h"

namespace chibo {

class ImportSession {
 public:
  // `tx` and `table` must outlive the session.
  ImportSession(WriteTx& tx, const Caller& c, const Org& target, const import::RosterTable& table,
                const RosterImportInput& in);

  // Matches, validates and applies every data row; fills the report.
  void run(RosterImportReport& report);

  // Changes that a commit would keep: members created or changed, cells created.
  bool changedAnything() const { return changed_; }

 private:
  struct Known {
    Member member;
    std::optional<Id> cell_id;  // from the open placement
    std::optional<Id> subgroup_id;
  };
  void loadOrg();
  ImportRowReport row(const import::RawRow& r);
  const import::RawCell* cell(const import::RawRow& r, import::RosterField f) const;
  std::string header(import::RosterField f) const;
  std::optional<Org> cellFor(const std::string& name, ImportRowReport& rep);
  std::optional<Id> subgroupFor(const Org& cell, const std::string& name, ImportRowReport& rep);
  std::optional<Id> match(const import::RawRow& r, const std::string& name, const std::optional<Date>& dob,
                          const std::string& card, const std::string& citizen, ImportRowReport& rep);
  std::string describe(const Member& m) const;

  WriteTx& tx_;
  const Caller& c_;
  const Org& target_;
  const import::RosterTable& table_;
  const RosterImportInput& in_;
  std::map<import::RosterField, int> column_;  // field -> column index
  std::vector<Org> subtree_;
  std::map<std::string, Org> cells_;                 // folded name key -> cell
  std::map<std::pair<Id, std::string>, Id> subgroups_;  // (cell, folded name) -> sub-group
  std::unordered_map<Id, Known> members_;            // currently placed in the subtree
  std::multimap<std::string, Id> by_name_;           // folded name -> member ids
  std::unordered_map<Id, MemberIdentity> identities_;
  std::map<Id, int> touched_;                        // member -> first row that matched it
  std::set<std::string> missing_;                    // cell names offered for creation
  std::vector<std::string> created_cells_;
  bool changed_ = false;
  friend Result<RosterImportReport> importRoster(Store&, const Caller&, Id, const RosterImportInput&);
};

}  // namespace chibo
