#pragma once
// Party dues (đảng phí) use cases, Quy định 01-QĐ/TW ngày 03/02/2026: a
// member's basis and reliefs, a cell's month sheet (sổ thu: every member on
// the roll that month, the amount due prefilled, paid or not), recording the
// month's payments, and the kept month figures the roll-up sums.
//
// Scope (like the roster): reading a sheet or a member's dues needs read
// access to the cell (a member reads their own dues); writing needs write
// access; none answers 404, less than needed 403. Limits and scope before
// validation; a rejected request writes nothing; every write is audited and
// refreshes the cell's kept month figures in the same transaction.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "domain/dues/dues.h"
#include "store/dues_repo.h"

namespace chibo {

struct DuesLine {
  Member member;
  MemberState state;              // on the month's roll day
  bool on_roll = false;           // on this cell's roll that month (false: a payment left after leaving)
  DuesDue due;
  std::optional<DuesPayment> payment;
  bool unpaid = false;            // counts for R-ATT-4 b when judged today (the month is recorded here)
};

struct DuesSheet {
  Org cell;
  int ym = 0;
  Date roll_day;
  DuesRules rules;                // the set in force on the month's first day
  std::vector<DuesLine> lines;    // Vietnamese name order
  DuesMonthStats totals;
};

// The rules for a month, or a 422 "no_dues_rules" naming the month.
Result<DuesRules> duesRulesForMonth(const RuleCatalog& cat, int ym);

// The sheet computed from the records (no scope check): used by the use cases,
// the minutes, the dues book, the warnings and the kept figures.
DuesSheet computeDuesSheet(ReadTx& tx, const DuesRules& rules, const Org& cell, int ym, Date today);

// Recomputes and stores the cell's month row (dues_month_stats). Months with no
// dues rules are skipped.
void refreshDuesMonth(WriteTx& tx, const RuleCatalog& cat, const Org& cell, int ym, Date today);

// Recomputes every cell of the subtree (every cell when `root` is none) for the
// months from `from_ym` to the current month. Returns the rows written.
int rebuildDuesAggregates(WriteTx& tx, const RuleCatalog& cat, const std::optional<Org>& root, int from_ym,
                          Date today);
// At server start: rebuild when dues records exist but no kept row does (a demo
// or an upgraded database). Cheap otherwise.
void ensureDuesAggregates(Store& store, const RuleCatalog& cat, DateTime now);

// The months of `year` up to `at` that count as unpaid without good reason
// for the member (R-ATT-4 b), over whatever cells they were in. A month counts
// only when the member's cell recorded its book for it here (any dues line of
// anyone): a month the secretary has not entered (kept on paper, or not yet
// collected) is not held against each member; the system only flags, and an
// unrecorded month says nothing about who paid.
// `cache` (optional) keeps each cell's recorded months across the members of one pass.
using DuesRecordedCache = std::map<std::pair<Id, int>, std::set<int>>;  // (cell, year) -> months
std::vector<unsigned> memberUnpaidDuesMonths(ReadTx& tx, const RuleCatalog& cat, const Member& m,
                                            const std::vector<StatusPeriod>& statuses, int year, Date at,
                                            DuesRecordedCache* cache = nullptr);

// --- use cases
struct DuesSheetView {
  DuesSheet sheet;
  Access access = Access::none;
};
// month: "YYYY-MM"; default the current month. 422 month invalid/in the future, not_a_cell, no_dues_rules.
Result<DuesSheetView> getDuesSheet(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                   const std::optional<std::string>& month);

struct DuesPaymentInput {
  std::optional<Id> member_id;
  std::optional<std::string> status;   // paid | excused | unpaid (clears the record)
  std::optional<std::string> channel;  // cash | portal
  std::optional<int64_t> amount;       // đồng; default the amount due
  std::optional<std::string> reference, note;
  bool amount_invalid = false;         // sent but not a whole number (the HTTP layer says)
};
Result<DuesSheetView> putDuesPayments(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                      const std::optional<std::string>& month,
                                      const std::vector<DuesPaymentInput>& items);

struct MemberDuesView {
  Member member;
  Org cell;
  Access access = Access::none;
  std::vector<DuesBasis> bases;
  std::vector<DuesRelief> reliefs;
  int year = 0;
  struct Month {
    int ym = 0;
    Id cell_id = 0;
    DuesDue due;
    std::optional<DuesPayment> payment;
    bool unpaid = false;
    bool has_rules = false;
  };
  std::vector<Month> months;  // January to the current month of `year` (all twelve for past years)
};
Result<MemberDuesView> getMemberDues(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                     std::optional<int> year);

struct DuesBasisInput {
  std::optional<std::string> kind, from, note;
  std::optional<int64_t> amount;
  bool amount_invalid = false;
};
Result<MemberDuesView> putDuesBasis(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                    const DuesBasisInput& in);

struct DuesReliefInput {
  std::optional<std::string> kind, from, to, decision;
  std::optional<int> percent;
  bool percent_invalid = false;
};
Result<MemberDuesView> addDuesRelief(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                     const DuesReliefInput& in);
Result<MemberDuesView> deleteDuesRelief(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                        Id relief_id);

// The cell's dues book (sổ thu nộp đảng phí): the sheets of a month, or of every
// month of a year up to the current one. Read access.
struct DuesBook {
  Org cell;
  int year = 0;
  std::optional<int> month_ym;      // a month's book; none = the year's
  std::vector<DuesSheet> sheets;    // the months, oldest first
  DuesMonthStats totals;            // over the sheets
};
Result<DuesBook> getDuesBook(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                             const std::optional<std::string>& month, const std::optional<int>& year);

// "đã thu đảng phí tháng 3/2026 của 19/20 đồng chí, tổng 1.250.000 đồng" for the minutes.
std::string duesMinutesSentence(const DuesSheet& s);

}  // namespace chibo
