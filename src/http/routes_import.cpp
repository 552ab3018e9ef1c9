// Roster import and export. The import takes the file as the raw request body
// (like attachments); what to do with it comes in the query string:
//   ?name=<file name>&mode=dry_run|commit&mapping=<col>:<field>,...&create_cells=<name>|<name>
#include <cstdio>

#include "app/documents/documents.h"
#include "app/roster_import/roster_import.h"
#include "export/xlsx_builder.h"
#include "http/api.h"
#include "http/import_json.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

constexpr size_t kMaxRosterFile = 20u << 20;  // 20 MB: a ward of 50,000 rows in .xls is about 12 MB

Result<import::MappingOverride> mappingParam(const std::optional<std::string>& raw) {
  import::MappingOverride out;
  if (!raw || raw->empty()) return out;
  auto bad = [] {
    return Error::validation({{"mapping", "invalid_mapping",
                               "Cách gán cột không hợp lệ (dạng cột:trường, cách nhau bởi dấu phẩy)."}});
  };
  std::string_view s = *raw;
  while (!s.empty()) {
    auto comma = s.find(',');
    auto part = s.substr(0, comma);
    auto colon = part.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 3) return bad();
    int col = 0;
    for (char ch : part.substr(0, colon)) {
      if (ch < '0' || ch > '9') return bad();
      col = col * 10 + (ch - '0');
    }
    auto f = import::rosterFieldFromCode(part.substr(colon + 1));
    if (!f || out.size() >= 200) return bad();
    out[col] = *f;
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<std::string> splitBar(const std::optional<std::string>& raw) {
  std::vector<std::string> out;
  if (!raw || raw->empty()) return out;
  std::string_view s = *raw;
  while (out.size() < 500) {
    auto bar = s.find('|');
    if (auto part = s.substr(0, bar); !part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

Reply importRoute(Api& api, Call& c) {
  RosterImportInput in;
  in.file_name = c.query("name").value_or("");
  auto mode = c.query("mode").value_or("dry_run");
  if (mode != "dry_run" && mode != "commit")
    return errorReply(Error::validation({{"mode", "invalid_choice", "Chế độ phải là xem trước (dry_run) hoặc ghi (commit)."}}));
  in.commit = mode == "commit";
  auto mapping = mappingParam(c.query("mapping"));
  if (!mapping) return errorReply(mapping.error());
  in.mapping = std::move(*mapping);
  in.create_cells = splitBar(c.query("create_cells"));
  in.bytes = c.req->body();
  auto r = importRoster(api.store(), c.caller, c.pathId("id"), in);
  if (!r) return errorReply(r.error());
  return jsonReply(200, importReportJson(*r));
}

// RFC 6266 with an ASCII fallback name.
Reply xlsxReply(std::string bytes, const std::string& stem) {
  Reply r{200, std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + asciiFileStem(stem) + ".xlsx\"");
  return r;
}

Reply exportRoute(Api& api, Call& c) {
  std::optional<Date> at;
  if (auto raw = c.query("at"); raw && !raw->empty()) {
    at = Date::parseIso(*raw);
    if (!at) return errorReply(Error::validation({{"at", "invalid_date", "Ngày không hợp lệ (định dạng YYYY-MM-DD)."}}));
  }
  auto r = exportRoster(api.store(), c.caller, c.pathId("id"), at);
  if (!r) return errorReply(r.error());
  auto bytes = buildXlsx(r->book);
  if (!bytes) return errorReply(bytes.error());
  return xlsxReply(std::move(*bytes), r->file_stem);
}

}  // namespace

void addImportRoutes(std::vector<Route>& out) {
  Route up{"POST", "/api/v1/orgs/{id}/roster-import", true, true, importRoute};
  up.raw_body = true;
  up.max_body = kMaxRosterFile;
  out.push_back(std::move(up));
  out.push_back({"GET", "/api/v1/orgs/{id}/roster.xlsx", true, true, exportRoute});
}

}  // namespace chibo::http
