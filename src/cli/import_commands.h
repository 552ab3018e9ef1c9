#pragma once
// `chibo import` and `chibo export-roster`: the roster import and export from
// the command line, run as the system (the server's operator).
#include <CLI/CLI.hpp>

namespace chibo::cli {

// Adds both subcommands to `app`; each runs from its own callback and ends the
// process with its exit code: 0 done, 1 the file or the org was refused, 2 bad usage.
void addImportCommands(CLI::App& app);

}  // namespace chibo::cli
