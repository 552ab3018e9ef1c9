// chibo: serve the app, create the demo data set, manage accounts, and
// migrate, back up and restore the database. One file per command.
#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "cli/import_commands.h"
#include "domain/date.h"

using namespace chibo;

int main(int argc, char** argv) {
  CLI::App app{"chibo — quản lý sinh hoạt chi bộ"};
  app.require_subcommand(1);
  cli::Settings settings;
  cli::addSettings(app, settings);
  std::vector<cli::Command> commands = {
      cli::addServeCommand(app, settings),   cli::addDemoCommand(app, settings),
      cli::addUserCommand(app, settings),    cli::addMigrateCommand(app, settings),
      cli::addBackupCommand(app, settings),  cli::addRestoreCommand(app, settings),
      cli::addConfigCommand(app, settings),
  };
  // Commands added by other modules register here, one line each.
  cli::addImportCommands(app);  // import, export-roster: run from their own callbacks

  auto args = cli::argumentsWithEnvironment(app, argc, argv);
  std::vector<const char*> args_c;
  for (const auto& a : args) args_c.push_back(a.c_str());
  try {
    app.parse(int(args_c.size()), args_c.data());
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!settings.now.empty()) {
    auto at = DateTime::parseIso(settings.now);
    if (!at) {
      std::cerr << "Thời điểm --now không hợp lệ: " << settings.now << " (ví dụ 2026-03-05T06:00+07:00)\n";
      return 2;
    }
    setClockOffset(at->unix_seconds - DateTime::now().unix_seconds);
  }
  try {
    for (const auto& c : commands)
      if (c.app->parsed()) return c.run();
  } catch (const std::exception& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
