#pragma once
// Document numbers (số văn bản): each document type of one organisation is
// numbered 01, 02, ... within one committee term, with no gaps and no
// duplicates (HD 36-HD/VPTW 03/4/2018; R-DOC-1).
//
// Design notes:
// - Pure arithmetic over the numbers already issued in the sequence
//   (org, type, term). Making "read the last number, insert the next" atomic
//   under concurrency is the store's job.
// - The issuer symbol after the slash ("CB" for chi bộ, "ĐU" for đảng ủy) is a
//   parameter: the symbols for chi bộ documents are UNCONFIRMED (domain.md §6);
//   "NQ/CB" follows a real Cẩm Lệ sample.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace chibo {

enum class DocType {
  resolution,  // NQ nghị quyết
  minutes,     // BB biên bản
  conclusion,  // KL kết luận
  report,      // BC báo cáo
  plan,        // KH kế hoạch
  notice,      // TB thông báo
  decision,    // QĐ quyết định
};

std::string_view toCode(DocType);           // "resolution"
std::optional<DocType> docTypeFromCode(std::string_view);
std::string_view label(DocType);            // "Nghị quyết"
std::string_view docSymbol(DocType);        // "NQ"

// The number the next document of the sequence gets: one past the highest
// issued, 1 for an empty sequence.
int nextNumber(const std::vector<int>& existing);

// "Số 01-NQ/CB": at least two digits, then type symbol and issuer symbol.
std::string formatNumber(int n, DocType type, std::string_view issuer = "CB");

// Accepts `proposed` only if it is exactly nextNumber(existing).
//   duplicate (conflict "duplicate_number") when it was already issued;
//   gap or below 1 (validation, field "number", code "number_gap"/"out_of_range").
Status validateNumber(const std::vector<int>& existing, int proposed);

// Problems in an issued sequence, for audits of imported data.
struct SequenceProblems {
  std::vector<int> duplicates;  // each duplicated number once, ascending
  std::vector<int> missing;     // numbers between 1 and the maximum never issued
  bool ok() const { return duplicates.empty() && missing.empty(); }
};
SequenceProblems auditSequence(const std::vector<int>& existing);

}  // namespace chibo
