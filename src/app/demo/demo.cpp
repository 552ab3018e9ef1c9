#include "app/demo/demo.h"

#include <stdexcept>

#include "app/auth/password.h"
#include "app/demo/demo_world.h"
#include "domain/roster.h"

namespace chibo {
namespace demo {

DemoWorld buildDemoWorld(uint64_t seed, Date today) {
  DemoWorld w;
  w.seed = seed;
  w.today = today;
  // Order matters: roles go to members without a special status, accounts to
  // members without a role, and special statuses to whoever is left.
  buildOrgs(w);
  buildMembers(w);
  buildRoles(w);
  buildAccounts(w);
  buildSpecialStatuses(w);
  return w;
}

RollCount countRoll(const DemoWorld& w) {
  RollCount out;
  for (const DemoMember& dm : w.members) {
    std::vector<CellPeriod> periods;
    for (const auto& p : dm.placements) {
      // Only "is there a period covering today" matters here; ids are indices.
      CellPeriod cp;
      cp.cell_id = static_cast<Id>(p.cell);
      cp.from = p.from;
      cp.to = p.to;
      periods.push_back(cp);
    }
    std::vector<StatusPeriod> statuses;
    for (const auto& s : dm.statuses) statuses.push_back({0, 0, s.kind, s.from, s.to, s.note});
    // Every demo cell lies under the ward, so a covering period is a place in its subtree.
    if (!placementOn(periods, w.today)) continue;
    if (!stateOn(dm.member, statuses, w.today).on_roll) continue;
    ++out.members;
    if (dm.member.serving) ++out.serving;
  }
  return out;
}

}  // namespace demo

DemoSummary loadDemo(WriteTx& tx, uint64_t seed, Date today, bool with_admission) {
  demo::DemoWorld w = demo::buildDemoWorld(seed, today);
  for (const auto& u : w.users)
    if (tx.userByUsername(u.account.username))
      throw std::logic_error("Dữ liệu mẫu đã có: tài khoản \"" + u.account.username + "\" đã tồn tại.");
  // One hash for all accounts: each costs ~90 ms and 64 MiB by design.
  DemoSummary summary = demo::writeDemoWorld(tx, w, hashPassword(kDemoPassword));
  demo::writeMeetingHistory(tx, w);
  if (with_admission) demo::writeAdmissionPipeline(tx, w);
  return summary;
}

}  // namespace chibo
