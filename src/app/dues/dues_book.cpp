// The dues book as XLSX and PDF from the month sheets.
#include "app/dues/dues_book.h"

#include <algorithm>

#include "app/documents/document_common.h"

namespace chibo {
namespace {

std::string dong(int64_t v) {
  std::string s = formatDong(v);
  return s.substr(0, s.size() - std::string(" đồng").size());
}

std::string paidHow(const DuesLine& l) {
  if (!l.payment) return l.due.owed ? "Chưa đóng" : "";
  if (l.payment->status == DuesPaymentStatus::excused) return "Có lý do: " + l.payment->note;
  std::string s = l.payment->channel ? std::string(label(*l.payment->channel)) : "";
  if (!l.payment->reference.empty()) s += " (" + l.payment->reference + ")";
  return s;
}

std::string basisText(const DuesLine& l) {
  if (!l.due.owed) return l.due.reduction_percent >= 100 ? "Miễn đảng phí" : "Không phải đóng";
  if (!l.due.basis_kind) return "Chưa có căn cứ";
  std::string s = std::string(label(*l.due.basis_kind)) + " " + dong(l.due.basis_amount);
  if (l.due.reduction_percent > 0) s += ", giảm " + std::to_string(l.due.reduction_percent) + "%";
  return s;
}

std::string totalsLine(const DuesMonthStats& t) {
  const int behind = std::max(0, t.members_due - t.members_paid - t.members_excused);
  return "Phải thu " + formatDong(t.amount_due) + " của " + std::to_string(t.members_due) + " đồng chí; đã thu " +
         formatDong(t.amount_collected) + " của " + std::to_string(t.members_paid) + " đồng chí (tiền mặt " +
         formatDong(t.amount_cash) + ", nộp cấp trên " + formatDong(t.amount_cash) + "); chưa đóng có lý do chính đáng " +
         std::to_string(t.members_excused) + " đồng chí; chưa đóng " + std::to_string(behind) + " đồng chí.";
}

}  // namespace

Result<DuesBookOut> duesBookDocument(Store& store, const RuleCatalog& cat, const Caller& c, Id cell_id,
                                     const std::optional<std::string>& month, const std::optional<int>& year) {
  auto book = getDuesBook(store, cat, c, cell_id, month, year);
  if (!book) return book.error();
  const DuesBook& b = *book;
  const std::string period = b.month_ym ? "tháng " + ymVn(*b.month_ym) : "năm " + std::to_string(b.year);
  DuesBookOut out;
  out.file_stem = "Sổ thu nộp đảng phí " + b.cell.name + " " +
                  (b.month_ym ? "tháng " + std::to_string(*b.month_ym % 100) + "-" + std::to_string(b.year)
                              : "năm " + std::to_string(b.year));
  out.book.title = "Sổ thu nộp đảng phí " + b.cell.name + " " + period;
  out.book.author = "chibo";

  auto tx = store.read();
  DocumentHeading h = docs::headingOf(*tx, b.cell, c.today());
  PartyDocument& d = out.doc;
  d.superior_body = h.superior_body;
  d.issuing_body = h.issuing_body;
  d.place = h.place;
  d.date = c.today();
  d.doc_type = "SỔ THU NỘP ĐẢNG PHÍ";
  d.title = b.cell.name + " " + period;
  d.font_size = 12;

  const std::vector<std::string> header{"TT", "Họ và tên", "Căn cứ đóng", "Phải đóng (đồng)", "Đã đóng (đồng)",
                                        "Hình thức nộp", "Ngày ghi"};
  XlsxSheet summary{"Tổng hợp", "Tổng hợp thu nộp đảng phí " + b.cell.name + " " + period,
                    {"Tháng", "Phải đóng (người)", "Đã đóng (người)", "Có lý do (người)", "Chưa đóng (người)",
                     "Phải thu (đồng)", "Đã thu (đồng)", "Tiền mặt (đồng)", "Nộp cấp trên (đồng)"},
                    {}, {10, 14, 14, 14, 14, 16, 16, 16, 18}};
  for (const auto& s : b.sheets) {
    const auto& t = s.totals;
    summary.rows.push_back({ymVn(s.ym), int64_t(t.members_due), int64_t(t.members_paid), int64_t(t.members_excused),
                            int64_t(std::max(0, t.members_due - t.members_paid - t.members_excused)),
                            int64_t(t.amount_due), int64_t(t.amount_collected), int64_t(t.amount_cash),
                            int64_t(t.amount_cash)});
    XlsxSheet sheet{"Tháng " + std::to_string(s.ym % 100) + "-" + std::to_string(s.ym / 100),
                    "Tháng " + ymVn(s.ym), header, {}, {6, 28, 36, 16, 16, 30, 12}};
    Table table{header, {}, {6, 19, 19, 11, 11, 16, 14},
                {Align::centre, Align::left, Align::left, Align::right, Align::right, Align::left, Align::centre}};
    int n = 0;
    for (const auto& l : s.lines) {
      ++n;
      const bool paid = l.payment && l.payment->status == DuesPaymentStatus::paid;
      XlsxCell due = l.due.owed && l.due.amount ? XlsxCell(int64_t(*l.due.amount)) : XlsxCell(std::monostate{});
      XlsxCell got = paid ? XlsxCell(int64_t(l.payment->amount)) : XlsxCell(std::monostate{});
      XlsxCell when = l.payment ? XlsxCell(l.payment->recorded_at.date()) : XlsxCell(std::monostate{});
      sheet.rows.push_back({int64_t(n), l.member.full_name, basisText(l), due, got, paidHow(l), when});
      table.rows.push_back({std::to_string(n), l.member.full_name, basisText(l),
                            l.due.owed && l.due.amount ? dong(*l.due.amount) : "", paid ? dong(l.payment->amount) : "",
                            paidHow(l), l.payment ? l.payment->recorded_at.date().vn() : ""});
    }
    table.rows.push_back({"", "Cộng", "", dong(t.amount_due), dong(t.amount_collected), "", ""});
    sheet.rows.push_back({std::monostate{}, std::string("Cộng"), std::monostate{}, int64_t(t.amount_due),
                          int64_t(t.amount_collected), std::monostate{}, std::monostate{}});
    out.book.sheets.push_back(std::move(sheet));
    if (b.sheets.size() > 1) d.body.push_back(Heading{"Tháng " + ymVn(s.ym), 2});
    d.body.push_back(std::move(table));
    d.body.push_back(plainParagraph(totalsLine(t)));
  }
  if (b.sheets.size() > 1) {
    d.body.push_back(Heading{"Cộng " + period, 2});
    d.body.push_back(plainParagraph(totalsLine(b.totals)));
  }
  out.book.sheets.insert(out.book.sheets.begin(), std::move(summary));
  std::string signer;
  for (const auto& r : tx->rolesInOrg(b.cell.id))
    if (r.role == MemberRole::secretary && covers(r, c.today()))
      if (auto mm = tx->member(r.member_id)) signer = mm->full_name;
  d.signatures = {docs::cellSignature(b.cell, signer)};
  return out;
}

}  // namespace chibo
