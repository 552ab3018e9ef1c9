#include <algorithm>
#include <map>

#include "app/users/account_issue.h"
#include "app/users/account_scope.h"
#include "domain/roster.h"
#include "domain/text/vn_text.h"

namespace chibo {

std::vector<PlacedMember> onRollWithoutAccount(ReadTx& tx, const Org& root, Date today) {
  std::map<Id, std::optional<Org>> cells;
  std::vector<PlacedMember> out;
  for (auto& cand : tx.rosterCandidates(root.path, today)) {
    if (!covers(cand.placement, today) || !stateOn(cand.member, cand.statuses, today).on_roll) continue;
    if (tx.userByMember(cand.member.id)) continue;
    auto [it, fresh] = cells.try_emplace(cand.placement.cell_id);
    if (fresh) it->second = tx.org(cand.placement.cell_id);
    if (!it->second) continue;
    out.push_back({std::move(cand.member), *it->second});
  }
  std::stable_sort(out.begin(), out.end(), [](const PlacedMember& a, const PlacedMember& b) {
    if (a.cell.path != b.cell.path) return a.cell.path < b.cell.path;
    return compareVietnameseNames(a.member.full_name, b.member.full_name) < 0;
  });
  return out;
}

Result<std::vector<MemberWithoutAccount>> membersWithoutAccount(Store& store, const Caller& c, Id org_id) {
  auto tx = store.read();
  auto root = tx->org(org_id);
  if (!root || !mayManageAccountsAt(c.principal, root->path)) return Error::notFound();
  std::vector<MemberWithoutAccount> out;
  for (auto& pm : onRollWithoutAccount(*tx, *root, c.today()))
    out.push_back({pm.member.id, pm.member.full_name, pm.cell.id, pm.cell.name});
  return out;
}

}  // namespace chibo
