// Recording a month's dues for a cell: the meeting screen's "thu đảng phí"
// posts the whole sheet (or a few lines); each line is paid (cash or the
// national portal), not paid with a good reason, or cleared.
#include <map>
#include <set>

#include "app/audit_write.h"
#include "app/dues/dues_internal.h"
#include "app/quality/kept_warnings.h"
#include "app/validate.h"

namespace chibo {
namespace {

constexpr int64_t kMaxAmount = 1000000000;  // 1 tỷ đồng: far above any month's dues; a typo guard
constexpr size_t kMaxItems = 500;           // above the largest cells (about 110 members)

std::string paymentText(const std::optional<DuesPayment>& p) {
  if (!p) return "Chưa đóng";
  if (p->status == DuesPaymentStatus::excused) return "Chưa đóng, có lý do chính đáng: " + p->note;
  std::string s = "Đã đóng " + formatDong(p->amount);
  if (p->channel) s += ", " + std::string(label(*p->channel));
  if (!p->reference.empty()) s += ", mã giao dịch " + p->reference;
  return s;
}

bool samePayment(const std::optional<DuesPayment>& a, const std::optional<DuesPayment>& b) {
  if (!a || !b) return !a && !b;
  return a->status == b->status && a->channel == b->channel && a->amount == b->amount &&
         a->reference == b->reference && a->note == b->note;
}

}  // namespace

using namespace dues_detail;

Result<DuesSheetView> putDuesPayments(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                      const std::optional<std::string>& month,
                                      const std::vector<DuesPaymentInput>& items) {
  if (items.size() > kMaxItems)
    return Error::validation({{"payments", "too_many", "Tối đa " + std::to_string(kMaxItems) + " dòng một lần."}});
  auto tx = store.write();
  auto cell = cellFor(*tx, c, cell_id, Access::write);
  if (!cell) return cell.error();
  auto ym = monthOf(month, c.today());
  if (!ym) return ym.error();
  auto rules = duesRulesForMonth(cat, *ym);
  if (!rules) return rules.error();
  if (items.empty()) return Error::validation({{"payments", "required", "Chưa có đảng viên nào để ghi."}});
  DuesSheet sheet = computeDuesSheet(*tx, *rules, *cell, *ym, c.today());
  std::map<Id, const DuesLine*> lines;
  for (const auto& l : sheet.lines)
    if (l.on_roll) lines.emplace(l.member.id, &l);

  Validator v;
  std::vector<std::pair<const DuesLine*, std::optional<DuesPayment>>> planned;
  std::set<Id> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& in = items[i];
    const std::string p = "payments[" + std::to_string(i) + "].";
    const DuesLine* line = nullptr;
    if (!in.member_id) v.add(p + "member_id", "required", "Thiếu đảng viên.");
    else if (auto it = lines.find(*in.member_id); it == lines.end())
      v.add(p + "member_id", "not_on_roll", "Đảng viên không có tên trong danh sách chi bộ tháng " + ymVn(*ym) + ".");
    else if (!seen.insert(*in.member_id).second)
      v.add(p + "member_id", "duplicate", "Mỗi đảng viên chỉ ghi một dòng.");
    else line = it->second;
    std::optional<DuesPaymentStatus> status;
    bool clear = false;
    if (!in.status) v.add(p + "status", "required", "Vui lòng chọn đã đóng hay chưa.");
    else if (*in.status == "unpaid") clear = true;
    else if (!(status = duesPaymentStatusFromCode(*in.status)))
      v.add(p + "status", "invalid_choice", "Trạng thái phải là đã đóng, chưa đóng có lý do hoặc chưa đóng.");
    std::optional<DuesChannel> channel;
    if (in.channel && !(channel = duesChannelFromCode(*in.channel)))
      v.add(p + "channel", "invalid_choice", "Hình thức nộp phải là tiền mặt hoặc Cổng Dịch vụ công quốc gia.");
    auto reference = cleanText(v, p + "reference", in.reference, false, 64, "mã giao dịch");
    auto note = cleanText(v, p + "note", in.note, false, 500, "lý do");
    if (in.amount_invalid || (in.amount && (*in.amount < 0 || *in.amount > kMaxAmount)))
      v.add(p + "amount", "invalid_amount", "Số tiền phải là số nguyên đồng, từ 0 đến 1.000.000.000.");
    if (!line || (!status && !clear)) continue;
    if (clear) {
      planned.push_back({line, std::nullopt});
      continue;
    }
    DuesPayment pay;
    pay.member_id = line->member.id;
    pay.ym = *ym;
    pay.cell_id = cell->id;
    pay.status = *status;
    pay.recorded_at = c.now;
    if (*status == DuesPaymentStatus::excused) {
      if (!line->due.owed) v.add(p + "status", "not_due", "Đảng viên không phải đóng đảng phí tháng này.");
      if (!note || note->empty()) v.add(p + "note", "required", "Vui lòng ghi lý do chính đáng.");
      pay.note = note.value_or("");
    } else {
      if (!channel) v.add(p + "channel", "required", "Vui lòng chọn hình thức nộp.");
      pay.channel = channel;
      if (channel == DuesChannel::portal && (!reference || reference->empty()))
        v.add(p + "reference", "required", "Nộp qua Cổng Dịch vụ công phải có mã giao dịch.");
      pay.reference = reference.value_or("");
      pay.note = note.value_or("");
      if (in.amount) pay.amount = *in.amount;
      else if (line->due.amount) pay.amount = *line->due.amount;
      else v.add(p + "amount", "required", "Đảng viên chưa có mức đóng: vui lòng nhập số tiền.");
      if (in.amount && line->due.owed && line->due.amount && *in.amount < *line->due.amount)
        v.add(p + "amount", "amount_below_due",
              "Số tiền thấp hơn mức phải đóng (" + formatDong(*line->due.amount) + ").");
    }
    planned.push_back({line, pay});
  }
  if (!v.ok()) return v.error();

  std::vector<FieldChange> changes{{"period", std::nullopt, "tháng " + ymVn(*ym)}};
  for (const auto& [line, pay] : planned) {
    if (samePayment(line->payment, pay)) continue;
    if (pay) tx->dues().putPayment(*pay);
    else tx->dues().deletePayment(line->member.id, *ym);
    changes.push_back({"dues[" + std::to_string(line->member.id) + "]", paymentText(line->payment), paymentText(pay)});
  }
  if (changes.size() > 1) {
    writeAudit(*tx, c, "dues.collect", "org", cell->id, *cell, std::move(changes));
    refreshDuesMonth(*tx, cat, *cell, *ym, c.today());
    keptWarningsOnOrgWrite(*tx, cell->id, c.now);
    tx->commit();
  }
  tx.reset();
  return getDuesSheet(store, cat, c, cell_id, ymIso(*ym));
}

}  // namespace chibo
