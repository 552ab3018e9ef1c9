// The demo's log-in accounts: one per kind of user, all with kDemoPassword.
#include "app/demo/demo_rng.h"
#include "app/demo/demo_world.h"

namespace chibo::demo {
namespace {

std::optional<MemberIx> currentHolder(const DemoWorld& w, OrgIx org, MemberRole role) {
  for (const auto& r : w.roles)
    if (r.org == org && r.role == role && !r.to) return r.member;
  return std::nullopt;
}

// An ordinary member of `cell`: official, no role, no special status, with a phone.
MemberIx ordinaryMember(DemoWorld& w, Rng& rng, OrgIx cell) {
  std::vector<MemberIx> pool;
  for (MemberIx i = 0; i < w.members.size(); ++i) {
    const auto& dm = w.members[i];
    const auto& p = dm.placements.back();
    if (!dm.assigned && p.cell == cell && !p.to && dm.member.official_date && !dm.member.phone.empty() &&
        dm.placements.size() == 1)
      pool.push_back(i);
  }
  if (pool.empty()) throw std::logic_error("demo: no ordinary member left in " + w.orgs[cell].org.name);
  MemberIx m = pool[rng.below(pool.size())];
  w.members[m].assigned = true;  // keeps them ordinary: no exemption or transfer later
  return m;
}

void addUser(DemoWorld& w, std::string username, UserRole role, OrgIx org, std::optional<MemberIx> member,
             std::string display_name, std::string what) {
  DemoUser u;
  u.account.username = std::move(username);
  u.account.password = kDemoPassword;
  u.account.role = role;
  u.account.org_name = w.orgs[org].org.name;
  u.display_name = member ? w.members[*member].member.full_name : std::move(display_name);
  u.account.description = member ? what + ": đồng chí " + u.display_name : what;
  u.member = member;
  u.org = org;
  w.users.push_back(std::move(u));
}

}  // namespace

void buildAccounts(DemoWorld& w) {
  Rng rng(w.seed, "accounts");
  OrgIx kp1 = w.cellByCode("KP1").org, kp2 = w.cellByCode("KP2").org, ubnd = w.cellByCode("UBND").org;

  std::optional<MemberIx> monitor;
  for (const auto& a : w.monitors)
    if (a.cell == kp1 && !a.to) monitor = a.member;

  addUser(w, "admin", UserRole::admin, w.province, std::nullopt, "Quản trị hệ thống",
          "Quản trị hệ thống: toàn bộ cây tổ chức và tài khoản");
  addUser(w, "canbo.phuong", UserRole::committee, w.ward, std::nullopt, "Văn phòng Đảng ủy phường Tân Định",
          "Cán bộ Văn phòng Đảng ủy phường: đọc và ghi toàn bộ 19 chi bộ");
  addUser(w, "giamsat.phuong", UserRole::monitor, w.ward, monitor, "",
          "Đảng ủy viên phụ trách Chi bộ Khu phố 1 và Chi bộ Trạm Y tế phường (chỉ xem)");
  addUser(w, "bithu.kp1", UserRole::cell, kp1, currentHolder(w, kp1, MemberRole::secretary), "",
          "Bí thư Chi bộ Khu phố 1");
  addUser(w, "bithu.ubnd", UserRole::cell, ubnd, currentHolder(w, ubnd, MemberRole::secretary), "",
          "Bí thư Chi bộ Ủy ban nhân dân phường");
  addUser(w, "dangvien.kp1", UserRole::member, kp1, ordinaryMember(w, rng, kp1), "", "Đảng viên Chi bộ Khu phố 1");
  addUser(w, "dangvien.kp2", UserRole::member, kp2, ordinaryMember(w, rng, kp2), "", "Đảng viên Chi bộ Khu phố 2");
}

}  // namespace chibo::demo
