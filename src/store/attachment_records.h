#pragma once
// Rows of the attachments table (0005_attachments.sql): a file attached to a
// meeting. The bytes are read separately (ReadTx::attachmentData) so lists
// never load them.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

struct AttachmentRecord {
  Id id = 0;
  Id meeting_id = 0;
  std::string file_name;     // NFC, sanitised
  std::string content_type;  // of the detected type
  int64_t size = 0;
  std::string sha256;        // lower-case hex
  std::string kind = "document";  // draft_resolution | document | other
  std::optional<Id> uploaded_by;  // user id
  std::string uploaded_by_username;  // read back by join; not written
  DateTime uploaded_at;
  std::optional<DateTime> deleted_at;
};

}  // namespace chibo
