#pragma once
// SQLite implementation of AdmissionRepo, on the connection of its SqliteTx.
#include "store/admission_repo.h"
#include "store/sqlite/sqlite_db.h"

namespace chibo::sqlite {

class SqliteAdmissionRepo final : public AdmissionRepo {
 public:
  SqliteAdmissionRepo(Conn& conn, bool writable) : conn_(conn), writable_(writable) {}

  std::optional<CandidateRecord> candidate(Id id) override;
  std::vector<CandidateRecord> candidatesUnder(const std::string& path_prefix) override;
  std::vector<CandidateRecord> candidatesOfCell(Id cell_id) override;
  std::optional<CandidateRecord> candidateOfMember(Id member_id) override;
  std::vector<StageRecord> stages(Id candidate_id) override;
  std::vector<CandidatePerson> people(Id candidate_id) override;
  std::vector<CandidateDocument> documents(Id candidate_id) override;
  std::optional<CandidateDocument> document(Id id) override;
  std::optional<std::string> documentData(Id id) override;

  Id insertCandidate(const CandidateRecord&) override;
  void updateCandidate(const CandidateRecord&) override;
  Id insertStage(const StageRecord&) override;
  Id insertPerson(const CandidatePerson&) override;
  void deletePerson(Id id) override;
  Id insertDocument(const CandidateDocument&, std::string_view data) override;
  void markDocumentDeleted(Id id, DateTime at) override;

 private:
  void requireWritable() const {
    if (!writable_) throw StoreError("write attempted in a read-only transaction");
  }
  Conn& conn_;
  bool writable_;
};

}  // namespace chibo::sqlite
