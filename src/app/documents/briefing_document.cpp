// The monthly briefing (báo cáo giao ban) of a committee: workbook and report.
#include "app/documents/documents.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/oversight/aggregates.h"
#include "app/oversight/rollup.h"
#include "app/quality/quality.h"
#include "domain/meeting/vn_format.h"
#include "export/text.h"
#include "app/documents/document_common.h"

namespace chibo {
using namespace docs;

namespace {

std::optional<double> ratio(int num, int den) {
  return den > 0 ? std::optional<double>(double(num) / den) : std::nullopt;
}

XlsxCell percentCell(std::optional<double> r) { return r ? XlsxCell(XlsxPercent{*r}) : XlsxCell(std::monostate{}); }

std::string percentText(std::optional<double> r) { return r ? vnPercent(*r * 100) : "–"; }

struct CellLine {
  Org cell;
  RollupFigures f;
};

std::vector<XlsxCell> figureCells(const RollupFigures& f) {
  const StatsCounts& s = f.sums;
  std::optional<double> avg = s.duration_count ? std::optional<double>(double(s.duration_sum) / s.duration_count) : std::nullopt;
  return {int64_t(f.meetings_due),
          int64_t(s.monthly_held),
          int64_t(s.monthly_on_time),
          int64_t(s.meetings),
          avg ? XlsxCell(double(int(*avg * 10 + 0.5)) / 10) : XlsxCell(std::monostate{}),
          int64_t(s.expected),
          int64_t(s.present),
          percentCell(ratio(s.present, s.expected)),
          int64_t(s.unexcused),
          int64_t(s.speakers),
          percentCell(ratio(s.speakers, s.present)),
          percentCell(ratio(s.young_speakers, s.young_present)),
          percentCell(ratio(s.new_speakers, s.new_present)),
          int64_t(s.resolutions),
          int64_t(s.tasks_on_time),
          int64_t(s.tasks_late),
          int64_t(s.tasks_open),
          int64_t(s.monitor_present)};
}

const std::vector<std::string>& figureHeader() {
  static const std::vector<std::string> h{
      "Phải sinh hoạt", "Đã sinh hoạt", "Đúng kỳ", "Số cuộc họp", "Thời lượng TB (phút)", "Đảng viên phải dự",
      "Có mặt", "Tỷ lệ dự họp", "Vắng không lý do", "Số người phát biểu", "Tỷ lệ phát biểu",
      "Tỷ lệ phát biểu ĐV trẻ", "Tỷ lệ phát biểu ĐV mới", "Nghị quyết", "Nhiệm vụ đúng hạn", "Nhiệm vụ chậm",
      "Nhiệm vụ đang thực hiện", "Cấp ủy viên dự"};
  return h;
}

// Best first: met, then attendance rate, then speaker share, then fewer unexcused absences.
bool better(const CellLine& a, const CellLine& b) {
  auto key = [](const CellLine& l) {
    const StatsCounts& s = l.f.sums;
    return std::make_tuple(s.monthly_held > 0 ? 1 : 0, ratio(s.present, s.expected).value_or(-1),
                           ratio(s.speakers, s.present).value_or(-1), -s.unexcused);
  };
  auto ka = key(a), kb = key(b);
  if (ka != kb) return ka > kb;
  return a.cell.path < b.cell.path;
}

std::string cellSummary(const CellLine& l) {
  const StatsCounts& s = l.f.sums;
  if (s.monthly_held == 0) return l.cell.name + ": chưa sinh hoạt thường kỳ trong tháng";
  return l.cell.name + ": dự họp " + std::to_string(s.present) + "/" + std::to_string(s.expected) + " (" +
         percentText(ratio(s.present, s.expected)) + "), phát biểu " + percentText(ratio(s.speakers, s.present)) +
         ", vắng không lý do " + std::to_string(s.unexcused);
}

}  // namespace

Result<BriefingOut> briefing(Store& store, const Caller& c, Id org_id, int year, unsigned month,
                             const RuleCatalog* rules) {
  std::optional<Org> org;
  std::vector<CellLine> cells;
  RollupView totals, trend;
  const int ym = yearMonth(year, month);
  {
    auto tx = store.read();
    org = tx->org(org_id);
    if (!org) return Error::notFound();
    Access a = orgAccess(c.principal, org->path);
    if (a == Access::none) return Error::notFound();
    if (a < Access::read) return Error::forbidden();
    if (org->kind != OrgKind::committee)
      return Error{ErrorKind::validation, "not_a_committee", "Báo cáo giao ban lập cho đảng ủy (đảng bộ).",
                   {{"id", "not_a_committee", "Báo cáo giao ban lập cho đảng ủy (đảng bộ)."}}};
    if (year < 1930 || year > 9999 || month < 1 || month > 12)
      return Error::validation({{"month", "invalid_month", "Tháng không hợp lệ (định dạng YYYY-MM)."}});
  }
  ensureAggregates(store, c.now);
  {
    auto tx = store.read();
    const int now_ym = ymOf(c.today());
    std::map<Id, size_t> index;
    for (const auto& o : tx->orgSubtree(org->path)) {
      if (o.kind != OrgKind::cell || o.archived) continue;
      CellLine l{o, {}};
      l.f.cells = 1;
      l.f.meetings_due = ym < now_ym ? 1 : 0;
      cells.push_back(std::move(l));
    }
    // Tree order, as the dashboard lists children: by parent, then code, then name.
    auto parentPath = [](const Org& o) { return o.path.substr(0, o.path.rfind('/', o.path.size() - 2) + 1); };
    std::sort(cells.begin(), cells.end(), [&](const CellLine& a, const CellLine& b) {
      return std::make_tuple(parentPath(a.cell), a.cell.code, a.cell.name) < std::make_tuple(parentPath(b.cell), b.cell.code, b.cell.name);
    });
    for (size_t i = 0; i < cells.size(); ++i) index[cells[i].cell.id] = i;
    for (const auto& row : tx->cellMonthStats(org->path, ym, ym)) {
      auto it = index.find(row.cell_id);
      if (it == index.end()) continue;
      CellLine& l = cells[it->second];
      l.f.sums += row.counts;
      if (ym >= now_ym && row.counts.monthly_held > 0) l.f.meetings_due = 1;
    }
    totals = computeRollup(*tx, *org, ym, ym, c.today(), false);
    int from = ym;
    for (int i = 0; i < 11; ++i) from = from % 100 == 1 ? (from / 100 - 1) * 100 + 12 : from - 1;
    trend = computeRollup(*tx, *org, from, ym, c.today(), false);
  }
  std::vector<WarningView> warnings;
  if (rules) {
    WarningQuery q;
    q.page.limit = 500;
    if (auto w = listWarnings(store, *rules, c, org->id, q)) warnings = std::move(w->items);
  }

  const std::string period = "tháng " + std::to_string(month) + "/" + std::to_string(year);
  BriefingOut out;
  out.file_stem = "Báo cáo giao ban " + period.substr(std::string("tháng ").size()) + " " + org->name;
  std::replace(out.file_stem.begin(), out.file_stem.end(), '/', '-');

  // --- workbook: per-cell figures (first sheet: what a CSV export shows), trend, best/weakest, warnings.
  XlsxBook& book = out.book;
  book.title = "Báo cáo giao ban " + period + " – " + org->name;
  book.author = c.principal.username;
  XlsxSheet cellsSheet;
  cellsSheet.name = "Chi bộ";
  cellsSheet.title = "Kết quả sinh hoạt chi bộ " + period + " – " + org->name;
  cellsSheet.header = {"STT", "Chi bộ"};
  for (const auto& h : figureHeader()) cellsSheet.header.push_back(h);
  int stt = 0;
  for (const auto& l : cells) {
    std::vector<XlsxCell> row{int64_t(++stt), l.cell.name};
    auto fig = figureCells(l.f);
    row.insert(row.end(), fig.begin(), fig.end());
    cellsSheet.rows.push_back(std::move(row));
  }
  {
    std::vector<XlsxCell> row{std::monostate{}, std::string("Tổng cộng")};
    auto fig = figureCells(totals.figures);
    row.insert(row.end(), fig.begin(), fig.end());
    cellsSheet.rows.push_back(std::move(row));
  }
  cellsSheet.column_widths = {6, 34};
  for (size_t i = 0; i < figureHeader().size(); ++i) cellsSheet.column_widths.push_back(13);
  book.sheets.push_back(std::move(cellsSheet));

  XlsxSheet trendSheet;
  trendSheet.name = "Xu hướng 12 tháng";
  trendSheet.title = "Diễn biến 12 tháng đến " + period + " – " + org->name;
  trendSheet.header = {"Tháng"};
  for (const auto& h : figureHeader()) trendSheet.header.push_back(h);
  for (const auto& mo : trend.months) {
    std::vector<XlsxCell> row{std::to_string(mo.month) + "/" + std::to_string(mo.year)};
    auto fig = figureCells(mo.figures);
    row.insert(row.end(), fig.begin(), fig.end());
    trendSheet.rows.push_back(std::move(row));
  }
  trendSheet.column_widths = {10};
  book.sheets.push_back(std::move(trendSheet));

  std::vector<CellLine> ranked = cells;
  std::sort(ranked.begin(), ranked.end(), better);
  size_t n = std::min<size_t>(3, ranked.size() / 2);
  std::vector<CellLine> best(ranked.begin(), ranked.begin() + long(n));
  std::vector<CellLine> weakest(ranked.end() - long(n), ranked.end());
  std::reverse(weakest.begin(), weakest.end());
  XlsxSheet rankSheet;
  rankSheet.name = "Nổi bật";
  rankSheet.title = "Chi bộ tốt nhất và yếu nhất " + period +
                    " (xếp theo: đã sinh hoạt, tỷ lệ dự họp, tỷ lệ phát biểu, vắng không lý do)";
  rankSheet.header = {"Nhóm", "Chi bộ", "Đã sinh hoạt", "Tỷ lệ dự họp", "Tỷ lệ phát biểu", "Vắng không lý do"};
  auto rankRow = [](const char* group, const CellLine& l) {
    const StatsCounts& s = l.f.sums;
    return std::vector<XlsxCell>{std::string(group), l.cell.name, int64_t(s.monthly_held),
                                 percentCell(ratio(s.present, s.expected)), percentCell(ratio(s.speakers, s.present)),
                                 int64_t(s.unexcused)};
  };
  for (const auto& l : best) rankSheet.rows.push_back(rankRow("Tốt nhất", l));
  for (const auto& l : weakest) rankSheet.rows.push_back(rankRow("Cần quan tâm", l));
  rankSheet.column_widths = {14, 34, 12, 12, 14, 14};
  book.sheets.push_back(std::move(rankSheet));

  if (rules) {
    XlsxSheet warnSheet;
    warnSheet.name = "Cảnh báo";
    warnSheet.title = "Cảnh báo sớm đang mở – " + org->name;
    // The citation of the threshold (document and article), not the rule's internal id.
    warnSheet.header = {"Mức độ", "Chi bộ", "Đối tượng", "Nội dung", "Căn cứ"};
    for (const auto& w : warnings)
      if (!w.ack)
        warnSheet.rows.push_back({std::string(label(w.warning.severity)), w.org.name, w.subject_name,
                                  w.warning.message, w.warning.source});
    warnSheet.column_widths = {12, 30, 26, 80, 40};
    book.sheets.push_back(std::move(warnSheet));
  }

  // --- the same as a party document (báo cáo).
  auto tx = store.read();
  DocumentHeading h = headingOf(*tx, *org, c.today());
  PartyDocument& d = out.doc;
  d = PartyDocument{};
  d.superior_body = h.superior_body;
  d.issuing_body = h.issuing_body;
  d.place = h.place;
  d.date = h.date;
  d.doc_type = "BÁO CÁO";
  d.title = "Kết quả sinh hoạt chi bộ " + period;
  const StatsCounts& t = totals.figures.sums;
  d.body.push_back(Heading{"I. TÌNH HÌNH CHUNG"});
  d.body.push_back(plainParagraph(
      "Trong " + period + ", " + std::to_string(t.monthly_held) + "/" + std::to_string(totals.figures.meetings_due) +
      " chi bộ phải sinh hoạt đã tổ chức sinh hoạt thường kỳ (" + std::to_string(t.monthly_on_time) +
      " đúng kỳ); tổng số " + std::to_string(t.meetings) + " cuộc sinh hoạt, trong đó " +
      std::to_string(t.thematic_held) + " cuộc có nội dung chuyên đề. Đảng viên dự họp " + std::to_string(t.present) +
      "/" + std::to_string(t.expected) + " lượt (" + percentText(ratio(t.present, t.expected)) + "); vắng không lý do " +
      std::to_string(t.unexcused) + " lượt. Tỷ lệ đảng viên dự họp có phát biểu " +
      percentText(ratio(t.speakers, t.present)) + " (đảng viên trẻ: " +
      percentText(ratio(t.young_speakers, t.young_present)) + "; đảng viên mới kết nạp: " +
      percentText(ratio(t.new_speakers, t.new_present)) + "). Các chi bộ ban hành " + std::to_string(t.resolutions) +
      " nghị quyết, kết luận; nhiệm vụ giao trong tháng: " + std::to_string(t.tasks_on_time) + " hoàn thành đúng hạn, " +
      std::to_string(t.tasks_late) + " chậm, " + std::to_string(t.tasks_open) + " đang thực hiện. Cấp ủy viên dự " +
      std::to_string(t.monitor_present) + " cuộc sinh hoạt."));
  d.body.push_back(Heading{"II. KẾT QUẢ TỪNG CHI BỘ"});
  Table table;
  table.header = {"STT", "Chi bộ", "Đã SH", "Có mặt / phải dự", "Tỷ lệ", "Vắng KLD", "Phát biểu", "NV đúng hạn / chậm / đang"};
  table.widths = {1.1, 3.2, 1.0, 1.6, 1.2, 1.0, 1.2, 1.9};
  table.align = {Align::centre, Align::left, Align::centre, Align::centre, Align::centre, Align::centre, Align::centre,
                 Align::centre};
  stt = 0;
  auto tableRow = [&](std::string no, const std::string& name, const RollupFigures& f) {
    const StatsCounts& s = f.sums;
    return std::vector<std::string>{std::move(no), name, std::to_string(s.monthly_held) + "/" + std::to_string(f.meetings_due),
                                    std::to_string(s.present) + "/" + std::to_string(s.expected),
                                    percentText(ratio(s.present, s.expected)), std::to_string(s.unexcused),
                                    percentText(ratio(s.speakers, s.present)),
                                    std::to_string(s.tasks_on_time) + " / " + std::to_string(s.tasks_late) + " / " +
                                        std::to_string(s.tasks_open)};
  };
  for (const auto& l : cells) table.rows.push_back(tableRow(std::to_string(++stt), l.cell.name, l.f));
  table.rows.push_back(tableRow("", "Tổng cộng", totals.figures));
  d.body.push_back(table);
  d.body.push_back(Heading{"III. CHI BỘ TỐT NHẤT VÀ CHI BỘ CẦN QUAN TÂM"});
  d.body.push_back(plainParagraph("Xếp theo: đã sinh hoạt thường kỳ, tỷ lệ dự họp, tỷ lệ phát biểu, số vắng không lý do."));
  BulletList bl, wl;
  for (const auto& l : best) bl.items.push_back({{cellSummary(l), false, false}});
  for (const auto& l : weakest) wl.items.push_back({{cellSummary(l), false, false}});
  d.body.push_back(labelledParagraph("Tốt nhất:", ""));
  if (!bl.items.empty()) d.body.push_back(bl);
  d.body.push_back(labelledParagraph("Cần quan tâm:", ""));
  if (!wl.items.empty()) d.body.push_back(wl);
  if (rules) {
    d.body.push_back(Heading{"IV. CẢNH BÁO SỚM"});
    BulletList ws;
    for (const auto& w : warnings)
      if (!w.ack) ws.items.push_back({{w.org.name + ": " + w.warning.message, false, false}});
    if (ws.items.empty()) d.body.push_back(plainParagraph("Không có cảnh báo đang mở."));
    else d.body.push_back(ws);
  }
  d.signatures = {{"T/M ĐẢNG ỦY", "", ""}};
  d.recipients = {"Cấp ủy cấp trên (b/c),", "Các đồng chí đảng ủy viên,", "Các chi bộ trực thuộc,", "Lưu văn phòng."};
  return out;
}

}  // namespace chibo
