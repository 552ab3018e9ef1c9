// Tổ đảng pilots (0013): one row per cell.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {

std::optional<SubgroupPilot> SqliteTx::subgroupPilot(Id cell_id) {
  auto st = conn_.prepare(
      "SELECT p.id, p.cell_id, o.path, p.from_month, p.to_month, p.decision, p.by_user_id, p.by_username, p.at"
      " FROM subgroup_pilots p JOIN orgs o ON o.id = p.cell_id WHERE p.cell_id = ?1");
  st.bind(1, cell_id);
  if (!st.step()) return std::nullopt;
  SubgroupPilot p;
  p.id = st.i64(0);
  p.cell_id = st.i64(1);
  p.cell_path = st.text(2);
  p.from_month = st.i32(3);
  if (!st.isNull(4)) p.to_month = st.i32(4);
  p.decision = st.text(5);
  p.by_user_id = st.optI64(6);
  p.by_username = st.text(7);
  p.at = st.instant(8);
  return p;
}

Id SqliteTx::putSubgroupPilot(const SubgroupPilot& p) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO subgroup_pilots (cell_id, from_month, to_month, decision, by_user_id, by_username, at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (cell_id) DO UPDATE SET"
      " from_month = excluded.from_month, to_month = excluded.to_month, decision = excluded.decision,"
      " by_user_id = excluded.by_user_id, by_username = excluded.by_username, at = excluded.at");
  st.bind(1, p.cell_id).bind(2, p.from_month).bind(3, p.to_month).bind(4, p.decision).bind(5, p.by_user_id);
  st.bind(6, p.by_username).bind(7, p.at).run();
  auto q = conn_.prepare("SELECT id FROM subgroup_pilots WHERE cell_id = ?1");
  q.bind(1, p.cell_id);
  if (!q.step()) conn_.fail("subgroup pilot vanished after upsert");
  return q.i64(0);
}

bool SqliteTx::deleteSubgroupPilot(Id cell_id) {
  requireWritable();
  conn_.prepare("DELETE FROM subgroup_pilots WHERE cell_id = ?1").bind(1, cell_id).run();
  return conn_.changes() > 0;
}

}  // namespace chibo::sqlite
