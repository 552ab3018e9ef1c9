#include "http/import_json.h"

namespace chibo::http {
namespace json = boost::json;

json::object importReportJson(const RosterImportReport& r) {
  json::array columns;
  for (const auto& c : r.columns)
    columns.push_back(json::object{{"index", c.index}, {"header", c.header}, {"field", c.field}, {"label", c.label},
                                   {"detected", c.detected}});
  json::array fields;
  for (const auto& c : import::rosterColumns()) fields.push_back(json::object{{"field", c.code}, {"label", c.header}});
  json::array rows;
  for (const auto& row : r.rows) {
    json::array changes, problems, candidates, notes;
    for (const auto& ch : row.changes)
      changes.push_back(json::object{{"field", ch.field}, {"label", ch.label}, {"before", ch.before}, {"after", ch.after}});
    for (const auto& p : row.problems)
      problems.push_back(json::object{{"column", p.column}, {"code", p.code}, {"message", p.message}});
    for (const auto& s : row.candidates) candidates.push_back(json::string(s));
    for (const auto& s : row.notes) notes.push_back(json::string(s));
    json::object o{{"row", row.row},
                   {"action", toCode(row.action)},
                   {"full_name", row.full_name},
                   {"cell", row.cell_name},
                   {"changes", std::move(changes)},
                   {"problems", std::move(problems)},
                   {"candidates", std::move(candidates)},
                   {"notes", std::move(notes)}};
    if (row.member_id) o["member_id"] = *row.member_id;
    else o["member_id"] = nullptr;
    rows.push_back(std::move(o));
  }
  json::array missing, created;
  for (const auto& s : r.missing_cells) missing.push_back(json::string(s));
  for (const auto& s : r.created_cells) created.push_back(json::string(s));
  return json::object{{"file_name", r.file_name},
                      {"sha256", r.sha256},
                      {"format", r.format},
                      {"encoding", r.encoding},
                      {"converted_cells", r.converted_cells},
                      {"header_row", r.header_row},
                      {"columns", std::move(columns)},
                      {"fields", std::move(fields)},
                      {"rows", std::move(rows)},
                      {"counts", json::object{{"create", r.created}, {"update", r.updated}, {"unchanged", r.unchanged},
                                              {"refuse", r.refused}}},
                      {"missing_cells", std::move(missing)},
                      {"created_cells", std::move(created)},
                      {"committed", r.committed}};
}

}  // namespace chibo::http
