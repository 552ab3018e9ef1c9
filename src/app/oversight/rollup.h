#pragma once
// The roll-up dashboard (issue 5 §1): the figures of any org node over any
// run of months, the same figures for each of its children, and a monthly
// series for trend charts. Everything is a sum of cell-months
// (aggregates.h), so a ward's figures are exactly the sum of its cells'.
//
// Periods are whole months: every month touched by [from, to] counts, and a
// meeting counts in the month it is held for (its period), like R-FREQ-1.
// "Due": one monthly meeting per active (not archived) cell per month that
// has ended by today; a month not yet over (the current one, or one to come)
// is due only for cells that already met in it, so a month in progress never
// shows a cell as missing.
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "store/dues_repo.h"

namespace chibo {

struct RollupFigures {
  int cells = 0;          // active cells counted
  int meetings_due = 0;
  StatsCounts sums;       // monthly_held is the "meetings held" of R-FREQ-1
  DuesMonthStats dues;    // party dues: the sum of the cells' kept dues months (app/dues)
};

struct RollupChild {
  Org org;
  RollupFigures figures;
  std::optional<int> open_warnings;  // when asked for (see getRollup)
};

struct RollupMonth {
  int year = 0;
  unsigned month = 0;
  RollupFigures figures;
};

struct RollupView {
  Org org;
  Access access = Access::none;
  Date from, to;                  // as asked (defaults filled in)
  int from_ym = 0, to_ym = 0;     // the months counted
  RollupFigures figures;
  std::optional<int> open_warnings;   // when asked for (see getRollup)
  std::vector<RollupChild> children;  // committees and cells directly below, in tree order
  std::vector<RollupMonth> months;    // every month of the period, oldest first
};

// Needs read access to the node (a member's basic access is forbidden).
// Defaults: `to` today, `from` the first day of the month eleven months
// before `to` (twelve months). Field errors: to "date_order" when to < from,
// from "range_too_long" beyond 120 months.
// With `warnings`, also the open (neither acknowledged nor corrected) early
// warnings of the node and of each child: counts of the kept records
// (app/quality/kept_warnings.h), one indexed count per node.
Result<RollupView> getRollup(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                             std::optional<Date> to, bool warnings = false);

// The same figures for a node without the scope check or the children, read
// through `tx` (the briefing report and the desk use it).
RollupView computeRollup(ReadTx& tx, const Org& org, int from_ym, int to_ym, Date today, bool with_children);

// Recomputes the aggregates of the node's subtree from the raw records
// (aggregates.h rebuildAggregates). Needs write access; audited
// ("rollup.rebuild"). Returns the number of meetings recomputed.
Result<int> rebuildRollup(Store& store, const Caller& c, Id org_id);

// Month arithmetic on yearMonth() numbers.
int nextYm(int ym);
int ymOf(Date d);

}  // namespace chibo
