#include "cli/settings.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "http/client_address.h"

#ifndef CHIBO_BUILD_DIR
#define CHIBO_BUILD_DIR ""
#endif
#ifndef CHIBO_SOURCE_DIR
#define CHIBO_SOURCE_DIR ""
#endif
#ifndef CHIBO_INSTALL_SYSCONFDIR
#define CHIBO_INSTALL_SYSCONFDIR "/etc/chibo"
#endif
#ifndef CHIBO_INSTALL_STATEDIR
#define CHIBO_INSTALL_STATEDIR "/var/lib/chibo"
#endif

namespace chibo::cli {
namespace fs = std::filesystem;

Defaults defaults() {
  std::error_code ec, ec_build;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  bool in_build_tree = !ec && std::string(CHIBO_BUILD_DIR) != "" &&
                       fs::equivalent(exe.parent_path(), CHIBO_BUILD_DIR, ec_build) && !ec_build;
  if (in_build_tree) {
    std::string src = CHIBO_SOURCE_DIR;
    return {"", "data/chibo.db", src + "/web/dist", src + "/rules", "data/backups"};
  }
  // <prefix>/bin/chibo reads <prefix>/share/chibo: right for /usr, for
  // /usr/local, and for a package unpacked into a test root.
  std::string data = ec ? std::string("/usr/share/chibo") : (exe.parent_path().parent_path() / "share/chibo").string();
  std::string state = CHIBO_INSTALL_STATEDIR;
  return {std::string(CHIBO_INSTALL_SYSCONFDIR) + "/chibo.ini", state + "/chibo.db", data + "/web", data + "/rules",
          state + "/backups"};
}

std::string Settings::listenHost() const {
  if (!host.empty()) return host;
  auto colon = listen.rfind(':');
  std::string h = colon == std::string::npos ? listen : listen.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  return h.empty() ? "127.0.0.1" : h;
}

unsigned short Settings::listenPort() const {
  if (port >= 0) return static_cast<unsigned short>(port);
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return 8080;
  try {
    return static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
  } catch (const std::exception&) {
    return 8080;
  }
}

void addSettings(CLI::App& app, Settings& s) {
  auto d = defaults();
  s.config_file = d.config_file;
  s.db = d.db;
  s.web_dir = d.web_dir;
  s.rules_dir = d.rules_dir;
  s.backup_dir = d.backup_dir;
  s.listen = "127.0.0.1:8080";
  // A missing default file is no error (a build-tree binary has none); a
  // file named with --config or CHIBO_CONFIG must exist.
  app.set_config("--config", s.config_file, "Tệp cấu hình (INI); biến môi trường CHIBO_CONFIG");
  app.fallthrough();
  // The environment arrives as flags placed before the real ones
  // (argumentsWithEnvironment), so the last occurrence must win.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  const char* g = "Cấu hình";
  app.add_option("--db", s.db, "Tệp cơ sở dữ liệu SQLite")->envname("CHIBO_DB")->group(g)->capture_default_str();
  app.add_option("--listen", s.listen, "Địa chỉ:cổng lắng nghe")->envname("CHIBO_LISTEN")->group(g)->capture_default_str();
  app.add_option("--host", s.host, "Địa chỉ lắng nghe (thay phần địa chỉ của --listen)")->group(g);
  app.add_option("--port", s.port, "Cổng (0: hệ điều hành chọn một cổng trống và in ra)")->group(g);
  app.add_option("--web", s.web_dir, "Thư mục giao diện web đã xây dựng")->envname("CHIBO_WEB_DIR")->group(g)->capture_default_str();
  app.add_option("--rules", s.rules_dir, "Thư mục bộ quy tắc (rules/*.json)")->envname("CHIBO_RULES_DIR")->group(g)->capture_default_str();
  app.add_option("--threads", s.threads, "Số luồng xử lý HTTP")->envname("CHIBO_THREADS")->group(g)->check(CLI::Range(1, 64));
  app.add_option("--public-url", s.public_url, "Địa chỉ công khai, ví dụ https://chibo.tinh.gov.vn")
      ->envname("CHIBO_PUBLIC_URL")->group(g);
  app.add_flag("--https,!--no-https", s.https, "Phục vụ qua HTTPS (cookie Secure, liên kết https://, HSTS)")
      ->envname("CHIBO_HTTPS")->group(g);
  app.add_option("--trusted-proxies", s.trusted_proxies, "Proxy tin cậy (CIDR, cách nhau bởi dấu phẩy)")
      ->envname("CHIBO_TRUSTED_PROXIES")->group(g);
  app.add_option("--metrics-allow", s.metrics_allow, "Địa chỉ được đọc /metrics (CIDR)")
      ->envname("CHIBO_METRICS_ALLOW")->group(g)->capture_default_str();
  app.add_option("--metrics-token", s.metrics_token, "Mã Bearer bắt buộc cho /metrics (bí mật)")
      ->envname("CHIBO_METRICS_TOKEN")->group(g);
  app.add_option("--access-log", s.access_log, "Nhật ký truy cập: - (đầu ra chuẩn), off, hoặc đường dẫn tệp")
      ->envname("CHIBO_ACCESS_LOG")->group(g)->capture_default_str();
  app.add_option("--backup-dir", s.backup_dir, "Thư mục sao lưu")->envname("CHIBO_BACKUP_DIR")->group(g)->capture_default_str();
  app.add_option("--backup-keep", s.backup_keep, "Số bản sao lưu giữ lại")->envname("CHIBO_BACKUP_KEEP")->group(g)
      ->check(CLI::Range(1, 10000))->capture_default_str();
  app.add_option("--min-free-mb", s.min_free_mb, "Dung lượng đĩa trống tối thiểu để báo sẵn sàng (MB)")
      ->envname("CHIBO_MIN_FREE_MB")->group(g)->capture_default_str();
  // --- reminders and notices
  const char* n = "Nhắc việc và thông báo";
  app.add_option("--smtp-url", s.smtp_url, "Máy chủ gửi thư (SMTP), ví dụ smtp://mail.tinh.gov.vn:587; trống: không gửi thư")
      ->envname("CHIBO_SMTP_URL")->group(n);
  app.add_option("--smtp-user", s.smtp_user, "Tên đăng nhập máy chủ gửi thư")->envname("CHIBO_SMTP_USER")->group(n);
  app.add_option("--smtp-password", s.smtp_password, "Mật khẩu máy chủ gửi thư (bí mật)")
      ->envname("CHIBO_SMTP_PASSWORD")->group(n);
  app.add_option("--smtp-from", s.smtp_from, "Địa chỉ người gửi, ví dụ chibo@tinh.gov.vn")->envname("CHIBO_SMTP_FROM")->group(n);
  app.add_option("--smtp-tls", s.smtp_tls, "Mã hóa: starttls (bắt buộc STARTTLS) hoặc none (chỉ cho máy chủ thư trên cùng máy)")
      ->envname("CHIBO_SMTP_TLS")->group(n)->capture_default_str();
  app.add_option("--notify-retry-seconds", s.notify_retry_seconds, "Chờ bao lâu (giây) trước lần gửi lại đầu tiên; gấp đôi mỗi lần, tối đa 1 giờ")
      ->envname("CHIBO_NOTIFY_RETRY_SECONDS")->group(n)->check(CLI::Range(1, 3600))->capture_default_str();
  app.add_option("--notify-max-attempts", s.notify_max_attempts, "Số lần thử gửi một thư trước khi bỏ")
      ->envname("CHIBO_NOTIFY_MAX_ATTEMPTS")->group(n)->check(CLI::Range(1, 100))->capture_default_str();
  app.add_option("--notify-digest-hour", s.notify_digest_hour, "Giờ (0–23, giờ Việt Nam) gửi thư tổng hợp hằng ngày")
      ->envname("CHIBO_NOTIFY_DIGEST_HOUR")->group(n)->check(CLI::Range(0, 23))->capture_default_str();
  app.add_option("--now", s.now,
                 "Chạy với đồng hồ bắt đầu tại thời điểm này (ISO 8601, cho kiểm thử), ví dụ 2026-03-05T06:00+07:00")
      ->group(g);
}

std::vector<std::string> argumentsWithEnvironment(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> out;
  if (argc > 0) out.emplace_back(argv[0]);
  if (const char* c = std::getenv("CHIBO_CONFIG"); c && *c) out.push_back(std::string("--config=") + c);
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_envname().empty()) continue;
    const char* v = std::getenv(opt->get_envname().c_str());
    if (v && *v) out.push_back(opt->get_name(false, false) + "=" + v);
  }
  for (int i = 1; i < argc; ++i) out.emplace_back(argv[i]);
  return out;
}

std::vector<std::string> checkSettings(const Settings& s, bool need_database) {
  std::vector<std::string> problems;
  if (need_database && !fs::exists(s.db)) problems.push_back("Không tìm thấy cơ sở dữ liệu " + s.db + ".");
  if (!fs::is_directory(s.rules_dir)) problems.push_back("Không tìm thấy thư mục bộ quy tắc " + s.rules_dir + ".");
  if (!s.web_dir.empty() && !fs::is_directory(s.web_dir))
    problems.push_back("Không tìm thấy thư mục giao diện web " + s.web_dir + ".");
  std::string bad;
  if (!http::AddressList::parse(s.trusted_proxies, &bad))
    problems.push_back("Proxy tin cậy không hợp lệ: \"" + bad + "\" (cần địa chỉ IP hoặc CIDR).");
  if (!http::AddressList::parse(s.metrics_allow, &bad))
    problems.push_back("Danh sách địa chỉ đọc /metrics không hợp lệ: \"" + bad + "\".");
  if (!s.public_url.empty()) {
    bool https = s.public_url.rfind("https://", 0) == 0, http = s.public_url.rfind("http://", 0) == 0;
    if (!https && !http) problems.push_back("Địa chỉ công khai phải bắt đầu bằng http:// hoặc https://.");
    else if (s.https != https)
      problems.push_back(s.https ? "Đã bật HTTPS nhưng địa chỉ công khai bắt đầu bằng http://."
                                 : "Địa chỉ công khai là https:// nhưng chưa bật HTTPS (https = true).");
    if (s.public_url.back() == '/') problems.push_back("Địa chỉ công khai không kết thúc bằng dấu /.");
  }
  auto colon = s.listen.rfind(':');
  if (s.port < 0 && (colon == std::string::npos || s.listen.substr(colon + 1).empty() ||
                     s.listen.substr(colon + 1).find_first_not_of("0123456789") != std::string::npos))
    problems.push_back("Địa chỉ lắng nghe không hợp lệ: \"" + s.listen + "\" (ví dụ 127.0.0.1:8080).");
  if (s.access_log != "-" && s.access_log != "off") {
    auto dir = fs::path(s.access_log).parent_path();
    if (!dir.empty() && !fs::is_directory(dir))
      problems.push_back("Không tìm thấy thư mục của nhật ký truy cập " + dir.string() + ".");
  }
  // --- reminders and notices
  if (!s.smtp_url.empty()) {
    if (s.smtp_url.rfind("smtp://", 0) != 0 && s.smtp_url.rfind("smtps://", 0) != 0)
      problems.push_back("Máy chủ gửi thư phải bắt đầu bằng smtp:// hoặc smtps:// (smtp-url).");
    if (s.smtp_from.empty() || s.smtp_from.find('@') == std::string::npos)
      problems.push_back("Cần địa chỉ người gửi (smtp-from) khi đã đặt máy chủ gửi thư.");
    if (s.smtp_tls != "starttls" && s.smtp_tls != "none")
      problems.push_back("smtp-tls chỉ nhận starttls hoặc none.");
  }
  return problems;
}

std::string describeSettings(const Settings& s) {
  std::ostringstream o;
  auto line = [&](const char* k, const std::string& v) { o << k << " = " << v << "\n"; };
  line("config", s.config_file.empty() ? "(không có)" : s.config_file);
  line("db", s.db);
  line("listen", s.listenHost() + ":" + std::to_string(s.listenPort()));
  line("web", s.web_dir);
  line("rules", s.rules_dir);
  line("threads", std::to_string(s.threads));
  line("public-url", s.public_url);
  line("https", s.https ? "true" : "false");
  line("trusted-proxies", s.trusted_proxies);
  line("metrics-allow", s.metrics_allow);
  line("metrics-token", s.metrics_token.empty() ? "" : "********");
  line("access-log", s.access_log);
  line("backup-dir", s.backup_dir);
  line("backup-keep", std::to_string(s.backup_keep));
  line("min-free-mb", std::to_string(s.min_free_mb));
  line("smtp-url", s.smtp_url);
  line("smtp-user", s.smtp_user);
  line("smtp-password", s.smtp_password.empty() ? "" : "********");
  line("smtp-from", s.smtp_from);
  line("smtp-tls", s.smtp_tls);
  line("notify-retry-seconds", std::to_string(s.notify_retry_seconds));
  line("notify-max-attempts", std::to_string(s.notify_max_attempts));
  line("notify-digest-hour", std::to_string(s.notify_digest_hour));
  return o.str();
}

}  // namespace chibo::cli
