// A member's dues basis (dated history) and reliefs (miễn, giảm đảng phí).
#include <algorithm>

#include "app/audit_write.h"
#include "app/dues/dues_internal.h"
#include "app/quality/kept_warnings.h"
#include "app/validate.h"

namespace chibo {
namespace {

constexpr int64_t kMaxBasis = 100000000000;  // 100 tỷ đồng a month: a typo guard, not a rule

// Refreshes the kept month rows of the member's cell from `from_ym` (at most
// two years back) to the current month, and the kept warnings.
void afterMemberDuesWrite(WriteTx& tx, const RuleCatalog& cat, const Org& cell, Id member_id, int from_ym,
                          DateTime now) {
  const int now_ym = ymOfDate(now.date());
  for (int ym = std::max(from_ym, ymAdd(now_ym, -23)); ym <= now_ym; ym = ymNext(ym))
    refreshDuesMonth(tx, cat, cell, ym, now.date());
  keptWarningsOnMemberWrite(tx, member_id, now);
}

std::optional<int> monthField(Validator& v, const std::string& field, const std::optional<std::string>& raw,
                              bool required, const std::string& what) {
  if (!raw || raw->empty()) {
    if (required) v.add(field, "required", "Vui lòng chọn " + what + ".");
    return std::nullopt;
  }
  auto ym = parseYm(*raw);
  if (!ym) v.add(field, "invalid_month", "Tháng phải có dạng YYYY-MM, ví dụ 2026-03.");
  return ym;
}

}  // namespace

using namespace dues_detail;

Result<MemberDuesView> putDuesBasis(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                    const DuesBasisInput& in) {
  auto tx = store.write();
  auto t = memberFor(*tx, c, member_id, Access::write);
  if (!t) return t.error();
  Validator v;
  std::optional<DuesBasisKind> kind;
  if (!in.kind) v.add("kind", "required", "Vui lòng chọn căn cứ đóng đảng phí.");
  else if (!(kind = duesBasisKindFromCode(*in.kind)))
    v.add("kind", "invalid_choice", "Căn cứ phải là tiền lương đóng bảo hiểm xã hội, lương hưu hoặc thu nhập khác.");
  if (in.amount_invalid || (in.amount && (*in.amount < 0 || *in.amount > kMaxBasis)))
    v.add("amount", "invalid_amount", "Số tiền phải là số nguyên đồng, không âm.");
  else if (!in.amount) v.add("amount", "required", "Vui lòng nhập số tiền làm căn cứ.");
  auto from = monthField(v, "from", in.from, true, "tháng bắt đầu áp dụng");
  if (from && *from > ymAdd(ymOfDate(c.today()), 12))
    v.add("from", "too_far", "Chỉ ghi trước tối đa 12 tháng.");
  auto note = cleanText(v, "note", in.note, false, 500, "ghi chú");
  if (!v.ok()) return v.error();
  DuesBasis b{0, member_id, *kind, *in.amount, *from, note.value_or("")};
  std::optional<DuesBasis> before;
  for (const auto& x : tx->dues().bases(member_id))
    if (x.from_ym == b.from_ym) before = x;
  if (before && before->kind == b.kind && before->amount == b.amount && before->note == b.note) {
    tx.reset();
    return getMemberDues(store, cat, c, member_id, std::nullopt);
  }
  b.id = tx->dues().putBasis(b);
  std::vector<FieldChange> changes{{"from_month", std::nullopt, ymVn(b.from_ym)}};
  diffField(changes, "kind", before ? std::optional<std::string>(std::string(label(before->kind))) : std::nullopt,
            std::string(label(b.kind)));
  diffField(changes, "amount", before ? std::optional<std::string>(formatDong(before->amount)) : std::nullopt,
            formatDong(b.amount));
  diffField(changes, "note", before ? std::optional<std::string>(before->note) : std::nullopt, b.note);
  writeAudit(*tx, c, "dues.basis", "member", member_id, t->cell, std::move(changes));
  afterMemberDuesWrite(*tx, cat, t->cell, member_id, b.from_ym, c.now);
  tx->commit();
  tx.reset();
  return getMemberDues(store, cat, c, member_id, std::nullopt);
}

Result<MemberDuesView> addDuesRelief(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                     const DuesReliefInput& in) {
  auto tx = store.write();
  auto t = memberFor(*tx, c, member_id, Access::write);
  if (!t) return t.error();
  Validator v;
  std::optional<DuesReliefKind> kind;
  if (!in.kind) v.add("kind", "required", "Vui lòng chọn miễn hay giảm đảng phí.");
  else if (!(kind = duesReliefKindFromCode(*in.kind)))
    v.add("kind", "invalid_choice", "Phải là miễn hoặc giảm đảng phí.");
  if (in.percent_invalid) v.add("percent", "invalid_choice", "Mức giảm phải là số nguyên phần trăm.");
  else if (kind == DuesReliefKind::reduction && !in.percent) v.add("percent", "required", "Vui lòng chọn mức giảm.");
  auto from = monthField(v, "from", in.from, true, "tháng bắt đầu");
  auto to = monthField(v, "to", in.to, false, "tháng kết thúc");
  auto decision = cleanText(v, "decision", in.decision, true, 300, "quyết định hoặc lý do");
  if (!v.ok()) return v.error();
  DuesRelief r{0, member_id, *kind, *kind == DuesReliefKind::exemption ? in.percent.value_or(100) : *in.percent,
               *from, to, *decision};
  auto rules = duesRulesForMonth(cat, r.from_ym);
  if (!rules) {
    Error e = rules.error();
    e.field_errors = {{"from", "no_dues_rules", e.message}};
    return e;
  }
  if (auto st = validateRelief(*rules, r); !st.ok()) return st.error();
  for (const auto& x : tx->dues().reliefs(member_id)) {
    bool before = r.to_ym && *r.to_ym < x.from_ym;
    bool after = x.to_ym && *x.to_ym < r.from_ym;
    if (!before && !after)
      return Error{ErrorKind::validation, "relief_overlap", "Thời gian trùng với một lần miễn, giảm đã ghi.",
                   {{"from", "relief_overlap", "Thời gian trùng với một lần miễn, giảm đã ghi."}}};
  }
  r.id = tx->dues().insertRelief(r);
  writeAudit(*tx, c, "dues.relief.create", "member", member_id, t->cell,
             {{"kind", std::nullopt, std::string(label(r.kind))},
              {"percent", std::nullopt, std::to_string(r.percent) + "%"},
              {"from_month", std::nullopt, ymVn(r.from_ym)},
              {"to_month", std::nullopt, r.to_ym ? std::optional<std::string>(ymVn(*r.to_ym)) : std::nullopt},
              {"decision", std::nullopt, r.decision}});
  afterMemberDuesWrite(*tx, cat, t->cell, member_id, r.from_ym, c.now);
  tx->commit();
  tx.reset();
  return getMemberDues(store, cat, c, member_id, std::nullopt);
}

Result<MemberDuesView> deleteDuesRelief(Store& store, const RuleCatalog& cat, const Caller& c, Id member_id,
                                        Id relief_id) {
  auto tx = store.write();
  auto t = memberFor(*tx, c, member_id, Access::write);
  if (!t) return t.error();
  auto r = tx->dues().relief(relief_id);
  if (!r || r->member_id != member_id) return Error::notFound();
  tx->dues().deleteRelief(relief_id);
  writeAudit(*tx, c, "dues.relief.delete", "member", member_id, t->cell,
             {{"kind", std::string(label(r->kind)), std::nullopt},
              {"percent", std::to_string(r->percent) + "%", std::nullopt},
              {"from_month", ymVn(r->from_ym), std::nullopt},
              {"to_month", r->to_ym ? std::optional<std::string>(ymVn(*r->to_ym)) : std::nullopt, std::nullopt},
              {"decision", r->decision, std::nullopt}});
  afterMemberDuesWrite(*tx, cat, t->cell, member_id, r->from_ym, c.now);
  tx->commit();
  tx.reset();
  return getMemberDues(store, cat, c, member_id, std::nullopt);
}

}  // namespace chibo
