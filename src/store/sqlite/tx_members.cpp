// Members, their cell periods, status periods, roles and monitor assignments.
#include <unordered_map>

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
constexpr const char* kMemberCols =
    "m.id, m.full_name, m.birth_day, m.gender, m.phone, m.card_no, m.admission_decision_day, "
    "m.admission_ceremony_day, m.official_day, m.workplace, m.serving, m.cell_id, m.subgroup_id, m.version";

Member readMember(const Stmt& s, int o = 0) {
  Member m;
  m.id = s.i64(o + 0);
  m.full_name = s.text(o + 1);
  m.birth_date = s.optDate(o + 2);
  m.gender = genderFromCode(s.text(o + 3)).value_or(Gender::other);
  m.phone = s.text(o + 4);
  m.card_no = s.text(o + 5);
  m.admission_decision_date = s.optDate(o + 6);
  m.admission_ceremony_date = s.optDate(o + 7);
  m.official_date = s.optDate(o + 8);
  m.workplace = s.text(o + 9);
  m.serving = s.boolean(o + 10);
  m.cell_id = s.optI64(o + 11);
  m.subgroup_id = s.optI64(o + 12);
  m.version = s.i32(o + 13);
  return m;
}
CellPeriod readCellPeriod(const Stmt& s, int o = 0) {
  CellPeriod p;
  p.id = s.i64(o + 0);
  p.member_id = s.i64(o + 1);
  p.cell_id = s.i64(o + 2);
  p.subgroup_id = s.optI64(o + 3);
  p.from = s.date(o + 4);
  p.to = s.optDate(o + 5);
  p.note = s.text(o + 6);
  return p;
}
StatusPeriod readStatus(const Stmt& s) {
  StatusPeriod p;
  p.id = s.i64(0);
  p.member_id = s.i64(1);
  p.kind = statusKindFromCode(s.text(2)).value_or(StatusKind::official);
  p.from = s.date(3);
  p.to = s.optDate(4);
  p.note = s.text(5);
  return p;
}
RolePeriod readRole(const Stmt& s) {
  RolePeriod r;
  r.id = s.i64(0);
  r.member_id = s.i64(1);
  r.org_id = s.i64(2);
  r.role = memberRoleFromCode(s.text(3)).value_or(MemberRole::committee_member);
  r.from = s.date(4);
  r.to = s.optDate(5);
  return r;
}
MonitorAssignment readMonitor(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.i64(2), s.date(3), s.optDate(4)};
}
}  // namespace

std::optional<Member> SqliteTx::member(Id id) {
  static const std::string sql = std::string("SELECT ") + kMemberCols + " FROM members m WHERE m.id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readMember(st);
}

std::optional<Member> SqliteTx::memberByCardNo(std::string_view card_no) {
  static const std::string sql = std::string("SELECT ") + kMemberCols + " FROM members m WHERE m.card_no = ?1 AND m.card_no <> ''";  // the partial index members_card_no serves only this form
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, card_no);
  if (!st.step()) return std::nullopt;
  return readMember(st);
}

std::vector<CellPeriod> SqliteTx::cellPeriods(Id member_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, cell_id, subgroup_id, from_day, to_day, note FROM cell_periods "
      "WHERE member_id = ?1 ORDER BY from_day, id");
  st.bind(1, member_id);
  std::vector<CellPeriod> out;
  while (st.step()) out.push_back(readCellPeriod(st));
  return out;
}

std::vector<StatusPeriod> SqliteTx::statusPeriods(Id member_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, kind, from_day, to_day, note FROM status_periods WHERE member_id = ?1 "
      "ORDER BY from_day, id");
  st.bind(1, member_id);
  std::vector<StatusPeriod> out;
  while (st.step()) out.push_back(readStatus(st));
  return out;
}

std::vector<RosterCandidate> SqliteTx::rosterCandidates(const std::string& path, std::optional<Date> at) {
  static const std::string sql = std::string("SELECT ") + kMemberCols +
                                 ", cp.id, cp.member_id, cp.cell_id, cp.subgroup_id, cp.from_day, cp.to_day, cp.note"
                                 " FROM orgs o JOIN cell_periods cp ON cp.place_id = o.id"
                                 " JOIN members m ON m.id = cp.member_id"
                                 " WHERE o.path >= ?1 AND o.path < ?2"
                                 " AND (?3 IS NULL OR (cp.from_day <= ?3 AND (cp.to_day IS NULL OR cp.to_day >= ?3)))"
                                 " ORDER BY m.id, cp.from_day DESC";
  std::vector<RosterCandidate> out;
  std::unordered_map<Id, size_t> index;
  {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, path).bind(2, pathUpperBound(path));
    if (at) st.bind(3, *at); else st.bindNull(3);
    while (st.step()) {
      Id mid = st.i64(0);
      if (index.count(mid)) continue;  // newest placement wins when several match
      index[mid] = out.size();
      out.push_back({readMember(st), readCellPeriod(st, 14), {}});
    }
  }
  if (out.empty()) return out;
  static const std::string ssql =
      "SELECT sp.id, sp.member_id, sp.kind, sp.from_day, sp.to_day, sp.note"
      " FROM orgs o JOIN cell_periods cp ON cp.place_id = o.id"
      " JOIN status_periods sp ON sp.member_id = cp.member_id"
      " WHERE o.path >= ?1 AND o.path < ?2"
      " AND (?3 IS NULL OR (cp.from_day <= ?3 AND (cp.to_day IS NULL OR cp.to_day >= ?3)))"
      " ORDER BY sp.from_day, sp.id";
  auto st = conn_.prepare(ssql.c_str());
  st.bind(1, path).bind(2, pathUpperBound(path));
  if (at) st.bind(3, *at); else st.bindNull(3);
  std::unordered_map<Id, bool> seen;  // a member with two matching periods would repeat statuses
  while (st.step()) {
    auto sp = readStatus(st);
    auto it = index.find(sp.member_id);
    if (it == index.end()) continue;
    if (seen.emplace(sp.id, true).second) out[it->second].statuses.push_back(sp);
  }
  return out;
}

std::vector<std::pair<std::string, int>> SqliteTx::memberCountsByPlace(const std::string& path) {
  // The orgs of the subtree in path order, each one's open periods counted in the partial index
  // cell_periods_open without touching the table (the count was 68 % of a ward's org detail,
  // bench/README.md profile 2, when each period's row was read to test to_day). CROSS JOIN
  // keeps orgs outside: without statistics the planner otherwise scans every open period in
  // the file and looks each place up.
  auto st = conn_.prepare(
      "SELECT o.path, COUNT(*) FROM orgs o CROSS JOIN cell_periods cp ON cp.place_id = o.id AND cp.to_day IS NULL"
      " WHERE o.path >= ?1 AND o.path < ?2 GROUP BY o.path");
  st.bind(1, path).bind(2, pathUpperBound(path));
  std::vector<std::pair<std::string, int>> out;
  while (st.step()) out.emplace_back(st.text(0), st.i32(1));
  return out;
}

std::optional<RolePeriod> SqliteTx::role(Id id) {
  auto st = conn_.prepare("SELECT id, member_id, org_id, role, from_day, to_day FROM role_periods WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readRole(st);
}
std::vector<RolePeriod> SqliteTx::rolesInOrg(Id org_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, org_id, role, from_day, to_day FROM role_periods WHERE org_id = ?1 "
      "ORDER BY from_day DESC, id DESC");
  st.bind(1, org_id);
  std::vector<RolePeriod> out;
  while (st.step()) out.push_back(readRole(st));
  return out;
}
std::vector<RolePeriod> SqliteTx::rolesOfMember(Id member_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, org_id, role, from_day, to_day FROM role_periods WHERE member_id = ?1 "
      "ORDER BY from_day DESC, id DESC");
  st.bind(1, member_id);
  std::vector<RolePeriod> out;
  while (st.step()) out.push_back(readRole(st));
  return out;
}

std::optional<MonitorAssignment> SqliteTx::monitorAssignment(Id id) {
  auto st = conn_.prepare("SELECT id, member_id, cell_id, from_day, to_day FROM monitor_assignments WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readMonitor(st);
}
std::vector<MonitorAssignment> SqliteTx::monitorsOfCell(Id cell_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, cell_id, from_day, to_day FROM monitor_assignments WHERE cell_id = ?1 "
      "ORDER BY from_day DESC, id DESC");
  st.bind(1, cell_id);
  std::vector<MonitorAssignment> out;
  while (st.step()) out.push_back(readMonitor(st));
  return out;
}
std::vector<MonitorAssignment> SqliteTx::assignmentsOfMember(Id member_id) {
  auto st = conn_.prepare(
      "SELECT id, member_id, cell_id, from_day, to_day FROM monitor_assignments WHERE member_id = ?1 "
      "ORDER BY from_day DESC, id DESC");
  st.bind(1, member_id);
  std::vector<MonitorAssignment> out;
  while (st.step()) out.push_back(readMonitor(st));
  return out;
}

Id SqliteTx::insertMember(const Member& m) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO members (full_name, birth_day, gender, phone, card_no, admission_decision_day, "
      "admission_ceremony_day, official_day, workplace, serving, cell_id, subgroup_id, version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  st.bind(1, m.full_name).bind(2, m.birth_date).bind(3, toCode(m.gender)).bind(4, m.phone).bind(5, m.card_no);
  st.bind(6, m.admission_decision_date).bind(7, m.admission_ceremony_date).bind(8, m.official_date);
  st.bind(9, m.workplace).bind(10, m.serving).bind(11, m.cell_id).bind(12, m.subgroup_id).bind(13, m.version);
  st.run();
  return conn_.lastInsertId();
}

void SqliteTx::updateMember(const Member& m) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE members SET full_name = ?1, birth_day = ?2, gender = ?3, phone = ?4, card_no = ?5, "
      "admission_decision_day = ?6, admission_ceremony_day = ?7, official_day = ?8, workplace = ?9, serving = ?10, "
      "cell_id = ?11, subgroup_id = ?12, version = ?13 WHERE id = ?14");
  st.bind(1, m.full_name).bind(2, m.birth_date).bind(3, toCode(m.gender)).bind(4, m.phone).bind(5, m.card_no);
  st.bind(6, m.admission_decision_date).bind(7, m.admission_ceremony_date).bind(8, m.official_date);
  st.bind(9, m.workplace).bind(10, m.serving).bind(11, m.cell_id).bind(12, m.subgroup_id).bind(13, m.version);
  st.bind(14, m.id).run();
}

Id SqliteTx::insertCellPeriod(const CellPeriod& p) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO cell_periods (member_id, cell_id, subgroup_id, place_id, from_day, to_day, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, p.member_id).bind(2, p.cell_id).bind(3, p.subgroup_id).bind(4, p.subgroup_id.value_or(p.cell_id));
  st.bind(5, p.from).bind(6, p.to).bind(7, p.note).run();
  return conn_.lastInsertId();
}

void SqliteTx::updateCellPeriod(const CellPeriod& p) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE cell_periods SET cell_id = ?1, subgroup_id = ?2, place_id = ?3, from_day = ?4, to_day = ?5, "
      "note = ?6 WHERE id = ?7");
  st.bind(1, p.cell_id).bind(2, p.subgroup_id).bind(3, p.subgroup_id.value_or(p.cell_id)).bind(4, p.from);
  st.bind(5, p.to).bind(6, p.note).bind(7, p.id).run();
}

Id SqliteTx::insertStatusPeriod(const StatusPeriod& p) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO status_periods (member_id, kind, from_day, to_day, note) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, p.member_id).bind(2, toCode(p.kind)).bind(3, p.from).bind(4, p.to).bind(5, p.note).run();
  return conn_.lastInsertId();
}

void SqliteTx::updateStatusPeriod(const StatusPeriod& p) {
  requireWritable();
  auto st = conn_.prepare("UPDATE status_periods SET kind = ?1, from_day = ?2, to_day = ?3, note = ?4 WHERE id = ?5");
  st.bind(1, toCode(p.kind)).bind(2, p.from).bind(3, p.to).bind(4, p.note).bind(5, p.id).run();
}

Id SqliteTx::insertRole(const RolePeriod& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO role_periods (member_id, org_id, role, from_day, to_day) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, r.member_id).bind(2, r.org_id).bind(3, toCode(r.role)).bind(4, r.from).bind(5, r.to).run();
  return conn_.lastInsertId();
}
void SqliteTx::updateRole(const RolePeriod& r) {
  requireWritable();
  auto st = conn_.prepare("UPDATE role_periods SET from_day = ?1, to_day = ?2 WHERE id = ?3");
  st.bind(1, r.from).bind(2, r.to).bind(3, r.id).run();
}
Id SqliteTx::insertMonitor(const MonitorAssignment& a) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO monitor_assignments (member_id, cell_id, from_day, to_day) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, a.member_id).bind(2, a.cell_id).bind(3, a.from).bind(4, a.to).run();
  return conn_.lastInsertId();
}
void SqliteTx::updateMonitor(const MonitorAssignment& a) {
  requireWritable();
  auto st = conn_.prepare("UPDATE monitor_assignments SET from_day = ?1, to_day = ?2 WHERE id = ?3");
  st.bind(1, a.from).bind(2, a.to).bind(3, a.id).run();
}

}  // namespace chibo::sqlite
