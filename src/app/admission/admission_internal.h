#pragma once
// Internal to app/admission: loading a candidate within the caller's scope and
// building the view every answer returns.
#include "app/admission/admission.h"

namespace chibo::admission {

struct Loaded {
  CandidateRecord rec;
  Org cell;
  Access access = Access::none;
};

// The candidate and its cell, 404 when it does not exist or the caller cannot
// read the cell (`read`), 403 when `need_write` and the caller may only read.
Result<Loaded> load(ReadTx& tx, const Caller& c, Id id, bool need_write);
// The cell, with the same answers.
Result<Org> cellInScope(ReadTx& tx, const Caller& c, Id cell_id, bool need_write);

// The view of a loaded candidate; `full` also loads stages, people and documents.
CandidateView view(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const Loaded& l, bool full);

// Deadline of the candidate at its stage, judged on `at` (none when the rules are missing).
std::optional<AdmissionDeadline> deadlineOf(ReadTx& tx, const RuleCatalog& cat, const CandidateRecord& rec,
                                            const Org& cell, Date at);

// None when `member_id` is an official member on the cell's roll on `on`,
// else the field error saying why not (not_in_cell, not_official).
std::optional<FieldError> officialMemberOfCell(ReadTx& tx, Id member_id, const Org& cell, Date on,
                                               const std::string& field);

}  // namespace chibo::admission
