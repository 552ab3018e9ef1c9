#pragma once
// The figures a roll-up reads (issue 5 §7): one meeting_stats row per meeting
// and their sum per cell and month (cell_month_stats), so a dashboard costs in
// proportion to the cells and months in scope, never to the raw attendance.
//
// Keeping them current: every use case that changes what a meeting's figures
// are made of calls one of the two functions below inside its own write
// transaction, before commit, so the figures land with the write or not at all:
//   - aggregatesOnMeetingWrite: the meeting's own record changed (times, status,
//     period, guests, roll call, speeches, resolutions, task reviews, lock);
//   - aggregatesOnTaskWrite: a task was created or changed outside a review.
// rebuildAggregates recomputes from the raw records: the fallback for data
// written around the use cases (demo loader, bulk loader, imports), and the
// check that the incremental path gives the same numbers.
//
// Definitions (docs/api.md "Oversight and documents"):
// - Only held or finalized meetings of a cell are counted; a sub-group's or a
//   committee's meetings get a row (so nothing is special-cased) but never
//   reach a cell's figures (R-TOĐẢNG-1: a tổ đảng meeting does not replace the
//   chi bộ meeting) — unless a tổ đảng pilot (domain/rules/subgroup_pilot.h,
//   Hướng dẫn 03-HD/TW of 27/12/2022) is attached to the cell for the month
//   the meeting counts for: then the tổ đảng's held meetings are counted in the
//   cell's figures (attendance summed over them), their monthly flags say
//   whether every tổ đảng met (on time: within the month), and they are never
//   thematic nor graded. Attaching or detaching a pilot rebuilds the cell.
// - expected / present / excused / unexcused are the meeting's attendance
//   summary on the meeting date (roster.h decides the denominator), exactly
//   what GET /meetings/{id} shows.
// - speakers: distinct members present (and expected) who spoke; young: under
//   35 on the meeting date; new: admitted (ceremony date, else decision date)
//   less than kNewMemberMonths before the meeting date.
// - on time: a regular or combined meeting held within the month it counts for.
// - tasks assigned at the meeting, by what became of them: on time (done and
//   never reviewed late or carried over), late (reviewed late or carried over,
//   whether done since or not), open, dropped.
// - previous tasks (R-RES-1), for a regular or combined meeting: the tasks
//   assigned at meetings of the same org from the previous held monthly
//   meeting up to this one, plus any older task this meeting reviewed; the
//   reviewed ones are those this meeting recorded an outcome for.
// - monitor present: a guest marked as the upper-level monitor, or a monitor's
//   observation saying they attended.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/context.h"

namespace chibo {

inline constexpr int kYoungAge = 35;          // "đảng viên trẻ" in the seed reports: under 35
inline constexpr int kNewMemberMonths = 24;   // "đảng viên mới kết nạp": admitted within two years

// Quality grades (issue 4's score, issue 5's "quality grades"). Scoring needs the
// rule catalog, which the two dozen use cases that write meetings do not carry,
// so the server installs one grader at start-up and every refresh uses it. A
// meeting gets a grade only when held and fully scored (no judgement criterion
// still waiting for an evaluation): a provisional grade would count missing
// points as zero and call good meetings poor.
struct MeetingGrader {
  std::string fingerprint;  // which rule files grade: a different one means rebuild
  std::function<std::optional<std::string>(ReadTx&, const MeetingRecord&, const Org&)> grade;
};
// Installs (or, with null, removes) the grader. Call before serving.
void setMeetingGrader(std::shared_ptr<const MeetingGrader> grader);
// The fingerprint aggregates built by a generator carry: their grades are kept.
inline constexpr std::string_view kGeneratedGrades = "generated";

// The figures of one meeting as its record stands, read through `tx`.
MeetingStats computeMeetingStats(ReadTx& tx, const MeetingRecord& rec, const Org& org, DateTime now);

// Refreshes the meeting's row and its cell-month (both months when the period
// moved); also the meetings whose tasks this one reviewed (their task figures)
// and the next monthly meeting of the org (its previous-task figures).
void aggregatesOnMeetingWrite(WriteTx& tx, Id meeting_id, DateTime now);

// Refreshes the task's meeting and the next monthly meeting of its org.
void aggregatesOnTaskWrite(WriteTx& tx, Id task_id, DateTime now);

// Recomputes every meeting of every org in the subtree of `root` (the whole
// tree when none) and the cell-months they touch. A whole-tree rebuild marks
// the aggregates built. Returns the number of meetings seen.
int rebuildAggregates(WriteTx& tx, const std::optional<Org>& root, DateTime now);

// Runs the whole-tree rebuild when the aggregates were never built (a database
// upgraded to 0004, or filled by the demo) or were graded under other rule
// files than the installed grader's (kGeneratedGrades excepted). Cheap
// otherwise: one indexed read.
void ensureAggregates(Store& store, DateTime now);

}  // namespace chibo
