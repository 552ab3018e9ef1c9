#include "app/auth/password.h"
#include "app/auth/password_policy.h"
#include "app/audit_write.h"
#include "app/users/users.h"
#include "domain/roster.h"

namespace chibo {

Result<User> createUser(Store& store, const Caller& c, const NewUser& in) {
  Validator v;
  bool name_ok = !in.username.empty() && in.username.size() <= 64 &&
                 in.username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
  if (!name_ok) v.add("username", "invalid_username", "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (tối đa 64).");
  auto kind = in.role == UserRole::member ? PasswordKind::member : PasswordKind::staff;
  if (auto p = passwordPolicyProblem(in.password, kind, in.username); !p.empty()) v.add("password", "weak_password", p);
  if (!in.org_id && in.role != UserRole::member) v.add("org_id", "required", "Vui lòng chọn tổ chức.");
  if (in.role == UserRole::member && !in.member_id) v.add("member_id", "required", "Tài khoản đảng viên cần gắn với hồ sơ đảng viên.");
  if (in.role == UserRole::monitor && !in.member_id) v.add("member_id", "required", "Tài khoản giám sát cần gắn với hồ sơ cấp ủy viên.");
  if (!v.ok()) return v.error();
  std::string hash = hashPassword(in.password);
  auto tx = store.write();
  if (tx->userByUsername(in.username)) return Error::conflict("username_taken", "Tên đăng nhập đã tồn tại.");
  std::optional<Org> org;
  Id org_id = 0;
  if (in.member_id) {
    auto m = tx->member(*in.member_id);
    if (!m) return Error::validation({{"member_id", "not_found", "Không tìm thấy đảng viên."}});
    if (!in.org_id && m->cell_id) org_id = *m->cell_id;
  }
  if (in.org_id) org_id = *in.org_id;
  org = tx->org(org_id);
  if (!org) return Error::validation({{"org_id", "not_found", "Không tìm thấy tổ chức."}});
  if (c.principal.user_id != 0 && !mayAdminister(c.principal, org->path)) return Error::notFound();
  User u{0, in.username, in.display_name.empty() ? in.username : in.display_name, hash, in.member_id, false};
  u.created_at = c.now;
  u.activated_at = c.now;
  u.id = tx->insertUser(u);
  tx->insertGrant({0, u.id, in.role, org->id});
  writeAudit(*tx, c, "user.create", "user", u.id, *org,
             {{"username", std::nullopt, u.username}, {"role", std::nullopt, std::string(toCode(in.role))},
              {"org_id", std::nullopt, std::to_string(org->id)}, {"member_id", std::nullopt, auditValue(in.member_id)}});
  tx->commit();
  return u;
}

}  // namespace chibo
