#include "app/audit_write.h"
#include "app/users/account_issue.h"
#include "app/users/account_names.h"
#include "app/users/account_scope.h"
#include "app/users/derived_grants.h"
#include "app/notices/notices.h"
#include "domain/notice/email_address.h"
#include "domain/roster.h"

namespace chibo {

std::string putActivationCode(User& u, DateTime now, const AccountConfig& cfg) {
  auto code = newActivationCode();
  u.activation_hash = code.hash;
  u.activation_expires_at = DateTime{now.unix_seconds + int64_t(cfg.activation_days) * 86400};
  return code.code;
}

IssuedAccount issueMemberAccount(WriteTx& tx, const Caller& c, const Member& m, const Org& cell,
                                 const AccountConfig& cfg) {
  User u;
  u.username = uniqueUsername(tx, m.full_name);
  u.display_name = m.full_name;
  u.member_id = m.id;
  u.created_at = c.now;
  std::string code = putActivationCode(u, c.now, cfg);
  u.id = tx.insertUser(u);
  std::vector<std::string> given;
  for (auto g : deriveGrants(tx, m.id, c.today())) {
    auto o = tx.org(g.org_id);
    if (!o || !mayGrant(c.principal, g.role, o->path)) continue;
    g.user_id = u.id;
    tx.insertGrant(g);
    given.push_back(std::string(label(g.role)) + " — " + o->name);
  }
  std::string grants_text;
  for (const auto& s : given) grants_text += (grants_text.empty() ? "" : "; ") + s;
  writeAudit(tx, c, "account.create", "user", u.id, cell,
             {{"username", std::nullopt, u.username}, {"member_id", std::nullopt, std::to_string(m.id)},
              {"grants", std::nullopt, grants_text},
              {"activation_expires", std::nullopt, u.activation_expires_at->vn()}});
  return {u, code, m.full_name, cell.id, cell.name};
}

Result<IssuedAccount> createMemberAccount(Store& store, const Caller& c, Id member_id, const AccountConfig& cfg) {
  return createMemberAccount(store, c, member_id, cfg, "");
}

Result<IssuedAccount> createMemberAccount(Store& store, const Caller& c, Id member_id, const AccountConfig& cfg,
                                          const std::string& raw_email) {
  auto tx = store.write();
  auto m = tx->member(member_id);
  if (!m) return Error::notFound();
  auto place = placementOn(tx->cellPeriods(m->id), c.today());
  std::optional<Org> cell = place ? tx->org(place->cell_id) : std::nullopt;
  if (!cell || !mayManageAccountsAt(c.principal, cell->path)) return Error::notFound();
  if (tx->userByMember(m->id))
    return Error::conflict("has_account", "Đảng viên này đã có tài khoản.");
  std::string email = normalEmail(raw_email.substr(0, 400));
  if (!email.empty() && (raw_email.size() > 320 || !plausibleEmail(email))) {
    const char* msg = "Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn).";
    return Error{ErrorKind::validation, "invalid_email", msg, {{"email", "invalid_email", msg}}};
  }
  auto out = issueMemberAccount(*tx, c, *m, *cell, cfg);
  if (!email.empty()) {
    tx->putNotificationSettings({out.user.id, email, true, false, c.now});
    out.code_mailed = mailActivationCode(*tx, out.user, email, out.activation_code, c.now);
    writeAudit(*tx, c, "account.notifications", "user", out.user.id, *cell,
               {{"email", std::nullopt, email}, {"email_enabled", std::nullopt, std::string("true")},
                {"activation_code_mailed", std::nullopt, std::string(out.code_mailed ? "true" : "false")}});
  }
  tx->commit();
  return out;
}

}  // namespace chibo
