#include "cli/import_commands.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/roster_import/roster_import.h"
#include "export/xlsx_builder.h"

namespace chibo::cli {
namespace {

struct Options {
  std::string db = "data/chibo.db";
  Id org = 0;
  std::string file, out, at, create_cells;
  bool dry_run = false;
};

// The operator on the server's console may act on the whole tree.
Caller systemCaller() {
  Principal p{0, "system", std::nullopt, {}, {}, std::nullopt};
  p.grants.push_back(Grant{UserRole::admin, 0, "/"});
  return Caller{p, DateTime::now()};
}

void printError(const Error& e) {
  std::cerr << "Không nhập được: " << e.message << "\n";
  for (const auto& f : e.field_errors) std::cerr << "  " << f.message << "\n";
}

void printReport(const RosterImportReport& r, bool dry_run) {
  std::cout << "Tệp: " << r.file_name << " (" << r.format << ", SHA-256 " << r.sha256 << ")\n";
  if (r.converted_cells)
    std::cout << "Đã chuyển " << r.converted_cells << " ô từ mã " << r.encoding << " sang Unicode.\n";
  std::cout << "Dòng tiêu đề: " << r.header_row << "\n";
  for (const auto& c : r.columns)
    std::cout << "  Cột " << c.index + 1 << " \"" << c.header << "\" -> " << c.label << "\n";
  for (const auto& row : r.rows) {
    if (row.action == ImportAction::unchanged) continue;
    const char* what = row.action == ImportAction::create ? "Thêm mới"
                       : row.action == ImportAction::update ? "Cập nhật"
                                                            : "Từ chối";
    std::cout << "Dòng " << row.row << ": " << what << " — " << row.full_name;
    if (!row.cell_name.empty()) std::cout << " (" << row.cell_name << ")";
    std::cout << "\n";
    for (const auto& ch : row.changes)
      std::cout << "    " << ch.label << ": " << (ch.before.empty() ? "(trống)" : ch.before) << " → "
                << (ch.after.empty() ? "(trống)" : ch.after) << "\n";
    for (const auto& p : row.problems)
      std::cout << "    " << (p.column.empty() ? "" : "[" + p.column + "] ") << p.message << "\n";
    for (const auto& c : row.candidates) std::cout << "    có thể là: " << c << "\n";
    for (const auto& n : row.notes) std::cout << "    lưu ý: " << n << "\n";
  }
  for (const auto& c : r.missing_cells) std::cout << "Chi bộ chưa có (dùng --create-cells để tạo): " << c << "\n";
  for (const auto& c : r.created_cells) std::cout << "Tạo chi bộ: " << c << "\n";
  std::cout << "Thêm mới " << r.created << ", cập nhật " << r.updated << ", không đổi " << r.unchanged << ", từ chối "
            << r.refused << " dòng.\n";
  std::cout << (dry_run ? "Chạy thử: chưa ghi gì vào cơ sở dữ liệu.\n"
                        : r.committed ? "Đã ghi vào cơ sở dữ liệu.\n"
                                      : "Không có gì thay đổi.\n");
}

int runImport(const Options& o) {
  std::ifstream f(o.file, std::ios::binary);
  if (!f) {
    std::cerr << "Không mở được tệp " << o.file << "\n";
    return 2;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  auto store = openSqliteStore({o.db, false, 1});
  RosterImportInput in;
  in.file_name = std::filesystem::path(o.file).filename().string();
  in.bytes = ss.str();
  in.commit = !o.dry_run;
  std::stringstream cells(o.create_cells);
  for (std::string c; std::getline(cells, c, '|');)
    if (!c.empty()) in.create_cells.push_back(c);
  auto r = importRoster(*store, systemCaller(), o.org, in);
  if (!r) {
    printError(r.error());
    return 1;
  }
  printReport(*r, o.dry_run);
  return 0;
}

int runExport(const Options& o) {
  std::optional<Date> at;
  if (!o.at.empty()) {
    at = Date::parseIso(o.at);
    if (!at) {
      std::cerr << "Ngày --at không hợp lệ: " << o.at << " (dạng YYYY-MM-DD)\n";
      return 2;
    }
  }
  auto store = openSqliteStore({o.db, false, 1});
  auto r = exportRoster(*store, systemCaller(), o.org, at);
  if (!r) {
    std::cerr << "Không xuất được: " << r.error().message << "\n";
    return 1;
  }
  auto bytes = buildXlsx(r->book);
  if (!bytes) {
    std::cerr << "Không xuất được: " << bytes.error().message << "\n";
    return 1;
  }
  std::ofstream out(o.out, std::ios::binary);
  out.write(bytes->data(), std::streamsize(bytes->size()));
  if (!out) {
    std::cerr << "Không ghi được tệp " << o.out << "\n";
    return 1;
  }
  std::cout << "Đã xuất " << r->members << " đảng viên vào " << o.out << "\n";
  return 0;
}

}  // namespace

void addImportCommands(CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* i = app.add_subcommand("import", "Nhập danh sách đảng viên từ tệp Excel (.xlsx, .xls) hoặc .csv");
  i->add_option("--db", o->db, "Tệp cơ sở dữ liệu");
  i->add_option("--org", o->org, "Mã đảng ủy hoặc chi bộ nhận danh sách")->required();
  i->add_option("file", o->file, "Tệp danh sách")->required();
  i->add_flag("--dry-run", o->dry_run, "Chỉ xem trước, không ghi");
  i->add_option("--create-cells", o->create_cells, "Tạo các chi bộ chưa có, tên cách nhau bởi | (* = tất cả)");
  i->callback([o] {
    try {
      std::exit(runImport(*o));
    } catch (const std::exception& e) {
      std::cerr << "Lỗi: " << e.what() << "\n";
      std::exit(1);
    }
  });
  auto* e = app.add_subcommand("export-roster", "Xuất danh sách đảng viên ra tệp Excel (.xlsx)");
  e->add_option("--db", o->db, "Tệp cơ sở dữ liệu");
  e->add_option("--org", o->org, "Mã tổ chức")->required();
  e->add_option("--at", o->at, "Danh sách tại ngày (YYYY-MM-DD; mặc định hôm nay)");
  e->add_option("--out", o->out, "Tệp .xlsx ghi ra")->required();
  e->callback([o] {
    try {
      std::exit(runExport(*o));
    } catch (const std::exception& e) {
      std::cerr << "Lỗi: " << e.what() << "\n";
      std::exit(1);
    }
  });
}

}  // namespace chibo::cli
