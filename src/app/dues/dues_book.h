#pragma once
// The cell's dues book (sổ thu nộp đảng phí) for a month or a year, as a
// workbook and as a party document (HD 36 layout, Vietnamese headings,
// dd/mm/yyyy): each member's basis, amount due, amount paid, how (cash or the
// national portal, with its reference) and the month's totals: collected,
// collected in cash (what the cell remits upward; portal payments reach the
// upper level directly, QĐ 01-QĐ/TW), and members behind.
#include "app/dues/dues.h"
#include "export/party_document.h"
#include "export/xlsx_builder.h"

namespace chibo {

struct DuesBookOut {
  XlsxBook book;
  PartyDocument doc;
  std::string file_stem;  // "Sổ thu nộp đảng phí Chi bộ Khu phố 1 tháng 3-2026"
};

Result<DuesBookOut> duesBookDocument(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                     const std::optional<std::string>& month, const std::optional<int>& year);

}  // namespace chibo
