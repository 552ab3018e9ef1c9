#include "app/roster_import/import_session.h"

#include <glib.h>

#include "app/audit_write.h"
#include "app/members/member_fields.h"
#include "app/validate.h"
#include "domain/text/vn_text.h"
#include "import/cell_values.h"

namespace chibo {
namespace {

using import::RosterField;

// A cell's or sub-group's name as people write it: "Chi bộ Khu phố 1", "KHU PHO 1"
// and "Khu phố 1" are the same cell.
std::string orgKey(std::string_view name, std::initializer_list<std::string_view> prefixes) {
  std::string k = foldForSearch(name);
  for (auto p : prefixes)
    if (k.rfind(p, 0) == 0 && k.size() > p.size()) return k.substr(p.size());
  return k;
}
std::string cellKey(std::string_view n) { return orgKey(n, {"chi bo "}); }
std::string subgroupKey(std::string_view n) { return orgKey(n, {"to dang ", "to "}); }

// Names match regardless of case and spacing, never of accents: "Nguyễn Văn Ân" and
// "Nguyễn Văn An" are two people.
std::string nameKey(const std::string& name) {
  gchar* lower = g_utf8_strdown(nfc(name).c_str(), -1);
  std::string out;
  for (const char* p = lower; *p; ++p) {
    if (*p == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += *p;
  }
  g_free(lower);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Where a member-field error belongs in the file.
RosterField fieldOfMemberField(const std::string& f) {
  if (f == "full_name") return RosterField::full_name;
  if (f == "birth_date") return RosterField::birth_date;
  if (f == "gender") return RosterField::gender;
  if (f == "phone") return RosterField::phone;
  if (f == "card_no") return RosterField::card_no;
  if (f == "admission_decision_date") return RosterField::admission_decision_date;
  if (f == "admission_ceremony_date") return RosterField::admission_date;
  if (f == "official_date") return RosterField::official_date;
  if (f == "workplace") return RosterField::workplace;
  return RosterField::ignore;
}

std::string display(const std::string& field, const std::optional<std::string>& v) {
  if (!v || v->empty()) return "";
  if (field.size() > 5 && (field.ends_with("_date"))) {
    if (auto d = Date::parseIso(*v)) return d->vn();
  }
  if (field == "gender") {
    if (auto g = genderFromCode(*v)) return std::string(label(*g));
  }
  if (field == "serving") return *v == "true" ? "Có" : "Không";
  return *v;
}

std::string rolesText(const std::vector<RolePeriod>& roles, Date at) {
  std::string s;
  for (const auto& r : roles)
    if (covers(r, at)) s += (s.empty() ? "" : ", ") + std::string(label(r.role));
  return s;
}

}  // namespace

ImportSession::ImportSession(WriteTx& tx, const Caller& c, const Org& target, const import::RosterTable& table,
                             const RosterImportInput& in)
    : tx_(tx), c_(c), target_(target), table_(table), in_(in) {
  for (size_t i = 0; i < table.mapping.size(); ++i)
    if (table.mapping[i] != RosterField::ignore) column_[table.mapping[i]] = int(i);
}

void ImportSession::loadOrg() {
  subtree_ = tx_.orgSubtree(target_.path);
  for (const auto& o : subtree_) {
    if (o.archived) continue;
    if (o.kind == OrgKind::cell) cells_.emplace(cellKey(o.name), o);
    if (o.kind == OrgKind::subgroup && o.parent_id) subgroups_.emplace(std::make_pair(*o.parent_id, subgroupKey(o.name)), o.id);
  }
  for (auto& cand : tx_.rosterCandidates(target_.path, c_.today())) {
    if (!covers(cand.placement, c_.today()) || cand.placement.to) continue;
    Id id = cand.member.id;
    by_name_.emplace(nameKey(cand.member.full_name), id);
    members_[id] = Known{std::move(cand.member), cand.placement.cell_id, cand.placement.subgroup_id};
  }
  for (auto& i : tx_.memberIdentitiesIn(target_.path)) identities_[i.member_id] = i;
}

const import::RawCell* ImportSession::cell(const import::RawRow& r, RosterField f) const {
  auto it = column_.find(f);
  if (it == column_.end() || size_t(it->second) >= r.cells.size()) return nullptr;
  const auto& c = r.cells[size_t(it->second)];
  return c.empty() ? nullptr : &c;
}

std::string ImportSession::header(RosterField f) const {
  auto it = column_.find(f);
  if (it != column_.end() && size_t(it->second) < table_.headers.size() && !table_.headers[size_t(it->second)].empty())
    return table_.headers[size_t(it->second)];
  return std::string(import::rosterColumn(f).header);
}

std::string ImportSession::describe(const Member& m) const {
  std::string s = m.full_name;
  if (m.birth_date) s += ", sinh " + m.birth_date->vn();
  if (!m.card_no.empty()) s += ", thẻ " + m.card_no;
  if (m.cell_id)
    for (const auto& o : subtree_)
      if (o.id == *m.cell_id) s += ", " + o.name;
  return s;
}

std::optional<Org> ImportSession::cellFor(const std::string& name, ImportRowReport& rep) {
  if (target_.kind == OrgKind::cell) {
    if (!name.empty() && cellKey(name) != cellKey(target_.name)) {
      rep.problems.push_back({header(RosterField::cell), "cell_mismatch",
                              "Chi bộ \"" + name + "\" khác với chi bộ đang nhập (" + target_.name + ")."});
      return std::nullopt;
    }
    return target_;
  }
  if (auto it = cells_.find(cellKey(name)); it != cells_.end()) return it->second;
  bool create = false;
  for (const auto& n : in_.create_cells) create = create || n == "*" || cellKey(n) == cellKey(name);
  if (!create || !mayContain(target_.kind, OrgKind::cell)) {
    missing_.insert(name);
    rep.problems.push_back({header(RosterField::cell), "cell_missing",
                            "Chi bộ \"" + name + "\" chưa có trong " + target_.name +
                                "; có thể chọn tạo mới chi bộ này trong bản xem trước."});
    return std::nullopt;
  }
  Org o;
  o.parent_id = target_.id;
  o.kind = OrgKind::cell;
  o.name = name.size() > 0 && cellKey(name) == foldForSearch(name) ? "Chi bộ " + name : name;
  tx_.insertOrg(o);
  writeAudit(tx_, c_, "org.create", "org", o.id, o,
             {{"name", std::nullopt, o.name}, {"kind", std::nullopt, std::string(toCode(o.kind))},
              {"source", std::nullopt, "Nhập từ tệp " + in_.file_name}});
  cells_.emplace(cellKey(name), o);
  subtree_.push_back(o);
  created_cells_.push_back(o.name);
  changed_ = true;
  return o;
}

std::optional<Id> ImportSession::subgroupFor(const Org& cell, const std::string& name, ImportRowReport& rep) {
  if (auto it = subgroups_.find({cell.id, subgroupKey(name)}); it != subgroups_.end()) return it->second;
  rep.problems.push_back({header(RosterField::subgroup), "subgroup_missing",
                          "Tổ đảng \"" + name + "\" không có trong " + cell.name + "."});
  return std::nullopt;
}

std::optional<Id> ImportSession::match(const import::RawRow& r, const std::string& name, const std::optional<Date>& dob,
                                       const std::string& card, const std::string& citizen, ImportRowReport& rep) {
  auto outside = [&](RosterField f, const char* what) {
    rep.problems.push_back({header(f), "outside_org",
                            std::string(what) + " này thuộc một đảng viên không sinh hoạt trong " + target_.name +
                                "; hãy chuyển sinh hoạt đảng viên đó trước khi nhập."});
    return std::nullopt;
  };
  std::optional<Id> by_card, by_citizen;
  if (!card.empty())
    if (auto m = tx_.memberByCardNo(card)) by_card = m->id;
  if (!citizen.empty()) by_citizen = tx_.memberByCitizenId(citizen);
  // The record id a chibo export wrote: exact, so two namesakes born the same day still round-trip.
  if (auto c = cell(r, RosterField::record_id)) {
    std::string digits = import::cellDigits(*c, 0);
    Id id = digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos
                ? 0
                : std::stoll(digits);
    if (!members_.count(id)) {
      rep.problems.push_back({header(RosterField::record_id), "unknown_record_id",
                              "Mã hồ sơ không thuộc danh sách của " + target_.name + "."});
      return std::nullopt;
    }
    if ((by_card && *by_card != id) || (by_citizen && *by_citizen != id)) {
      rep.problems.push_back({header(RosterField::record_id), "identity_conflict",
                              "Mã hồ sơ không khớp với số thẻ đảng viên hoặc số CCCD trong tệp."});
      return std::nullopt;
    }
    return id;
  }
  if (by_card && by_citizen && *by_card != *by_citizen) {
    rep.problems.push_back({header(RosterField::citizen_id), "identity_conflict",
                            "Số thẻ đảng viên và số CCCD thuộc hai đảng viên khác nhau."});
    return std::nullopt;
  }
  if (by_card) return members_.count(*by_card) ? by_card : outside(RosterField::card_no, "Số thẻ đảng viên");
  if (by_citizen) return members_.count(*by_citizen) ? by_citizen : outside(RosterField::citizen_id, "Số CCCD");
  // Name and date of birth, within the org only.
  std::vector<Id> same;
  auto [lo, hi] = by_name_.equal_range(nameKey(name));
  for (auto it = lo; it != hi; ++it) {
    const auto& m = members_.at(it->second).member;
    if (!dob || m.birth_date == dob) same.push_back(it->second);
  }
  if (same.empty()) return std::nullopt;
  auto listCandidates = [&] {
    for (Id id : same) rep.candidates.push_back(describe(members_.at(id).member));
  };
  if (!dob) {
    listCandidates();
    rep.problems.push_back({header(RosterField::birth_date), "ambiguous_match",
                            "Đã có đảng viên cùng họ tên; cần ngày sinh, số thẻ đảng viên hoặc số CCCD để đối chiếu."});
    return std::nullopt;
  }
  if (same.size() > 1) {
    listCandidates();
    rep.problems.push_back({"", "ambiguous_match",
                            "Có " + std::to_string(same.size()) +
                                " đảng viên cùng họ tên và ngày sinh; thêm số thẻ đảng viên hoặc số CCCD để phân biệt."});
    return std::nullopt;
  }
  const auto& m = members_.at(same[0]).member;
  // Same name and birthday but a different card on record: two people, or a typing error.
  if (!card.empty() && !m.card_no.empty() && m.card_no != card) {
    listCandidates();
    rep.problems.push_back({header(RosterField::card_no), "card_conflict",
                            "Đảng viên cùng họ tên và ngày sinh đã có số thẻ " + m.card_no + " khác với tệp."});
    return std::nullopt;
  }
  auto ident = identities_.find(m.id);
  if (!citizen.empty() && ident != identities_.end() && !ident->second.citizen_id.empty() &&
      ident->second.citizen_id != citizen) {
    listCandidates();
    rep.problems.push_back({header(RosterField::citizen_id), "citizen_id_conflict",
                            "Đảng viên cùng họ tên và ngày sinh đã có số CCCD khác với tệp."});
    return std::nullopt;
  }
  return same[0];
}

ImportRowReport ImportSession::row(const import::RawRow& r) {
  ImportRowReport rep;
  rep.row = r.number;
  auto text = [&](RosterField f) { auto c = cell(r, f); return c ? import::cellText(*c) : std::string(); };
  // A formula whose result was never computed (a file written by a program, not saved by Excel).
  for (auto [f, col] : column_)
    if (size_t(col) < r.cells.size() && r.cells[size_t(col)].formula && r.cells[size_t(col)].empty())
      rep.problems.push_back({header(f), "formula_without_value",
                              "Ô chứa công thức chưa có kết quả; hãy mở tệp bằng chương trình bảng tính, lưu lại rồi gửi."});
  std::string name = text(RosterField::full_name);
  rep.full_name = name;
  if (name.empty()) rep.problems.push_back({header(RosterField::full_name), "required", "Thiếu họ và tên."});
  MemberFields mf;
  std::optional<Date> dob;
  auto date = [&](RosterField f, std::optional<std::string>& out) -> std::optional<Date> {
    auto c = cell(r, f);
    if (!c) return std::nullopt;
    auto d = import::cellDate(*c);
    if (!d) {
      rep.problems.push_back({header(f), "invalid_date", d.error().field_errors[0].message + " Giá trị: \"" + import::cellText(*c) + "\"."});
      return std::nullopt;
    }
    if (*d) out = (*d)->iso();
    return *d;
  };
  dob = date(RosterField::birth_date, mf.birth_date);
  date(RosterField::admission_decision_date, mf.admission_decision_date);
  date(RosterField::admission_date, mf.admission_ceremony_date);
  date(RosterField::official_date, mf.official_date);
  if (auto c = cell(r, RosterField::gender)) {
    auto g = import::cellGender(*c);
    if (!g) rep.problems.push_back({header(RosterField::gender), "invalid_gender", g.error().field_errors[0].message});
    else if (*g) mf.gender = std::string(toCode(**g));
  }
  std::string card = cell(r, RosterField::card_no) ? import::cellDigits(*cell(r, RosterField::card_no), 0) : "";
  std::string citizen = cell(r, RosterField::citizen_id) ? import::cellDigits(*cell(r, RosterField::citizen_id), 12) : "";
  if (!citizen.empty() && ((citizen.size() != 12 && citizen.size() != 9) || citizen.find_first_not_of("0123456789") != std::string::npos))
    rep.problems.push_back({header(RosterField::citizen_id), "invalid_citizen_id", "Số CCCD phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ)."});
  if (auto c = cell(r, RosterField::phone)) mf.phone = import::cellDigits(*c, 10);
  if (!card.empty()) mf.card_no = card;
  if (auto w = text(RosterField::workplace); !w.empty()) mf.workplace = w;
  if (!name.empty()) mf.full_name = name;
  std::string note = text(RosterField::note);
  if (utf8Length(note) > 500) rep.problems.push_back({header(RosterField::note), "too_long", "Ghi chú dài quá 500 ký tự."});
  if (!rep.problems.empty()) return rep;

  auto found = match(r, name, dob, card, citizen, rep);
  if (!rep.problems.empty()) return rep;
  if (found) {
    if (auto t = touched_.find(*found); t != touched_.end()) {
      rep.problems.push_back({"", "duplicate_row", "Trùng với dòng " + std::to_string(t->second) + " (cùng một đảng viên)."});
      return rep;
    }
  }
  // Placement: the file's cell, else (for a known member) where they are now.
  std::string cell_name = text(RosterField::cell), subgroup_name = text(RosterField::subgroup);
  std::optional<Org> cell_org;
  if (cell_name.empty() && target_.kind != OrgKind::cell) {
    if (found && members_.at(*found).cell_id) {
      for (const auto& o : subtree_)
        if (o.id == *members_.at(*found).cell_id) cell_org = o;
    } else {
      rep.problems.push_back({header(RosterField::cell), "required", "Thiếu tên chi bộ."});
      return rep;
    }
  } else {
    cell_org = cellFor(cell_name, rep);
  }
  if (!cell_org) return rep;
  rep.cell_name = cell_org->name;
  std::optional<Id> subgroup;
  if (!subgroup_name.empty()) {
    subgroup = subgroupFor(*cell_org, subgroup_name, rep);
    if (!subgroup) return rep;
  } else if (found && members_.at(*found).cell_id == cell_org->id) {
    subgroup = members_.at(*found).subgroup_id;  // an empty cell changes nothing
  }

  Member before = found ? members_.at(*found).member : Member{};
  Member after = before;
  Validator v;
  applyMemberFields(v, mf, after, c_.today(), !found);
  for (const auto& fe : v.errors())
    rep.problems.push_back({header(fieldOfMemberField(fe.field)), fe.code, fe.message});
  if (!after.card_no.empty() && after.card_no != before.card_no)
    if (auto other = tx_.memberByCardNo(after.card_no); other && (!found || other->id != *found))
      rep.problems.push_back({header(RosterField::card_no), "duplicate_card_no", "Số thẻ đảng viên đã được dùng cho đảng viên khác."});
  MemberIdentity ib = found && identities_.count(*found) ? identities_.at(*found) : MemberIdentity{found.value_or(0), "", ""};
  MemberIdentity ia = ib;
  if (!citizen.empty()) ia.citizen_id = citizen;
  if (!note.empty()) ia.note = note;
  if (ia.citizen_id != ib.citizen_id && !ia.citizen_id.empty())
    if (auto other = tx_.memberByCitizenId(ia.citizen_id); other && (!found || *other != *found))
      rep.problems.push_back({header(RosterField::citizen_id), "duplicate_citizen_id", "Số CCCD đã được dùng cho đảng viên khác."});
  if (!rep.problems.empty()) return rep;

  // Party positions come from the roles, not the file: say so when they differ.
  if (auto pos = text(RosterField::party_position); !pos.empty()) {
    std::string now = found ? rolesText(tx_.rolesOfMember(*found), c_.today()) : "";
    if (foldForSearch(pos) != foldForSearch(now))
      rep.notes.push_back("Chức vụ Đảng trong tệp (" + pos + ") khác với hồ sơ (" + (now.empty() ? "không có" : now) +
                          "); chức vụ được giao ở mục Chức vụ, không thay đổi qua nhập tệp.");
  }

  // What changes, field by field.
  Member blank;
  blank.gender = after.gender;
  std::vector<FieldChange> diff = memberDiff(found ? before : blank, after);
  std::erase_if(diff, [](const FieldChange& f) { return f.field == "cell_id" || f.field == "subgroup_id"; });
  diffField(diff, "citizen_id", ib.citizen_id.empty() ? std::nullopt : std::optional(ib.citizen_id),
            ia.citizen_id.empty() ? std::nullopt : std::optional(ia.citizen_id));
  diffField(diff, "note", ib.note.empty() ? std::nullopt : std::optional(ib.note),
            ia.note.empty() ? std::nullopt : std::optional(ia.note));
  std::optional<Id> old_cell = found ? members_.at(*found).cell_id : std::nullopt;
  std::optional<Id> old_subgroup = found ? members_.at(*found).subgroup_id : std::nullopt;
  bool moved = found && (old_cell != cell_org->id || old_subgroup != subgroup);
  auto orgName = [&](std::optional<Id> id) -> std::string {
    if (!id) return "";
    for (const auto& o : subtree_)
      if (o.id == *id) return o.name;
    return "";
  };
  auto labelOf = [&](const std::string& f) -> std::string {
    if (f == "admission_ceremony_date") return std::string(import::rosterColumn(RosterField::admission_date).header);
    if (auto rf = import::rosterFieldFromCode(f)) return std::string(import::rosterColumn(*rf).header);
    if (f == "serving") return "Đương chức";
    return f;
  };
  for (const auto& d : diff) rep.changes.push_back({d.field, labelOf(d.field), display(d.field, d.before), display(d.field, d.after)});
  if (!found || (moved && old_cell != cell_org->id))
    rep.changes.push_back({"cell", "Chi bộ", orgName(old_cell), cell_org->name});
  if ((!found && subgroup) || (moved && old_subgroup != subgroup))
    rep.changes.push_back({"subgroup", "Tổ đảng", orgName(old_subgroup), orgName(subgroup)});

  // Apply.
  const Date today = c_.today();
  const std::string why = "Nhập từ tệp " + in_.file_name;
  if (!found) {
    after.cell_id = cell_org->id;
    after.subgroup_id = subgroup;
    after.id = tx_.insertMember(after);
    tx_.insertCellPeriod({0, after.id, cell_org->id, subgroup, today, std::nullopt, why});
    if (!ia.citizen_id.empty() || !ia.note.empty()) {
      ia.member_id = after.id;
      tx_.putMemberIdentity(ia);
      identities_[after.id] = ia;
    }
    diff.insert(diff.begin(), {"joined_on", std::nullopt, today.iso()});
    diff.push_back({"cell_id", std::nullopt, std::to_string(cell_org->id)});
    writeAudit(tx_, c_, "member.create", "member", after.id, *cell_org, diff);
    rep.action = ImportAction::create;
    rep.member_id = after.id;
    by_name_.emplace(nameKey(after.full_name), after.id);
    members_[after.id] = Known{after, cell_org->id, subgroup};
    touched_[after.id] = r.number;
    changed_ = true;
    return rep;
  }
  rep.member_id = *found;
  touched_[*found] = r.number;
  if (diff.empty() && !moved) {
    rep.action = ImportAction::unchanged;
    return rep;
  }
  if (!diff.empty()) {
    bool member_changed = false;
    for (const auto& d : diff) member_changed = member_changed || (d.field != "citizen_id" && d.field != "note");
    if (member_changed) {
      after.version = before.version + 1;
      tx_.updateMember(after);
    }
    if (ia.citizen_id != ib.citizen_id || ia.note != ib.note) {
      ia.member_id = *found;
      tx_.putMemberIdentity(ia);
      identities_[*found] = ia;
    }
    writeAudit(tx_, c_, "member.update", "member", *found, *cell_org, diff);
  }
  if (moved) {
    auto periods = tx_.cellPeriods(*found);
    std::optional<CellPeriod> open;
    for (auto& p : periods)
      if (!p.to) open = p;
    if (open && open->from < today) {
      open->to = today.addDays(-1);
      tx_.updateCellPeriod(*open);
      tx_.insertCellPeriod({0, *found, cell_org->id, subgroup, today, std::nullopt, why});
    } else if (open) {
      open->cell_id = cell_org->id;
      open->subgroup_id = subgroup;
      tx_.updateCellPeriod(*open);
    } else {
      tx_.insertCellPeriod({0, *found, cell_org->id, subgroup, today, std::nullopt, why});
    }
    Member placed = tx_.member(*found).value_or(after);
    Member moved_m = placed;
    moved_m.cell_id = cell_org->id;
    moved_m.subgroup_id = subgroup;
    moved_m.version = placed.version + 1;
    tx_.updateMember(moved_m);
    auto changes = memberDiff(placed, moved_m);
    changes.push_back({"date", std::nullopt, today.iso()});
    writeAudit(tx_, c_, "member.transfer", "member", *found, *cell_org, changes);
    for (const auto& o : subtree_)
      if (old_cell && o.id == *old_cell && o.id != cell_org->id) writeAudit(tx_, c_, "member.transfer", "member", *found, o, changes);
    after = moved_m;
  }
  members_[*found] = Known{after, cell_org->id, subgroup};
  rep.action = ImportAction::update;
  changed_ = true;
  return rep;
}

void ImportSession::run(RosterImportReport& report) {
  loadOrg();
  for (const auto& r : table_.rows) {
    auto rep = row(r);
    if (!rep.problems.empty()) rep.action = ImportAction::refuse;
    switch (rep.action) {
      case ImportAction::create: ++report.created; break;
      case ImportAction::update: ++report.updated; break;
      case ImportAction::unchanged: ++report.unchanged; break;
      case ImportAction::refuse: ++report.refused; break;
    }
    report.rows.push_back(std::move(rep));
  }
  report.missing_cells.assign(missing_.begin(), missing_.end());
  report.created_cells = created_cells_;
}

}  // namespace chibo
