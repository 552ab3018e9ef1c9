#pragma once
// Internal to app/meetings: loading a meeting with the caller's access, the
// lock rules every write shares, the roll on the meeting date and the view
// builder. Not a use-case API.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/meetings/live.h"
#include "app/meetings/meetings.h"

namespace chibo {

struct MeetingCtx {
  MeetingRecord rec;
  Org org;
  Access access = Access::none;
};

// The meeting and its org; not_found when either is missing or the caller has
// no access to the org at all.
Result<MeetingCtx> loadMeeting(ReadTx& tx, const Caller& c, Id id);
// The same, and forbidden unless the caller may write the org.
Result<MeetingCtx> loadWritableMeeting(ReadTx& tx, const Caller& c, Id id);

// 409 meeting_locked once the minutes are locked (changes go through an
// amendment), 409 meeting_cancelled for a cancelled meeting.
Status requireOpen(const MeetingRecord& m);
// The same inside a write use case. A direct edit of locked minutes is refused
// and the attempt is recorded in the audit log ("meeting.locked_edit_rejected",
// naming what was `attempted`) and committed on its own: the minutes stay
// untouched, and who tried to change a locked book stays on record (issue 3).
Status requireOpen(WriteTx& tx, const Caller& c, const MeetingCtx& ctx, std::string_view attempted);
Error lockedError();

// The date the roll is taken on: the day it started, else the planned day.
Date meetingDate(const MeetingRecord& m);

// Who is on the roll of the meeting on `at`, sorted the Vietnamese way. A
// cell's or sub-group's meeting takes its roster (members whose cell period
// covers the date, with their state from status periods); a committee's takes
// the members holding a role in it that day.
std::vector<RosterEntry> meetingRoll(ReadTx& tx, const Org& org, Date at);

// The committee term of `org` covering `at`, if any (documents are numbered per term).
std::optional<Id> termOn(ReadTx& tx, Id org_id, Date at);

// False when `iso` ends in an explicit UTC offset outside -12:00..+14:00.
bool realUtcOffset(std::string_view iso);

// Parses an instant field: absent -> nullopt; "" -> engaged nullopt (clear);
// "now" -> `now`; else ISO 8601 (local time when no offset, an offset only
// within -12:00..+14:00: invalid_offset), or a field error.
std::optional<std::optional<DateTime>> parseInstant(Validator& v, const std::string& field,
                                                    const std::optional<std::string>& raw, DateTime now,
                                                    const std::string& label);

// Earlier tasks that meeting `m` reviews: those pending from meetings of the
// org planned before it, plus those it already reviewed (with its review).
// A locked meeting shows only what it reviewed: the book does not change.
std::vector<TaskView> carriedTasks(ReadTx& tx, const MeetingRecord& m, Date today);

// Everything GET /meetings/{id} shows, read through `tx` (a write transaction
// reads its own changes, so finalisation can check what it is about to lock).
MeetingView buildMeetingView(ReadTx& tx, const Caller& c, const MeetingCtx& ctx);

// How many days before a meeting its documents are due (R-PREP-1) for an org on
// a day: the server installs the rule files' answer at start-up; HD 42's 1 day
// until then. Installed once, before serving.
void setDocumentsDaysRule(std::function<int(ReadTx&, const Org&, Date)> rule);
// Whether probationary members count as voters for an org on a day (R-RES-2):
// the rule files' answer, installed at start-up; unset means no (Điều lệ Điều 3).
void setProbationaryVotesRule(std::function<bool(ReadTx&, const Org&, Date)> rule);
const std::function<bool(ReadTx&, const Org&, Date)>& probationaryVotesRule();

// A resolution with its number text ("Số 01-NQ/CB") and vote outcome.
ResolutionView resolutionView(const Resolution& r);
// The issuer symbol of an org's documents: "ĐU" for a committee, "CB" for a cell.
std::string issuerSymbol(const Org& org);

// The record the completeness check runs on (R-MIN-1, R-RES-1).
MinutesRecord minutesRecord(const MeetingView& v);

// Validates roll-call items against the roll on the meeting date (shared by
// PUT /attendance and amendments). Field paths use the API's names:
// items[i].member_id, .status, .reason_category, .reason.
Result<std::vector<AttendanceRecord>> rollMarks(ReadTx& tx, const MeetingCtx& ctx,
                                                const std::vector<AttendanceItemInput>& items, DateTime now);

// One audit change per member whose mark differs: "attendance[<member id>]".
std::vector<FieldChange> attendanceDiff(const std::vector<AttendanceRecord>& before,
                                        const std::vector<AttendanceRecord>& after);

// Full names for ids, from the roll when possible, else from the store.
void addNames(ReadTx& tx, std::map<Id, std::string>& names, const std::vector<Id>& ids);

}  // namespace chibo
