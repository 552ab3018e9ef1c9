#pragma once
// Early warnings kept as records (0011): raised when a write or the daily pass
// finds a rule broken, listed until acknowledged or until the record that
// caused them is corrected.
//
// Contract:
// - Every use case that changes what warnings are made of (a meeting and its
//   roll, preparation, resolutions and tasks; a member's placement, standing
//   or dates; a cell's creation) calls keptWarningsOnOrgWrite or
//   keptWarningsOnMemberWrite inside its own write transaction, before commit,
//   as the roll-up aggregates are kept (app/oversight/aggregates.h): the
//   records land with the write or not at all.
// - What only the calendar changes (a month's due day passing, a probation
//   ending, a task's deadline) is raised by runWarningPass, once at server
//   start and then each local day.
// - Reconciling one cell, judged today: a warning the rules find and no open
//   record holds is raised; one an open record holds is refreshed (its
//   raised_at kept). An open record the rules no longer find is
//   - superseded when a graver warning of the same rule and subject is found
//     (removal watch -> removal proposal; probation ending -> review due ->
//     review overdue; documents not posted -> posted late);
//   - kept when only the member's standing changed: the member rules are
//     judged again on the year's attendance as recorded, ignoring exemption
//     and placement (Điều lệ Điều 8(1): the chi bộ, not the calendar, decides
//     on a raised removal proposal; HD 12/2018 R-ATT-5 stops new counting for
//     an exempt member, it does not undo the months already missed);
//   - kept when it lies before the twelve months the schedule checks look at
//     (nothing judges it any more, so nothing can have corrected it);
//   - otherwise resolved as corrected (the missing meeting entered, the task
//     done, the absence re-marked, the member made official).
// The hooks do nothing until setKeptWarningsCatalog installed the rule files
// (the demo loader and unit tests write without them; the pass at start
// catches up).
#include <memory>

#include "app/context.h"
#include "app/rules/rule_loader.h"

namespace chibo {

// Installs (or, with null, removes) the rule files the write hooks judge with. Call before serving.
void setKeptWarningsCatalog(std::shared_ptr<const RuleCatalog> cat);

// Reconciles the kept warnings of the cell `org_id` belongs to (a sub-group's cell; nothing for a
// committee or an archived cell).
void keptWarningsOnOrgWrite(WriteTx& tx, Id org_id, DateTime now);
// The same for every cell the member is placed in today (and was placed in this year).
void keptWarningsOnMemberWrite(WriteTx& tx, Id member_id, DateTime now);

struct KeptWarningsChange {
  int raised = 0, refreshed = 0, resolved = 0;
};
// Reconciles one cell with `cat` (see above). Used by the hooks and the pass.
KeptWarningsChange reconcileCellWarnings(WriteTx& tx, const RuleCatalog& cat, const Org& cell, DateTime now);

struct WarningPassResult {
  bool ran = false;  // false: already done for today
  int cells = 0;
  KeptWarningsChange change;
};
// The daily pass: every cell not archived, reconciled on today's date, a few dozen cells per write
// transaction so writers wait briefly. Skipped when it already ran for today unless `force`.
WarningPassResult runWarningPass(Store& store, const RuleCatalog& cat, DateTime now, bool force = false);

}  // namespace chibo
