#pragma once
// The dues repository: party dues (đảng phí): each member's dues basis, reductions and monthly payments.
//
// A narrow repository reached from a transaction (tx.dues()), the shape the
// whole store moves to: one interface per concept, one backend file per
// interface. Reads see the transaction's snapshot; a write through a read
// transaction throws StoreError, and writes become durable on the
// transaction's commit().
#include <optional>
#include <string>
#include <vector>

#include "domain/dues/dues.h"
#include "store/store.h"

namespace chibo {

// One cell's month of dues (0017 dues_month_stats), kept with every dues write.
struct DuesMonthStats {
  Id cell_id = 0;  // 0 in sums over a subtree
  int ym = 0;
  std::string cell_path;
  int members_due = 0;
  int members_paid = 0;
  int members_excused = 0;
  int64_t amount_due = 0;
  int64_t amount_collected = 0;
  int64_t amount_cash = 0;
  DuesMonthStats& operator+=(const DuesMonthStats& o) {
    members_due += o.members_due;
    members_paid += o.members_paid;
    members_excused += o.members_excused;
    amount_due += o.amount_due;
    amount_collected += o.amount_collected;
    amount_cash += o.amount_cash;
    return *this;
  }
};

class DuesRepo {
 public:
  virtual ~DuesRepo() = default;

  // --- reads
  virtual std::vector<DuesBasis> bases(Id member_id) = 0;    // oldest month first
  virtual std::vector<DuesRelief> reliefs(Id member_id) = 0; // oldest month first
  virtual std::optional<DuesRelief> relief(Id id) = 0;
  virtual std::optional<DuesPayment> payment(Id member_id, int ym) = 0;
  // The member's payments (any cell) in [from_ym, to_ym], by month.
  virtual std::vector<DuesPayment> paymentsOfMember(Id member_id, int from_ym, int to_ym) = 0;
  // The payments recorded for a cell in [from_ym, to_ym], by month then member.
  virtual std::vector<DuesPayment> paymentsOfCell(Id cell_id, int from_ym, int to_ym) = 0;
  // The kept rows of one cell in [from_ym, to_ym].
  virtual std::vector<DuesMonthStats> cellMonthStats(Id cell_id, int from_ym, int to_ym) = 0;
  // Sums of the kept rows of every cell in the subtree of `path`, one per month that has rows.
  virtual std::vector<DuesMonthStats> subtreeMonthTotals(const std::string& path, int from_ym, int to_ym) = 0;

  // The months in [from_ym, to_ym] for which the cell recorded any dues line (paid or
  // excused), ascending: the months its dues book is kept here (R-ATT-4 b counts only those).
  virtual std::vector<int> recordedMonths(Id cell_id, int from_ym, int to_ym) = 0;
  // The earliest month with a payment of a cell that has no kept row for it, if any:
  // records written around the use cases (the demo loader) that the kept figures miss.
  virtual std::optional<int> earliestUnkeptPayment() = 0;

  // --- writes
  // Inserts, or replaces the basis the member already has from the same month; returns its id.
  virtual Id putBasis(const DuesBasis& b) = 0;
  virtual Id insertRelief(const DuesRelief& r) = 0;
  virtual void deleteRelief(Id id) = 0;
  virtual void putPayment(const DuesPayment& p) = 0;  // inserts or replaces (member, month)
  virtual void deletePayment(Id member_id, int ym) = 0;
  virtual void putMonthStats(const DuesMonthStats& s) = 0;
};

}  // namespace chibo
