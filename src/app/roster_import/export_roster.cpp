// The roster of a node on a date as a spreadsheet in the import's columns, so
// that exporting and importing the file again changes nothing.
#include <map>

#include "app/documents/documents.h"
#include "app/members/members.h"
#include "app/roster_import/roster_import.h"

namespace chibo {

Result<RosterExport> exportRoster(Store& store, const Caller& c, Id org_id, std::optional<Date> at) {
  RosterQuery q;
  q.at = at.value_or(c.today());
  q.page.limit = 1 << 30;
  auto roster = listRoster(store, c, org_id, q);
  if (!roster) return roster.error();
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  std::map<Id, std::string> names;
  for (const auto& o : tx->orgSubtree(org->path)) names[o.id] = o.name;
  std::map<Id, MemberIdentity> ids;
  for (auto& i : tx->memberIdentitiesIn(org->path)) ids[i.member_id] = i;
  using import::RosterField;
  XlsxSheet sheet;
  sheet.name = "Danh sách đảng viên";
  sheet.title = "DANH SÁCH ĐẢNG VIÊN " + org->name + " (ngày " + roster->at.vn() + ")";
  sheet.header.push_back("STT");
  sheet.column_widths.push_back(6);
  for (const auto& col : import::rosterColumns()) {
    sheet.header.push_back(std::string(col.header));
    sheet.column_widths.push_back(col.field == RosterField::full_name ? 28 : col.field == RosterField::cell ? 24 : 16);
  }
  int n = 0;
  for (const auto& l : roster->items) {
    const Member& m = l.member;
    std::vector<XlsxCell> row;
    row.push_back(int64_t(++n));
    auto date = [](const std::optional<Date>& d) -> XlsxCell { return d ? XlsxCell(*d) : XlsxCell(); };
    auto text = [](const std::string& s) -> XlsxCell { return s.empty() ? XlsxCell() : XlsxCell(s); };
    auto ident = ids.count(m.id) ? ids[m.id] : MemberIdentity{};
    for (const auto& col : import::rosterColumns()) {
      switch (col.field) {
        case RosterField::full_name: row.push_back(m.full_name); break;
        case RosterField::birth_date: row.push_back(date(m.birth_date)); break;
        case RosterField::gender: row.push_back(std::string(label(m.gender))); break;
        case RosterField::admission_decision_date: row.push_back(date(m.admission_decision_date)); break;
        case RosterField::admission_date: row.push_back(date(m.admission_ceremony_date)); break;
        case RosterField::official_date: row.push_back(date(m.official_date)); break;
        // Identity numbers as text: a number would lose leading zeros and show as 7.9E+10.
        case RosterField::card_no: row.push_back(text(m.card_no)); break;
        case RosterField::citizen_id: row.push_back(text(ident.citizen_id)); break;
        case RosterField::phone: row.push_back(text(m.phone)); break;
        case RosterField::cell: row.push_back(names[l.placement.cell_id]); break;
        case RosterField::subgroup: row.push_back(text(l.subgroup_name.value_or(""))); break;
        case RosterField::party_position: {
          std::string s;
          for (auto r : l.roles) s += (s.empty() ? "" : ", ") + std::string(label(r));
          row.push_back(text(s));
          break;
        }
        case RosterField::workplace: row.push_back(text(m.workplace)); break;
        case RosterField::note: row.push_back(text(ident.note)); break;
        case RosterField::record_id: row.push_back(int64_t(m.id)); break;
        case RosterField::ignore: break;
      }
    }
    sheet.rows.push_back(std::move(row));
  }
  RosterExport out;
  out.members = n;
  out.book.title = sheet.title;
  out.book.author = c.principal.username;
  out.book.sheets.push_back(std::move(sheet));
  out.file_stem = asciiFileStem("danh-sach-dang-vien-" + org->name + "-" + roster->at.iso());
  return out;
}

}  // namespace chibo
