// Organisation tree and committee terms.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
constexpr const char* kOrgCols =
    "id, parent_id, path, name, code, kind, level, cell_type, grassroots, address, archived, version";

Org readOrg(const Stmt& s) {
  Org o;
  o.id = s.i64(0);
  if (!s.isNull(1)) o.parent_id = s.i64(1);
  o.path = s.text(2);
  o.name = s.text(3);
  o.code = s.text(4);
  o.kind = orgKindFromCode(s.text(5)).value_or(OrgKind::cell);
  o.level = orgLevelFromCode(s.text(6)).value_or(OrgLevel::none);
  o.cell_type = cellTypeFromCode(s.text(7)).value_or(CellType::none);
  o.grassroots = s.boolean(8);
  o.address = s.text(9);
  o.archived = s.boolean(10);
  o.version = s.i32(11);
  return o;
}
}  // namespace

std::optional<Org> SqliteTx::org(Id id) {
  static const std::string sql = std::string("SELECT ") + kOrgCols + " FROM orgs WHERE id = ?1";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readOrg(st);
}

std::vector<Org> SqliteTx::orgsByIds(const std::vector<Id>& ids) {
  std::vector<Org> out;
  for (Id id : ids)
    if (auto o = org(id)) out.push_back(std::move(*o));
  return out;
}

std::vector<Org> SqliteTx::orgChildren(Id parent_id) {
  static const std::string sql =
      std::string("SELECT ") + kOrgCols + " FROM orgs WHERE parent_id = ?1 ORDER BY kind, code, name";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, parent_id);
  std::vector<Org> out;
  while (st.step()) out.push_back(readOrg(st));
  return out;
}

std::vector<std::pair<Id, int>> SqliteTx::grandchildCounts(Id parent_id) {
  auto st = conn_.prepare(
      "SELECT g.parent_id, COUNT(*) FROM orgs c JOIN orgs g ON g.parent_id = c.id WHERE c.parent_id = ?1"
      " GROUP BY g.parent_id");
  st.bind(1, parent_id);
  std::vector<std::pair<Id, int>> out;
  while (st.step()) out.emplace_back(st.i64(0), st.i32(1));
  return out;
}

std::vector<Org> SqliteTx::orgByPath(const std::vector<std::string>& paths) {
  static const std::string sql = std::string("SELECT ") + kOrgCols + " FROM orgs WHERE path = ?1";
  std::vector<Org> out;
  for (const auto& p : paths) {
    auto st = conn_.prepare(sql.c_str());
    st.bind(1, p);
    if (st.step()) out.push_back(readOrg(st));
  }
  return out;
}

std::vector<CommitteeTerm> SqliteTx::terms(Id org_id) {
  auto st = conn_.prepare(
      "SELECT id, org_id, name, start_day, end_day FROM committee_terms WHERE org_id = ?1 ORDER BY start_day");
  st.bind(1, org_id);
  std::vector<CommitteeTerm> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1), st.text(2), st.date(3), st.optDate(4)});
  return out;
}

Id SqliteTx::insertOrg(Org& o) {
  requireWritable();
  std::string parent_path = "/";
  if (o.parent_id) {
    auto p = org(*o.parent_id);
    if (!p) throw StoreError("insertOrg: parent does not exist");
    parent_path = p->path;
  }
  // The path needs the id: insert with a unique placeholder, then set it.
  auto st = conn_.prepare(
      "INSERT INTO orgs (parent_id, path, name, code, kind, level, cell_type, grassroots, address, archived, "
      "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  st.bind(1, o.parent_id).bind(2, "?pending").bind(3, o.name).bind(4, o.code).bind(5, toCode(o.kind));
  st.bind(6, toCode(o.level)).bind(7, toCode(o.cell_type)).bind(8, o.grassroots).bind(9, o.address);
  st.bind(10, o.archived).bind(11, o.version).run();
  o.id = conn_.lastInsertId();
  o.path = parent_path + std::to_string(o.id) + "/";
  auto up = conn_.prepare("UPDATE orgs SET path = ?1 WHERE id = ?2");
  up.bind(1, o.path).bind(2, o.id).run();
  return o.id;
}

void SqliteTx::updateOrg(const Org& o) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE orgs SET name = ?1, code = ?2, level = ?3, cell_type = ?4, grassroots = ?5, address = ?6, "
      "archived = ?7, version = ?8 WHERE id = ?9");
  st.bind(1, o.name).bind(2, o.code).bind(3, toCode(o.level)).bind(4, toCode(o.cell_type));
  st.bind(5, o.grassroots).bind(6, o.address).bind(7, o.archived).bind(8, o.version).bind(9, o.id).run();
}

Id SqliteTx::insertTerm(const CommitteeTerm& t) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO committee_terms (org_id, name, start_day, end_day) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, t.org_id).bind(2, t.name).bind(3, t.start).bind(4, t.end).run();
  return conn_.lastInsertId();
}

std::vector<Org> SqliteTx::orgSubtree(const std::string& org_path) {
  static const std::string sql =
      std::string("SELECT ") + kOrgCols + " FROM orgs WHERE path >= ?1 AND path < ?2 ORDER BY path";
  auto st = conn_.prepare(sql.c_str());
  st.bind(1, org_path).bind(2, pathUpperBound(org_path));
  std::vector<Org> out;
  while (st.step()) out.push_back(readOrg(st));
  return out;
}

}  // namespace chibo::sqlite
