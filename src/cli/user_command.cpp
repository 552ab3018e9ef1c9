// chibo user add: an account, its password read from standard input so it
// never appears in the process list or the shell history.
#include <iostream>
#include <optional>

#include "app/users/users.h"
#include "cli/commands.h"
#include "store/store.h"

namespace chibo::cli {

namespace {

struct UserOptions {
  std::string username, role = "member", display;
  std::optional<Id> org, member;
};

int userAdd(const std::string& db, const UserOptions& o) {
  auto r = userRoleFromCode(o.role);
  if (!r) {
    std::cerr << "Vai trò không hợp lệ: " << o.role << " (admin|committee|monitor|cell|member)\n";
    return 2;
  }
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    std::cerr << "Nhập mật khẩu qua đầu vào chuẩn, ví dụ: echo 'mat-khau-dai' | chibo user add ...\n";
    return 2;
  }
  auto store = openSqliteStore({db, false, 1});
  Caller system{Principal{0, "system", std::nullopt, {}, {}, std::nullopt}, DateTime::now()};
  auto u = createUser(*store, system, {o.username, password, o.display, *r, o.org, o.member});
  if (!u) {
    std::cerr << "Không tạo được tài khoản: " << u.error().message << "\n";
    for (auto& f : u.error().field_errors) std::cerr << "  " << f.field << ": " << f.message << "\n";
    return 1;
  }
  std::cout << "Đã tạo tài khoản " << u->username << " (id " << u->id << ")\n";
  return 0;
}

}  // namespace

Command addUserCommand(CLI::App& root, Settings& s) {
  auto* u = root.add_subcommand("user", "Quản lý tài khoản");
  u->require_subcommand(1);
  auto* ua = u->add_subcommand("add", "Thêm tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  auto o = std::make_shared<UserOptions>();
  ua->add_option("username", o->username, "Tên đăng nhập")->required();
  ua->add_option("--role", o->role, "admin|committee|monitor|cell|member")->required();
  ua->add_option("--org", o->org, "Mã tổ chức gắn quyền");
  ua->add_option("--member", o->member, "Mã hồ sơ đảng viên");
  ua->add_option("--name", o->display, "Tên hiển thị");
  return {ua, [&s, o] { return userAdd(s.db, *o); }};
}

}  // namespace chibo::cli
