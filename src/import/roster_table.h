#pragma once
// A roster file read, its text converted to Unicode and its columns mapped to
// roster fields: what the import use case turns into members.
#include <map>
#include <string>
#include <vector>

#include "import/legacy_text.h"
#include "import/roster_columns.h"
#include "import/workbook.h"

namespace chibo::import {

struct RosterTable {
  std::string format;  // "xlsx", "xls", "csv"
  LegacyEncoding encoding = LegacyEncoding::none;  // what the text was converted from
  int converted_cells = 0;
  int header_row = 0;                // spreadsheet row number of the header
  std::vector<std::string> headers;  // per column, as written (after conversion)
  std::vector<RosterField> mapping;  // per column; ignore for unknown columns
  std::vector<bool> mapping_detected;  // per column: false when the header was not recognised
  std::vector<RawRow> rows;          // data rows below the header, all text NFC
};

// Column index -> field, chosen by the user in the preview; wins over detection.
using MappingOverride = std::map<int, RosterField>;

// Reads `bytes`, converts legacy text, finds the header row (within the first
// 20 rows, the one naming the most roster fields; title rows above it are
// skipped) and maps the columns. Fails (validation, code "no_header") when no
// row names a full-name column, and ("duplicate_mapping") when two columns map
// to the same field; too_many_rows when the data rows exceed limits.max_rows.
Result<RosterTable> readRosterTable(std::string_view bytes, const ReadLimits& limits = {},
                                    const MappingOverride& overrides = {});

}  // namespace chibo::import
