#pragma once
// One transaction on one SQLite connection. Implements every Store method;
// a read-only transaction refuses writes. Method bodies are split by concept
// across tx_*.cpp.
#include <functional>
#include <mutex>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace chibo::sqlite {

class SqliteTx final : public WriteTx {
 public:
  // Begins a transaction on `conn`. `release` runs when the tx ends (returns
  // the connection to its pool or unlocks the writer).
  SqliteTx(Conn& conn, bool writable, std::function<void()> release);
  ~SqliteTx() override;

  std::optional<Org> org(Id id) override;
  std::vector<Org> orgsByIds(const std::vector<Id>& ids) override;
  std::vector<Org> orgChildren(Id parent_id) override;
  std::vector<Org> orgByPath(const std::vector<std::string>& paths) override;
  std::vector<CommitteeTerm> terms(Id org_id) override;

  std::optional<Member> member(Id id) override;
  std::optional<Member> memberByCardNo(std::string_view card_no) override;
  std::vector<CellPeriod> cellPeriods(Id member_id) override;
  std::vector<StatusPeriod> statusPeriods(Id member_id) override;
  std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) override;
  std::vector<std::pair<Id, int>> memberCountsByOrg(const std::string& org_path) override;

  std::optional<RolePeriod> role(Id id) override;
  std::vector<RolePeriod> rolesInOrg(Id org_id) override;
  std::vector<RolePeriod> rolesOfMember(Id member_id) override;
  std::optional<MonitorAssignment> monitorAssignment(Id id) override;
  std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) override;
  std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) override;

  std::optional<User> user(Id id) override;
  std::optional<User> userByUsername(std::string_view username) override;
  std::vector<UserGrant> grantsOf(Id user_id) override;
  std::optional<Session> session(std::string_view token_hash) override;

  std::vector<AuditEntry> audit(const AuditQuery& q) override;
  int64_t auditCount(const AuditQuery& q) override;

  Id insertOrg(Org& org) override;
  void updateOrg(const Org& org) override;
  Id insertTerm(const CommitteeTerm& t) override;
  Id insertMember(const Member& m) override;
  void updateMember(const Member& m) override;
  Id insertCellPeriod(const CellPeriod& p) override;
  void updateCellPeriod(const CellPeriod& p) override;
  Id insertStatusPeriod(const StatusPeriod& p) override;
  void updateStatusPeriod(const StatusPeriod& p) override;
  Id insertRole(const RolePeriod& r) override;
  void updateRole(const RolePeriod& r) override;
  Id insertMonitor(const MonitorAssignment& a) override;
  void updateMonitor(const MonitorAssignment& a) override;
  Id insertUser(const User& u) override;
  void updateUser(const User& u) override;
  Id insertGrant(const UserGrant& g) override;
  void insertSession(const Session& s) override;
  void deleteSession(std::string_view token_hash) override;
  void deleteExpiredSessions(DateTime now) override;
  Id appendAudit(const AuditEntry& e) override;
  void commit() override;

  Conn& conn() { return conn_; }

 private:
  void requireWritable() const;
  Conn& conn_;
  bool writable_;
  bool done_ = false;
  std::function<void()> release_;
};

// Upper bound for a path-prefix range scan: "/1/2/" -> "/1/20" (next byte after '/').
inline std::string pathUpperBound(const std::string& p) {
  std::string u = p;
  if (!u.empty()) u.back() = char(u.back() + 1);
  return u;
}

}  // namespace chibo::sqlite
