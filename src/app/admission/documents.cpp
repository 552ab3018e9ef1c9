// Documents of a candidate's dossier: the same accepted types, name rules and
// 10 MiB limit as meeting attachments (app/attachments), kept per candidate.
#include "app/admission/admission_internal.h"
#include "app/attachments/content_hash.h"
#include "app/audit_write.h"
#include "app/validate.h"

namespace chibo {
using namespace admission;

namespace {

std::vector<FieldChange> facts(const CandidateDocument& d, bool removed) {
  std::vector<FieldChange> ch;
  auto add = [&](const char* f, std::string v) {
    if (removed) ch.push_back({f, std::move(v), std::nullopt});
    else ch.push_back({f, std::nullopt, std::move(v)});
  };
  add("file_name", d.file_name);
  add("stage", std::string(label(admissionStageFromCode(d.stage).value_or(AdmissionStage::listed))));
  add("size", std::to_string(d.size));
  add("sha256", d.sha256);
  return ch;
}

}  // namespace

Result<CandidateDocument> uploadCandidateDocument(Store& store, const Caller& c, Id id, const CandidateUpload& in) {
  Validator v;
  std::optional<std::string> name;
  if (!in.name || in.name->empty()) v.add("name", "required", "Thiếu tên tệp.");
  else if (!(name = sanitiseFileName(*in.name))) v.add("name", "invalid_name", "Tên tệp không hợp lệ (tối đa 200 ký tự).");
  std::optional<AdmissionStage> stage;
  if (in.stage && !in.stage->empty() && !(stage = admissionStageFromCode(*in.stage)))
    v.add("stage", "invalid_choice", "Bước không hợp lệ.");
  std::optional<DetectedType> type;
  if (name) type = detectAttachmentType(in.bytes, *name);

  auto tx = store.write();
  auto l = load(*tx, c, id, true);
  if (!l) return l.error();
  if (in.bytes.size() > kMaxAttachmentBytes)
    return Error{ErrorKind::too_large, "file_too_large",
                 "Tệp quá lớn (tối đa " + std::to_string(kMaxAttachmentBytes >> 20) + " MB).", {}};
  if (in.bytes.empty()) return Error{ErrorKind::validation, "empty_file", "Tệp rỗng.", {{"file", "empty_file", "Tệp rỗng."}}};
  if (!v.ok()) return v.error();
  if (!type)
    return Error{ErrorKind::validation, "unsupported_type",
                 "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPEG; đuôi tên tệp phải khớp nội dung.",
                 {{"file", "unsupported_type", "Loại tệp không được hỗ trợ."}}};
  CandidateDocument d;
  d.candidate_id = id;
  d.stage = std::string(toCode(stage.value_or(l->rec.stage)));
  d.file_name = *name;
  d.content_type = type->content_type;
  d.size = int64_t(in.bytes.size());
  d.sha256 = sha256Hex(in.bytes);
  if (c.principal.user_id) d.uploaded_by = c.principal.user_id;
  d.uploaded_by_username = c.principal.username;
  d.uploaded_at = c.now;
  d.id = tx->admission().insertDocument(d, in.bytes);
  writeAudit(*tx, c, "candidate.document.upload", "candidate", id, l->cell, facts(d, false));
  tx->commit();
  return d;
}

Result<CandidateFile> downloadCandidateDocument(Store& store, const Caller& c, Id document_id) {
  auto tx = store.read();
  auto meta = tx->admission().document(document_id);
  if (!meta || meta->deleted_at) return Error::notFound();
  auto l = load(*tx, c, meta->candidate_id, false);
  if (!l) return l.error();
  auto bytes = tx->admission().documentData(document_id);
  if (!bytes) return Error::notFound();
  return CandidateFile{std::move(*meta), std::move(*bytes)};
}

Status deleteCandidateDocument(Store& store, const Caller& c, Id document_id) {
  auto tx = store.write();
  auto meta = tx->admission().document(document_id);
  if (!meta || meta->deleted_at) return Error::notFound();
  auto l = load(*tx, c, meta->candidate_id, true);
  if (!l) return l.error();
  tx->admission().markDocumentDeleted(document_id, c.now);
  writeAudit(*tx, c, "candidate.document.delete", "candidate", meta->candidate_id, l->cell, facts(*meta, true));
  tx->commit();
  return okStatus();
}

}  // namespace chibo
