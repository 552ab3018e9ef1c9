#include "domain/dues/dues.h"

#include <algorithm>
#include <array>

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<DuesBasisKind>, 3> kBasis{{
    {DuesBasisKind::salary, "salary", "Tiền lương làm căn cứ đóng bảo hiểm xã hội"},
    {DuesBasisKind::pension, "pension", "Lương hưu"},
    {DuesBasisKind::other, "other", "Thu nhập khác"},
}};
constexpr std::array<EnumRow<DuesReliefKind>, 2> kRelief{{
    {DuesReliefKind::reduction, "reduction", "Giảm đảng phí"},
    {DuesReliefKind::exemption, "exemption", "Miễn đảng phí"},
}};
constexpr std::array<EnumRow<DuesPaymentStatus>, 2> kStatus{{
    {DuesPaymentStatus::paid, "paid", "Đã đóng"},
    {DuesPaymentStatus::excused, "excused", "Chưa đóng, có lý do chính đáng"},
}};
constexpr std::array<EnumRow<DuesChannel>, 2> kChannel{{
    {DuesChannel::cash, "cash", "Tiền mặt tại chi bộ"},
    {DuesChannel::portal, "portal", "Cổng Dịch vụ công quốc gia"},
}};
}  // namespace

std::string_view toCode(DuesBasisKind e) { return detail::enumCode(kBasis, e); }
std::string_view toCode(DuesReliefKind e) { return detail::enumCode(kRelief, e); }
std::string_view toCode(DuesPaymentStatus e) { return detail::enumCode(kStatus, e); }
std::string_view toCode(DuesChannel e) { return detail::enumCode(kChannel, e); }
std::optional<DuesBasisKind> duesBasisKindFromCode(std::string_view c) { return detail::enumFromCode(kBasis, c); }
std::optional<DuesReliefKind> duesReliefKindFromCode(std::string_view c) { return detail::enumFromCode(kRelief, c); }
std::optional<DuesPaymentStatus> duesPaymentStatusFromCode(std::string_view c) {
  return detail::enumFromCode(kStatus, c);
}
std::optional<DuesChannel> duesChannelFromCode(std::string_view c) { return detail::enumFromCode(kChannel, c); }
std::string_view label(DuesBasisKind e) { return detail::enumLabel(kBasis, e); }
std::string_view label(DuesReliefKind e) { return detail::enumLabel(kRelief, e); }
std::string_view label(DuesPaymentStatus e) { return detail::enumLabel(kStatus, e); }
std::string_view label(DuesChannel e) { return detail::enumLabel(kChannel, e); }

int ymNext(int ym) { return ym % 100 == 12 ? (ym / 100 + 1) * 100 + 1 : ym + 1; }
int ymAdd(int ym, int months) {
  int idx = (ym / 100) * 12 + (ym % 100 - 1) + months;
  return (idx / 12) * 100 + idx % 12 + 1;
}
int ymDistance(int from_ym, int to_ym) {
  return (to_ym / 100 - from_ym / 100) * 12 + (to_ym % 100 - from_ym % 100);
}
Date ymFirstDay(int ym) { return *Date::fromYmd(ym / 100, unsigned(ym % 100), 1); }
Date ymLastDay(int ym) { return ymFirstDay(ymNext(ym)).addDays(-1); }
int ymOfDate(Date d) { return d.year() * 100 + int(d.month()); }

std::optional<int> parseYm(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  if (y < 1930 || y > 2200 || m < 1 || m > 12) return std::nullopt;
  return y * 100 + m;
}
std::string ymIso(int ym) {
  std::string m = std::to_string(ym % 100);
  return std::to_string(ym / 100) + "-" + (m.size() == 1 ? "0" + m : m);
}
std::string ymVn(int ym) { return std::to_string(ym % 100) + "/" + std::to_string(ym / 100); }

int64_t duesAmount(int64_t basis, int rate_bp, int reduction_percent, int unit) {
  if (basis <= 0 || rate_bp <= 0 || reduction_percent >= 100) return 0;
  if (unit < 1) unit = 1;
  // basis × rate_bp / 10000 × (100 − pct) / 100, in 1/1,000,000 đồng; a basis
  // up to 10^12 đồng keeps the product below 2^63.
  const int64_t micro = basis * rate_bp * (100 - std::max(0, reduction_percent));
  const int64_t per_unit = int64_t(unit) * 1000000;
  return (micro + per_unit / 2) / per_unit * unit;
}

int rateFor(const DuesRules& r, DuesBasisKind k) {
  switch (k) {
    case DuesBasisKind::salary: return r.salary_rate_bp.value;
    case DuesBasisKind::pension: return r.pension_rate_bp.value;
    case DuesBasisKind::other: return r.other_rate_bp.value;
  }
  return 0;
}

const DuesBasis* basisFor(const std::vector<DuesBasis>& bases, int ym) {
  const DuesBasis* best = nullptr;
  for (const auto& b : bases)
    if (b.from_ym <= ym && (!best || b.from_ym > best->from_ym)) best = &b;
  return best;
}

const DuesRelief* reliefFor(const std::vector<DuesRelief>& reliefs, int ym) {
  const DuesRelief* best = nullptr;
  for (const auto& r : reliefs) {
    if (ym < r.from_ym || (r.to_ym && *r.to_ym < ym)) continue;
    if (!best || r.percent > best->percent) best = &r;
  }
  return best;
}

Date duesRollDay(int ym, Date today) {
  Date last = ymLastDay(ym);
  return ymOfDate(today) == ym && today < last ? today : last;
}

bool owesDues(const DuesRules& r, const MemberState& st) {
  if (!st.on_roll || st.away) return false;
  if (st.exempt && r.exempt_members_pay.value == 0) return false;
  return true;
}

DuesDue duesDue(const DuesRules& r, bool owes, const std::vector<DuesBasis>& bases,
                const std::vector<DuesRelief>& reliefs, int ym) {
  DuesDue d;
  if (!owes) return d;
  const DuesRelief* rel = reliefFor(reliefs, ym);
  d.reduction_percent = rel ? rel->percent : 0;
  if (d.reduction_percent >= 100) {
    d.amount = 0;
    return d;  // exempted: not owed
  }
  d.owed = true;
  if (const DuesBasis* b = basisFor(bases, ym)) {
    d.basis_kind = b->kind;
    d.basis_amount = b->amount;
    d.rate_bp = rateFor(r, b->kind);
    d.amount = duesAmount(b->amount, d.rate_bp, d.reduction_percent, r.rounding_unit.value);
  }
  return d;
}

Status validateRelief(const DuesRules& r, const DuesRelief& rel) {
  Validator v;
  if (rel.kind == DuesReliefKind::exemption) {
    if (rel.percent != 100) v.add("percent", "invalid_choice", "Miễn đảng phí là 100%.");
  } else if (std::find(r.reduction_percents.begin(), r.reduction_percents.end(), rel.percent) ==
             r.reduction_percents.end()) {
    std::string allowed;
    for (int p : r.reduction_percents) allowed += (allowed.empty() ? "" : ", ") + std::to_string(p) + "%";
    v.add("percent", "invalid_choice", "Mức giảm phải là một trong các mức: " + allowed + ".");
  }
  if (rel.to_ym && *rel.to_ym < rel.from_ym)
    v.add("to", "date_order", "Tháng kết thúc phải sau tháng bắt đầu.");
  else if (rel.kind == DuesReliefKind::reduction) {
    if (!rel.to_ym)
      v.add("to", "required", "Giảm đảng phí phải có tháng kết thúc.");
    else if (ymDistance(rel.from_ym, *rel.to_ym) + 1 > r.max_reduction_months.value)
      v.add("to", "too_long",
            "Mỗi lần giảm đảng phí tối đa " + std::to_string(r.max_reduction_months.value) + " tháng.");
  }
  if (!v.ok()) return v.error();
  return okStatus();
}

bool monthUnpaid(const DuesRules& r, const DuesDue& due, const DuesPayment* p, int ym, Date at) {
  if (!due.owed) return false;
  if (p) return false;  // paid, or excused with a good reason
  return ymLastDay(ym).addDays(r.grace_days.value) < at;
}

std::vector<unsigned> unpaidMonths(const DuesRules& r, int year, const std::vector<std::optional<DuesDue>>& due_by_month,
                                   const std::vector<DuesPayment>& payments, Date at) {
  std::vector<unsigned> out;
  for (unsigned m = 1; m <= 12 && m <= due_by_month.size(); ++m) {
    const auto& due = due_by_month[m - 1];
    if (!due) continue;
    const int ym = year * 100 + int(m);
    const DuesPayment* p = nullptr;
    for (const auto& x : payments)
      if (x.ym == ym) p = &x;
    if (monthUnpaid(r, *due, p, ym, at)) out.push_back(m);
  }
  return out;
}

std::string formatDong(int64_t amount) {
  bool neg = amount < 0;
  std::string digits = std::to_string(neg ? -amount : amount);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (neg ? "-" : "") + out + " đồng";
}

}  // namespace chibo
