#include <algorithm>

#include "app/users/account_scope.h"
#include "app/users/users.h"
#include "domain/text/vn_text.h"

namespace chibo {

std::string_view toCode(AccountStatus s) {
  switch (s) {
    case AccountStatus::pending: return "pending";
    case AccountStatus::expired: return "expired";
    case AccountStatus::active: return "active";
    case AccountStatus::disabled: return "disabled";
  }
  return "active";
}

namespace {
AccountStatus statusOf(const User& u, DateTime now) {
  if (u.disabled) return AccountStatus::disabled;
  if (u.hasPassword()) return AccountStatus::active;
  if (u.activation_expires_at && *u.activation_expires_at >= now) return AccountStatus::pending;
  return AccountStatus::expired;
}
}  // namespace

Result<AccountList> listAccounts(Store& store, const Caller& c, Id org_id, const AccountFilter& f, Page page) {
  auto tx = store.read();
  auto root = tx->org(org_id);
  if (!root || !mayManageAccountsAt(c.principal, root->path)) return Error::notFound();
  std::string needle = foldForSearch(f.query);
  DateTime since{c.now.unix_seconds - int64_t(f.days) * 86400};
  std::vector<AccountRow> rows;
  for (auto& u : tx->accountsUnder(root->path)) {
    AccountRow r;
    r.status = statusOf(u, c.now);
    using Show = AccountFilter::Show;
    if (f.show == Show::never_activated && r.status != AccountStatus::pending && r.status != AccountStatus::expired)
      continue;
    if (f.show == Show::disabled && r.status != AccountStatus::disabled) continue;
    if (f.show == Show::inactive &&
        (r.status != AccountStatus::active || (u.last_login_at && *u.last_login_at >= since)))
      continue;
    if (u.member_id)
      if (auto m = tx->member(*u.member_id)) {
        r.member_name = m->full_name;
        if (m->cell_id)
          if (auto cell = tx->org(*m->cell_id)) {
            r.cell_id = cell->id;
            r.cell_name = cell->name;
          }
      }
    if (!needle.empty() && foldForSearch(u.username).find(needle) == std::string::npos &&
        foldForSearch(r.member_name.value_or(u.display_name)).find(needle) == std::string::npos)
      continue;
    // Accounts the caller could not act on (their own, a superior's) are not listed.
    if (!mayManageAccount(*tx, c.principal, u, false)) continue;
    r.grants = tx->grantsOf(u.id);
    r.user = std::move(u);
    rows.push_back(std::move(r));
  }
  sortByVietnameseName(
      rows, [](const AccountRow& r) -> const std::string& { return r.member_name ? *r.member_name : r.user.display_name; },
      [](const AccountRow& r) { return r.user.id; });
  AccountList out;
  out.total = int64_t(rows.size());
  for (size_t i = size_t(page.offset); i < rows.size() && out.items.size() < size_t(page.limit); ++i)
    out.items.push_back(std::move(rows[i]));
  return out;
}

}  // namespace chibo
