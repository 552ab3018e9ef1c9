#pragma once
// The admission repository: the new-member pipeline (phát triển đảng viên): candidates, stages, introducers, decisions.
//
// A narrow repository reached from a transaction (tx.admission()), the shape the
// whole store moves to: one interface per concept, one backend file per
// interface. Reads see the transaction's snapshot; a write through a read
// transaction throws StoreError, and writes become durable on the
// transaction's commit().
#include <optional>
#include <string>
#include <vector>

#include "domain/admission/stage.h"
#include "store/store.h"

namespace chibo {

// A row of admission_candidates (0018).
struct CandidateRecord {
  Id id = 0;
  Id cell_id = 0;
  std::string full_name;
  Date birth_date;
  std::string gender = "other";
  std::string phone;
  std::string note;
  AdmissionStage stage = AdmissionStage::listed;
  Date stage_date;
  std::optional<std::string> route;  // two_members | youth_union
  std::string youth_union_resolution;
  std::optional<Id> member_id;
  int version = 1;
  DateTime created_at;
};

// A row of admission_stages.
struct StageRecord {
  Id id = 0;
  Id candidate_id = 0;
  AdmissionStage stage = AdmissionStage::listed;
  Date day;
  std::string reference;
  std::string note;
  std::optional<Date> received_on;
  std::optional<int> votes_for;
  std::optional<int> votes_total;
  std::optional<Id> recorded_by;
  std::string recorded_by_username;  // read back by join; not written
  DateTime recorded_at;
};

// A row of admission_people with the member's name.
struct CandidatePerson {
  Id id = 0;
  Id candidate_id = 0;
  Id member_id = 0;
  std::string role;  // introducer | helper
  Date since;
  std::string full_name;  // read back by join; not written
};

// A row of admission_documents without its bytes.
struct CandidateDocument {
  Id id = 0;
  Id candidate_id = 0;
  std::string stage;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::optional<Id> uploaded_by;
  std::string uploaded_by_username;  // read back by join; not written
  DateTime uploaded_at;
  std::optional<DateTime> deleted_at;
};

class AdmissionRepo {
 public:
  virtual ~AdmissionRepo() = default;

  virtual std::optional<CandidateRecord> candidate(Id id) = 0;
  // The candidates of the cells whose path starts with `path_prefix`, by name.
  virtual std::vector<CandidateRecord> candidatesUnder(const std::string& path_prefix) = 0;
  virtual std::vector<CandidateRecord> candidatesOfCell(Id cell_id) = 0;
  virtual std::optional<CandidateRecord> candidateOfMember(Id member_id) = 0;
  virtual std::vector<StageRecord> stages(Id candidate_id) = 0;
  virtual std::vector<CandidatePerson> people(Id candidate_id) = 0;
  virtual std::vector<CandidateDocument> documents(Id candidate_id) = 0;
  virtual std::optional<CandidateDocument> document(Id id) = 0;
  virtual std::optional<std::string> documentData(Id id) = 0;

  virtual Id insertCandidate(const CandidateRecord&) = 0;
  virtual void updateCandidate(const CandidateRecord&) = 0;  // every column but id and created_at
  virtual Id insertStage(const StageRecord&) = 0;
  virtual Id insertPerson(const CandidatePerson&) = 0;
  virtual void deletePerson(Id id) = 0;
  virtual Id insertDocument(const CandidateDocument&, std::string_view data) = 0;
  virtual void markDocumentDeleted(Id id, DateTime at) = 0;
};

}  // namespace chibo
