#pragma once
// What creating one member account means, shared by the single and the
// whole-cell use cases: inside the caller's write transaction.
#include "app/users/users.h"

namespace chibo {

// Creates the account of `m` (placed in `cell`) with grants derived from the
// roster, less any the caller may not give, a fresh activation code and its
// audit row. The caller has checked scope and that `m` has no account.
IssuedAccount issueMemberAccount(WriteTx& tx, const Caller& c, const Member& m, const Org& cell,
                                 const AccountConfig& cfg);

// Puts a fresh code on `u` (expiring after cfg.activation_days) and returns it.
std::string putActivationCode(User& u, DateTime now, const AccountConfig& cfg);

}  // namespace chibo

namespace chibo {

struct PlacedMember {
  Member member;
  Org cell;
};
// Members on the roll under `root` on `today` without an account, by cell
// then Vietnamese name order.
std::vector<PlacedMember> onRollWithoutAccount(ReadTx& tx, const Org& root, Date today);

}  // namespace chibo
