#pragma once
// Files attached to a meeting (issue 3, §2 Prepare): the draft resolution and
// the documents members read beforehand.
//
// Scope follows the meeting's org, as for every meeting read and write
// (app/meetings/meetings.h): anyone with at least `basic` access to it (a
// member of the cell, a monitor, the committees above) lists and downloads;
// the cell committee (`write`) uploads and deletes, and not once the minutes
// are locked (409 meeting_locked). Outside the scope everything is 404, and a
// deleted attachment is 404 too.
//
// The type is decided by the file's first bytes, never by what the browser
// declares: PDF, DOCX, XLSX, PNG and JPEG, and the name's extension must agree
// with the contents (422 unsupported_type otherwise).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"

namespace chibo {

// The one place the upload limit is set: 10 MiB (413 file_too_large above it).
inline constexpr size_t kMaxAttachmentBytes = size_t(10) << 20;

// What the magic bytes (and, for the ZIP-based Office formats, the name's
// extension and the archive's part names) say a file is.
struct DetectedType {
  std::string ext;           // canonical extension without the dot: pdf, docx, xlsx, png, jpg
  std::string content_type;  // the MIME type served back on download
};
// none when the contents are not one of the accepted types or do not match
// the extension of `file_name` (a PDF named .png, an .exe named .pdf).
std::optional<DetectedType> detectAttachmentType(std::string_view bytes, std::string_view file_name);

// A file name fit to store and to send back: NFC, the last path component
// only, no control characters nor any of \ / : * ? " < > |, no leading or
// trailing spaces or dots, at most 200 characters. none when nothing is left
// or the name is not UTF-8.
std::optional<std::string> sanitiseFileName(std::string_view raw);

struct UploadInput {
  std::optional<std::string> name;  // ?name=
  std::optional<std::string> kind;  // ?kind= draft_resolution | document (default) | other
  std::string_view bytes;
};

// Attaches a file to meeting `meeting_id`. 201 with the new attachment.
// Errors: 404 (meeting not in scope), 403 (read-only access), 409
// meeting_locked / meeting_cancelled, 413 file_too_large, 422 empty_file,
// unsupported_type or validation_failed (name, kind). Audited as
// attachment.upload with file name, size, sha256 and kind; a draft resolution
// also ticks the checklist's "draft resolution attached" when it is not yet
// (audited as meeting.preparation).
Result<AttachmentRecord> uploadAttachment(Store& store, const Caller& c, Id meeting_id, const UploadInput& in);

// The meeting's attachments, oldest first (not their bytes). Needs basic.
Result<std::vector<AttachmentRecord>> listAttachments(Store& store, const Caller& c, Id meeting_id);

struct AttachmentFile {
  AttachmentRecord meta;
  std::string bytes;
};
// One attachment with its bytes. Needs basic access to the meeting's org.
Result<AttachmentFile> downloadAttachment(Store& store, const Caller& c, Id attachment_id);

// Soft-deletes an attachment (audited as attachment.delete). Same rights as
// uploading; 409 when the meeting is locked.
Status deleteAttachment(Store& store, const Caller& c, Id attachment_id);

}  // namespace chibo
