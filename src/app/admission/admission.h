#pragma once
// Use cases of the new-member pipeline (phát triển đảng viên, Điều lệ Điều 4–5):
// the cell's candidates, each stage recorded with its date, the introducers
// and helpers, the dossier's documents, and the ward's view of its pipeline.
//
// Scope follows the candidate's cell: reading needs `read` on it (cell
// committee, monitors, committees above; a plain member does not see the
// list), writing needs `write` (403 for read-only roles). Outside the scope
// everything is 404. Limits and scope come before validation; a rejected
// request writes nothing; every write is one transaction with its audit row.
//
// The ceremony (stage `admitted`) creates the roster record in the same
// transaction (insertMember, insertCellPeriod, a probationary status period),
// so nobody re-types the person; the official decision closes the
// probationary period and opens the official one from the day probation ended
// (Điều lệ Điều 5); a refusal during probation ends the standing with a
// `removed` status carrying the reason.
#include <optional>
#include <string>
#include <vector>

#include "app/attachments/attachments.h"
#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "domain/admission/deadlines.h"
#include "domain/admission/stage.h"
#include "store/admission_repo.h"

namespace chibo {

struct CandidateView {
  CandidateRecord candidate;
  std::string cell_name;
  Access access = Access::none;
  int age_months = 0;  // today
  std::optional<AdmissionStage> next_stage;
  std::optional<AdmissionDeadline> deadline;  // the one that applies at this stage, judged today
  std::vector<StageRecord> stages;
  std::vector<CandidatePerson> people;
  std::vector<CandidateDocument> documents;
};

// The candidates of a cell, stage and deadline each (history not loaded).
Result<std::vector<CandidateView>> listCandidates(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id);

struct CandidateFields {
  std::optional<std::string> full_name, birth_date, gender, phone, note, listed_on;
  std::optional<Id> helper_member_id;  // creation only: the member assigned to help
  std::optional<int> version;          // update only
};
// Puts a person on the cell's list (stage `listed`, dated listed_on or today).
Result<CandidateView> createCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                      const CandidateFields& in);
Result<CandidateView> getCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id id);
// Personal fields only; refused once the person is on the roster (edit the member record then).
Result<CandidateView> updateCandidate(Store& store, const RuleCatalog& cat, const Caller& c, Id id,
                                      const CandidateFields& in);

struct StageFields {
  std::optional<std::string> stage, date, reference, note, received_on, route, youth_union_resolution, consent;
  std::optional<int> votes_for, votes_total;
  std::vector<Id> helper_member_ids;  // admitted: the official members helping during probation
};
// Records the next stage (or a refusal). 422 stage_out_of_order when it is not
// the next one; age_under_limit / age_over_limit at the chi bộ's vote (R-KN-2);
// introducer problems at the introduction; ceremony_consent_required after the
// R-KN-1 deadline without the superior's consent.
Result<CandidateView> recordStage(Store& store, const RuleCatalog& cat, const Caller& c, Id id, const StageFields& in);

struct IntroducerFields {
  std::optional<Id> member_id;
  std::optional<std::string> worked_since;
};
// Adds an introducer (before the introduction is recorded): an official member
// of the candidate's cell who has worked with them for introducer_min_months.
Result<CandidateView> addIntroducer(Store& store, const RuleCatalog& cat, const Caller& c, Id id,
                                    const IntroducerFields& in);
Result<CandidateView> removeIntroducer(Store& store, const RuleCatalog& cat, const Caller& c, Id id, Id person_id);

// Documents of the dossier: same types and limit as meeting attachments.
struct CandidateUpload {
  std::optional<std::string> name, stage;  // stage defaults to the current one
  std::string_view bytes;
};
Result<CandidateDocument> uploadCandidateDocument(Store& store, const Caller& c, Id id, const CandidateUpload& in);
struct CandidateFile {
  CandidateDocument meta;
  std::string bytes;
};
Result<CandidateFile> downloadCandidateDocument(Store& store, const Caller& c, Id document_id);
Status deleteCandidateDocument(Store& store, const Caller& c, Id document_id);

// The ward's (or any committee's) pipeline across its cells.
struct PipelineView {
  Id org_id = 0;
  std::string org_name;
  std::vector<std::pair<AdmissionStage, int>> counts;  // every stage, in order
  int overdue = 0;
  std::vector<CandidateView> items;  // unfinished first (overdue first), then finished
};
Result<PipelineView> admissionPipeline(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id);

}  // namespace chibo
