// Files attached to meetings (0005). The bytes are bound as text and cast to a
// BLOB (the cast keeps every byte: the database is UTF-8, so no conversion
// happens), and read back with the column's byte count, so NULs survive.
#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {

#define ATTACHMENT_COLUMNS                                                                                \
  "SELECT a.id, a.meeting_id, a.file_name, a.content_type, a.size, a.sha256, a.kind, a.uploaded_by, " \
  "COALESCE(u.username, ''), a.uploaded_at, a.deleted_at FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by "

AttachmentRecord readAttachment(const Stmt& s) {
  AttachmentRecord a;
  a.id = s.i64(0);
  a.meeting_id = s.i64(1);
  a.file_name = s.text(2);
  a.content_type = s.text(3);
  a.size = s.i64(4);
  a.sha256 = s.text(5);
  a.kind = s.text(6);
  a.uploaded_by = s.optI64(7);
  a.uploaded_by_username = s.text(8);
  a.uploaded_at = s.instant(9);
  a.deleted_at = s.optInstant(10);
  return a;
}

}  // namespace

std::optional<AttachmentRecord> SqliteTx::attachment(Id id) {
  auto st = conn_.prepare(ATTACHMENT_COLUMNS "WHERE a.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readAttachment(st);
}

std::vector<AttachmentRecord> SqliteTx::attachmentsOfMeeting(Id meeting_id) {
  auto st = conn_.prepare(ATTACHMENT_COLUMNS "WHERE a.meeting_id = ?1 AND a.deleted_at IS NULL ORDER BY a.uploaded_at, a.id");
  st.bind(1, meeting_id);
  std::vector<AttachmentRecord> out;
  while (st.step()) out.push_back(readAttachment(st));
  return out;
}

std::optional<std::string> SqliteTx::attachmentData(Id id) {
  auto st = conn_.prepare("SELECT data FROM attachments WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

Id SqliteTx::insertAttachment(const AttachmentRecord& a, std::string_view data) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO attachments (meeting_id, file_name, content_type, size, sha256, data, kind, uploaded_by, uploaded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS BLOB), ?7, ?8, ?9)");
  st.bind(1, a.meeting_id).bind(2, a.file_name).bind(3, a.content_type).bind(4, int64_t(data.size()));
  st.bind(5, a.sha256).bind(6, data).bind(7, a.kind).bind(8, a.uploaded_by).bind(9, a.uploaded_at);
  st.run();
  return conn_.lastInsertId();
}

void SqliteTx::markAttachmentDeleted(Id id, DateTime at) {
  requireWritable();
  auto st = conn_.prepare("UPDATE attachments SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL");
  st.bind(1, id).bind(2, at);
  st.run();
}

#undef ATTACHMENT_COLUMNS

}  // namespace chibo::sqlite
