#pragma once
// The admission repository: the new-member pipeline (phát triển đảng viên): candidates, stages, introducers, decisions.
//
// A narrow repository reached from a transaction (tx.admission()), the shape the
// whole store moves to: one interface per concept, one backend file per
// interface. Reads see the transaction's snapshot; a write through a read
// transaction throws StoreError, and writes become durable on the
// transaction's commit().
#include "store/store.h"

namespace chibo {

class AdmissionRepo {
 public:
  virtual ~AdmissionRepo() = default;
};

}  // namespace chibo
