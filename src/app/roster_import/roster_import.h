#pragma once
// Importing a ward's or a cell's roster from its Excel/CSV file, and exporting
// a roster in the same columns. A dry run reports, row by row, what a commit
// would do; a commit does exactly that in one transaction, audited as one
// import carrying the file name and its SHA-256 digest.
//
// Matching (never guessed): by the record id a chibo export wrote ("Mã hồ sơ"),
// else by party card number, else by citizen ID, else by full name and date of
// birth within the org; a row that fits several members
// is refused with the candidates named. An empty cell changes nothing, so a
// partial file (names and phones only) updates only what it holds.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "export/xlsx_builder.h"
#include "import/roster_table.h"

namespace chibo {

struct RosterImportInput {
  std::string file_name;
  std::string bytes;
  import::MappingOverride mapping;        // column index -> field, fixed by the user
  std::vector<std::string> create_cells;  // cells named in the file to create ("*" = all offered)
  bool commit = false;                    // false: dry run, nothing written
};

enum class ImportAction { create, update, unchanged, refuse };
std::string_view toCode(ImportAction);

struct ImportChange {
  std::string field;   // stable code: "phone", "cell", "citizen_id", ...
  std::string label;   // Vietnamese column name
  std::string before;  // as shown to users (dates dd/mm/yyyy); "" = empty
  std::string after;
};

struct ImportProblem {
  std::string column;  // the file's header of the offending column, "" for the row
  std::string code;    // stable: "invalid_date", "ambiguous_match", ...
  std::string message; // Vietnamese reason
};

struct ImportRowReport {
  int row = 0;  // as the spreadsheet program numbers it
  ImportAction action = ImportAction::refuse;
  std::string full_name;
  std::optional<Id> member_id;
  std::string cell_name;
  std::vector<ImportChange> changes;
  std::vector<ImportProblem> problems;
  std::vector<std::string> candidates;  // an ambiguous match: who it could be
  std::vector<std::string> notes;       // not changed by the import, worth knowing
};

struct ImportColumn {
  int index = 0;
  std::string header;
  std::string field;  // code, "ignore" when unmapped
  std::string label;
  bool detected = false;
};

struct RosterImportReport {
  std::string file_name, sha256, format;
  std::string encoding;  // "Unicode", "TCVN3 (ABC)", "VNI", "Windows-1258"
  int converted_cells = 0;
  int header_row = 0;
  std::vector<ImportColumn> columns;
  std::vector<ImportRowReport> rows;
  int created = 0, updated = 0, unchanged = 0, refused = 0;
  std::vector<std::string> missing_cells;  // named in the file, not in the org: offered for creation
  std::vector<std::string> created_cells;  // created by this import (commit) or to be (dry run)
  bool committed = false;
};

// Scope first (404 outside the caller's subtree, 403 without write access),
// then the file. Returns the report of a dry run, or of the commit when
// in.commit; a refused file (unreadable, no header, limits) is an error and
// writes nothing.
Result<RosterImportReport> importRoster(Store& store, const Caller& c, Id org_id, const RosterImportInput& in);

struct RosterExport {
  XlsxBook book;
  std::string file_stem;  // "danh-sach-dang-vien-..." without extension
  int members = 0;
};

// The roster of `org_id` on `at` (default today) in the import's columns.
Result<RosterExport> exportRoster(Store& store, const Caller& c, Id org_id, std::optional<Date> at);

}  // namespace chibo
