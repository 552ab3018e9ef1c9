#pragma once
// The dues repository: party dues (đảng phí): each member's dues basis, reductions and monthly payments.
//
// A narrow repository reached from a transaction (tx.dues()), the shape the
// whole store moves to: one interface per concept, one backend file per
// interface. Reads see the transaction's snapshot; a write through a read
// transaction throws StoreError, and writes become durable on the
// transaction's commit().
#include "store/store.h"

namespace chibo {

class DuesRepo {
 public:
  virtual ~DuesRepo() = default;
};

}  // namespace chibo
