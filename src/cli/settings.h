#pragma once
// Everything an administrator can set, from one place. Each setting is read
// from the configuration file, then the environment, then the command line,
// later sources winning (CLI11: flags over environment over file), so a
// packaged server keeps its settings in /etc/chibo/chibo.ini, systemd can
// override one with Environment=, and a one-off run with a flag.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace chibo::cli {

struct Settings {
  std::string config_file;
  std::string db;
  std::string listen;  // host:port; --host and --port still override each half
  std::string host;
  int port = -1;       // -1: from listen
  std::string web_dir;
  std::string rules_dir;
  int threads = 2;
  std::string now;     // test clock (ISO 8601)
  std::string public_url;
  bool https = false;
  std::string trusted_proxies;
  std::string metrics_allow = "127.0.0.0/8, ::1";
  std::string metrics_token;  // secret: masked when printed
  std::string access_log = "-";
  std::string backup_dir;
  int backup_keep = 14;
  int min_free_mb = 64;
  // --- reminders and notices: e-mail over SMTP (none when smtp_url is empty) and the worker's pace.
  std::string smtp_url;       // smtp://host:587 (STARTTLS) or smtps://host:465
  std::string smtp_user;
  std::string smtp_password;  // secret: masked when printed
  std::string smtp_from;      // the sender address
  std::string smtp_tls = "starttls";  // starttls (required) or none (a relay on this machine only)
  int notify_retry_seconds = 60;      // the first wait after a failed attempt; doubles up to an hour
  int notify_max_attempts = 8;
  int notify_digest_hour = 6;         // local hour after which the daily digest goes out

  // The address and port to listen on, from listen, host and port.
  std::string listenHost() const;
  unsigned short listenPort() const;
};

// Default paths: inside the source checkout for a binary run from its build
// directory (`make run`), the installed FHS paths otherwise.
struct Defaults {
  std::string config_file, db, web_dir, rules_dir, backup_dir;
};
Defaults defaults();

// Registers the settings on the root command (subcommands fall through to
// it) together with --config. Call before the subcommands are added.
void addSettings(CLI::App& app, Settings& s);

// argv with the environment's settings (CHIBO_DB=… for every option with an
// envname, CHIBO_CONFIG for --config) placed first, so the command line's own
// flags, later, win; settings neither gives come from the configuration file.
std::vector<std::string> argumentsWithEnvironment(const CLI::App& app, int argc, const char* const* argv);

// Problems that stop a server from starting, in Vietnamese; empty when none.
std::vector<std::string> checkSettings(const Settings& s, bool need_database);

// The effective settings, one `key = value` line each, secrets masked.
std::string describeSettings(const Settings& s);

}  // namespace chibo::cli
