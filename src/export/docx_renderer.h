#pragma once
// Writes a PartyDocument as a Word (DOCX, WordprocessingML) file so that a
// cell secretary can edit the draft before printing. Hand-written XML parts
// zipped with libzip; no template file is needed.
#include <string>

#include "domain/result.h"
#include "export/party_document.h"

namespace chibo {

// The .docx bytes of `doc`: A4 section with the document's margins, Times New
// Roman at doc.font_size, the HD 36 header as a borderless two-column table,
// body tables with single borders and a repeating header row, page numbers at
// the top centre from page 2. Text is written as NFC. Fails only on a libzip error.
Result<std::string> renderDocx(const PartyDocument& doc);

}  // namespace chibo
