// chibo config check: the settings in effect after file, environment and
// flags, with secrets masked, and every problem that would stop `serve`.
#include <iostream>

#include "cli/commands.h"

namespace chibo::cli {

static int configCheck(const Settings& s) {
  std::cout << describeSettings(s);
  auto problems = checkSettings(s, true);
  for (const auto& p : problems) std::cerr << "Lỗi: " << p << "\n";
  if (problems.empty()) std::cout << "Cấu hình hợp lệ.\n";
  return problems.empty() ? 0 : 1;
}

Command addConfigCommand(CLI::App& root, Settings& s) {
  auto* c = root.add_subcommand("config", "Cấu hình");
  c->require_subcommand(1);
  auto* check = c->add_subcommand("check", "In cấu hình đang dùng (che bí mật) và kiểm tra lỗi");
  return {check, [&s] { return configCheck(s); }};
}

}  // namespace chibo::cli
