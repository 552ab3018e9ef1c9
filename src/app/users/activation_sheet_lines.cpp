#include <algorithm>

#include "app/audit_write.h"
#include "app/users/account_issue.h"
#include "app/users/account_names.h"
#include "app/users/account_scope.h"
#include "domain/org.h"
#include "domain/text/vn_text.h"

namespace chibo {

Result<std::vector<SheetLine>> activationSheetLines(Store& store, const Caller& c, Id org_id,
                                                    const std::vector<PrintedCode>& codes, const AccountConfig& cfg) {
  if (codes.size() > 5000) return Error::validation({{"codes", "too_many", "Tối đa 5000 mã trong một lần in."}});
  auto tx = store.write();
  auto root = tx->org(org_id);
  if (!root || !mayManageAccountsAt(c.principal, root->path)) return Error::notFound();
  std::vector<SheetLine> lines;
  auto lineOf = [&](const User& u, const std::string& code) {
    SheetLine l{u.display_name, u.username, code, "", *u.activation_expires_at};
    if (u.member_id)
      if (auto m = tx->member(*u.member_id)) {
        l.member_name = m->full_name;
        if (m->cell_id)
          if (auto cell = tx->org(*m->cell_id)) l.cell_name = cell->name;
      }
    return l;
  };
  if (!codes.empty()) {
    // Reprint of codes just issued: each must still be the live code of an
    // account the caller manages under this node, so a sheet never carries a
    // code that does not work (or text that is not a code).
    Validator v;
    for (size_t i = 0; i < codes.size(); ++i) {
      auto u = tx->user(codes[i].user_id);
      auto hash = activationHashOf(codes[i].code);
      auto cell = u ? accountCellPath(*tx, *u) : std::nullopt;
      bool ok = u && !hash.empty() && u->activation_hash == hash && u->activation_expires_at &&
                *u->activation_expires_at >= c.now && cell && inSubtree(*cell, root->path) &&
                mayManageAccount(*tx, c.principal, *u, false);
      if (!ok) {
        v.add("codes[" + std::to_string(i) + "]", "invalid_code", "Mã kích hoạt không còn hiệu lực.");
        continue;
      }
      lines.push_back(lineOf(*u, codes[i].code));
    }
    if (!v.ok()) return v.error();
    return lines;  // nothing written: the read transaction rolls back
  }
  for (auto u : tx->accountsUnder(root->path)) {
    if (u.hasPassword() || u.disabled || !mayManageAccount(*tx, c.principal, u, false)) continue;
    auto cell = accountCellPath(*tx, u);
    if (!cell || !inSubtree(*cell, root->path)) continue;
    std::string code = putActivationCode(u, c.now, cfg);
    tx->updateUser(u);
    if (auto home = accountHome(*tx, u))
      writeAudit(*tx, c, "account.code_reissue", "user", u.id, *home,
                 {{"activation_expires", std::nullopt, u.activation_expires_at->vn()}});
    lines.push_back(lineOf(u, code));
  }
  tx->commit();
  std::stable_sort(lines.begin(), lines.end(), [](const SheetLine& a, const SheetLine& b) {
    if (a.cell_name != b.cell_name) return a.cell_name < b.cell_name;
    return compareVietnameseNames(a.member_name, b.member_name) < 0;
  });
  return lines;
}

}  // namespace chibo
