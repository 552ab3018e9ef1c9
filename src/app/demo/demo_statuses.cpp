// Special statuses in force today, given to members nobody else has used:
// exemption for the old and ill (miễn), temporary exemption (tạm miễn), away on
// temporary transfer (sinh hoạt tạm thời đi) and special duty in the armed
// forces. Probationary and incoming members were made as such by buildMembers.
#include <algorithm>

#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

constexpr int kYear = 365;

// Unused, official members on the roll of `cell` today whose age lies in
// [min_age, max_age]; when none fits, the unused members nearest that range.
std::vector<MemberIx> pool(const DemoWorld& w, OrgIx cell, int min_age, int max_age) {
  std::vector<MemberIx> fit, any;
  for (MemberIx i = 0; i < w.members.size(); ++i) {
    const auto& dm = w.members[i];
    const auto& p = dm.placements.back();
    if (dm.assigned || p.cell != cell || p.to || !dm.member.official_date) continue;
    any.push_back(i);
    int age = ageOn(*dm.member.birth_date, w.today);
    if (age >= min_age && age <= max_age) fit.push_back(i);
  }
  if (!fit.empty() || any.empty()) return fit;
  auto distance = [&](MemberIx i) {
    int age = ageOn(*w.members[i].member.birth_date, w.today);
    return age < min_age ? min_age - age : age - max_age;
  };
  std::stable_sort(any.begin(), any.end(), [&](MemberIx a, MemberIx b) { return distance(a) < distance(b); });
  any.resize(1);
  return any;
}

// Gives `count` members of `cell` a status running from `back` days ago (at most)
// to `ahead` days from now (none: open-ended).
void give(DemoWorld& w, Rng& rng, const DemoCell& c, int count, StatusKind kind, int min_age, int max_age,
          std::pair<int, int> back, std::optional<std::pair<int, int>> ahead, const std::string& note) {
  for (int n = 0; n < count; ++n) {
    auto candidates = pool(w, c.org, min_age, max_age);
    if (candidates.empty()) throw std::logic_error("demo: no member left for a status in " + w.orgs[c.org].org.name);
    DemoMember& dm = w.members[candidates[rng.below(candidates.size())]];
    Date from = w.today.addDays(-rng.between(back.first, back.second));
    // Not before the member was official here.
    from = std::max({from, *dm.member.official_date, dm.placements.back().from});
    std::optional<Date> to;
    if (ahead) to = w.today.addDays(rng.between(ahead->first, ahead->second));
    dm.statuses.push_back({kind, from, to, note});
    dm.assigned = true;
  }
}

}  // namespace

void buildSpecialStatuses(DemoWorld& w) {
  Rng rng(w.seed, "statuses");
  for (const DemoCell& c : w.cells) {
    const StatusQuota& q = c.quota;
    // Miễn: advanced age and weak health, decided by the chi bộ (domain §3.1). Open-ended.
    give(w, rng, c, q.exempt, StatusKind::exempt, 75, 120, {60, 6 * kYear}, std::nullopt,
         "Miễn công tác và sinh hoạt đảng: tuổi cao, sức khỏe yếu (nghị quyết chi bộ)");
    give(w, rng, c, q.temp_exempt, StatusKind::temp_exempt, 28, 58, {30, 250}, std::pair(60, 300),
         "Tạm miễn sinh hoạt đảng: đi làm việc lưu động xa nơi cư trú");
    give(w, rng, c, q.temp_out, StatusKind::temp_out, 22, 60, {10, 200}, std::pair(30, 270),
         c.agency ? "Sinh hoạt đảng tạm thời tại nơi học tập: lớp trung cấp lý luận chính trị tập trung"
                  : "Sinh hoạt đảng tạm thời tại nơi làm việc mới (dưới 1 năm)");
    give(w, rng, c, q.special_duty, StatusKind::special_duty, 18, 60, {5, 60}, std::pair(30, 120),
         "Làm nhiệm vụ đặc biệt theo lệnh của cấp có thẩm quyền");
  }
}

}  // namespace chibo::demo
