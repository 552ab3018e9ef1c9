#pragma once
// The Store: every read and write of chibo's records goes through a
// transaction object obtained here.
//
// Contract:
//  - read() gives a consistent snapshot for the life of the ReadTx.
//  - write() serialises writers (one at a time, the SQLite single-writer rule
//    made explicit); changes become durable only when commit() returns.
//    Destroying a WriteTx without commit() rolls everything back, so a use
//    case that returns an error early writes nothing.
//  - Methods throw StoreError only for failures of the database itself (I/O,
//    corruption, a broken invariant); rule violations are checked by use
//    cases before they write.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/member.h"
#include "domain/org.h"

namespace chibo {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A member with one placement and all their status periods: what the roster
// computation needs.
struct RosterCandidate {
  Member member;
  CellPeriod placement;
  std::vector<StatusPeriod> statuses;
};

struct AuditQuery {
  std::string org_path;  // rows whose org lies in this subtree
  std::optional<std::string> target_type;
  std::optional<Id> target_id;
  int limit = 50;
  int offset = 0;
};

class ReadTx {
 public:
  virtual ~ReadTx() = default;

  // --- organisation tree
  virtual std::optional<Org> org(Id id) = 0;
  virtual std::vector<Org> orgsByIds(const std::vector<Id>& ids) = 0;
  virtual std::vector<Org> orgChildren(Id parent_id) = 0;
  virtual std::vector<Org> orgByPath(const std::vector<std::string>& paths) = 0;
  virtual std::vector<CommitteeTerm> terms(Id org_id) = 0;

  // --- members
  virtual std::optional<Member> member(Id id) = 0;
  virtual std::optional<Member> memberByCardNo(std::string_view card_no) = 0;
  virtual std::vector<CellPeriod> cellPeriods(Id member_id) = 0;
  virtual std::vector<StatusPeriod> statusPeriods(Id member_id) = 0;
  // Members with a cell period in the subtree of `org_path` that covers `at`
  // (or any period at all when `at` is none), each with all their statuses.
  virtual std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) = 0;
  // Members currently placed (open cell period) in the subtree, per org id.
  virtual std::vector<std::pair<Id, int>> memberCountsByOrg(const std::string& org_path) = 0;

  // --- roles and monitoring
  virtual std::optional<RolePeriod> role(Id id) = 0;
  virtual std::vector<RolePeriod> rolesInOrg(Id org_id) = 0;       // all, newest first
  virtual std::vector<RolePeriod> rolesOfMember(Id member_id) = 0;
  virtual std::optional<MonitorAssignment> monitorAssignment(Id id) = 0;
  virtual std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) = 0;
  virtual std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) = 0;

  // --- accounts
  virtual std::optional<User> user(Id id) = 0;
  virtual std::optional<User> userByUsername(std::string_view username) = 0;
  virtual std::vector<UserGrant> grantsOf(Id user_id) = 0;
  virtual std::optional<Session> session(std::string_view token_hash) = 0;

  // --- audit
  virtual std::vector<AuditEntry> audit(const AuditQuery& q) = 0;
  virtual int64_t auditCount(const AuditQuery& q) = 0;
};

class WriteTx : public ReadTx {
 public:
  // Assigns id and path (parent's path + id + "/").
  virtual Id insertOrg(Org& org) = 0;
  virtual void updateOrg(const Org& org) = 0;  // bumps nothing: caller sets version
  virtual Id insertTerm(const CommitteeTerm& t) = 0;

  virtual Id insertMember(const Member& m) = 0;
  virtual void updateMember(const Member& m) = 0;
  virtual Id insertCellPeriod(const CellPeriod& p) = 0;
  virtual void updateCellPeriod(const CellPeriod& p) = 0;
  virtual Id insertStatusPeriod(const StatusPeriod& p) = 0;
  virtual void updateStatusPeriod(const StatusPeriod& p) = 0;

  virtual Id insertRole(const RolePeriod& r) = 0;
  virtual void updateRole(const RolePeriod& r) = 0;
  virtual Id insertMonitor(const MonitorAssignment& a) = 0;
  virtual void updateMonitor(const MonitorAssignment& a) = 0;

  virtual Id insertUser(const User& u) = 0;
  virtual void updateUser(const User& u) = 0;
  virtual Id insertGrant(const UserGrant& g) = 0;
  virtual void insertSession(const Session& s) = 0;
  virtual void deleteSession(std::string_view token_hash) = 0;
  virtual void deleteExpiredSessions(DateTime now) = 0;

  virtual Id appendAudit(const AuditEntry& e) = 0;

  virtual void commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<ReadTx> read() = 0;
  virtual std::unique_ptr<WriteTx> write() = 0;
};

struct SqliteOptions {
  std::string path;
  bool create = false;      // create the file if missing (demo, tests); serve refuses a missing file
  int read_connections = 4;
};

// Opens (and migrates) an SQLite database in WAL mode with synchronous=FULL.
// Throws StoreError with a readable message when the file cannot be opened.
std::unique_ptr<Store> openSqliteStore(const SqliteOptions& opts);

}  // namespace chibo
