// Roster import (0010): citizen IDs and notes of members.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

MemberIdentity readIdentity(const Stmt& s) { return {s.i64(0), s.text(1), s.text(2)}; }

}  // namespace

std::optional<MemberIdentity> SqliteTx::memberIdentity(Id member_id) {
  auto st = conn_.prepare("SELECT member_id, citizen_id, note FROM member_identity WHERE member_id = ?1");
  st.bind(1, member_id);
  if (!st.step()) return std::nullopt;
  return readIdentity(st);
}

std::optional<Id> SqliteTx::memberByCitizenId(std::string_view citizen_id) {
  if (citizen_id.empty()) return std::nullopt;
  // "<> ''" lets SQLite use the partial index member_identity_citizen (a bound value alone does not).
  auto st = conn_.prepare("SELECT member_id FROM member_identity WHERE citizen_id = ?1 AND citizen_id <> ''");
  st.bind(1, citizen_id);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

std::vector<MemberIdentity> SqliteTx::memberIdentitiesIn(const std::string& org_path) {
  auto st = conn_.prepare(
      "SELECT i.member_id, i.citizen_id, i.note FROM member_identity i JOIN members m ON m.id = i.member_id "
      "JOIN orgs o ON o.id = m.cell_id WHERE o.path >= ?1 AND o.path < ?2");
  st.bind(1, org_path).bind(2, pathUpperBound(org_path));
  std::vector<MemberIdentity> out;
  while (st.step()) out.push_back(readIdentity(st));
  return out;
}

void SqliteTx::putMemberIdentity(const MemberIdentity& m) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO member_identity (member_id, citizen_id, note) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(member_id) DO UPDATE SET citizen_id = excluded.citizen_id, note = excluded.note");
  st.bind(1, m.member_id).bind(2, m.citizen_id).bind(3, m.note);
  st.run();
}

}  // namespace chibo::sqlite
