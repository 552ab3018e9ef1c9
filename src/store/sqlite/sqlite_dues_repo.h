#pragma once
// SQLite implementation of DuesRepo, on the connection of its SqliteTx.
#include "store/dues_repo.h"
#include "store/sqlite/sqlite_db.h"

namespace chibo::sqlite {

class SqliteDuesRepo final : public DuesRepo {
 public:
  SqliteDuesRepo(Conn& conn, bool writable) : conn_(conn), writable_(writable) {}

  std::vector<DuesBasis> bases(Id member_id) override;
  std::vector<DuesRelief> reliefs(Id member_id) override;
  std::optional<DuesRelief> relief(Id id) override;
  std::optional<DuesPayment> payment(Id member_id, int ym) override;
  std::vector<DuesPayment> paymentsOfMember(Id member_id, int from_ym, int to_ym) override;
  std::vector<DuesPayment> paymentsOfCell(Id cell_id, int from_ym, int to_ym) override;
  std::vector<DuesMonthStats> cellMonthStats(Id cell_id, int from_ym, int to_ym) override;
  std::vector<DuesMonthStats> subtreeMonthTotals(const std::string& path, int from_ym, int to_ym) override;

  std::optional<int> earliestUnkeptPayment() override;
  std::vector<int> recordedMonths(Id cell_id, int from_ym, int to_ym) override;

  Id putBasis(const DuesBasis& b) override;
  Id insertRelief(const DuesRelief& r) override;
  void deleteRelief(Id id) override;
  void putPayment(const DuesPayment& p) override;
  void deletePayment(Id member_id, int ym) override;
  void putMonthStats(const DuesMonthStats& s) override;

 private:
  void requireWritable() const {
    if (!writable_) throw StoreError("write attempted in a read-only transaction");
  }
  Conn& conn_;
  bool writable_;
};

}  // namespace chibo::sqlite
