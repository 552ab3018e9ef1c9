#pragma once
// Report spreadsheets (XLSX) through libxlsxwriter. A workbook is described as
// plain data, then written in one call; callers never touch libxlsxwriter.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"

namespace chibo {

// A ratio shown as a percentage: {0.9} displays "90.0%" and stays a number
// in Excel, so sums and averages over it work.
struct XlsxPercent {
  double fraction = 0;
};

// One cell. An empty variant (monostate) is a blank bordered cell.
// Integer literals pick int64_t, string literals std::string.
using XlsxCell = std::variant<std::monostate, std::string, int64_t, double, XlsxPercent, Date>;

struct XlsxSheet {
  std::string name;    // tab name: at most 31 characters, none of [ ] : * ? / backslash
  std::string title;   // optional title row, merged across the header's width
  std::vector<std::string> header;  // header row, bold; frozen so it stays visible
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> column_widths;  // in characters; missing columns keep Excel's default
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;  // at least one
  std::string title;              // document properties
  std::string author;
};

// The .xlsx bytes. Dates display dd/mm/yyyy, percentages 0.0%, text in Times
// New Roman, NFC. Fails with a validation error naming "sheets[i].name" for a
// bad or duplicate sheet name or an empty book, internal if writing fails.
// libxlsxwriter only writes files, so this goes through a temporary file in
// the system temp directory, which is always removed.
Result<std::string> buildXlsx(const XlsxBook& book);

}  // namespace chibo
