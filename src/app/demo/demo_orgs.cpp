// The demo's organisation tree and committee terms.
#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

struct CellPlan {
  const char* name;
  const char* code;
  CellType type;
  int size;               // on the roll today
  const char* workplace;  // empty for residential cells
  int subgroups;
  StatusQuota quota;      // probationary, exempt, temp_exempt, temp_out, temp_in, special_duty
};

constexpr auto R = CellType::residential;
// Residential cells hold 538 members, agency cells 102: 640 in all (seed 000).
// Khu phố 1 is medium-sized on purpose (browser tests open it); Khu phố 5 is the
// large cell split into tổ đảng. Quotas: 10 probationary, 15 exempt, 3
// temporarily exempt, 6 away, 5 incoming, 2 on special duty.
const CellPlan kPlan[] = {
    {"Chi bộ Khu phố 1", "KP1", R, 48, "", 0, {1, 2, 0, 1, 0, 0}},
    {"Chi bộ Khu phố 2", "KP2", R, 62, "", 0, {1, 2, 1, 0, 1, 0}},
    {"Chi bộ Khu phố 3", "KP3", R, 55, "", 0, {0, 2, 0, 1, 1, 0}},
    {"Chi bộ Khu phố 4", "KP4", R, 58, "", 0, {1, 2, 0, 0, 0, 0}},
    {"Chi bộ Khu phố 5", "KP5", R, 112, "", 4, {1, 3, 1, 1, 2, 0}},
    {"Chi bộ Khu phố 6", "KP6", R, 50, "", 0, {1, 1, 0, 0, 0, 0}},
    {"Chi bộ Khu phố 7", "KP7", R, 54, "", 0, {0, 1, 1, 1, 0, 0}},
    {"Chi bộ Khu phố 8", "KP8", R, 46, "", 0, {1, 1, 0, 0, 1, 0}},
    {"Chi bộ Khu phố 9", "KP9", R, 53, "", 0, {0, 1, 0, 0, 0, 0}},
    {"Chi bộ Ủy ban nhân dân phường", "UBND", CellType::administrative, 17, "Ủy ban nhân dân phường Tân Định", 0,
     {1, 0, 0, 1, 0, 0}},
    {"Chi bộ Công an phường", "CA", CellType::armed_forces, 14, "Công an phường Tân Định", 0, {1, 0, 0, 0, 0, 1}},
    {"Chi bộ Quân sự phường", "QS", CellType::armed_forces, 6, "Ban Chỉ huy Quân sự phường Tân Định", 0,
     {0, 0, 0, 0, 0, 1}},
    {"Chi bộ Mặt trận và các đoàn thể", "MTDT", CellType::administrative, 9,
     "Ủy ban Mặt trận Tổ quốc Việt Nam phường Tân Định", 0, {}},
    {"Chi bộ Trạm Y tế phường", "YT", CellType::public_service, 7, "Trạm Y tế phường Tân Định", 0, {}},
    {"Chi bộ Trường THCS Văn Lang", "THCSVL", CellType::public_service, 13, "Trường THCS Văn Lang", 0,
     {1, 0, 0, 1, 0, 0}},
    {"Chi bộ Trường Tiểu học Trần Khánh Dư", "THTKD", CellType::public_service, 10,
     "Trường Tiểu học Trần Khánh Dư", 0, {}},
    {"Chi bộ Trường Mầm non Tân Định", "MNTD", CellType::public_service, 6, "Trường Mầm non Tân Định", 0, {}},
    {"Chi bộ Ban Quản lý chợ Tân Định", "CHOTD", CellType::public_service, 8, "Ban Quản lý chợ Tân Định", 0, {}},
    {"Chi bộ Ngân hàng Thương mại Tân Định", "NHTD", CellType::enterprise, 12,
     "Ngân hàng Thương mại Tân Định, chi nhánh phường", 0, {1, 0, 0, 0, 0, 0}},
};

std::string termName(int first_year) {
  return "Nhiệm kỳ " + std::to_string(first_year) + "\u2013" + std::to_string(first_year + 5);
}

OrgIx addOrg(DemoWorld& w, std::optional<OrgIx> parent, Org o) {
  w.orgs.push_back({std::move(o), parent});
  return w.orgs.size() - 1;
}

}  // namespace

void buildOrgs(DemoWorld& w) {
  Rng rng(w.seed, "orgs");

  // Terms run 2020–2025, 2025–2030, …: the current one is the last whose ward
  // term (from 1 June) has begun by `today`. Cells hold their congresses first,
  // in April and May.
  int y = w.today.year() - ((w.today.year() - 2025) % 5 + 5) % 5;
  if (*Date::fromYmd(y, 6, 1) > w.today) y -= 5;
  w.ward_term_start = *Date::fromYmd(y, 6, 1);
  w.ward_previous_term_start = *Date::fromYmd(y - 5, 6, 1);

  Org province;
  province.name = "Thành ủy Thành phố Hồ Chí Minh";
  province.code = "TU-HCM";
  province.kind = OrgKind::committee;
  province.level = OrgLevel::province;
  province.address = "Thành phố Hồ Chí Minh";
  w.province = addOrg(w, std::nullopt, province);

  // Since 01/7/2025 there is no district level: the ward committee sits
  // directly under the Thành ủy (QĐ 294-QĐ/TW, domain §0.4).
  Org ward;
  ward.name = "Đảng ủy phường Tân Định";
  ward.code = "TD";
  ward.kind = OrgKind::committee;
  ward.level = OrgLevel::ward;
  ward.address = "Phường Tân Định, Thành phố Hồ Chí Minh";
  w.ward = addOrg(w, w.province, ward);
  w.terms.push_back({w.ward, termName(y - 5), w.ward_previous_term_start, w.ward_term_start.addDays(-1)});
  w.terms.push_back({w.ward, termName(y), w.ward_term_start, std::nullopt});

  for (const CellPlan& p : kPlan) {
    Org o;
    o.name = p.name;
    o.code = p.code;
    o.kind = OrgKind::cell;
    o.cell_type = p.type;
    // Under the ward committee a cell is now a grassroots organisation (chi bộ
    // cơ sở), domain §0.4; inferred there, so the flag stays editable.
    o.grassroots = true;
    bool agency = p.type != CellType::residential;
    o.address = agency ? std::string("Phường Tân Định, Thành phố Hồ Chí Minh")
                       : "Khu phố " + std::string(p.code + 2) + ", phường Tân Định, Thành phố Hồ Chí Minh";
    DemoCell c;
    c.org = addOrg(w, w.ward, o);
    c.size = p.size;
    c.agency = agency;
    c.workplace = p.workplace;
    c.quota = p.quota;
    c.term_start = Date::fromYmd(y, 4, 1)->addDays(rng.between(0, 49));
    c.previous_term_start = c.term_start.addMonths(-60);
    w.terms.push_back({c.org, termName(y - 5), c.previous_term_start, c.term_start.addDays(-1)});
    w.terms.push_back({c.org, termName(y), c.term_start, std::nullopt});
    w.cells.push_back(std::move(c));
  }

  // Sub-groups after all cells, so every parent precedes its children.
  for (size_t i = 0; i < w.cells.size(); ++i) {
    for (int g = 1; g <= kPlan[i].subgroups; ++g) {
      Org s;
      s.name = "Tổ đảng " + std::to_string(g);
      s.code = std::string(kPlan[i].code) + "-T" + std::to_string(g);
      s.kind = OrgKind::subgroup;
      s.address = w.orgs[w.cells[i].org].org.address;
      w.cells[i].subgroups.push_back(addOrg(w, w.cells[i].org, s));
    }
  }
}

}  // namespace chibo::demo
