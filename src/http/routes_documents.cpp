// Documents as files: minutes, resolution, attendance list, the year's task
// list, and the monthly briefing. Rendering is CPU work: every route here runs
// on the worker pool.
#include <cstdio>

#include "app/documents/documents.h"
#include "app/dues/dues_book.h"
#include "app/review/review.h"
#include "export/docx_renderer.h"
#include "export/pdf_renderer.h"
#include "http/api.h"
#include "http/content_disposition.h"

namespace chibo::http {

namespace {

constexpr const char* kPdf = "application/pdf";
constexpr const char* kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Reply fileReply(std::string bytes, const char* type, const std::string& stem, const char* ext) {
  Reply r{200, std::move(bytes), type, {}};
  r.headers.emplace_back("Content-Disposition", attachmentDisposition(stem + "." + ext));
  return r;
}

Reply render(const Result<DocumentOut>& r, bool docx) {
  if (!r) return errorReply(r.error());
  const DocumentOut& d = r.value();
  auto bytes = docx ? renderDocx(d.doc) : renderPdf(d.doc);
  if (!bytes) return errorReply(bytes.error());
  return fileReply(std::move(*bytes), docx ? kDocx : kPdf, d.file_stem, docx ? "docx" : "pdf");
}

template <bool Docx>
Reply minutes(Api& api, Call& c) {
  return render(minutesDocument(api.store(), c.caller, c.pathId("id"), api.config().rules.get()), Docx);
}
template <bool Docx>
Reply resolution(Api& api, Call& c) {
  return render(resolutionDocument(api.store(), c.caller, c.pathId("id")), Docx);
}
template <bool Docx>
Reply attendanceList(Api& api, Call& c) {
  return render(attendanceDocument(api.store(), c.caller, c.pathId("id")), Docx);
}

template <bool Docx>
Reply tasks(Api& api, Call& c) {
  int year = c.caller.today().year();
  if (auto raw = c.query("year"); raw && !raw->empty()) {
    if (raw->size() != 4 || raw->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"year", "invalid_year", "Năm không hợp lệ (định dạng YYYY)."}}));
    year = std::stoi(*raw);
  }
  return render(taskListDocument(api.store(), c.caller, c.pathId("id"), year), Docx);
}

// ?month=YYYY-MM (default: the current month).
Result<std::pair<int, unsigned>> monthParam(const Call& c) {
  Date today = c.caller.today();
  auto raw = c.query("month");
  if (!raw || raw->empty()) return std::make_pair(today.year(), today.month());
  auto d = raw->size() == 7 ? Date::parseIso(*raw + "-01") : std::nullopt;
  if (!d) return Error::validation({{"month", "invalid_month", "Tháng không hợp lệ (định dạng YYYY-MM)."}});
  return std::make_pair(d->year(), d->month());
}

template <bool Xlsx>
Reply briefingRoute(Api& api, Call& c) {
  auto m = monthParam(c);
  if (!m) return errorReply(m.error());
  auto b = briefing(api.store(), c.caller, c.pathId("id"), m->first, m->second, api.config().rules.get());
  if (!b) return errorReply(b.error());
  if (Xlsx) {
    auto bytes = buildXlsx(b->book);
    if (!bytes) return errorReply(bytes.error());
    return fileReply(std::move(*bytes), kXlsx, b->file_stem, "xlsx");
  }
  auto bytes = renderPdf(b->doc);
  if (!bytes) return errorReply(bytes.error());
  return fileReply(std::move(*bytes), kPdf, b->file_stem, "pdf");
}

// The cell's dues book: ?month=YYYY-MM (default the current month) or ?year=YYYY.
template <bool Xlsx>
Reply duesBookRoute(Api& api, Call& c) {
  if (!api.config().rules) return errorReply(Error::internal("Máy chủ chưa nạp quy định."));
  std::optional<int> year;
  if (auto raw = c.query("year"); raw && !raw->empty()) {
    if (raw->size() != 4 || raw->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"year", "invalid_year", "Năm không hợp lệ (định dạng YYYY)."}}));
    year = std::stoi(*raw);
  }
  auto b = duesBookDocument(api.store(), *api.config().rules, c.caller, c.pathId("id"), c.query("month"), year);
  if (!b) return errorReply(b.error());
  if (Xlsx) {
    auto bytes = buildXlsx(b->book);
    if (!bytes) return errorReply(bytes.error());
    return fileReply(std::move(*bytes), kXlsx, b->file_stem, "xlsx");
  }
  auto bytes = renderPdf(b->doc);
  if (!bytes) return errorReply(bytes.error());
  return fileReply(std::move(*bytes), kPdf, b->file_stem, "pdf");
}

// The year-end review's papers: a member's form, a round's result list (?cell= for one cell's).
template <bool Docx>
Reply reviewForm(Api& api, Call& c) {
  const RuleCatalog* cat = api.config().rules.get();
  if (!cat) return errorReply(Error::internal("Máy chủ chưa nạp bộ quy tắc (thư mục rules)."));
  auto r = reviewFormPapers(api.store(), *cat, c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  return render(DocumentOut{std::move(r->doc), r->file_stem}, Docx);
}

enum class Format { pdf, docx, xlsx };
template <Format F>
Reply reviewResults(Api& api, Call& c) {
  const RuleCatalog* cat = api.config().rules.get();
  if (!cat) return errorReply(Error::internal("Máy chủ chưa nạp bộ quy tắc (thư mục rules)."));
  std::optional<Id> cell;
  if (auto raw = c.query("cell"); raw && !raw->empty()) {
    if (raw->size() > 18 || raw->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"cell", "invalid_type", "Mã chi bộ phải là số nguyên dương."}}));
    cell = std::stoll(*raw);
  }
  auto r = reviewResultPapers(api.store(), *cat, c.caller, c.pathId("id"), cell);
  if (!r) return errorReply(r.error());
  if (F == Format::xlsx) {
    auto bytes = buildXlsx(r->book);
    if (!bytes) return errorReply(bytes.error());
    return fileReply(std::move(*bytes), kXlsx, r->file_stem, "xlsx");
  }
  return render(DocumentOut{std::move(r->doc), r->file_stem}, F == Format::docx);
}

}  // namespace

void addDocumentRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/meetings/{id}/minutes.pdf", true, true, minutes<false>});
  out.push_back({"GET", "/api/v1/meetings/{id}/minutes.docx", true, true, minutes<true>});
  out.push_back({"GET", "/api/v1/meetings/{id}/resolution.pdf", true, true, resolution<false>});
  out.push_back({"GET", "/api/v1/meetings/{id}/resolution.docx", true, true, resolution<true>});
  out.push_back({"GET", "/api/v1/meetings/{id}/attendance.pdf", true, true, attendanceList<false>});
  out.push_back({"GET", "/api/v1/meetings/{id}/attendance.docx", true, true, attendanceList<true>});
  out.push_back({"GET", "/api/v1/orgs/{id}/tasks.pdf", true, true, tasks<false>});
  out.push_back({"GET", "/api/v1/orgs/{id}/tasks.docx", true, true, tasks<true>});
  out.push_back({"GET", "/api/v1/orgs/{id}/reports/briefing.xlsx", true, true, briefingRoute<true>});
  out.push_back({"GET", "/api/v1/orgs/{id}/reports/briefing.pdf", true, true, briefingRoute<false>});
  out.push_back({"GET", "/api/v1/orgs/{id}/reports/dues-book.xlsx", true, true, duesBookRoute<true>});
  out.push_back({"GET", "/api/v1/orgs/{id}/reports/dues-book.pdf", true, true, duesBookRoute<false>});
  out.push_back({"GET", "/api/v1/reviews/{id}/form.pdf", true, true, reviewForm<false>});
  out.push_back({"GET", "/api/v1/reviews/{id}/form.docx", true, true, reviewForm<true>});
  out.push_back({"GET", "/api/v1/review-rounds/{id}/results.pdf", true, true, reviewResults<Format::pdf>});
  out.push_back({"GET", "/api/v1/review-rounds/{id}/results.docx", true, true, reviewResults<Format::docx>});
  out.push_back({"GET", "/api/v1/review-rounds/{id}/results.xlsx", true, true, reviewResults<Format::xlsx>});
}

}  // namespace chibo::http
