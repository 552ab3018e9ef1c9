// Upload, list, download and delete of meeting attachments. Each write is one
// transaction with its audit row; a rejected request writes nothing.
#include "app/attachments/attachments.h"

#include "app/attachments/content_hash.h"
#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"

namespace chibo {
namespace {

bool validKind(const std::string& k) { return k == "draft_resolution" || k == "document" || k == "other"; }

std::optional<std::string> instant(const std::optional<DateTime>& t) {
  return t ? std::optional<std::string>(t->iso()) : std::nullopt;
}

std::vector<FieldChange> fileFacts(const AttachmentRecord& a, bool removed) {
  std::vector<FieldChange> ch;
  auto add = [&](const char* field, std::string v) {
    if (removed) ch.push_back({field, std::move(v), std::nullopt});
    else ch.push_back({field, std::nullopt, std::move(v)});
  };
  add("meeting_id", std::to_string(a.meeting_id));
  add("file_name", a.file_name);
  add("kind", a.kind);
  add("content_type", a.content_type);
  add("size", std::to_string(a.size));
  add("sha256", a.sha256);
  return ch;
}

Error tooLarge() {
  return {ErrorKind::too_large, "file_too_large",
          "Tệp quá lớn (tối đa " + std::to_string(kMaxAttachmentBytes >> 20) + " MB).", {}};
}

}  // namespace

Result<AttachmentRecord> uploadAttachment(Store& store, const Caller& c, Id meeting_id, const UploadInput& in) {
  // Pure checks first, outside the writer lock; reported after the scope checks.
  Validator v;
  std::optional<std::string> name;
  if (!in.name || in.name->empty()) v.add("name", "required", "Thiếu tên tệp.");
  else if (!(name = sanitiseFileName(*in.name))) v.add("name", "invalid_name", "Tên tệp không hợp lệ (tối đa 200 ký tự).");
  std::string kind = in.kind && !in.kind->empty() ? *in.kind : "document";
  if (!validKind(kind)) v.add("kind", "invalid_choice", "Loại tài liệu không hợp lệ.");
  std::optional<DetectedType> type;
  if (name) type = detectAttachmentType(in.bytes, *name);

  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "đính kèm tài liệu"); !st.ok()) return st.error();
  if (in.bytes.size() > kMaxAttachmentBytes) return tooLarge();
  if (in.bytes.empty()) return Error{ErrorKind::validation, "empty_file", "Tệp rỗng.", {{"file", "empty_file", "Tệp rỗng."}}};
  if (!v.ok()) return v.error();
  if (!type)
    return Error{ErrorKind::validation, "unsupported_type",
                 "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPEG; đuôi tên tệp phải khớp nội dung.",
                 {{"file", "unsupported_type", "Loại tệp không được hỗ trợ."}}};

  AttachmentRecord a;
  a.meeting_id = meeting_id;
  a.file_name = *name;
  a.content_type = type->content_type;
  a.size = int64_t(in.bytes.size());
  a.sha256 = sha256Hex(in.bytes);
  a.kind = kind;
  if (c.principal.user_id) a.uploaded_by = c.principal.user_id;
  a.uploaded_by_username = c.principal.username;
  a.uploaded_at = c.now;
  a.id = tx->insertAttachment(a, in.bytes);
  writeAudit(*tx, c, "attachment.upload", "attachment", a.id, ctx->org, fileFacts(a, false));
  // Attaching the draft resolution ticks that item of the checklist (R-PREP).
  if (kind == "draft_resolution" && !ctx->rec.draft_resolution_at) {
    MeetingRecord rec = ctx->rec;
    rec.draft_resolution_at = c.now;
    rec.prep.draft_resolution_attached = true;
    tx->updateMeeting(rec);
    writeAudit(*tx, c, "meeting.preparation", "meeting", meeting_id, ctx->org,
               {{"draft_resolution_at", instant(ctx->rec.draft_resolution_at), instant(rec.draft_resolution_at)}});
  }
  tx->commit();
  return a;
}

Result<std::vector<AttachmentRecord>> listAttachments(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto ctx = loadMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  return tx->attachmentsOfMeeting(meeting_id);
}

Result<AttachmentFile> downloadAttachment(Store& store, const Caller& c, Id attachment_id) {
  auto tx = store.read();
  auto meta = tx->attachment(attachment_id);
  if (!meta || meta->deleted_at) return Error::notFound();
  auto ctx = loadMeeting(*tx, c, meta->meeting_id);
  if (!ctx) return ctx.error();
  auto bytes = tx->attachmentData(attachment_id);
  if (!bytes) return Error::notFound();
  return AttachmentFile{std::move(*meta), std::move(*bytes)};
}

Status deleteAttachment(Store& store, const Caller& c, Id attachment_id) {
  auto tx = store.write();
  auto meta = tx->attachment(attachment_id);
  if (!meta || meta->deleted_at) return Error::notFound();
  auto ctx = loadWritableMeeting(*tx, c, meta->meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "xóa tài liệu đính kèm"); !st.ok()) return st.error();
  tx->markAttachmentDeleted(attachment_id, c.now);
  writeAudit(*tx, c, "attachment.delete", "attachment", attachment_id, ctx->org, fileFacts(*meta, true));
  tx->commit();
  return okStatus();
}

}  // namespace chibo
