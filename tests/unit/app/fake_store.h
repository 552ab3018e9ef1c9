#pragma once
// An in-memory Store for app-layer unit tests: every table is a std::vector,
// ids count from 1 per table like SQLite rowids, and orderings copy the SQLite
// store's ORDER BY clauses so tests see what the server would.
//
// Transactions: read() and write() work on a copy of the data taken when the
// transaction starts. commit() copies it back; destroying a WriteTx without
// commit() discards its changes, as the real store rolls back. Writing through
// a read transaction throws StoreError. Not thread-safe, and not meant to be.
#include <algorithm>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "store/store.h"

namespace chibo::fake {

struct Data {
  std::vector<Org> orgs;
  std::vector<CommitteeTerm> terms;
  std::vector<Member> members;
  std::vector<CellPeriod> cell_periods;
  std::vector<StatusPeriod> status_periods;
  std::vector<RolePeriod> roles;
  std::vector<MonitorAssignment> monitors;
  std::vector<User> users;
  std::vector<UserGrant> grants;
  std::vector<Session> sessions;
  std::vector<AuditEntry> audit;
};

class FakeTx : public WriteTx {
 public:
  // `target` is where commit() writes; null for a read-only transaction.
  FakeTx(Data snapshot, Data* target) : d_(std::move(snapshot)), target_(target) {}

  // --- organisation tree
  std::optional<Org> org(Id id) override { return findById(d_.orgs, id); }
  std::vector<Org> orgsByIds(const std::vector<Id>& ids) override {
    std::vector<Org> out;
    for (Id id : ids)
      if (auto o = org(id)) out.push_back(*o);
    return out;
  }
  std::vector<Org> orgChildren(Id parent_id) override {
    auto out = where(d_.orgs, [&](const Org& o) { return o.parent_id == parent_id; });
    std::sort(out.begin(), out.end(), [](const Org& a, const Org& b) {
      return std::tuple(toCode(a.kind), a.code, a.name) < std::tuple(toCode(b.kind), b.code, b.name);
    });
    return out;
  }
  std::vector<Org> orgByPath(const std::vector<std::string>& paths) override {
    std::vector<Org> out;
    for (const auto& p : paths)
      for (const auto& o : d_.orgs)
        if (o.path == p) out.push_back(o);
    return out;
  }
  std::vector<CommitteeTerm> terms(Id org_id) override {
    auto out = where(d_.terms, [&](const CommitteeTerm& t) { return t.org_id == org_id; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.start < b.start; });
    return out;
  }

  // --- members
  std::optional<Member> member(Id id) override { return findById(d_.members, id); }
  std::optional<Member> memberByCardNo(std::string_view card_no) override {
    for (const auto& m : d_.members)
      if (m.card_no == card_no) return m;
    return std::nullopt;
  }
  std::vector<CellPeriod> cellPeriods(Id member_id) override {
    return byFromThenId(where(d_.cell_periods, [&](const CellPeriod& p) { return p.member_id == member_id; }));
  }
  std::vector<StatusPeriod> statusPeriods(Id member_id) override {
    return byFromThenId(where(d_.status_periods, [&](const StatusPeriod& p) { return p.member_id == member_id; }));
  }
  std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) override {
    std::vector<RosterCandidate> out;
    for (const auto& m : d_.members) {  // members are kept in id order
      const CellPeriod* best = nullptr;
      for (const auto& p : d_.cell_periods) {
        if (p.member_id != m.id || !placeInSubtree(p, org_path)) continue;
        if (at && !covers(p, *at)) continue;
        if (!best || p.from > best->from) best = &p;  // newest placement wins
      }
      if (best) out.push_back({m, *best, statusPeriods(m.id)});
    }
    return out;
  }
  std::vector<std::pair<Id, int>> memberCountsByOrg(const std::string& org_path) override {
    std::vector<std::pair<Id, int>> out;
    for (const auto& p : d_.cell_periods) {
      if (p.to || !placeInSubtree(p, org_path)) continue;
      Id place = p.subgroup_id.value_or(p.cell_id);
      auto it = std::find_if(out.begin(), out.end(), [&](auto& e) { return e.first == place; });
      if (it == out.end()) out.emplace_back(place, 1); else ++it->second;
    }
    return out;
  }

  // --- roles and monitoring
  std::optional<RolePeriod> role(Id id) override { return findById(d_.roles, id); }
  std::vector<RolePeriod> rolesInOrg(Id org_id) override {
    return newestFirst(where(d_.roles, [&](const RolePeriod& r) { return r.org_id == org_id; }));
  }
  std::vector<RolePeriod> rolesOfMember(Id member_id) override {
    return newestFirst(where(d_.roles, [&](const RolePeriod& r) { return r.member_id == member_id; }));
  }
  std::optional<MonitorAssignment> monitorAssignment(Id id) override { return findById(d_.monitors, id); }
  std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) override {
    return newestFirst(where(d_.monitors, [&](const MonitorAssignment& a) { return a.cell_id == cell_id; }));
  }
  std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) override {
    return newestFirst(where(d_.monitors, [&](const MonitorAssignment& a) { return a.member_id == member_id; }));
  }

  // --- accounts
  std::optional<User> user(Id id) override { return findById(d_.users, id); }
  std::optional<User> userByUsername(std::string_view username) override {
    for (const auto& u : d_.users)
      if (u.username == username) return u;
    return std::nullopt;
  }
  std::vector<UserGrant> grantsOf(Id user_id) override {
    return where(d_.grants, [&](const UserGrant& g) { return g.user_id == user_id; });
  }
  std::optional<Session> session(std::string_view token_hash) override {
    for (const auto& s : d_.sessions)
      if (s.token_hash == token_hash) return s;
    return std::nullopt;
  }

  // --- audit
  std::vector<AuditEntry> audit(const AuditQuery& q) override {
    auto rows = auditMatching(q);
    std::reverse(rows.begin(), rows.end());  // newest first
    size_t from = std::min(rows.size(), static_cast<size_t>(std::max(q.offset, 0)));
    size_t to = std::min(rows.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
    return {rows.begin() + static_cast<std::ptrdiff_t>(from), rows.begin() + static_cast<std::ptrdiff_t>(to)};
  }
  int64_t auditCount(const AuditQuery& q) override { return static_cast<int64_t>(auditMatching(q).size()); }

  // --- writes
  Id insertOrg(Org& o) override {
    writable();
    std::string parent_path = "/";
    if (o.parent_id) {
      auto p = org(*o.parent_id);
      if (!p) throw StoreError("insertOrg: parent does not exist");
      parent_path = p->path;
    }
    o.id = nextId(d_.orgs);
    o.path = parent_path + std::to_string(o.id) + "/";
    d_.orgs.push_back(o);
    return o.id;
  }
  void updateOrg(const Org& o) override { replace(d_.orgs, o); }
  Id insertTerm(const CommitteeTerm& t) override { return insert(d_.terms, t); }
  Id insertMember(const Member& m) override {
    if (!m.card_no.empty() && memberByCardNo(m.card_no)) throw StoreError("UNIQUE constraint failed: members.card_no");
    return insert(d_.members, m);
  }
  void updateMember(const Member& m) override { replace(d_.members, m); }
  Id insertCellPeriod(const CellPeriod& p) override { return insert(d_.cell_periods, p); }
  void updateCellPeriod(const CellPeriod& p) override { replace(d_.cell_periods, p); }
  Id insertStatusPeriod(const StatusPeriod& p) override { return insert(d_.status_periods, p); }
  void updateStatusPeriod(const StatusPeriod& p) override { replace(d_.status_periods, p); }
  Id insertRole(const RolePeriod& r) override { return insert(d_.roles, r); }
  void updateRole(const RolePeriod& r) override { replace(d_.roles, r); }
  Id insertMonitor(const MonitorAssignment& a) override { return insert(d_.monitors, a); }
  void updateMonitor(const MonitorAssignment& a) override { replace(d_.monitors, a); }
  Id insertUser(const User& u) override {
    if (userByUsername(u.username)) throw StoreError("UNIQUE constraint failed: users.username");
    return insert(d_.users, u);
  }
  void updateUser(const User& u) override { replace(d_.users, u); }
  Id insertGrant(const UserGrant& g) override { return insert(d_.grants, g); }
  void insertSession(const Session& s) override {
    writable();
    d_.sessions.push_back(s);
  }
  void deleteSession(std::string_view token_hash) override {
    writable();
    std::erase_if(d_.sessions, [&](const Session& s) { return s.token_hash == token_hash; });
  }
  void deleteExpiredSessions(DateTime now) override {
    writable();
    std::erase_if(d_.sessions, [&](const Session& s) { return s.expires <= now; });
  }
  Id appendAudit(const AuditEntry& e) override { return insert(d_.audit, e); }

  void commit() override {
    writable();
    *target_ = d_;
    target_ = nullptr;  // a committed transaction is finished
  }

  const Data& data() const { return d_; }

 private:
  void writable() const {
    if (!target_) throw StoreError("write on a read-only or finished transaction");
  }
  template <typename T>
  static std::optional<T> findById(const std::vector<T>& rows, Id id) {
    for (const auto& r : rows)
      if (r.id == id) return r;
    return std::nullopt;
  }
  template <typename T, typename F>
  static std::vector<T> where(const std::vector<T>& rows, F pred) {
    std::vector<T> out;
    for (const auto& r : rows)
      if (pred(r)) out.push_back(r);
    return out;
  }
  template <typename T>
  static std::vector<T> byFromThenId(std::vector<T> v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return std::tie(a.from, a.id) < std::tie(b.from, b.id); });
    return v;
  }
  template <typename T>
  static std::vector<T> newestFirst(std::vector<T> v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return std::tie(a.from, a.id) > std::tie(b.from, b.id); });
    return v;
  }
  template <typename T>
  static Id nextId(const std::vector<T>& rows) {
    return rows.empty() ? 1 : rows.back().id + 1;
  }
  template <typename T>
  Id insert(std::vector<T>& rows, T row) {
    writable();
    row.id = nextId(rows);
    rows.push_back(row);
    return row.id;
  }
  template <typename T>
  void replace(std::vector<T>& rows, const T& row) {
    writable();
    for (auto& r : rows)
      if (r.id == row.id) {
        r = row;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  // The SQLite store files a period under its sub-group when it has one, else its cell.
  bool placeInSubtree(const CellPeriod& p, const std::string& root_path) {
    auto place = org(p.subgroup_id.value_or(p.cell_id));
    return place && inSubtree(place->path, root_path);
  }
  std::vector<AuditEntry> auditMatching(const AuditQuery& q) const {
    return where(d_.audit, [&](const AuditEntry& e) {
      return inSubtree(e.org_path, q.org_path) && (!q.target_type || e.target_type == *q.target_type) &&
             (!q.target_id || e.target_id == *q.target_id);
    });
  }

  Data d_;
  Data* target_;
};

class FakeStore : public Store {
 public:
  std::unique_ptr<ReadTx> read() override { return std::make_unique<FakeTx>(data_, nullptr); }
  std::unique_ptr<WriteTx> write() override { return std::make_unique<FakeTx>(data_, &data_); }
  // What has been committed so far.
  const Data& data() const { return data_; }

 private:
  Data data_;
};

}  // namespace chibo::fake
