#pragma once
// A spreadsheet as the roster importer sees it: the first sheet's cells as
// text or numbers, whatever the file format (.xlsx, .xls, .csv). The readers
// only read; deciding what the columns mean is header_map.h's job.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace chibo::import {

struct RawCell {
  std::string text;        // UTF-8 as stored (legacy encodings are fixed later, legacy_text.h)
  bool is_number = false;  // a numeric cell: `number` holds it, `text` its display form
  double number = 0;
  bool is_date = false;    // the reader knows it is a date (.xls date cells); text is YYYY-MM-DD
  bool formula = false;    // the value is a formula's cached result
  bool empty() const { return text.empty() && !is_number; }
};

struct RawRow {
  int number = 0;  // 1-based row number as the spreadsheet program shows it
  std::vector<RawCell> cells;
};

struct Workbook {
  std::string format;  // "xlsx", "xls", "csv"
  std::string sheet_name;
  std::vector<RawRow> rows;  // non-empty rows only, in order
  // A CSV that was not UTF-8: each byte was read as one code point (Latin-1),
  // to be decoded as Windows-1258, TCVN3 or VNI by legacy_text.h.
  bool eight_bit = false;
};

// Limits checked before the work they protect (zip entries' declared sizes are
// checked before inflating; rows are counted while reading).
struct ReadLimits {
  size_t max_file_bytes = 20u << 20;           // 20 MB upload
  size_t max_rows = 50000;                     // data rows
  size_t max_columns = 200;
  size_t max_uncompressed_bytes = 200u << 20;  // sum over the zip entries read
  // A real sheet XML compresses about 10–20 : 1 (LibreOffice fixtures measured 12 : 1);
  // a zip bomb compresses 1000 : 1 and more.
  double max_ratio = 200;
  size_t max_cell_chars = 2000;
};

// Reads the first worksheet of `bytes`, choosing the reader by content (zip
// magic = .xlsx, OLE2 magic = .xls or an encrypted .xlsx, otherwise CSV), not
// by the file name. Errors are bad_request/too_large/validation with a stable
// code and a Vietnamese message; never throws for any input.
Result<Workbook> readWorkbook(std::string_view bytes, const ReadLimits& limits = {});

// The readers behind readWorkbook, for tests and the fuzz target.
Result<Workbook> readXlsx(std::string_view bytes, const ReadLimits& limits);
Result<Workbook> readXls(std::string_view bytes, const ReadLimits& limits);
Result<Workbook> readCsv(std::string_view bytes, const ReadLimits& limits);

// The errors the readers share.
Error fileError(std::string code, std::string message);
Error tooManyRows(const ReadLimits& limits);

}  // namespace chibo::import
