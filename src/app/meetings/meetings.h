#pragma once
// Use cases on meetings (issue 3): planning a meeting, preparing it, holding
// it and reading it back. Live-mode writes are in live.h, resolutions and
// tasks in resolutions.h, locking in lock.h, planning ahead in planning.h and
// the member's own lists in mine.h.
//
// Scope: a meeting is seen and changed through its org: `basic` access (a
// member in their own cell) and `read` (a monitor) may read it, `write` (the
// cell committee and everyone above) may change it. Invisible meetings answer
// not_found; visible but read-only ones forbidden.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/orgs/orgs.h"
#include "domain/meeting/completeness.h"
#include "domain/meeting/vote.h"
#include "domain/roster.h"
#include "store/meeting_records.h"

namespace chibo {

// One line of the roll on the meeting date: who is expected, who is shown but
// left out of the denominator (and why), and the mark recorded so far.
struct RollLine {
  Id member_id = 0;
  std::string full_name;
  MemberState state;
  std::optional<ExclusionReason> excluded;
  std::optional<AttendanceRecord> mark;
};

struct TaskView {
  Task task;
  bool overdue = false;               // pending with a deadline before today
  std::optional<TaskReview> review;   // carried tasks: what this meeting recorded about it
};

struct ResolutionView {
  Resolution resolution;
  std::string number_text;            // "Số 01-NQ/CB", empty without a number
  std::optional<VoteOutcome> outcome; // when a vote is recorded
};

struct SlotTally {
  MeetingSlot slot;
  std::vector<Id> member_ids;  // who can attend, ascending
};

struct MeetingView {
  MeetingRecord record;
  Org org;
  Access access = Access::none;
  std::vector<MonitorView> monitors;  // the upper-level members following the cell on the meeting date
  std::vector<AgendaItem> agenda;
  std::vector<AgendaItem> agenda_missing;  // required steps not ticked (R-AGENDA)
  std::vector<RollLine> roll;
  AttendanceSummary attendance;
  std::vector<Speech> speeches;
  std::vector<ResolutionView> resolutions;
  std::vector<TaskView> tasks;          // assigned at this meeting
  std::vector<TaskView> carried_tasks;  // earlier tasks this meeting reviews (R-RES-1)
  std::vector<SlotTally> slots;
  std::optional<Id> best_slot_id;
  PreparationReport preparation;
  CompletenessReport completeness;
  Voters voters;  // who counts in a vote's `eligible` (R-RES-2), computed by the server
  std::map<Id, std::string> names;  // full name of every member the view mentions
};

// Meetings of an org with planned start on dates [from, to] (inclusive, either
// open), oldest first. Needs basic access.
Result<std::vector<MeetingRecord>> listMeetings(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                                                std::optional<Date> to);

// The attendance rate (present / expected × 100) of each held or locked cell
// meeting among `meetings`, from the kept per-meeting figures, so a list of
// meetings needs one request instead of one per meeting. Meetings without
// figures (planned, cancelled, of a committee) are absent from the map.
std::map<Id, double> attendanceRates(Store& store, const std::vector<MeetingRecord>& meetings);

Result<MeetingView> getMeeting(Store& store, const Caller& c, Id id);

struct GuestInput {
  std::optional<std::string> name, position;
  std::optional<Id> member_id;
  std::optional<bool> upper_monitor;
};

// Raw fields of a meeting; absent = not sent. Instants are ISO 8601 or "now";
// "" clears an optional one.
struct MeetingFields {
  std::optional<std::string> kind, topic, planned_start, place, conclusion, status;
  std::optional<std::string> started_at, ended_at, minutes_read_back_at;
  std::optional<Id> chair_member_id, secretary_member_id, thematic_plan_id;
  std::optional<std::vector<GuestInput>> guests;
  std::optional<int> period_year, period_month;
  std::optional<bool> from_paper_book;  // entered after the fact from the paper minutes book
  std::optional<int> version;  // the version read; a stale one answers 409 version_conflict
};

// Plans a meeting of `org_id` with the agenda template of its kind. 201.
Result<MeetingView> createMeeting(Store& store, const Caller& c, Id org_id, const MeetingFields& in);
// Edits a meeting that is not locked (409 meeting_locked) nor cancelled.
// `status` accepts only "cancelled" (from planned); the rest of the lifecycle
// has its own use cases.
Result<MeetingView> updateMeeting(Store& store, const Caller& c, Id id, const MeetingFields& in);

// Live mode: the chair opens the meeting (planned -> held) and closes it.
Result<MeetingView> startMeeting(Store& store, const Caller& c, Id id, const std::optional<std::string>& at);
Result<MeetingView> endMeeting(Store& store, const Caller& c, Id id, const std::optional<std::string>& at,
                               bool minutes_read_back);

struct PreparationFields {
  std::optional<std::string> chi_uy_meeting_at, draft_resolution_at, notice_members_at, notice_monitor_at,
      documents_published_at;
  std::optional<Id> content_preparer_member_id;
};
Result<MeetingView> updatePreparation(Store& store, const Caller& c, Id id, const PreparationFields& in);

struct AgendaItemInput {
  std::optional<Id> id;  // an existing item; none = a new one
  std::optional<std::string> title, phase, notes;
  std::optional<bool> required, done;
};
// Replaces the agenda with `items`, in that order. Items kept keep their step
// code (so R-AGENDA still recognises them); new items have none.
// Scope before validation: 404 when the caller may not know meeting `id` exists, 403 when they
// may see it but hold less than `need` on its org. Routes whose body must be read before the use
// case runs call this first, so an out-of-scope caller learns nothing from a validation answer.
Status checkMeetingScope(Store& store, const Caller& c, Id id, Access need);
Result<MeetingView> replaceAgenda(Store& store, const Caller& c, Id id, const std::vector<AgendaItemInput>& items);

}  // namespace chibo
