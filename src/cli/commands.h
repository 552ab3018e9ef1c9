#pragma once
// The subcommands of `chibo`, one file each. An add*Command registers its
// subcommand (options bound to its own state) and returns how to run it; main
// runs the one that was parsed.
#include <CLI/CLI.hpp>

#include <functional>

#include "cli/settings.h"

namespace chibo::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command addServeCommand(CLI::App& root, Settings& s);    // serve_command.cpp
Command addDemoCommand(CLI::App& root, Settings& s);     // demo_command.cpp
Command addUserCommand(CLI::App& root, Settings& s);     // user_command.cpp
Command addMigrateCommand(CLI::App& root, Settings& s);  // migrate_command.cpp
Command addBackupCommand(CLI::App& root, Settings& s);   // backup_command.cpp
Command addRestoreCommand(CLI::App& root, Settings& s);  // restore_command.cpp
Command addConfigCommand(CLI::App& root, Settings& s);   // config_command.cpp

}  // namespace chibo::cli
