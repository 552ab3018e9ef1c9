#pragma once
// Party dues (đảng phí) computations, Quy định 01-QĐ/TW ngày 03/02/2026
// (R-FEE-1, R-ATT-4 b). Pure: amounts in đồng as int64,
// months as yearMonth keys (2026 * 100 + 3).
//
// Rules applied (every number comes from DuesRules):
// - amount = basis × rate (basis points) × (100 − reduction %) / 100, rounded
//   half up to the rule's rounding unit, all in integer arithmetic: the
//   product is computed in 1/1,000,000 đồng so no step truncates.
// - A basis holds from its month until the next basis of the member.
// - A relief (miễn or giảm đảng phí) covers whole months [from, to]; an
//   exemption makes the amount 0 and the month not owed.
// - Who owes a cell in a month: the member on its roll on the month's last day
//   (today for the month in progress): on the roll, not away (sinh hoạt tạm
//   thời đi pays where they are hosted), and, unless the rules say exempt
//   members pay, not exempt from meetings (miễn công tác và sinh hoạt đảng).
//   Probationary members pay (Điều lệ; QĐ 01-QĐ/TW). Members not yet in the
//   cell owe nothing for earlier months.
// - Unpaid month (R-ATT-4 b): owed, no relief exempting it, no payment and no
//   good reason recorded, and over: its last day + grace days < the day judged.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/dues/dues_rules.h"
#include "domain/ids.h"
#include "domain/roster.h"

namespace chibo {

enum class DuesBasisKind { salary, pension, other };
enum class DuesReliefKind { reduction, exemption };
enum class DuesPaymentStatus { paid, excused };  // excused: not paid with a good reason
enum class DuesChannel { cash, portal };         // tiền mặt tại chi bộ | Cổng Dịch vụ công quốc gia

std::string_view toCode(DuesBasisKind);
std::string_view toCode(DuesReliefKind);
std::string_view toCode(DuesPaymentStatus);
std::string_view toCode(DuesChannel);
std::optional<DuesBasisKind> duesBasisKindFromCode(std::string_view);
std::optional<DuesReliefKind> duesReliefKindFromCode(std::string_view);
std::optional<DuesPaymentStatus> duesPaymentStatusFromCode(std::string_view);
std::optional<DuesChannel> duesChannelFromCode(std::string_view);
std::string_view label(DuesBasisKind);  // Vietnamese
std::string_view label(DuesReliefKind);
std::string_view label(DuesPaymentStatus);
std::string_view label(DuesChannel);

struct DuesBasis {
  Id id = 0;
  Id member_id = 0;
  DuesBasisKind kind = DuesBasisKind::salary;
  int64_t amount = 0;  // đồng per month: the salary base, the pension, or the other income
  int from_ym = 0;     // holds from this month until the next basis
  std::string note;
};

struct DuesRelief {
  Id id = 0;
  Id member_id = 0;
  DuesReliefKind kind = DuesReliefKind::reduction;
  int percent = 0;  // reductions: one of the rule's percents; exemptions: 100
  int from_ym = 0;
  std::optional<int> to_ym;  // inclusive; reductions always have one
  std::string decision;      // the decision or reason (số, ngày quyết định)
};

struct DuesPayment {
  Id member_id = 0;
  int ym = 0;
  Id cell_id = 0;
  DuesPaymentStatus status = DuesPaymentStatus::paid;
  std::optional<DuesChannel> channel;  // paid only
  int64_t amount = 0;                  // paid only
  std::string reference;               // portal reference number
  std::string note;                    // the good reason, for excused
  DateTime recorded_at;
};

// --- months
int ymNext(int ym);
int ymAdd(int ym, int months);
int ymDistance(int from_ym, int to_ym);  // months from one to the other, inclusive count - 1
Date ymFirstDay(int ym);
Date ymLastDay(int ym);
int ymOfDate(Date d);
std::optional<int> parseYm(std::string_view);  // "2026-03"
std::string ymIso(int ym);                      // "2026-03"
std::string ymVn(int ym);                       // "3/2026"

// The amount, rounded as above. Negative inputs are not allowed (treated as 0).
int64_t duesAmount(int64_t basis_amount, int rate_bp, int reduction_percent, int rounding_unit);
int rateFor(const DuesRules&, DuesBasisKind);

// The basis in force in `ym` (the latest from_ym ≤ ym), if any.
const DuesBasis* basisFor(const std::vector<DuesBasis>&, int ym);
// The relief covering `ym` (an exemption wins over a reduction), if any.
const DuesRelief* reliefFor(const std::vector<DuesRelief>&, int ym);

// The day a month's roll is read on: its last day, or `today` for the month in progress.
Date duesRollDay(int ym, Date today);

// Whether the member state (on the roll day) owes dues to the cell.
bool owesDues(const DuesRules&, const MemberState&);

struct DuesDue {
  bool owed = false;                // on the roll, owing, not exempted by a relief
  std::optional<int64_t> amount;    // none when no basis is recorded
  std::optional<DuesBasisKind> basis_kind;
  int64_t basis_amount = 0;
  int rate_bp = 0;
  int reduction_percent = 0;        // 100 for an exemption
};
// The month's due for a member owing on the roll day.
DuesDue duesDue(const DuesRules&, bool owes, const std::vector<DuesBasis>&, const std::vector<DuesRelief>&, int ym);

// Relief checks: percent allowed (or 100 for an exemption), months ordered,
// a reduction has an end and spans at most max_reduction_months. Field errors
// on "percent", "to", "from".
Status validateRelief(const DuesRules&, const DuesRelief&);

// Whether the month counts as unpaid without good reason when judged on `at`.
bool monthUnpaid(const DuesRules&, const DuesDue&, const DuesPayment* payment, int ym, Date at);

// The months of `year` (ascending) that count as unpaid on `at`, given the
// due of each month (owed_by_month[m-1]; missing = not owed) and payments.
std::vector<unsigned> unpaidMonths(const DuesRules&, int year, const std::vector<std::optional<DuesDue>>& due_by_month,
                                   const std::vector<DuesPayment>& payments, Date at);

// "1.250.000 đồng" (Vietnamese thousands separator).
std::string formatDong(int64_t amount);

}  // namespace chibo
