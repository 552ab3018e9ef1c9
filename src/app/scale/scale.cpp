#include "app/scale/scale.h"

#include <algorithm>
#include <array>

#include "app/demo/demo_rng.h"
#include "app/oversight/aggregates.h"
#include "domain/meeting/agenda.h"

namespace chibo::scale {
namespace {

using demo::Rng;

// Post-2025 provincial units (34); the first six are centrally-run cities.
constexpr std::array<const char*, 34> kProvinces = {
    "Hồ Chí Minh", "Hà Nội",  "Huế",       "Hải Phòng", "Đà Nẵng",    "Cần Thơ",    "Lai Châu",
    "Điện Biên", "Sơn La",    "Lạng Sơn",  "Quảng Ninh", "Thanh Hóa",   "Nghệ An",    "Hà Tĩnh",
    "Cao Bằng",  "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",    "Bắc Ninh",   "Hưng Yên",
    "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai",   "Khánh Hòa",   "Lâm Đồng",   "Đắk Lắk",
    "Đồng Nai",  "Tây Ninh",  "Vĩnh Long", "Đồng Tháp",  "Cà Mau",      "An Giang"};
constexpr int kCities = 6;

constexpr std::array<const char*, 24> kWardNames = {
    "Tân Định", "Bến Thành", "Sài Gòn",  "Bàn Cờ",   "Xuân Hòa", "Nhiêu Lộc", "Chợ Quán", "An Đông",
    "Bình Tây", "Phú Lâm",   "Gia Định", "Thạnh Mỹ", "An Khánh", "Hòa Hưng", "Diên Hồng", "Vườn Lài",
    "Tân Sơn",  "Bảy Hiền",  "Phú Thọ",  "Hạnh Thông", "An Nhơn", "Đức Nhuận", "Cầu Kiệu", "Linh Xuân"};

constexpr std::array<const char*, 8> kAgencies = {
    "Ủy ban nhân dân", "Trường Tiểu học", "Trường Trung học cơ sở", "Trạm Y tế", "Công an",
    "Quân sự",         "Công ty",         "Hợp tác xã"};

constexpr std::array<const char*, 20> kFamily = {"Nguyễn", "Trần", "Lê",  "Phạm", "Huỳnh", "Hoàng", "Phan",
                                                 "Võ",     "Vũ",   "Đặng", "Bùi", "Đỗ",    "Hồ",    "Ngô",
                                                 "Dương",  "Lý",   "Trương", "Đinh", "Lâm", "Mai"};
constexpr std::array<int, 20> kFamilyWeight = {36, 11, 10, 7, 5, 2, 4, 4, 1, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 1};
constexpr std::array<const char*, 10> kMiddleMale = {"Văn", "Hữu", "Đức", "Minh", "Quốc",
                                                     "Thanh", "Công", "Xuân", "Tấn", "Quang"};
constexpr std::array<const char*, 10> kMiddleFemale = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Kim", "Ngọc",
                                                       "Thu", "Kim", "Thanh", "Hồng", "Phương"};
constexpr std::array<const char*, 24> kGivenMale = {"An",   "Bảo",  "Bình", "Cường", "Dũng", "Đạt",  "Đức",  "Hải",
                                                    "Hùng", "Huy",  "Khoa", "Long",  "Minh", "Nam",  "Nghĩa", "Phong",
                                                    "Phúc", "Quân", "Sơn",  "Tâm",   "Thắng", "Trung", "Tuấn", "Vinh"};
constexpr std::array<const char*, 24> kGivenFemale = {"Anh",  "Chi",  "Dung", "Giang", "Hà",   "Hạnh", "Hằng", "Hiền",
                                                      "Hoa",  "Hương", "Lan", "Linh",  "Mai",  "Nga",  "Ngọc", "Nhung",
                                                      "Phương", "Tâm", "Thảo", "Thu",  "Thủy", "Trang", "Vân", "Yến"};
constexpr std::array<const char*, 12> kPhonePrefixes = {"032", "035", "038", "086", "096", "098",
                                                        "081", "088", "091", "070", "079", "090"};

const std::vector<int> kFamilyWeights(kFamilyWeight.begin(), kFamilyWeight.end());

// "Chi bộ Khu phố 3" -> "Khu phố 3".
std::string withoutCellPrefix(const std::string& name) {
  static const std::string prefix = "Chi bộ ";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

template <size_t N>
const char* pick(Rng& r, const std::array<const char*, N>& a) {
  return a[r.below(N)];
}

DateTime at(Date d, int hour_utc, int minute = 0) {
  return DateTime{int64_t(d.days()) * 86400 + hour_utc * 3600 + minute * 60};
}

// Size of cell `g` of `n`: an even share of `total`, then moved between the
// two cells of each pair by up to half the mean, so the sum stays exact.
int cellSize(uint64_t seed, int64_t g, int64_t n, int64_t total) {
  auto share = [&](int64_t i) { return (i + 1) * total / n - i * total / n; };
  int64_t base = share(g);
  int64_t pair = g / 2;
  if (pair * 2 + 1 >= n) return int(base);  // the odd one out
  int half = int(std::max<int64_t>(0, (total / n) / 2 - 1));
  Rng r(seed, "scale/size/" + std::to_string(pair));
  int d = half ? r.between(-half, half) : 0;
  int64_t s = g % 2 == 0 ? base + d : base - d;
  return int(std::max<int64_t>(1, s));
}

// One member's facts the meeting history needs.
struct GenMember {
  Id id = 0;
  Date birth;                                         // for "young" (under 35 on the meeting day)
  Date admitted;                                      // ceremony: "new" for 24 months after it
  Date placed_from;                                   // current cell period
  std::vector<std::pair<Date, std::optional<Date>>> away;  // exempt / temp-away overlays
  int absent_pct = 5;
  bool onRoll(Date d) const {
    if (d < placed_from) return false;
    for (auto& [f, t] : away)
      if (f <= d && (!t || d <= *t)) return false;
    return true;
  }
};

struct Ids {
  Id org = 0, term = 0, member = 0, cell_period = 0, status = 0, role = 0, monitor = 0, meeting = 0, user = 0,
     grant = 0;
};

struct CellOut {
  Id cell_id = 0;
  Id secretary = 0;
  std::vector<Id> subgroup_ids;
};

class Generator {
 public:
  Generator(BulkLoader& out, const ScaleSpec& spec, uint64_t seed, Date today, const std::string& hash)
      : out_(out), spec_(spec), seed_(seed), today_(today), hash_(hash) {
    first_month_ = Date::fromYmd(today.year(), today.month(), 1)->addMonths(-(spec.months - 1));
    total_cells_ = int64_t(spec.provinces) * spec.wards_per_province * spec.cells_per_ward;
  }

  ScaleSummary run() {
    Org root = makeOrg(std::nullopt, "/", "Ban Chấp hành Trung ương Đảng", "TW", OrgKind::committee,
                       OrgLevel::central, CellType::none);
    auditLoad(root, "Dữ liệu tổng hợp (" + spec_.name + ")");
    addUser("admin", "Quản trị hệ thống", UserRole::admin, root, std::nullopt, "quản trị, toàn hệ thống");
    for (int p = 0; p < spec_.provinces; ++p) {
      std::string pname = kProvinces[size_t(p) % kProvinces.size()];
      if (p >= int(kProvinces.size())) pname += " " + std::to_string(p / kProvinces.size() + 1);
      bool city = p % int(kProvinces.size()) < kCities;
      Org prov = makeOrg(root.id, root.path, std::string(city ? "Đảng bộ thành phố " : "Đảng bộ tỉnh ") + pname,
                         "P" + std::to_string(p + 1), OrgKind::committee, OrgLevel::province, CellType::none);
      out_.term({++ids_.term, prov.id, "Nhiệm kỳ 2025–2030", *Date::fromYmd(2025, 10, 1), std::nullopt});
      addUser("tinhuy.p" + std::to_string(p + 1), "Cán bộ " + prov.name, UserRole::committee, prov, std::nullopt,
              "cán bộ " + prov.name);
      for (int w = 0; w < spec_.wards_per_province; ++w) ward(prov, p, w);
    }
    sum_.rows = out_.rows();
    return sum_;
  }

 private:
  Org makeOrg(std::optional<Id> parent, const std::string& parent_path, std::string name, std::string code,
              OrgKind kind, OrgLevel level, CellType type) {
    Org o;
    o.id = ++ids_.org;
    o.parent_id = parent;
    o.path = parent_path + std::to_string(o.id) + "/";
    o.name = std::move(name);
    o.code = std::move(code);
    o.kind = kind;
    o.level = level;
    o.cell_type = type;
    o.grassroots = level == OrgLevel::ward;
    out_.org(o);
    ++sum_.orgs;
    return o;
  }

  void auditLoad(const Org& o, std::string what) {
    AuditEntry e;
    e.at = at(today_, 0);
    e.actor_username = "system";
    e.action = "scale.load";
    e.target_type = "org";
    e.target_id = o.id;
    e.org_id = o.id;
    e.org_path = o.path;
    e.changes.push_back({"data_set", std::nullopt, std::move(what)});
    out_.audit(e);
  }

  void addUser(const std::string& username, const std::string& display, UserRole role, const Org& org,
               std::optional<Id> member, const std::string& description) {
    User u;
    u.id = ++ids_.user;
    u.username = username;
    u.display_name = display;
    u.password_hash = hash_;
    u.member_id = member;
    out_.user(u);
    out_.grant({++ids_.grant, u.id, role, org.id});
    ++sum_.accounts_total;
    if (username == "admin" || username == "tinhuy.p1" || username == "canbo.w1" || username == "bithu.w1")
      sum_.accounts.push_back({username, std::string(toCode(role)), org.id, description});
  }

  void ward(const Org& prov, int p, int w) {
    int64_t wg = int64_t(p) * spec_.wards_per_province + w;  // global ward index
    std::string wname = kWardNames[size_t(wg) % kWardNames.size()];
    if (wg >= int64_t(kWardNames.size())) wname += " " + std::to_string(wg / int64_t(kWardNames.size()) + 1);
    Org ward = makeOrg(prov.id, prov.path, "Đảng bộ phường " + wname, "W" + std::to_string(wg + 1),
                       OrgKind::committee, OrgLevel::ward, CellType::none);
    ++sum_.wards;
    if (!sum_.first_ward_id) sum_.first_ward_id = ward.id;
    Date ward_term = *Date::fromYmd(2025, 9, 1);
    out_.term({++ids_.term, ward.id, "Nhiệm kỳ 2025–2030", ward_term, std::nullopt});

    std::vector<CellOut> cells;
    for (int c = 0; c < spec_.cells_per_ward; ++c) {
      int64_t g = wg * spec_.cells_per_ward + c;
      cells.push_back(cell(ward, c, g, cells));
    }
    // The ward committee: the secretaries of its first cells; the first is the ward's secretary.
    int k = std::min<int>(9, int(cells.size()));
    for (int i = 0; i < k; ++i) {
      out_.role({++ids_.role, cells[size_t(i)].secretary, ward.id,
                 i == 0 ? MemberRole::secretary : MemberRole::committee_member, ward_term, std::nullopt});
    }
    for (size_t c = 0; c < cells.size(); ++c)
      out_.monitor({++ids_.monitor, cells[c % size_t(k)].secretary, cells[c].cell_id, ward_term, std::nullopt});
    std::string n = std::to_string(wg + 1);
    addUser("canbo.w" + n, "Cán bộ " + ward.name, UserRole::committee, ward, std::nullopt, "cán bộ " + ward.name);
    Org first_cell;
    first_cell.id = cells.front().cell_id;
    addUser("bithu.w" + n, "Bí thư chi bộ 1, " + ward.name, UserRole::cell, first_cell, cells.front().secretary,
            "bí thư chi bộ đầu tiên của " + ward.name);
    auditLoad(ward, std::to_string(cells.size()) + " chi bộ");
  }

  Member person(Rng& r, Gender g, int age) {
    Member m;
    m.gender = g;
    std::string fam = kFamily[r.weighted(kFamilyWeights)];
    m.full_name = fam + " " + (g == Gender::female ? pick(r, kMiddleFemale) : pick(r, kMiddleMale)) + " " +
                  (g == Gender::female ? pick(r, kGivenFemale) : pick(r, kGivenMale));
    m.birth_date = today_.addMonths(-12 * age).addDays(-r.between(1, 364));
    m.phone = pick(r, kPhonePrefixes);
    for (int i = 0; i < 7; ++i) m.phone.push_back(char('0' + r.below(10)));
    return m;
  }

  CellOut cell(const Org& ward, int c, int64_t g, const std::vector<CellOut>& earlier) {
    Rng r(seed_, "scale/cell/" + std::to_string(g));
    int size = cellSize(seed_, g, total_cells_, spec_.members);
    bool residential = int64_t(c) * 19 < int64_t(spec_.cells_per_ward) * 9;
    CellType type = residential ? CellType::residential
                                : std::array{CellType::administrative, CellType::public_service,
                                             CellType::enterprise}[size_t(c) % 3];
    std::string name, code;
    if (residential) {
      name = "Chi bộ Khu phố " + std::to_string(c + 1);
      code = "KP" + std::to_string(c + 1);
    } else {
      name = std::string("Chi bộ ") + kAgencies[size_t(c) % kAgencies.size()] + " " + std::to_string(c + 1);
      code = "CQ" + std::to_string(c + 1);
    }
    Org cell = makeOrg(ward.id, ward.path, name, code, OrgKind::cell, OrgLevel::none, type);
    ++sum_.cells;
    CellOut co;
    co.cell_id = cell.id;
    std::vector<Org> subgroups;
    if (size >= 40) {
      for (int s = 0; s < 3; ++s) {
        subgroups.push_back(makeOrg(cell.id, cell.path, "Tổ đảng " + std::to_string(s + 1), "T" + std::to_string(s + 1),
                                    OrgKind::subgroup, OrgLevel::none, CellType::none));
        co.subgroup_ids.push_back(subgroups.back().id);
      }
    }
    Date prev_term = *Date::fromYmd(2022, 6, 1), term_start = *Date::fromYmd(2025, 6, 1);
    Id prev_term_id = ++ids_.term, term_id = ++ids_.term;
    out_.term({prev_term_id, cell.id, "Nhiệm kỳ 2022–2025", prev_term, term_start.addDays(-1)});
    out_.term({term_id, cell.id, "Nhiệm kỳ 2025–2030", term_start, std::nullopt});

    // Members, oldest admissions first is not needed: ids simply ascend.
    std::vector<GenMember> gms;
    gms.reserve(size_t(size));
    for (int i = 0; i < size; ++i) {
      int age = std::array{r.between(22, 40), r.between(35, 60), r.between(55, 75), r.between(70, 92)}[r.weighted(
          {residential ? 20 : 40, residential ? 25 : 55, residential ? 30 : 5, residential ? 25 : 0})];
      Member m = person(r, r.chance(35) ? Gender::female : Gender::male, age);
      m.id = ++ids_.member;
      m.card_no = std::to_string(10000000 + (m.id * 48271) % 90000000);
      m.serving = residential ? r.chance(8) : true;
      if (m.serving) m.workplace = residential ? "Ủy ban nhân dân " + ward.name.substr(ward.name.find("phường")) : withoutCellPrefix(name);
      // Admission: a recent one for some (still probationary), otherwise between 18 and 45.
      Date ceremony;
      if (r.chance(4) || age < 23) {
        ceremony = today_.addDays(-r.between(20, 340));
      } else {
        int adm_age = r.between(18, std::min(45, age - 1));
        ceremony = m.birth_date->addMonths(12 * adm_age).addDays(r.between(0, 360));
        if (ceremony > today_.addDays(-20)) ceremony = today_.addDays(-20);
      }
      m.admission_ceremony_date = ceremony;
      m.admission_decision_date = ceremony.addDays(-r.between(7, 30));
      Date official = ceremony.addMonths(12);
      if (official <= today_) m.official_date = official;
      // A few came from another cell of the ward before the meeting history starts.
      std::optional<Date> moved;
      Date latest_move = first_month_.addDays(-30);
      if (!earlier.empty() && r.chance(4) && ceremony.addMonths(12) < latest_move) {
        int span = latest_move.days() - ceremony.addMonths(12).days();
        moved = ceremony.addMonths(12).addDays(r.between(0, span));
      }
      std::optional<Id> sub;
      if (!subgroups.empty()) sub = subgroups[size_t(i) % subgroups.size()].id;
      m.cell_id = cell.id;
      m.subgroup_id = sub;
      out_.member(m);
      ++sum_.members;
      GenMember gm;
      gm.id = m.id;
      gm.birth = *m.birth_date;
      gm.admitted = ceremony;
      if (moved) {
        const CellOut& from = earlier[r.below(earlier.size())];
        out_.cellPeriod({++ids_.cell_period, m.id, from.cell_id, std::nullopt, ceremony, moved->addDays(-1), ""});
        out_.cellPeriod({++ids_.cell_period, m.id, cell.id, sub, *moved, std::nullopt, "Chuyển từ chi bộ khác"});
        gm.placed_from = *moved;
      } else {
        out_.cellPeriod({++ids_.cell_period, m.id, cell.id, sub, ceremony, std::nullopt, ""});
        gm.placed_from = ceremony;
      }
      if (m.official_date) {
        out_.statusPeriod({++ids_.status, m.id, StatusKind::probationary, ceremony, official.addDays(-1), ""});
        out_.statusPeriod({++ids_.status, m.id, StatusKind::official, official, std::nullopt, ""});
      } else {
        out_.statusPeriod({++ids_.status, m.id, StatusKind::probationary, ceremony, std::nullopt, ""});
      }
      // Overlays that keep a member off the roll: the very old are exempt, a few are away.
      if (age >= 75 && r.chance(25)) {
        Date f = today_.addDays(-r.between(60, 1500));
        if (f > ceremony) {
          out_.statusPeriod({++ids_.status, m.id, StatusKind::exempt, f, std::nullopt, "Tuổi cao, sức yếu"});
          gm.away.emplace_back(f, std::nullopt);
        }
      } else if (r.chance(1)) {
        Date f = today_.addDays(-r.between(30, 600));
        Date t = f.addDays(r.between(90, 365));
        if (f > gm.placed_from) {
          out_.statusPeriod({++ids_.status, m.id, StatusKind::temp_out, f, t, "Sinh hoạt tạm thời nơi làm việc mới"});
          gm.away.emplace_back(f, t);
        }
      }
      gm.absent_pct = r.chance(5) ? r.between(25, 50) : r.between(0, 8);
      gms.push_back(std::move(gm));
    }

    // Roles of the current term: the first member on the roll today is the
    // secretary, the next the deputy (cells of 10 or more), then sub-group leaders.
    std::vector<Id> eligible;
    for (auto& gm : gms)
      if (gm.onRoll(today_)) eligible.push_back(gm.id);
    if (eligible.empty()) eligible.push_back(gms.front().id);
    co.secretary = eligible[0];
    Id deputy = eligible.size() > 1 ? eligible[1] : eligible[0];
    out_.role({++ids_.role, co.secretary, cell.id, MemberRole::secretary, term_start, std::nullopt});
    if (size >= 10 && eligible.size() > 1)
      out_.role({++ids_.role, deputy, cell.id, MemberRole::deputy_secretary, term_start, std::nullopt});
    for (size_t s = 0; s < subgroups.size(); ++s)
      out_.role({++ids_.role, gms[s].id, subgroups[s].id, MemberRole::subgroup_leader, term_start, std::nullopt});

    meetings(r, cell, co.secretary, deputy, prev_term_id, term_id, term_start, gms);
    return co;
  }

  void meetings(Rng& r, const Org& cell, Id chair, Id secretary, Id prev_term_id, Id term_id, Date term_start,
                const std::vector<GenMember>& gms) {
    static const std::array<AbsenceReason, 4> kReasons = {AbsenceReason::illness, AbsenceReason::work,
                                                          AbsenceReason::family, AbsenceReason::travel};
    static const std::array<const char*, 4> kReasonText = {"Ốm", "Đi công tác", "Việc gia đình", "Đi xa"};
    for (int k = 0; k < spec_.months; ++k) {
      bool current = k == spec_.months - 1;
      Date first = first_month_.addMonths(k);
      Date day = current ? first.addDays(int(std::min(5u, today_.day())) - 1) : first.addDays(4);
      MeetingRecord rec;
      Meeting& m = rec.meeting;
      m.id = ++ids_.meeting;
      m.org_id = cell.id;
      m.kind = k % 3 == 2 ? MeetingKind::combined : MeetingKind::regular;
      if (m.kind == MeetingKind::combined)
        m.topic = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, quý " +
                  std::to_string(quarterOf(first.month())) + "/" + std::to_string(first.year());
      m.planned_start = at(day, 12);  // 19:00 in Hồ Chí Minh City
      m.place = "Hội trường " + withoutCellPrefix(cell.name);
      m.chair_member_id = chair;
      m.secretary_member_id = secretary;
      m.started_at = m.planned_start;
      m.period_year = first.year();
      m.period_month = first.month();
      rec.term_id = day >= term_start ? term_id : prev_term_id;
      rec.prep.chi_uy_meeting_at = at(day.addDays(-7), 12);
      rec.prep.content_preparer_member_id = secretary;
      rec.draft_resolution_at = at(day.addDays(-3), 3);
      rec.prep.draft_resolution_attached = true;
      rec.prep.notice_members_at = at(day.addDays(-5), 2);
      rec.prep.notice_monitor_at = at(day.addDays(-5), 2);
      rec.prep.documents_published_at = at(day.addDays(-2), 2);
      rec.created_at = at(day.addDays(-20), 2);
      if (current) {
        m.status = MeetingStatus::held;  // in progress: the roll is taken now
      } else {
        m.status = MeetingStatus::finalized;
        m.ended_at = at(day, 14);
        rec.conclusion = "Chi bộ thống nhất các nội dung đã thảo luận; giao chi ủy triển khai nghị quyết tháng " +
                         std::to_string(first.month()) + ".";
        rec.minutes_read_back_at = at(day, 13, 50);
        rec.locked_at = at(day.addDays(2), 2);
      }
      out_.meeting(rec);
      ++sum_.meetings;
      // Issue 5's figures of this meeting, as app/oversight computeMeetingStats gives them for these rows
      // (no speeches, resolutions, tasks, guests or grades here, so those stay 0).
      MeetingStats st;
      st.meeting_id = m.id;
      st.cell_id = cell.id;
      st.cell_path = cell.path;
      st.ym = yearMonth(m.period_year, m.period_month);
      st.counted = true;  // a held or finalised meeting of a cell
      st.refreshed_at = at(today_, 0);
      StatsCounts& c = st.counts;
      c.meetings = 1;
      c.monthly_held = countsAsMonthly(m.kind) ? 1 : 0;
      c.monthly_on_time = c.monthly_held;  // held on the 5th of the month it counts for
      c.thematic_held = countsAsThematic(m.kind) ? 1 : 0;
      if (m.ended_at) {
        st.duration_minutes = int((m.ended_at->unix_seconds - m.started_at->unix_seconds) / 60);
        c.duration_sum = *st.duration_minutes;
        c.duration_count = 1;
      }
      if (k >= spec_.months - spec_.agenda_months) {
        int pos = 0;
        for (AgendaItem a : agendaTemplate(m.kind)) {
          a.position = ++pos;
          a.done = !current;
          if (a.done) a.done_at = DateTime{m.planned_start.unix_seconds + 300 * pos};
          out_.agendaItem(m.id, a);
        }
      }
      if (current) {
        for (const GenMember& gm : gms) c.expected += gm.onRoll(day);
        st.unmarked = c.expected;  // being held: nobody marked yet
        out_.meetingStats(st);
        continue;
      }
      DateTime marked{m.planned_start.unix_seconds + 600};
      for (const GenMember& gm : gms) {
        if (!gm.onRoll(day)) continue;
        ++c.expected;
        auto countPresent = [&] {
          ++c.present;
          c.young_present += ageOn(gm.birth, day) < kYoungAge;
          c.new_present += gm.admitted <= day && day < gm.admitted.addMonths(kNewMemberMonths);
        };
        int roll = int(r.below(100));
        if (roll < gm.absent_pct) {
          if (r.chance(70)) {
            size_t why = r.below(kReasons.size());
            out_.attendance(m.id, gm.id, AttendanceStatus::absent_excused, kReasons[why], kReasonText[why], marked);
            ++c.excused;
          } else {
            out_.attendance(m.id, gm.id, AttendanceStatus::absent_unexcused, std::nullopt, "", marked);
            ++c.unexcused;
          }
        } else {
          int lr = int(r.below(100));
          AttendanceStatus s = lr < 4 ? AttendanceStatus::late : lr < 5 ? AttendanceStatus::left_early
                                                                        : AttendanceStatus::present;
          out_.attendance(m.id, gm.id, s, std::nullopt, "", marked);
          countPresent();
        }
        ++sum_.attendance_rows;
      }
      out_.meetingStats(st);
    }
  }

  BulkLoader& out_;
  ScaleSpec spec_;
  uint64_t seed_;
  Date today_;
  std::string hash_;
  Date first_month_;
  int64_t total_cells_ = 0;
  Ids ids_;
  ScaleSummary sum_;
};

}  // namespace

std::optional<ScaleSpec> specByName(std::string_view name) {
  // Ward: Phường Tân Định's shape (19 cells, 640 members). Province: 60 wards,
  // 250,000 members (~19 per cell, the national mean). Nation: 34 provinces x
  // 100 wards x 88 cells = 299,200 cells, 5.6 million members.
  if (name == "ward") return ScaleSpec{"ward", 1, 1, 19, 640, 36, 3};
  if (name == "province") return ScaleSpec{"province", 1, 60, 220, 250000, 36, 3};
  if (name == "national") return ScaleSpec{"national", 34, 100, 88, 5600000, 36, 3};
  return std::nullopt;
}

ScaleSummary generate(BulkLoader& out, const ScaleSpec& spec, uint64_t seed, Date today,
                      const std::string& password_hash) {
  return Generator(out, spec, seed, today, password_hash).run();
}

}  // namespace chibo::scale
