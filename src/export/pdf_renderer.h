#pragma once
// Draws a PartyDocument to PDF with Cairo and Pango: A4, HD 36 margins, Times
// New Roman (Liberation Serif where it is not installed; see serifFamily() in
// pango_text.h), page numbers at the top centre from page 2 on, tables that
// break across pages with the header row repeated.
#include <string>

#include "domain/result.h"
#include "export/party_document.h"

namespace chibo {

// The PDF bytes of `doc`. Text may be NFC or NFD; it is drawn and extracted as
// NFC. Fails (internal) only if Cairo reports an error.
Result<std::string> renderPdf(const PartyDocument& doc);

// Renders `doc` and writes it to `path`, replacing any existing file.
Status writePdfFile(const PartyDocument& doc, const std::string& path);

}  // namespace chibo
