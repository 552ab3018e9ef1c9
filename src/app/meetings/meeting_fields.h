#pragma once
// Internal to app/meetings: turning raw MeetingFields into a MeetingRecord,
// shared by create, PATCH and amendments so the three accept exactly the same
// input and audit the same diff.
#include <vector>

#include "app/meetings/meeting_access.h"

namespace chibo {

// Applies every field `in` sends to `rec`, collecting field errors in `v`.
// `creating` makes kind and planned_start required; afterwards kind is
// immutable. Chair and secretary must be on the roll on the meeting date.
// Ends with the domain's validateMeeting on the result.
void applyMeetingFields(Validator& v, ReadTx& tx, const Caller& c, const Org& org, const MeetingFields& in,
                        MeetingRecord& rec, bool creating);

// Field-by-field audit diff of two versions of a record.
std::vector<FieldChange> meetingDiff(const MeetingRecord& before, const MeetingRecord& after);

}  // namespace chibo
