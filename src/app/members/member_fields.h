#pragma once
// Validation of a member's personal fields, shared by create and update.
#include "app/members/members.h"
#include "domain/result.h"

namespace chibo {

// Applies the fields present in `in` to `m`, adding field errors to `v`.
// `creating` makes full name, birth date and gender required.
void applyMemberFields(Validator& v, const MemberFields& in, Member& m, Date today, bool creating);

// The audit diff between two versions of a member record.
std::vector<FieldChange> memberDiff(const Member& before, const Member& after);

}  // namespace chibo
