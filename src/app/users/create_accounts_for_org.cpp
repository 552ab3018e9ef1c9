#include "app/users/account_issue.h"
#include "app/users/account_scope.h"

namespace chibo {

Result<std::vector<IssuedAccount>> createAccountsForOrg(Store& store, const Caller& c, Id org_id,
                                                        const AccountConfig& cfg) {
  auto tx = store.write();
  auto root = tx->org(org_id);
  if (!root || !mayManageAccountsAt(c.principal, root->path)) return Error::notFound();
  std::vector<IssuedAccount> out;
  for (const auto& pm : onRollWithoutAccount(*tx, *root, c.today()))
    out.push_back(issueMemberAccount(*tx, c, pm.member, pm.cell, cfg));
  tx->commit();
  return out;
}

}  // namespace chibo
