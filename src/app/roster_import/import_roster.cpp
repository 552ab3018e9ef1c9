// The roster import use case: scope, limits, reading the file, then one
// ImportSession in one write transaction, committed only when asked and only
// when something changed (re-importing the same file writes nothing at all).
#include <sodium.h>

#include "app/audit_write.h"
#include "app/roster_import/import_session.h"
#include "app/roster_import/roster_import.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {

std::string sha256Hex(const std::string& s) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : h) out += hex[b >> 4], out += hex[b & 15];
  return out;
}

}  // namespace

std::string_view toCode(ImportAction a) {
  switch (a) {
    case ImportAction::create: return "create";
    case ImportAction::update: return "update";
    case ImportAction::unchanged: return "unchanged";
    case ImportAction::refuse: return "refuse";
  }
  return "refuse";
}

Result<RosterImportReport> importRoster(Store& store, const Caller& c, Id org_id, const RosterImportInput& in) {
  // Scope before anything about the file; checked again in the write transaction.
  auto scope = [&](ReadTx& t) -> Result<Org> {
    auto org = t.org(org_id);
    if (!org) return Error::notFound();
    Access a = orgAccess(c.principal, org->path);
    if (a == Access::none) return Error::notFound();
    if (a < Access::write) return Error::forbidden();
    if (org->kind == OrgKind::subgroup || org->archived)
      return Error::validation({{"org_id", "not_importable", "Chỉ nhập danh sách vào đảng ủy hoặc chi bộ đang hoạt động."}});
    return *org;
  };
  if (auto s = scope(*store.read()); !s) return s.error();
  Validator v;
  std::string file_name = in.file_name;
  if (file_name.empty()) file_name = "danh-sach";
  if (file_name.size() > 255 || !isValidUtf8(file_name)) v.add("name", "invalid_name", "Tên tệp không hợp lệ.");
  if (!v.ok()) return v.error();
  auto table = import::readRosterTable(in.bytes, import::ReadLimits{}, in.mapping);
  if (!table) return table.error();
  RosterImportReport report;
  report.file_name = file_name;
  report.sha256 = sha256Hex(in.bytes);
  report.format = table->format;
  report.encoding = std::string(import::label(table->encoding));
  report.converted_cells = table->converted_cells;
  report.header_row = table->header_row;
  for (size_t i = 0; i < table->mapping.size(); ++i) {
    const auto& col = import::rosterColumn(table->mapping[i]);
    report.columns.push_back({int(i), table->headers[i], std::string(col.code),
                              table->mapping[i] == import::RosterField::ignore ? "(bỏ qua)" : std::string(col.header),
                              table->mapping_detected[i]});
  }
  // The file is read outside the write lock; the session then runs under it.
  auto tx = store.write();
  auto org = scope(*tx);
  if (!org) return org.error();
  RosterImportInput named = in;
  named.file_name = file_name;
  ImportSession session(*tx, c, *org, *table, named);
  session.run(report);
  if (in.commit && session.changedAnything()) {
    std::vector<FieldChange> summary = {
        {"file_name", std::nullopt, file_name},
        {"sha256", std::nullopt, report.sha256},
        {"created", std::nullopt, std::to_string(report.created)},
        {"updated", std::nullopt, std::to_string(report.updated)},
        {"unchanged", std::nullopt, std::to_string(report.unchanged)},
        {"refused", std::nullopt, std::to_string(report.refused)},
    };
    if (table->encoding != import::LegacyEncoding::none)
      summary.push_back({"encoding", std::nullopt, report.encoding});
    writeAudit(*tx, c, "roster.import", "org", org->id, *org, std::move(summary));
    tx->commit();
    report.committed = true;
  }
  // A dry run (or a commit with nothing to change) ends here: the destructor rolls back.
  return report;
}

}  // namespace chibo
