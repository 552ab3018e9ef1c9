// The new-member pipeline (0018). Documents' bytes are bound as text and cast
// to a BLOB, as for meeting attachments (tx_attachments.cpp), so NULs survive.
#include "store/sqlite/sqlite_admission_repo.h"

namespace chibo::sqlite {
namespace {

#define CANDIDATE_COLUMNS                                                                                   \
  "SELECT c.id, c.cell_id, c.full_name, c.birth_day, c.gender, c.phone, c.note, c.stage, c.stage_day, c.route, " \
  "c.youth_union_resolution, c.member_id, c.version, c.created_at FROM admission_candidates c "

CandidateRecord readCandidate(const Stmt& s) {
  CandidateRecord c;
  c.id = s.i64(0);
  c.cell_id = s.i64(1);
  c.full_name = s.text(2);
  c.birth_date = s.date(3);
  c.gender = s.text(4);
  c.phone = s.text(5);
  c.note = s.text(6);
  c.stage = admissionStageFromCode(s.text(7)).value_or(AdmissionStage::listed);
  c.stage_date = s.date(8);
  if (!s.isNull(9)) c.route = s.text(9);
  c.youth_union_resolution = s.text(10);
  c.member_id = s.optI64(11);
  c.version = s.i32(12);
  c.created_at = s.instant(13);
  return c;
}

std::vector<CandidateRecord> readCandidates(Stmt& st) {
  std::vector<CandidateRecord> out;
  while (st.step()) out.push_back(readCandidate(st));
  return out;
}

#define DOCUMENT_COLUMNS                                                                                   \
  "SELECT d.id, d.candidate_id, d.stage, d.file_name, d.content_type, d.size, d.sha256, d.uploaded_by, " \
  "COALESCE(u.username, ''), d.uploaded_at, d.deleted_at FROM admission_documents d "                   \
  "LEFT JOIN users u ON u.id = d.uploaded_by "

CandidateDocument readDocument(const Stmt& s) {
  CandidateDocument d;
  d.id = s.i64(0);
  d.candidate_id = s.i64(1);
  d.stage = s.text(2);
  d.file_name = s.text(3);
  d.content_type = s.text(4);
  d.size = s.i64(5);
  d.sha256 = s.text(6);
  d.uploaded_by = s.optI64(7);
  d.uploaded_by_username = s.text(8);
  d.uploaded_at = s.instant(9);
  d.deleted_at = s.optInstant(10);
  return d;
}

}  // namespace

std::optional<CandidateRecord> SqliteAdmissionRepo::candidate(Id id) {
  auto st = conn_.prepare(CANDIDATE_COLUMNS "WHERE c.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readCandidate(st);
}

std::vector<CandidateRecord> SqliteAdmissionRepo::candidatesUnder(const std::string& path_prefix) {
  auto st = conn_.prepare(CANDIDATE_COLUMNS
                          "JOIN orgs o ON o.id = c.cell_id WHERE substr(o.path, 1, length(?1)) = ?1 "
                          "ORDER BY c.cell_id, c.id");
  st.bind(1, path_prefix);
  return readCandidates(st);
}

std::vector<CandidateRecord> SqliteAdmissionRepo::candidatesOfCell(Id cell_id) {
  auto st = conn_.prepare(CANDIDATE_COLUMNS "WHERE c.cell_id = ?1 ORDER BY c.id");
  st.bind(1, cell_id);
  return readCandidates(st);
}

std::optional<CandidateRecord> SqliteAdmissionRepo::candidateOfMember(Id member_id) {
  auto st = conn_.prepare(CANDIDATE_COLUMNS "WHERE c.member_id = ?1 ORDER BY c.id DESC LIMIT 1");
  st.bind(1, member_id);
  if (!st.step()) return std::nullopt;
  return readCandidate(st);
}

std::vector<StageRecord> SqliteAdmissionRepo::stages(Id candidate_id) {
  auto st = conn_.prepare(
      "SELECT s.id, s.candidate_id, s.stage, s.day, s.reference, s.note, s.received_on, s.votes_for, s.votes_total, "
      "s.recorded_by, COALESCE(u.username, ''), s.recorded_at FROM admission_stages s "
      "LEFT JOIN users u ON u.id = s.recorded_by WHERE s.candidate_id = ?1 ORDER BY s.id");
  st.bind(1, candidate_id);
  std::vector<StageRecord> out;
  while (st.step()) {
    StageRecord r;
    r.id = st.i64(0);
    r.candidate_id = st.i64(1);
    r.stage = admissionStageFromCode(st.text(2)).value_or(AdmissionStage::listed);
    r.day = st.date(3);
    r.reference = st.text(4);
    r.note = st.text(5);
    r.received_on = st.optDate(6);
    if (!st.isNull(7)) r.votes_for = st.i32(7);
    if (!st.isNull(8)) r.votes_total = st.i32(8);
    r.recorded_by = st.optI64(9);
    r.recorded_by_username = st.text(10);
    r.recorded_at = st.instant(11);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CandidatePerson> SqliteAdmissionRepo::people(Id candidate_id) {
  auto st = conn_.prepare(
      "SELECT p.id, p.candidate_id, p.member_id, p.role, p.since, m.full_name FROM admission_people p "
      "JOIN members m ON m.id = p.member_id WHERE p.candidate_id = ?1 ORDER BY p.role, p.id");
  st.bind(1, candidate_id);
  std::vector<CandidatePerson> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.i64(2), st.text(3), st.date(4), st.text(5)});
  return out;
}

std::vector<CandidateDocument> SqliteAdmissionRepo::documents(Id candidate_id) {
  auto st = conn_.prepare(DOCUMENT_COLUMNS "WHERE d.candidate_id = ?1 AND d.deleted_at IS NULL ORDER BY d.uploaded_at, d.id");
  st.bind(1, candidate_id);
  std::vector<CandidateDocument> out;
  while (st.step()) out.push_back(readDocument(st));
  return out;
}

std::optional<CandidateDocument> SqliteAdmissionRepo::document(Id id) {
  auto st = conn_.prepare(DOCUMENT_COLUMNS "WHERE d.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readDocument(st);
}

std::optional<std::string> SqliteAdmissionRepo::documentData(Id id) {
  auto st = conn_.prepare("SELECT data FROM admission_documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

Id SqliteAdmissionRepo::insertCandidate(const CandidateRecord& c) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO admission_candidates (cell_id, full_name, birth_day, gender, phone, note, stage, stage_day, route, "
      "youth_union_resolution, member_id, version, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  st.bind(1, c.cell_id).bind(2, c.full_name).bind(3, c.birth_date).bind(4, c.gender).bind(5, c.phone).bind(6, c.note);
  st.bind(7, toCode(c.stage)).bind(8, c.stage_date).bind(9, c.route).bind(10, c.youth_union_resolution);
  st.bind(11, c.member_id).bind(12, c.version).bind(13, c.created_at);
  st.run();
  return conn_.lastInsertId();
}

void SqliteAdmissionRepo::updateCandidate(const CandidateRecord& c) {
  requireWritable();
  auto st = conn_.prepare(
      "UPDATE admission_candidates SET cell_id = ?2, full_name = ?3, birth_day = ?4, gender = ?5, phone = ?6, note = ?7, "
      "stage = ?8, stage_day = ?9, route = ?10, youth_union_resolution = ?11, member_id = ?12, version = ?13 WHERE id = ?1");
  st.bind(1, c.id).bind(2, c.cell_id).bind(3, c.full_name).bind(4, c.birth_date).bind(5, c.gender).bind(6, c.phone);
  st.bind(7, c.note).bind(8, toCode(c.stage)).bind(9, c.stage_date).bind(10, c.route).bind(11, c.youth_union_resolution);
  st.bind(12, c.member_id).bind(13, c.version);
  st.run();
}

Id SqliteAdmissionRepo::insertStage(const StageRecord& r) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO admission_stages (candidate_id, stage, day, reference, note, received_on, votes_for, votes_total, "
      "recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, r.candidate_id).bind(2, toCode(r.stage)).bind(3, r.day).bind(4, r.reference).bind(5, r.note);
  st.bind(6, r.received_on).bind(7, r.votes_for).bind(8, r.votes_total).bind(9, r.recorded_by).bind(10, r.recorded_at);
  st.run();
  return conn_.lastInsertId();
}

Id SqliteAdmissionRepo::insertPerson(const CandidatePerson& p) {
  requireWritable();
  auto st = conn_.prepare("INSERT INTO admission_people (candidate_id, member_id, role, since) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, p.candidate_id).bind(2, p.member_id).bind(3, p.role).bind(4, p.since);
  st.run();
  return conn_.lastInsertId();
}

void SqliteAdmissionRepo::deletePerson(Id id) {
  requireWritable();
  auto st = conn_.prepare("DELETE FROM admission_people WHERE id = ?1");
  st.bind(1, id);
  st.run();
}

Id SqliteAdmissionRepo::insertDocument(const CandidateDocument& d, std::string_view data) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO admission_documents (candidate_id, stage, file_name, content_type, size, sha256, data, uploaded_by, "
      "uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS BLOB), ?8, ?9)");
  st.bind(1, d.candidate_id).bind(2, d.stage).bind(3, d.file_name).bind(4, d.content_type).bind(5, int64_t(data.size()));
  st.bind(6, d.sha256).bind(7, data).bind(8, d.uploaded_by).bind(9, d.uploaded_at);
  st.run();
  return conn_.lastInsertId();
}

void SqliteAdmissionRepo::markDocumentDeleted(Id id, DateTime at) {
  requireWritable();
  auto st = conn_.prepare("UPDATE admission_documents SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL");
  st.bind(1, id).bind(2, at);
  st.run();
}

#undef CANDIDATE_COLUMNS
#undef DOCUMENT_COLUMNS

}  // namespace chibo::sqlite
