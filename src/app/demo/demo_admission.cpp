// The demo's new-member pipeline: a few people in Chi bộ Khu phố 1 and 2 at
// different stages, dated back from `today`, so the cell's "Phát triển đảng
// viên" tab and the ward's pipeline have something to show, including one
// ceremony past its deadline (R-KN-1). Nobody is taken to the ceremony: that
// would add a member and change the 640 of the roll (demo.h).
//
// Deterministic: names and dates come from the world's seed and `today`
// only. Like the meeting history, no audit rows of its own.
#include "app/demo/demo_world.h"
#include "store/admission_repo.h"

namespace chibo::demo {
namespace {

struct Plan {
  const char* cell;
  const char* name;
  const char* birth;  // fixed: the age check is about the consideration day
  const char* gender;
  AdmissionStage stage;
  int listed_days_ago;
};

// Stage by stage, each one `step` days after the one before, ending at `stage`.
constexpr Plan kPlan[] = {
    {"KP1", "Trần Thị Ngọc Hân", "1998-02-14", "female", AdmissionStage::listed, 20},
    {"KP1", "Lê Minh Quân", "1996-09-03", "male", AdmissionStage::course_completed, 90},
    {"KP1", "Phan Thị Thu Trang", "2000-11-22", "female", AdmissionStage::introduced, 200},
    {"KP1", "Ngô Văn Đức", "1993-05-30", "male", AdmissionStage::decided, 300},  // the ceremony is overdue
    {"KP2", "Đặng Thị Hồng Nhung", "1997-07-08", "female", AdmissionStage::cell_voted, 240},
    {"KP2", "Bùi Quang Huy", "1999-01-17", "male", AdmissionStage::decided, 130},  // decision just received
};

const char* reference(AdmissionStage s) {
  switch (s) {
    case AdmissionStage::course_completed: return "GCN số 12/TTCT";
    case AdmissionStage::cell_voted: return "03-NQ/CB";
    case AdmissionStage::decided: return "45-QĐ/ĐU";
    default: return "";
  }
}

// Official members of the cell placed there for at least three years, oldest first.
std::vector<Id> seniorOfficials(const DemoWorld& w, OrgIx cell) {
  std::vector<Id> out;
  for (size_t i = 0; i < w.members.size(); ++i) {
    const DemoMember& dm = w.members[i];
    if (dm.placements.empty() || dm.placements.back().cell != cell || dm.placements.back().to) continue;
    if (dm.placements.back().from > w.today.addMonths(-36)) continue;
    bool plain = !dm.statuses.empty();
    for (const auto& s : dm.statuses) plain = plain && (s.kind == StatusKind::official || s.kind == StatusKind::probationary);
    if (!plain || !dm.member.official_date || *dm.member.official_date > w.today.addMonths(-36)) continue;
    out.push_back(w.member_ids.at(i));
  }
  return out;
}

}  // namespace

void writeAdmissionPipeline(WriteTx& tx, const DemoWorld& w) {
  auto& repo = tx.admission();
  const DateTime at{static_cast<int64_t>(w.today.days()) * 86400};
  for (const Plan& p : kPlan) {
    const DemoCell& cell = w.cellByCode(p.cell);
    Id cell_id = w.org_ids.at(cell.org);
    auto officials = seniorOfficials(w, cell.org);
    CandidateRecord c;
    c.cell_id = cell_id;
    c.full_name = p.name;
    c.birth_date = *Date::parseIso(p.birth);
    c.gender = p.gender;
    c.stage = AdmissionStage::listed;
    c.stage_date = w.today.addDays(-p.listed_days_ago);
    c.created_at = at;
    c.id = repo.insertCandidate(c);
    repo.insertStage({0, c.id, AdmissionStage::listed, c.stage_date, "", "", std::nullopt, std::nullopt, std::nullopt,
                      std::nullopt, "", at});
    if (!officials.empty()) repo.insertPerson({0, c.id, officials.back(), "helper", c.stage_date, ""});
    // Each later stage a fixed number of days after the one before.
    const int step = p.listed_days_ago / (int(p.stage) + 1);
    Date day = c.stage_date;
    for (int s = 1; s <= int(p.stage); ++s) {
      auto st = AdmissionStage(s);
      day = day.addDays(step);
      if (st == AdmissionStage::introduced) {
        for (size_t k = 0; k < 2 && k < officials.size(); ++k)
          repo.insertPerson({0, c.id, officials[k], "introducer", w.today.addMonths(-30), ""});
        c.route = "two_members";
      }
      StageRecord r{0, c.id, st, day, reference(st), "", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "", at};
      if (st == AdmissionStage::decided) r.received_on = day;
      if (st == AdmissionStage::cell_voted) r.votes_for = r.votes_total = 30;
      repo.insertStage(r);
      c.stage = st;
      c.stage_date = day;
    }
    repo.updateCandidate(c);
  }
}

}  // namespace chibo::demo
